package course.notebook.web;

import course.notebook.application.FieldError;
import java.util.List;
import java.util.Map;

/**
 * An error response in the format of RFC 9457 ("problem details"), sent as {@code application/problem+json}:
 * {@code type} is "about:blank" (the status says it all), {@code title} the status's reason phrase,
 * {@code detail} what went wrong with this request, {@code instance} the request path, and for 422 the list of
 * invalid fields.
 */
public record Problem(int status, String detail, String instance, List<FieldError> errors,
                      Map<String, String> headers) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    public Problem(int status, String detail, String instance) {
        this(status, detail, instance, List.of(), Map.of());
    }

    /** The reason phrase of a status (RFC 9110 section 15), used as the problem's title. */
    public String title() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
