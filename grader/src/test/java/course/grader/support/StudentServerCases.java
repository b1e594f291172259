package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grader.support.fixture.EchoMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test classes that use {@link StudentServer} as an extension; {@link StudentServerTest} runs them. */
final class StudentServerCases {
    private StudentServerCases() {
    }

    /** Sends one line to the echo program and returns its answer line. */
    static String echo(StudentServer server, String line) {
        try (RawConnection c = server.connect()) {
            c.send(line + "\n");
            return c.readLine();
        }
    }

    /** One server for the whole class, in a static field; a crash makes the next test restart it. */
    @ExtendWith(InnerTests.OnlyWhenLaunchedHere.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Shared {
        static final List<Process> processes = new ArrayList<>();

        @RegisterExtension
        static final StudentServer SERVER = StudentServer.main(EchoMain.class.getName()).args("{port}");

        @Test
        @Order(1)
        void answers() {
            processes.add(SERVER.process());
            assertThat(echo(SERVER, "first")).isEqualTo("echo: first\n");
        }

        @Test
        @Order(2)
        void crashes() throws InterruptedException {
            processes.add(SERVER.process());
            assertThat(echo(SERVER, "crash")).isEqualTo("echo: crash\n");
            assertThat(SERVER.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(SERVER.process().exitValue()).isEqualTo(7);
        }

        @Test
        @Order(3)
        void isRestarted() {
            processes.add(SERVER.process());
            assertThat(SERVER.isRunning()).isTrue();
            assertThat(echo(SERVER, "restarted?")).isEqualTo("echo: restarted?\n");
        }

        @Test
        @Order(4)
        void failsWithOutput() {
            processes.add(SERVER.process());
            fail("deliberate failure");
        }

        @Test
        @Order(5)
        void failsWithOtherError() {
            processes.add(SERVER.process());
            throw new IllegalStateException("not an assertion");
        }
    }

    /** A server in an instance field: a fresh one for each test. */
    @ExtendWith(InnerTests.OnlyWhenLaunchedHere.class)
    static class PerTest {
        static final List<Process> processes = new ArrayList<>();
        static final List<Integer> ports = new ArrayList<>();

        @RegisterExtension
        final StudentServer server = StudentServer.main(EchoMain.class.getName()).args("{port}");

        @Test
        void first() {
            record();
        }

        @Test
        void second() {
            record();
        }

        private void record() {
            assertThat(server.isRunning()).isTrue();
            assertThat(processes).doesNotContain(server.process());
            processes.add(server.process());
            ports.add(server.port());
            assertThat(echo(server, "x")).isEqualTo("echo: x\n");
        }
    }
}
