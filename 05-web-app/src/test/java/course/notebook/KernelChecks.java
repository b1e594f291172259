package course.notebook;

import static org.junit.jupiter.api.Assertions.fail;

import course.notebook.domain.CellResult;
import course.notebook.domain.CellResult.Outcome;
import course.notebook.domain.Kernel;
import course.notebook.domain.KernelLimits;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.OutputChunk.Stream;
import course.notebook.domain.OutputListener;
import course.notebook.kernel.JShellKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Running cells in a kernel and checking what came back, for the public and the hidden tests of task 05.4. */
public final class KernelChecks {
    private KernelChecks() {
    }

    public static final long MIB = 1024 * 1024;
    /** Longest cell source shown in a failure message. */
    static final int MAX_SHOWN_CHARS = 2000;
    /** Long enough for a busy machine; only the timeout test wants a short one. */
    public static final Duration CELL_TIMEOUT = Duration.ofSeconds(20);
    /** The limit of the timeout test: short, but not so short that a slow machine times out its other cells. */
    public static final Duration SHORT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a kernel may take to stop a cell or end a JVM before a test gives up on it. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    public static Kernel start(Duration cellTimeout, int maxOutputBytes) {
        return new JShellKernels().start(new KernelLimits(cellTimeout, maxOutputBytes));
    }

    /** Collects a cell's output; tests can wait for a piece of it while the cell still runs. */
    public static final class Recorder implements OutputListener {
        private final List<OutputChunk> chunks = new ArrayList<>();
        /** Where the text of every chunk is also added as it arrives (another thread may watch it), or null. */
        private final List<String> log;

        public Recorder(List<String> log) {
            this.log = log;
        }

        public Recorder() {
            this(null);
        }

        @Override
        public synchronized void output(OutputChunk chunk) {
            chunks.add(chunk);
            if (log != null) {
                synchronized (log) {
                    log.add(chunk.text());
                }
            }
            notifyAll();
        }

        public synchronized List<OutputChunk> chunks() {
            return List.copyOf(chunks);
        }

        /** The chunks with neighbours on the same stream joined: how the output looks, whatever its pieces. */
        public synchronized List<OutputChunk> joined() {
            List<OutputChunk> out = new ArrayList<>();
            for (OutputChunk c : chunks) {
                if (!out.isEmpty() && out.get(out.size() - 1).stream() == c.stream()) {
                    OutputChunk last = out.remove(out.size() - 1);
                    out.add(new OutputChunk(c.stream(), last.text() + c.text()));
                } else {
                    out.add(c);
                }
            }
            return out;
        }

        public synchronized String text(Stream stream) {
            StringBuilder s = new StringBuilder();
            chunks.stream().filter(c -> c.stream() == stream).forEach(c -> s.append(c.text()));
            return s.toString();
        }

        /** Waits until the stream's output contains the text; false if it did not come in time. */
        public synchronized boolean await(Stream stream, String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!text(stream).contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    public static String describe(CellResult r) {
        if (r == null) {
            return "null (run must return a result)";
        }
        String errors = r.errors() == null ? "null" : r.errors().stream()
                .map(e -> e.line() + ":" + e.column() + " " + quote(e.message())).toList().toString();
        return r.outcome() + " (value " + quote(r.value()) + ", errors " + errors + ", exception "
                + quote(r.exception()) + ")";
    }

    public static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    public static String cell(String source) {
        String shown = source.length() > MAX_SHOWN_CHARS ? source.substring(0, MAX_SHOWN_CHARS) + "..." : source;
        return "\nthe cell:\n    " + shown.replace("\n", "\n    ");
    }

    /** Fails with "what: expected X, but it was Y", then the cell. */
    public static void same(Object expected, Object actual, String what, String source) {
        if (!java.util.Objects.equals(expected, actual)) {
            fail(what + ": expected " + show(expected) + ", but it was " + show(actual) + cell(source));
        }
    }

    public static String show(Object o) {
        return o instanceof String s ? quote(s) : String.valueOf(o);
    }

    public static CellResult expect(Kernel kernel, String source, Outcome outcome, OutputListener listener) {
        CellResult r = kernel.run(source, listener);
        if (r == null || r.outcome() != outcome) {
            fail("expected the outcome " + outcome + ", but the cell ended " + describe(r) + cell(source));
        }
        return r;
    }

    /** Runs a cell that might not end (if stopping it does not work): fails instead of hanging. */
    public static CellResult runWithin(Kernel kernel, String source, Duration limit) throws Exception {
        CompletableFuture<CellResult> run = CompletableFuture.supplyAsync(() -> kernel.run(source, chunk -> { }));
        try {
            return run.get(limit.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("run() did not return within " + limit.toSeconds() + " s" + cell(source));
        }
    }

    public static CellResult expect(Kernel kernel, String source, Outcome outcome) {
        return expect(kernel, source, outcome, chunk -> { });
    }

    /** Runs a cell that must end OK with this value (null: no value). */
    public static CellResult expectValue(Kernel kernel, String source, String value) {
        CellResult r = expect(kernel, source, Outcome.OK);
        if (!java.util.Objects.equals(value, r.value())) {
            fail("expected the value " + quote(value) + ", but the cell ended " + describe(r) + cell(source));
        }
        return r;
    }

    /** The pid of the kernel's JVM, asked from a cell. */
    public static long kernelPid(Kernel kernel) {
        String source = "ProcessHandle.current().pid()";
        CellResult r = expect(kernel, source, Outcome.OK);
        try {
            return Long.parseLong(r.value());
        } catch (NumberFormatException e) {
            throw new AssertionError("expected a number (the pid) as the value, but the cell ended " + describe(r)
                    + cell(source));
        }
    }

    public static void expectGone(long pid, String when) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process != null) {
            try {
                process.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fail("the kernel's old JVM (pid " + pid + ") is still running " + PATIENCE.toSeconds() + " s " + when);
            }
        }
    }

    public static String path(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\");
    }
}
