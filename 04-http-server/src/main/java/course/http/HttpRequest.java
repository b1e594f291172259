package course.http;

/**
 * One parsed request.
 *
 * @param method  request method, upper case as sent ({@code GET})
 * @param target  request target exactly as sent ({@code /a%20b?x=1})
 * @param path    the path part of the target, still percent-encoded ({@code /a%20b})
 * @param query   the query without {@code ?}, or an empty string
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers header fields in arrival order
 * @param body    the body with any chunked framing removed; empty when there is none
 */
public record HttpRequest(String method, String target, String path, String query, String version,
                          HttpHeaders headers, byte[] body) {

    public boolean isHead() {
        return method.equals("HEAD");
    }

    public boolean isGetOrHead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public boolean isHttp11() {
        return version.equals("HTTP/1.1");
    }

    /** The request line as it arrived, for the access log. */
    public String requestLine() {
        return method + " " + target + " " + version;
    }
}
