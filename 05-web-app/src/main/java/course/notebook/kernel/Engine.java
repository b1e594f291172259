package course.notebook.kernel;

import course.notebook.domain.OutputChunk;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One JShell and the JVM its snippets run in. JShell hands that JVM's stdout and stderr to the two streams it
 * was built with, on one thread, in the order they were written; they go to the cell attached at the time.
 * Once the JVM is gone (System.exit, a crash, {@link #kill()}) the engine is down for good: a new one is needed.
 */
final class Engine {
    // BEGIN SOLUTION
    private final JShell shell;
    private volatile boolean down;
    private volatile CellOutput attached;
    // END SOLUTION

    /** Launches the JVM (blocks until it is ready) and adds the default imports. */
    Engine(List<String> vmOptions, List<String> imports) {
        // BEGIN SOLUTION
        shell = JShell.builder()
                .in(InputStream.nullInputStream()) // a cell that reads System.in sees its end, not the server's input
                .out(new PrintStream(new Sink(OutputChunk.Stream.STDOUT), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new Sink(OutputChunk.Stream.STDERR), true, StandardCharsets.UTF_8))
                .remoteVMOptions(vmOptions.toArray(String[]::new))
                .build();
        shell.onShutdown(closed -> down = true);
        for (String source : imports) {
            shell.eval(source);
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): build a JShell with remote VM options and output streams");
    }

    /** True once the JVM is gone. */
    boolean down() {
        // BEGIN SOLUTION
        return down;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): is the JVM gone?");
    }

    /** Output from now on goes to this cell (null: nowhere, no cell is running). */
    void attach(CellOutput output) {
        // BEGIN SOLUTION
        attached = output;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): route output to the running cell");
    }

    /** Where the first complete snippet of the text ends; see {@link SourceCodeAnalysis#analyzeCompletion}. */
    SourceCodeAnalysis.CompletionInfo analyze(String text) {
        // BEGIN SOLUTION
        return shell.sourceCodeAnalysis().analyzeCompletion(text);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): analyzeCompletion");
    }

    /** Compiles and runs one snippet; throws IllegalStateException once the JVM is gone. */
    List<SnippetEvent> eval(String snippet) {
        // BEGIN SOLUTION
        return shell.eval(snippet);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): eval");
    }

    Stream<Diag> diagnostics(Snippet snippet) {
        // BEGIN SOLUTION
        return shell.diagnostics(snippet);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): diagnostics");
    }

    /** What a declaration still waits for, e.g. "method g()". */
    Stream<String> unresolved(DeclarationSnippet snippet) {
        // BEGIN SOLUTION
        return shell.unresolvedDependencies(snippet);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): unresolvedDependencies");
    }

    /** Asks the JVM to stop the running snippet (JShell throws into its thread); safe from any thread. */
    void stop() {
        // BEGIN SOLUTION
        try {
            shell.stop();
        } catch (IllegalStateException e) {
            // already down: nothing runs any more
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): JShell.stop");
    }

    /** Ends the JVM whatever it is doing (JShell closes its connection and destroys the process). */
    void kill() {
        // BEGIN SOLUTION
        down = true;
        shell.close();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): JShell.close");
    }

    // BEGIN SOLUTION
    /** Receives one of the JVM's streams from JShell and passes the bytes to the attached cell. */
    private final class Sink extends OutputStream {
        private final OutputChunk.Stream stream;

        Sink(OutputChunk.Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellOutput output = attached;
            if (output != null) {
                output.write(stream, bytes, offset, length);
            }
            // else: a thread a finished cell left running printed something; no cell is there to show it
        }
    }
    // END SOLUTION
}
