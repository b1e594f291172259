package course.notebook.application;

/** The notebook or cell a request names does not exist (HTTP 404). */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
