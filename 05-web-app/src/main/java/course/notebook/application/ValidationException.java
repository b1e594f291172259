package course.notebook.application;

import java.util.List;

/** A well-formed request whose fields break the rules (HTTP 422); lists every broken field. */
public final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
