package course.notebook.domain;

import java.util.List;
import java.util.Objects;

/** Why a run did not end normally: compile errors (with positions), an exception, a time limit, ... */
public record ErrorOutput(CellResult.Outcome outcome, String message, List<CompileError> errors) implements Output {
    public ErrorOutput {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        errors = List.copyOf(errors);
    }
}
