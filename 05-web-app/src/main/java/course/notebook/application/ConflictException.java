package course.notebook.application;

/** The request is well formed but clashes with the current state: a taken name, not a permutation (HTTP 409). */
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
