package course.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response as the application builds it: status, header fields and body. The
 * connection adds {@code Date}, {@code Content-Length} and {@code Connection} when it
 * writes it, so handlers never get those wrong.
 */
public record HttpResponse(Status status, List<HttpHeaders.Field> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    public static Builder builder(Status status) {
        return new Builder(status);
    }

    /** A plain text response in UTF-8. */
    public static HttpResponse text(Status status, String text) {
        return builder(status).header("Content-Type", "text/plain; charset=utf-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** An error: a short text body that says what went wrong. */
    public static HttpResponse error(Status status, String message) {
        return text(status, status.code() + " " + status.reason() + ": " + message + "\n");
    }

    /** 405 with the Allow field that lists what the resource does accept. */
    public static HttpResponse methodNotAllowed(String allow) {
        HttpResponse error = error(Status.METHOD_NOT_ALLOWED, "this resource allows " + allow);
        return error.withHeader("Allow", allow);
    }

    public HttpResponse withHeader(String name, String value) {
        List<HttpHeaders.Field> more = new ArrayList<>(headers);
        more.add(new HttpHeaders.Field(name, value));
        return new HttpResponse(status, more, body);
    }

    public static final class Builder {
        private final Status status;
        private final List<HttpHeaders.Field> headers = new ArrayList<>(8);
        private byte[] body = EMPTY;

        private Builder(Status status) {
            this.status = status;
        }

        public Builder header(String name, String value) {
            headers.add(new HttpHeaders.Field(name, value));
            return this;
        }

        public Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public HttpResponse build() {
            return new HttpResponse(status, headers, body);
        }
    }
}
