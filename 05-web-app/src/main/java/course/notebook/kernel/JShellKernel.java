package course.notebook.kernel;

import course.notebook.domain.CellResult;
import course.notebook.domain.CellResult.Outcome;
import course.notebook.domain.CompileError;
import course.notebook.domain.Kernel;
import course.notebook.domain.KernelLimits;
import course.notebook.domain.OutputListener;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A kernel: cells compiled by JShell and run in a JVM of their own (an {@link Engine}).
 *
 * <ul>
 * <li>A cell may hold several snippets; {@code analyzeCompletion} cuts them apart, they run in order and the
 *     first that does not compile or throws ends the cell (the ones before it have run). Variables, methods,
 *     classes and imports stay for later cells.</li>
 * <li>One cell at a time: a second {@link #run} waits for the first (a fair lock: cells run in the order they
 *     were sent, as when a notebook runs all its cells).</li>
 * <li>A cell past its time limit, or one interrupted, is stopped with {@code JShell.stop()}; the kernel keeps
 *     its state. A cell that does not end within {@link JShellKernels#STOP_GRACE} (it catches what stop throws,
 *     or never reaches a point where it can be stopped) loses its JVM: the result is still TIMED_OUT or
 *     INTERRUPTED, its message says the state is lost, and the next cell starts a fresh JVM.</li>
 * <li>When the JVM exits on its own ({@code System.exit}, a crash) the result is KERNEL_EXITED and the next cell
 *     starts a fresh JVM.</li>
 * </ul>
 * For outcomes other than OK and COMPILE_ERROR, {@link CellResult#exception()} holds a message for people.
 */
final class JShellKernel implements Kernel {
    /** Added to the message when a cell's JVM had to go. */
    static final String STATE_LOST = "the kernel's JVM was stopped and a new one starts with the next cell: "
            + "variables, methods, classes and imports defined so far are lost";

    // BEGIN SOLUTION
    private final KernelLimits limits;
    /** Held while a cell runs; fair, so waiting cells run in the order they came. */
    private final ReentrantLock turn = new ReentrantLock(true);
    /** Guards starting and replacing the engine. */
    private final Object engineLock = new Object();
    private volatile Engine engine;
    private volatile Run current;
    private volatile boolean closed;
    // END SOLUTION

    JShellKernel(KernelLimits limits) {
        // BEGIN SOLUTION
        this.limits = Objects.requireNonNull(limits, "limits");
        if (limits.cellTimeout().isNegative() || limits.cellTimeout().isZero() || limits.maxOutputBytes() < 0) {
            throw new IllegalArgumentException("need a positive cell timeout and maxOutputBytes >= 0: " + limits);
        }
        engine(); // start the JVM now, so the first cell does not wait for it
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): start the kernel's JVM");
    }

    @Override
    public CellResult run(String source, OutputListener listener) {
        // BEGIN SOLUTION
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        turn.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the kernel is closed");
            }
            long started = System.nanoTime();
            Engine engine = engine();
            CellOutput output = new CellOutput(listener, limits.maxOutputBytes());
            Run run = new Run(engine);
            engine.attach(output);
            current = run;
            Thread.ofVirtual().name("cell-watchdog").start(() -> watch(run));
            Verdict verdict;
            try {
                verdict = evaluate(engine, run, source);
            } finally {
                current = null;
                run.finish();
                engine.attach(null);
                output.finish();
            }
            if (engine.down()) {
                replace(engine);
            }
            return new CellResult(verdict.outcome(), verdict.value(), verdict.errors(), verdict.message(),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            turn.unlock();
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): run the cell's snippets one by one");
    }

    @Override
    public void interrupt() {
        // BEGIN SOLUTION
        Run run = current;
        if (run != null) {
            run.requestStop(Outcome.INTERRUPTED, "the cell was interrupted");
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): stop the running cell");
    }

    @Override
    public void restart() {
        // BEGIN SOLUTION
        if (closed) {
            throw new IllegalStateException("the kernel is closed");
        }
        Run run = current;
        if (run != null) {
            run.requestStop(Outcome.INTERRUPTED, "the kernel was restarted");
        }
        killEngine(); // a running cell ends at once: its JVM is gone
        turn.lock();
        try {
            if (!closed) {
                engine();
            }
        } finally {
            turn.unlock();
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): a fresh JVM");
    }

    @Override
    public boolean alive() {
        // BEGIN SOLUTION
        Engine e = engine;
        return !closed && e != null && !e.down();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): is the JVM up?");
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        closed = true;
        Run run = current;
        if (run != null) {
            run.requestStop(Outcome.INTERRUPTED, "the kernel was shut down");
        }
        killEngine();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): end the JVM");
    }

    /** Line and column (1-based) of a position in the cell's source. */
    static CompileError errorAt(String source, int position, String message) {
        // BEGIN SOLUTION
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new CompileError(line, position - lineStart + 1, message);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): offset to line and column");
    }

    // BEGIN SOLUTION
    /** How a cell ended, before its elapsed time is known. */
    private record Verdict(Outcome outcome, String value, List<CompileError> errors, String message) {
        static Verdict of(Outcome outcome, String message) {
            return new Verdict(outcome, null, List.of(), message);
        }

        static Verdict ofValue(String value) {
            return new Verdict(Outcome.OK, value, List.of(), null);
        }
    }

    private Verdict evaluate(Engine engine, Run run, String source) {
        String rest = source;
        String value = null;
        while (!rest.isBlank()) {
            Verdict stopped = stopped(engine, run);
            if (stopped != null) {
                return stopped;
            }
            String snippet;
            String next;
            try {
                SourceCodeAnalysis.CompletionInfo info = engine.analyze(rest);
                switch (info.completeness()) {
                    case EMPTY -> {
                        return Verdict.ofValue(value); // only comments are left
                    }
                    case COMPLETE, COMPLETE_WITH_SEMI -> {
                        snippet = info.source();
                        next = info.remaining();
                    }
                    // incomplete or not understood: let javac say what is wrong with all that is left
                    default -> {
                        snippet = rest;
                        next = "";
                    }
                }
                if (next.length() >= rest.length()) {
                    snippet = rest; // no progress: evaluate the rest as one piece
                    next = "";
                }
            } catch (IllegalStateException e) {
                return Objects.requireNonNullElse(stopped(engine, run), Verdict.of(Outcome.KERNEL_EXITED, exited()));
            }
            int offset = source.length() - rest.length();
            int consumed = rest.length() - next.length();
            List<SnippetEvent> events;
            try {
                events = engine.eval(snippet);
            } catch (IllegalStateException e) {
                events = List.of(); // the JVM went away; stopped() below says why
            }
            stopped = stopped(engine, run);
            if (stopped != null) {
                return stopped;
            }
            SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
            if (event == null) {
                return Verdict.of(Outcome.KERNEL_EXITED, exited());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return new Verdict(Outcome.COMPILE_ERROR, null,
                        compileErrors(engine, event.snippet(), source, offset, consumed), null);
            }
            if (event.exception() != null) {
                return Verdict.of(Outcome.EXCEPTION, describe(engine, event.exception()));
            }
            value = valueOf(event);
            rest = next;
        }
        return Verdict.ofValue(value);
    }

    /** The verdict when the cell was stopped or its JVM is gone, else null. */
    private static Verdict stopped(Engine engine, Run run) {
        String why = run.stopMessage();
        if (engine.down()) {
            return why == null ? Verdict.of(Outcome.KERNEL_EXITED, exited())
                    : Verdict.of(run.stopReason(), why + "; " + STATE_LOST);
        }
        return why == null ? null : Verdict.of(run.stopReason(), why);
    }

    private static String exited() {
        return "the kernel's JVM exited while the cell ran (System.exit or a crash); a new one starts with the "
                + "next cell: variables, methods, classes and imports defined so far are lost";
    }

    /** A value only for expressions: "42", "\"hi\"", "null"; declarations and statements have none. */
    private static String valueOf(SnippetEvent event) {
        Snippet s = event.snippet();
        boolean expression = s.kind() == Snippet.Kind.EXPRESSION
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression ? event.value() : null;
    }

    private static List<CompileError> compileErrors(Engine engine, Snippet snippet, String source, int offset,
                                                    int consumed) {
        List<CompileError> errors = engine.diagnostics(snippet).filter(Diag::isError)
                .map(d -> errorAt(source, offset + clamp(position(d), consumed), d.getMessage(Locale.ROOT)))
                .toList();
        // JShell rejects a snippet only with a reason, but never answer COMPILE_ERROR without one
        return errors.isEmpty() ? List.of(errorAt(source, offset, "the snippet was rejected")) : errors;
    }

    /** javac's preferred position (where it would put the caret), relative to the snippet. */
    private static long position(Diag d) {
        return d.getPosition() >= 0 ? d.getPosition() : Math.max(0, d.getStartPosition());
    }

    /** A position within the part of the cell the snippet came from (JShell may have added a semicolon). */
    private static int clamp(long position, int length) {
        return (int) Math.min(Math.max(0, position), length);
    }

    private static String describe(Engine engine, JShellException exception) {
        if (exception instanceof EvalException e) {
            StringBuilder text = new StringBuilder(line(e));
            for (Throwable cause = e.getCause(); cause instanceof EvalException c; cause = c.getCause()) {
                text.append("\nCaused by: ").append(line(c));
            }
            return text.toString();
        }
        if (exception instanceof UnresolvedReferenceException e) {
            DeclarationSnippet d = e.getSnippet();
            return d.name() + " cannot be used until " + String.join(", ", engine.unresolved(d).toList())
                    + " is declared";
        }
        return exception.getMessage();
    }

    /** "java.lang.ArithmeticException: / by zero"; a class declared in a cell without JShell's wrapper name. */
    private static String line(EvalException e) {
        String name = e.getExceptionClassName();
        if (name.startsWith(REPL_PREFIX)) {
            name = name.substring(name.lastIndexOf('$') + 1);
        }
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** JShell compiles each snippet into a class of the package REPL, with names like REPL.$JShell$12$Point. */
    private static final String REPL_PREFIX = "REPL.$JShell$";

    /** Stops the cell when its time is up or a stop was asked for; kills the JVM if the stop does not work. */
    private void watch(Run run) {
        long deadline = System.nanoTime() + limits.cellTimeout().toNanos();
        if (run.awaitEndOrStop(deadline)) {
            return;
        }
        run.requestStop(Outcome.TIMED_OUT, "the cell ran longer than its limit of " + describe(limits.cellTimeout())
                + " and was stopped");
        long killAt = System.nanoTime() + JShellKernels.STOP_GRACE.toNanos();
        while (System.nanoTime() < killAt) {
            run.engine.stop();
            if (run.awaitEnd(Math.min(killAt, System.nanoTime() + JShellKernels.STOP_RETRY.toNanos()))) {
                return;
            }
        }
        run.engine.kill();
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The engine, started if there is none or the last one is down. */
    private Engine engine() {
        synchronized (engineLock) {
            Engine e = engine;
            if (e == null || e.down()) {
                if (e != null) {
                    e.kill(); // already down; frees what JShell still holds
                }
                e = new Engine(JShellKernels.KERNEL_VM_OPTIONS, JShellKernels.DEFAULT_IMPORTS);
                engine = e;
            }
            return e;
        }
    }

    /** Forgets an engine that went down, unless it was replaced already. */
    private void replace(Engine down) {
        synchronized (engineLock) {
            if (engine == down) {
                engine = null;
                down.kill();
            }
        }
    }

    private void killEngine() {
        Engine e;
        synchronized (engineLock) {
            e = engine;
            engine = null;
        }
        if (e != null) {
            e.kill();
        }
    }

    /** One cell in progress: whether it ended, and whether (and why) it was asked to stop. */
    private static final class Run {
        final Engine engine;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean ended;
        private Outcome stopReason;
        private String stopMessage;

        Run(Engine engine) {
            this.engine = engine;
        }

        /** The first stop counts (a timeout after an interrupt stays an interrupt). */
        void requestStop(Outcome reason, String message) {
            lock.lock();
            try {
                if (!ended && stopReason == null) {
                    stopReason = reason;
                    stopMessage = message;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        Outcome stopReason() {
            lock.lock();
            try {
                return stopReason;
            } finally {
                lock.unlock();
            }
        }

        String stopMessage() {
            lock.lock();
            try {
                return stopMessage;
            } finally {
                lock.unlock();
            }
        }

        void finish() {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until the cell ends or a stop is asked for, at most until the deadline; true if it ended. */
        boolean awaitEndOrStop(long deadline) {
            return await(deadline, true);
        }

        /** Waits until the cell ends, at most until the deadline; true if it ended. */
        boolean awaitEnd(long deadline) {
            return await(deadline, false);
        }

        private boolean await(long deadline, boolean orStop) {
            lock.lock();
            try {
                while (!ended && !(orStop && stopReason != null)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        changed.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return ended;
            } finally {
                lock.unlock();
            }
        }
    }
    // END SOLUTION
}
