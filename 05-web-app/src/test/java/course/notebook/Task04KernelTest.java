package course.notebook;

import static course.notebook.KernelChecks.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.notebook.domain.CellResult;
import course.notebook.domain.CellResult.Outcome;
import course.notebook.domain.CompileError;
import course.notebook.domain.Kernel;
import course.notebook.domain.KernelLimits;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.OutputChunk.Stream;
import course.notebook.kernel.JShellKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task 05.4: the JShell kernel, tested in-process through the domain's Kernel port. Each kernel is a JVM of its
 * own; most tests share one (its state carries from test to test, so each uses its own names), the ones that end
 * or restart a JVM start their own.
 */
@DisplayName("05.4 The kernel")
@Timeout(60)
class Task04KernelTest {
    /** The limit of the timeout test: short, but not so short that a slow machine times out its other cells. */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(3);

    private static Kernel shared;

    static synchronized Kernel shared() {
        if (shared == null) {
            shared = start(CELL_TIMEOUT, KernelLimits.DEFAULT_MAX_OUTPUT_BYTES);
        }
        return shared;
    }

    @AfterAll
    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("cells run in a JVM of their own (another pid) with a heap limit")
    void separateJvm() {
        Kernel kernel = shared();
        assertTrue(kernel.alive(), "a kernel just started should be alive");
        long pid = kernelPid(kernel);
        assertNotEquals(ProcessHandle.current().pid(), pid,
                "ProcessHandle.current().pid() in a cell is the test's own pid: cells must run in a separate JVM");
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the cell said its JVM is pid " + pid + ", but no such process is running");
        String source = "Runtime.getRuntime().maxMemory()";
        long max = Long.parseLong(expect(kernel, source, Outcome.OK).value());
        assertTrue(max <= JShellKernels.KERNEL_HEAP_MB * MIB, "the kernel's JVM should have a heap limit of "
                + JShellKernels.KERNEL_HEAP_MB + " MiB (-Xmx), but " + source + " is " + max / MIB + " MiB");
    }

