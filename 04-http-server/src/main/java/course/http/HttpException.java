package course.http;

/** A request the server refuses: the status to answer with and a short reason for the body. */
public final class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status status;

    public HttpException(Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
