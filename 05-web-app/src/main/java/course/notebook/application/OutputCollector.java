package course.notebook.application;

import course.notebook.domain.CellResult;
import course.notebook.domain.ErrorOutput;
import course.notebook.domain.Output;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.OutputListener;
import course.notebook.domain.ResultOutput;
import course.notebook.domain.StreamOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes each chunk on as it arrives and remembers it for the cell: consecutive chunks of one stream become one
 * stream output (as Jupyter stores them); at the end come the value and, if the run failed, an error output.
 */
public final class OutputCollector implements OutputListener {
    private final OutputListener next;
    private final List<StreamOutput> streams = new ArrayList<>();

    public OutputCollector(OutputListener next) {
        this.next = next;
    }

    @Override
    public synchronized void output(OutputChunk chunk) {
        // BEGIN SOLUTION
        int last = streams.size() - 1;
        if (last >= 0 && streams.get(last).stream() == chunk.stream()) {
            streams.set(last, new StreamOutput(chunk.stream(), streams.get(last).text() + chunk.text()));
        } else {
            streams.add(new StreamOutput(chunk.stream(), chunk.text()));
        }
        next.output(chunk);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.5): remember the chunk (merge with the previous one of the same stream) and pass it on");
    }

    /** The outputs to store: the streams, then the value, then the error (if any). */
    public synchronized List<Output> outputs(CellResult result) {
        List<Output> outputs = new ArrayList<>(streams);
        // BEGIN SOLUTION
        if (result.value() != null) {
            outputs.add(new ResultOutput(result.value()));
        }
        if (result.outcome() != CellResult.Outcome.OK) {
            outputs.add(new ErrorOutput(result.outcome(), message(result),
                    result.errors() == null ? List.of() : result.errors()));
        }
        // END SOLUTION
        // STUB: // TODO(task 05.5): add the value (ResultOutput) and, unless the outcome is OK, an ErrorOutput(outcome, message(result), errors).
        return outputs;
    }

    /** A one-line explanation of a failed run for people. */
    public static String message(CellResult result) {
        return switch (result.outcome()) {
            case OK -> "";
            case COMPILE_ERROR -> result.errors() == null || result.errors().isEmpty() ? "the cell does not compile"
                    : result.errors().get(0).message();
            case EXCEPTION -> result.exception() == null ? "the cell threw an exception" : result.exception();
            case INTERRUPTED -> "the cell was interrupted";
            case TIMED_OUT -> "the cell ran longer than the time limit and was stopped";
            case KERNEL_EXITED -> "the kernel's JVM exited; the next run starts a fresh one";
        };
    }
}