    @Test
    @Graded(task = "05.4", points = 2)
    @DisplayName("values of expressions; variables, methods, classes and imports carry over to later cells")
    void valuesAndState() {
        Kernel kernel = shared();
        expectValue(kernel, "1 + 1", "2");
        expectValue(kernel, "\"hi\"", "\"hi\"");
        expectValue(kernel, "int answer = 42;", null);
        expectValue(kernel, "answer", "42");
        expectValue(kernel, "System.out.println(answer)", null);
        expectValue(kernel, "int a = 1;\nint b = 2;\na + b", "3");
        expectValue(kernel, "int twice(int n) {\n    return 2 * n;\n}", null);
        expectValue(kernel, "twice(answer)", "84");
        expectValue(kernel, "record Point(int x, int y) {}", null);
        expectValue(kernel, "new Point(1, 2)", "Point[x=1, y=2]");
        expectValue(kernel, "import java.util.concurrent.atomic.AtomicInteger;", null);
        expectValue(kernel, "var counter = new AtomicInteger(7);\ncounter.incrementAndGet();\ncounter.get() * 10", "80");
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("stdout and stderr reach the listener in the order they were written, as UTF-8 text")
    void outputInOrder() {
        Recorder out = new Recorder();
        String source = "System.out.println(\"one\");\nSystem.err.println(\"two\");\nSystem.out.println(\"셋 three\");";
        expect(shared(), source, Outcome.OK, out);
        List<OutputChunk> expected = List.of(new OutputChunk(Stream.STDOUT, "one\n"),
                new OutputChunk(Stream.STDERR, "two\n"), new OutputChunk(Stream.STDOUT, "셋 three\n"));
        same(expected, out.joined(), "the output (neighbouring chunks of one stream joined; as received: "
                + out.chunks() + ")", source);
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("output arrives while the cell still runs, not only when it ends")
    void outputWhileRunning(@TempDir Path dir) throws Exception {
        Path release = dir.resolve("release");
        String source = "System.out.println(\"started\");\n"
                + "while (!java.nio.file.Files.exists(java.nio.file.Path.of(\"" + path(release) + "\"))) {\n"
                + "    Thread.sleep(10);\n"
                + "}\n"
                + "System.out.println(\"released\");";
        Recorder out = new Recorder();
        Kernel kernel = shared();
        CompletableFuture<CellResult> run = CompletableFuture.supplyAsync(() -> kernel.run(source, out));
        try {
            assertTrue(out.await(Stream.STDOUT, "started\n", PATIENCE), "the cell prints \"started\" and then "
                    + "waits for the test, but \"started\" did not reach the listener within " + PATIENCE.toSeconds()
                    + " s (output so far: " + out.chunks() + ")" + cell(source));
            assertFalse(run.isDone(), "the cell should still be waiting for the test, but run() returned "
                    + (run.isDone() ? describe(run.getNow(null)) : ""));
        } finally {
            Files.createFile(release);
        }
        CellResult r = run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        same(Outcome.OK, r.outcome(), "the outcome (" + describe(r) + ")", source);
        same("started\nreleased\n", out.text(Stream.STDOUT), "stdout", source);
    }

    @Test
    @Graded(task = "05.4", points = 2)
    @DisplayName("compile errors: javac's message at line and column within the cell; snippets before it ran")
    void compileErrors() {
        Kernel kernel = shared();
        String source = "int before = 1;\nint other = 2;\nString s = 42;";
        CellResult r = expect(kernel, source, Outcome.COMPILE_ERROR);
        same(1, r.errors().size(), "the number of errors (" + describe(r) + ")", source);
        CompileError e = r.errors().get(0);
        same(List.of(3, 12), List.of(e.line(), e.column()), "[line, column] of the error, 1-based, in the cell ("
                + "message " + quote(e.message()) + ")", source);
        assertTrue(e.message().contains("incompatible types"), "javac says \"incompatible types: int cannot be "
                + "converted to java.lang.String\", but the message was " + quote(e.message()) + cell(source));
        expectValue(kernel, "before", "1");

        String method = "void greet() {\n    System.out.println(\"hello\");\n    return 1;\n}";
        r = expect(kernel, method, Outcome.COMPILE_ERROR);
        assertFalse(r.errors().isEmpty(), "COMPILE_ERROR without errors: " + describe(r) + cell(method));
        e = r.errors().get(0);
        same(List.of(3, 12), List.of(e.line(), e.column()), "[line, column] of the error, 1-based, in the cell ("
                + "message " + quote(e.message()) + ")", method);
        assertTrue(e.message().contains("unexpected return value"), "javac says \"incompatible types: unexpected "
                + "return value\", but the message was " + quote(e.message()) + cell(method));
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("an exception ends the cell with its class and message; its output so far and the kernel's state stay")
    void exceptions() {
        Kernel kernel = shared();
        CellResult r = expect(kernel, "1 / 0", Outcome.EXCEPTION);
        same("java.lang.ArithmeticException: / by zero", r.exception(), "the exception", "1 / 0");

        Recorder out = new Recorder();
        String source = "int[] small = new int[2];\nSystem.out.println(\"before\");\nsmall[5] = 1;\n"
                + "System.out.println(\"after\");";
        r = expect(kernel, source, Outcome.EXCEPTION, out);
        same("java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 2", r.exception(),
                "the exception", source);
        same("before\n", out.text(Stream.STDOUT), "stdout", source);
        expectValue(kernel, "small.length", "2");
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("a cell past the time limit is stopped (TIMED_OUT), even an endless loop; the kernel keeps its state")
    void timeLimit() throws Exception {
        Duration limit = SHORT_TIMEOUT;
        try (Kernel kernel = start(limit, KernelLimits.DEFAULT_MAX_OUTPUT_BYTES)) {
            expectValue(kernel, "int before = 5;", null);
            String source = "while (true) {\n}";
            long started = System.nanoTime();
            CellResult r = runWithin(kernel, source, limit.plus(PATIENCE));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            same(Outcome.TIMED_OUT, r.outcome(), "the outcome (" + describe(r) + ")", source);
            assertTrue(took.compareTo(limit) >= 0, "the cell was stopped after " + took.toMillis()
                    + " ms, before its limit of " + limit.toMillis() + " ms");
            assertTrue(kernel.alive(), "the kernel should stay alive after a timeout: " + describe(r));
            expectValue(kernel, "before", "5");
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("System.exit in a cell ends only the kernel's JVM (KERNEL_EXITED); the next cell gets a fresh one")
    void systemExit() throws Exception {
        try (Kernel kernel = start(CELL_TIMEOUT, KernelLimits.DEFAULT_MAX_OUTPUT_BYTES)) {
            expectValue(kernel, "int before = 5;", null);
            long pid = kernelPid(kernel);
            CellResult r = runWithin(kernel, "System.exit(3);", PATIENCE);
            same(Outcome.KERNEL_EXITED, r.outcome(), "the outcome (" + describe(r) + ")", "System.exit(3);");
            expectGone(pid, "after System.exit(3)");
            assertFalse(kernel.alive(), "the kernel's JVM has exited, so alive() should be false");
            expectValue(kernel, "1 + 1", "2");
            assertTrue(kernel.alive(), "the next cell started a fresh JVM, so alive() should be true");
            assertNotEquals(pid, kernelPid(kernel), "the next cell should run in a new JVM");
            expect(kernel, "before", Outcome.COMPILE_ERROR);
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("restart() discards the state in a fresh JVM; close() ends the JVM")
    void restartAndClose() throws Exception {
        Kernel kernel = start(CELL_TIMEOUT, KernelLimits.DEFAULT_MAX_OUTPUT_BYTES);
        try {
            expectValue(kernel, "int kept = 1;", null);
            long first = kernelPid(kernel);
            kernel.restart();
            assertTrue(kernel.alive(), "after restart() the kernel should be alive");
            expectGone(first, "after restart()");
            expect(kernel, "kept", Outcome.COMPILE_ERROR);
            long second = kernelPid(kernel);
            assertNotEquals(first, second, "restart() should start a new JVM");
            kernel.close();
            assertFalse(kernel.alive(), "after close() the kernel should not be alive");
            expectGone(second, "after close()");
        } finally {
            kernel.close();
        }
    }
}
