package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import course.grader.support.fixture.EchoMain;
import course.grader.support.fixture.ExitingMain;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StudentServerTest {
    private static final String ECHO = EchoMain.class.getName();
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");

    /** Waits until the threads copying the program's output have seen its end (call after the process ended). */
    private static void awaitOutputCopied() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("student-output")) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    @Test
    void startsTheProgramOnAFreePortWithItsArgumentsAndStopsIt() throws Exception {
        List<Path> prepared = new ArrayList<>();
        StudentServer server = StudentServer.main(ECHO).args("{port}", "{dir}")
                .prepare(dir -> Files.writeString(dir.resolve("greeting.txt"), "hello from prepare\n"))
                .prepare(prepared::add);
        int exitCode;
        Path dir;
        try {
            server.start();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isBetween(1, 65535);
            assertThat(server.baseUri()).isEqualTo("http://127.0.0.1:" + server.port());
            dir = server.dir();
            assertThat(dir.resolve("greeting.txt")).hasContent("hello from prepare");
            long pid = server.process().pid();

            server.start(); // already running: nothing happens
            assertThat(server.process().pid()).isEqualTo(pid);

            assertThat(StudentServerCases.echo(server, "hi")).isEqualTo("echo: hi\n");
            Transcript transcript = new Transcript();
            try (RawConnection c = server.connect(transcript)) {
                c.send("again\n");
                assertThat(c.readLine()).isEqualTo("echo: again\n");
            }
            assertThat(transcript.render()).contains("connect to 127.0.0.1:" + server.port());
        } finally {
            exitCode = server.stop();
        }
        assertThat(server.isRunning()).isFalse();
        if (!WINDOWS) {
            assertThat(exitCode).as("exit code after SIGTERM").isEqualTo(143);
        }
        awaitOutputCopied();
        assertThat(server.recentOutput()).isEqualTo(
                "[your server] echo server starting with 2 arguments\n"
                + "[your server] dir=" + dir + "\n"
                + "[your server] greeting: hello from prepare\n"
                + "[your server] request: hi\n"
                + "[your server] request: again\n");

        // A new start gets a fresh working folder, prepared again, and fresh output.
        try {
            server.start();
            assertThat(server.dir()).isNotEqualTo(dir).isDirectory();
            assertThat(prepared).containsExactly(dir, server.dir());
        } finally {
            server.stop();
        }
        awaitOutputCopied();
        assertThat(server.recentOutput()).startsWith("[your server] echo server starting with 2 arguments\n")
                .doesNotContain("request: hi");
    }

    @Test
    void beforeStartThereIsNoPortAndNothingToStop() {
        StudentServer server = StudentServer.main(ECHO);
        assertThat(server.isRunning()).isFalse();
        assertThat(server.stop()).isZero();
        assertThat(server.recentOutput()).isEqualTo("[your server] (no output)");
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class)
                .hasMessage("the student server has not been started");
        assertThatThrownBy(server::dir).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(server::process).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProgramThatExitsAtOnceFailsTheStartWithItsExitCodeAndOutput() {
        StudentServer server = StudentServer.main(ExitingMain.class.getName()).args("{port}")
                .jvmOption("-Dfixture.mode=strict");
        Throwable failure = catchThrowable(server::start);
        int port = server.port();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("your program " + ExitingMain.class.getName() + " exited with code 3"
                        + " before it accepted connections on port " + port + ".\n")
                .hasMessageContaining("[your server] starting with port " + port + " in mode strict")
                .hasMessageContaining("[your server] giving up: no configuration")
                .hasMessageContaining("[your server] (this line went to standard error)");
        assertThat(server.isRunning()).isFalse();
        assertThat(server.stop()).isEqualTo(3);
    }

    @Test
    void aFailedPreparationIsReported() {
        StudentServer server = StudentServer.main(ECHO).prepare(dir -> {
            throw new java.io.IOException("disk full");
        });
        assertThatThrownBy(server::start).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("could not start " + ECHO)
                .hasRootCauseMessage("disk full");
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void failuresGetTheRecentOutputAndOtherErrorsPassUnchanged() throws Exception {
        StudentServer server = StudentServer.main(ECHO).args("{port}");
        try {
            server.start();
            assertThat(StudentServerCases.echo(server, "before the failure")).isEqualTo("echo: before the failure\n");
        } finally {
            server.stop();
        }
        awaitOutputCopied();
        IllegalStateException cause = new IllegalStateException("root");
        AssertionError original = new AssertionError("expected 200", cause);
        Throwable wrapped = catchThrown(() -> server.handleTestExecutionException(null, original));
        assertThat(wrapped).isInstanceOf(AssertionError.class)
                .hasMessage("expected 200\n[your server] echo server starting with 1 arguments\n"
                        + "[your server] request: before the failure\n")
                .hasCause(cause);
        assertThat(wrapped.getStackTrace()).isEqualTo(original.getStackTrace());

        RuntimeException other = new RuntimeException("not an assertion");
        assertThat(catchThrown(() -> server.handleTestExecutionException(null, other))).isSameAs(other);
    }

    @Test
    void aSharedServerRunsForTheWholeClassAndIsRestartedAfterACrash() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Map<String, InnerTests.Outcome> outcomes;
        System.setOut(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
        try {
            StudentServerCases.Shared.processes.clear();
            outcomes = InnerTests.run(StudentServerCases.Shared.class);
        } finally {
            System.setOut(console);
        }
        assertThat(outcomes.keySet()).containsExactly("answers", "crashes", "isRestarted", "failsWithOutput",
                "failsWithOtherError");
        assertThat(outcomes.get("answers").passed()).isTrue();
        assertThat(outcomes.get("crashes").passed()).isTrue();
        assertThat(outcomes.get("isRestarted").passed()).isTrue();
        assertThat(outcomes.get("failsWithOutput").failure()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deliberate failure\n[your server] ");
        assertThat(outcomes.get("failsWithOtherError").failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("not an assertion");

        // Two tests saw the first process, the rest the restarted one; both are gone now.
        List<Process> processes = StudentServerCases.Shared.processes;
        assertThat(processes).hasSize(5);
        assertThat(processes.subList(0, 2)).allMatch(p -> p == processes.get(0));
        assertThat(processes.subList(2, 5)).allMatch(p -> p == processes.get(2)).noneMatch(p -> p == processes.get(0));
        assertThat(processes).noneMatch(Process::isAlive);
        awaitOutputCopied();
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("[grader] your server had stopped (exit code 7); restarting it for isRestarted()")
                .contains("[your server] crashing on purpose");
    }

    @Test
    void aServerInAnInstanceFieldIsStartedAndStoppedForEachTest() {
        StudentServerCases.PerTest.processes.clear();
        StudentServerCases.PerTest.ports.clear();
        Map<String, InnerTests.Outcome> outcomes = InnerTests.run(StudentServerCases.PerTest.class);
        assertThat(outcomes).hasSize(2).allSatisfy((name, outcome) -> assertThat(outcome.passed()).as(name).isTrue());
        assertThat(StudentServerCases.PerTest.processes).hasSize(2).doesNotHaveDuplicates().noneMatch(Process::isAlive);
        assertThat(StudentServerCases.PerTest.ports).hasSize(2);
    }

    private static Throwable catchThrown(ThrowingAction action) {
        try {
            action.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected the handler to throw");
    }

    private interface ThrowingAction {
        void run() throws Throwable;
    }

    /** Writes to two streams, so the console still shows what a test captures. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
