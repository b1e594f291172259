package course.notebook.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static course.notebook.KernelChecks.*;

import course.grader.Graded;
import course.grader.support.Seeded;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task 05.4, hidden: random cells, names and values; compile errors anywhere in a cell; interrupting; the output
 * limit with exact counts; a cell that will not stop; one cell at a time; exceptions, also of the kernel's heap.
 */
@DisplayName("05.4 The kernel (hidden)")
@ExtendWith(Seeded.class)
@Timeout(60)
class Task04KernelHiddenTest {
    /** How often the test looks again while it waits for another thread (not a synchronisation by sleeping). */
    static final Duration POLL = Duration.ofMillis(5);

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

    static String name(Random random, String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    @Test
    @Graded(task = "05.4", points = 2)
    @DisplayName("random cells of several snippets: values, state across cells, errors at their exact line and column")
    void randomCells(Random random) {
        Kernel kernel = shared();
        for (int round = 0; round < 2; round++) {
            String x = name(random, "x");
            String y = name(random, "y");
            String f = name(random, "f");
            int a = random.nextInt(2000) - 1000;
            int b = random.nextInt(2000) - 1000;
            int c = random.nextInt(100);
            String gap = "\n".repeat(1 + random.nextInt(3)) + " ".repeat(random.nextInt(5));
            expectValue(kernel, "int " + x + " = " + a + ";" + gap + "int " + y + " = " + b + ";" + gap + x + " * "
                    + y + " + " + c, Integer.toString(a * b + c));
            expectValue(kernel, "long " + f + "(long n) {" + gap + "return n * " + c + " - " + y + ";" + gap + "}",
                    null);
            expectValue(kernel, f + "(" + x + ")", Long.toString((long) a * c - b));
            expectValue(kernel, "\"" + x + "=\" + " + x, "\"" + x + "=" + a + "\"");

            // errors after a random number of good lines, at a random indentation
            StringBuilder source = new StringBuilder();
            int good = random.nextInt(4);
            String z = name(random, "z");
            for (int i = 0; i < good; i++) {
                source.append(" ".repeat(random.nextInt(4))).append("int ").append(z).append(i).append(" = ")
                        .append(i).append(";\n");
            }
            int indent = random.nextInt(8);
            String missing = name(random, "missing");
            boolean typeError = random.nextBoolean();
            String bad = typeError ? "String " + z + " = " + a + ";" : "int " + z + " = " + missing + " + 1;";
            int column = indent + 1 + (typeError ? ("String " + z + " = ").length() : ("int " + z + " = ").length());
            source.append(" ".repeat(indent)).append(bad);
            if (random.nextBoolean()) {
                source.append("\n").append(x).append(" + 1");
            }
            CellResult r = expect(kernel, source.toString(), Outcome.COMPILE_ERROR);
            assertFalse(r.errors().isEmpty(), "COMPILE_ERROR without errors: " + describe(r) + cell(source.toString()));
            CompileError e = r.errors().get(0);
            same(List.of(good + 1, column), List.of(e.line(), e.column()), "[line, column] of the error, 1-based, "
                    + "in the cell (message " + quote(e.message()) + ")", source.toString());
            assertTrue(e.message().contains(typeError ? "incompatible types" : "cannot find symbol"),
                    "javac's message should say " + (typeError ? "incompatible types" : "cannot find symbol")
                            + ", but it was " + quote(e.message()) + cell(source.toString()));
            if (good > 0) {
                expectValue(kernel, z + (good - 1), Integer.toString(good - 1));
            }
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("interrupt() from another thread stops a sleeping or busy cell (INTERRUPTED); the state stays")
    void interrupt(Random random) throws Exception {
        Kernel kernel = shared();
        kernel.interrupt(); // nothing runs: no effect
        int kept = random.nextInt(1_000_000);
        String name = name(random, "kept");
        expectValue(kernel, "int " + name + " = " + kept + ";", null);
        for (String wait : List.of("Thread.sleep(120_000);", "long spins = 0;\nwhile (true) {\n    spins++;\n}")) {
            String marker = name(random, "running");
            String source = "System.out.println(\"" + marker + "\");\n" + wait;
            Recorder out = new Recorder();
            CompletableFuture<CellResult> run = CompletableFuture.supplyAsync(() -> kernel.run(source, out));
            assertTrue(out.await(Stream.STDOUT, marker, PATIENCE), "the cell did not print " + marker + " within "
                    + PATIENCE.toSeconds() + " s (" + out.chunks() + ")" + cell(source));
            long asked = System.nanoTime();
            kernel.interrupt();
            CellResult r = run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            same(Outcome.INTERRUPTED, r.outcome(), "the outcome after interrupt() (" + describe(r) + ")", source);
            assertTrue(millis < 5_000, "interrupt() took " + millis + " ms to stop the cell" + cell(source));
        }
        expectValue(kernel, name, Integer.toString(kept));
        kernel.interrupt();
        expectValue(kernel, name + " + 1", Integer.toString(kept + 1));
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("output over maxOutputBytes is dropped and counted exactly, per cell; a flood of 8 MiB is no problem")
    void outputLimit(Random random) {
        int limit = 200 + random.nextInt(4000);
        try (Kernel kernel = start(CELL_TIMEOUT, limit)) {
            int total = limit + 1 + random.nextInt(5000);
            String piece = name(random, "");
            // total characters of a repeated ASCII pattern, printed in pieces
            String source = "var text = \"" + piece + "\".repeat(" + (total / piece.length() + 1) + ").substring(0, "
                    + total + ");\nfor (int i = 0; i < text.length(); i += 100) {\n"
                    + "    System.out.print(text.substring(i, Math.min(text.length(), i + 100)));\n}";
            String expected = piece.repeat(total / piece.length() + 1).substring(0, total);
            Recorder out = new Recorder();
            expect(kernel, source, Outcome.OK, out);
            assertEquals(expected.substring(0, limit), out.text(Stream.STDOUT), "stdout of a cell printing " + total
                    + " bytes with maxOutputBytes " + limit + ": the first " + limit + " bytes");
            List<OutputChunk> chunks = out.chunks();
            OutputChunk last = chunks.get(chunks.size() - 1);
            assertEquals(Stream.STDERR, last.stream(), "the last chunk should be on stderr and say how many bytes "
                    + "were dropped; chunks: " + chunks);
            assertTrue(last.text().contains(Integer.toString(total - limit)), "the last chunk should say that "
                    + (total - limit) + " bytes were dropped, but it was " + quote(last.text()));
            assertEquals(1, chunks.stream().filter(c -> c.stream() == Stream.STDERR).count(),
                    "one stderr chunk, the notice: " + chunks);

            Recorder small = new Recorder();
            expect(kernel, "System.out.println(\"ok\");", Outcome.OK, small);
            assertEquals(List.of(new OutputChunk(Stream.STDOUT, "ok\n")), small.chunks(),
                    "every cell has its own budget; the next cell's output");

            int lines = 8192;
            String flood = "var line = \"x\".repeat(1023) + \"\\n\";\nfor (int i = 0; i < " + lines
                    + "; i++) {\n    System.out.print(line);\n}";
            Recorder floodOut = new Recorder();
            expect(kernel, flood, Outcome.OK, floodOut);
            assertEquals(limit, floodOut.text(Stream.STDOUT).length(), "stdout bytes kept of an 8 MiB flood");
            String notice = floodOut.text(Stream.STDERR);
            assertTrue(notice.contains(Long.toString(lines * 1024L - limit)), "the notice should say that "
                    + (lines * 1024L - limit) + " bytes were dropped, but it was " + quote(notice));
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("a cell that swallows the stop is ended with its JVM: TIMED_OUT, says the state is lost; a fresh JVM follows")
    void unstoppableCell(Random random) throws Exception {
        try (Kernel kernel = start(Duration.ofSeconds(3), KernelLimits.DEFAULT_MAX_OUTPUT_BYTES)) {
            String name = name(random, "kept");
            expectValue(kernel, "int " + name + " = 7;", null);
            long pid = kernelPid(kernel);
            String source = "while (true) {\n    try {\n        while (true) {\n        }\n    } catch (Throwable t) {\n"
                    + "        // keeps going\n    }\n}";
            CellResult r = runWithin(kernel, source, Duration.ofSeconds(40));
            same(Outcome.TIMED_OUT, r.outcome(), "the outcome (" + describe(r) + ")", source);
            assertTrue(r.exception() != null && r.exception().contains("lost"), "the result should say that the "
                    + "state was lost (a message with \"lost\" in CellResult.exception), but it was " + describe(r));
            ProcessHandle old = ProcessHandle.of(pid).orElse(null);
            if (old != null) {
                old.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            expectValue(kernel, "1 + 1", "2");
            assertTrue(kernel.alive(), "the kernel should be alive with a fresh JVM");
            expect(kernel, name, Outcome.COMPILE_ERROR);
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("one cell at a time: a second run() waits until the first is done")
    void oneCellAtATime(@TempDir Path dir, Random random) throws Exception {
        Kernel kernel = shared();
        Path release = dir.resolve("release");
        String first = name(random, "first");
        String second = name(random, "second");
        String a = "System.out.println(\"" + first + " start\");\n"
                + "while (!java.nio.file.Files.exists(java.nio.file.Path.of(\"" + path(release) + "\"))) {\n    Thread.sleep(10);\n}\n"
                + "System.out.println(\"" + first + " end\");";
        String b = "System.out.println(\"" + second + "\");";
        List<String> log = new ArrayList<>();
        Recorder outA = new Recorder(log);
        Recorder outB = new Recorder(log);
        CompletableFuture<CellResult> runA = CompletableFuture.supplyAsync(() -> kernel.run(a, outA));
        CompletableFuture<CellResult> runB = new CompletableFuture<>();
        Thread threadB;
        try {
            assertTrue(outA.await(Stream.STDOUT, first + " start", PATIENCE), "the first cell did not start: "
                    + outA.chunks());
            threadB = Thread.ofPlatform().name("second-cell").start(() -> {
                try {
                    runB.complete(kernel.run(b, outB));
                } catch (Throwable t) {
                    runB.completeExceptionally(t);
                }
            });
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (threadB.getState() != Thread.State.WAITING && !runB.isDone() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL.toNanos());
            }
            assertFalse(runB.isDone(), "a second run() while the first cell runs should wait, but it returned "
                    + (runB.isCompletedExceptionally() ? "with an exception" : describe(runB.getNow(null))));
            assertEquals("", outB.text(Stream.STDOUT), "the second cell ran while the first was still running");
        } finally {
            Files.createFile(release);
        }
        CellResult ra = runA.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        CellResult rb = runB.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        threadB.join();
        assertEquals(Outcome.OK, ra.outcome(), "the first cell: " + describe(ra));
        assertEquals(Outcome.OK, rb.outcome(), "the second cell: " + describe(rb));
        synchronized (log) {
            assertEquals(List.of(first + " start\n", first + " end\n", second + "\n"), log,
                    "the output of both cells, in the order it arrived");
        }
    }

    @Test
    @Graded(task = "05.4", points = 1)
    @DisplayName("exceptions of any class with their message, also the kernel's own OutOfMemoryError")
    void exceptions(Random random) {
        Kernel kernel = shared();
        for (String type : List.of("java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
                "java.util.NoSuchElementException", "java.io.UncheckedIOException")) {
            String message = name(random, "m") + " " + random.nextInt(1000);
            String thrown = type.equals("java.io.UncheckedIOException")
                    ? "new java.io.UncheckedIOException(\"" + message + "\", new java.io.IOException(\"io\"))"
                    : "new " + type + "(\"" + message + "\")";
            String source = "if (true) {\n    throw " + thrown + ";\n}";
            CellResult r = expect(kernel, source, Outcome.EXCEPTION);
            String first = r.exception() == null ? "" : r.exception().lines().findFirst().orElse("");
            same(type + ": " + message, first, "the exception (its first line)", source);
        }
        String custom = "Oops" + name(random, "");
        String message = name(random, "why");
        CellResult r = expect(kernel, "class " + custom + " extends RuntimeException {\n    " + custom
                + "(String m) {\n        super(m);\n    }\n}\nthrow new " + custom + "(\"" + message + "\");",
                Outcome.EXCEPTION);
        assertTrue(r.exception() != null && r.exception().contains(custom + ": " + message),
                "a class declared in a cell: the exception should name " + custom + " and its message, but it was "
                        + describe(r));

        int tooMuch = JShellKernels.KERNEL_HEAP_MB + 64;
        String hog = "byte[] hog = new byte[" + tooMuch + " * 1024 * 1024];";
        r = expect(kernel, hog, Outcome.EXCEPTION);
        assertTrue(r.exception() != null && r.exception().startsWith("java.lang.OutOfMemoryError"),
                "allocating " + tooMuch + " MiB in a kernel with a heap of " + JShellKernels.KERNEL_HEAP_MB
                        + " MiB should throw OutOfMemoryError, but the cell ended " + describe(r));
        assertTrue(kernel.alive(), "the kernel should survive an OutOfMemoryError in a cell");
        expectValue(kernel, "6 * 7", "42");
    }
}
