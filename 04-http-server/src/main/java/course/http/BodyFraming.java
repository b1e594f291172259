package course.http;

/**
 * How the body of a request is delimited (RFC 9112, section 6): not at all, by
 * Content-Length, or by chunked transfer coding.
 *
 * @param contentLength body length when framed by Content-Length, else 0
 * @param chunked       true when the body uses chunked transfer coding
 */
public record BodyFraming(long contentLength, boolean chunked) {
    public static final BodyFraming NONE = new BodyFraming(0, false);

    public static BodyFraming length(long contentLength) {
        return new BodyFraming(contentLength, false);
    }

    public static final BodyFraming CHUNKED = new BodyFraming(0, true);

    public boolean hasBody() {
        return chunked || contentLength > 0;
    }
}
