package course.http;

/**
 * The request line and header fields of a request, read before its body.
 *
 * @param method  request method
 * @param target  request target as sent
 * @param path    path part of the target, still percent-encoded
 * @param query   query part without {@code ?}, or empty
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the header fields
 * @param framing how the body that follows is delimited
 */
public record RequestHead(String method, String target, String path, String query, String version,
                          HttpHeaders headers, BodyFraming framing) {

    /** The client waits for "100 Continue" before it sends the body (RFC 9110, section 10.1.1). */
    public boolean expectsContinue() {
        return version.equals("HTTP/1.1") && framing.hasBody()
                && headers.first("Expect").map(v -> v.strip().equalsIgnoreCase("100-continue")).orElse(false);
    }

    public HttpRequest withBody(byte[] body) {
        return new HttpRequest(method, target, path, query, version, headers, body);
    }
}
