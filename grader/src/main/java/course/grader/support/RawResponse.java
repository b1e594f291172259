package course.grader.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP response exactly as it came off the wire: status line, headers in order,
 * the decoded body (chunked framing removed) and the raw bytes for dumps.
 */
public record RawResponse(String version, int status, String reason, List<Header> headers, byte[] body,
                          byte[] raw) {

    public record Header(String name, String value) {
    }

    /** First value of a header, compared case-insensitively as RFC 9110 requires. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public boolean hasToken(String header, String token) {
        return headerValues(header).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(t -> t.trim().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String statusLine() {
        return version + " " + status + " " + reason;
    }

    public String dump() {
        return Bytes.escape(raw);
    }
}
