package course.osi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises HTTP/1.x in a TCP segment by its content, whatever the port: a segment that starts
 * with a request line ("GET /index.html HTTP/1.1") or a status line ("HTTP/1.1 404 Not Found")
 * ended by CRLF. (Wireshark decides by port, then by content; for one message per segment, as in
 * this module's captures, both agree.)
 */
public final class HttpStartLine {
    /** Only this many bytes are searched for the line's CRLF: a start line longer than this is not one we show. */
    public static final int MAX_LENGTH = 8192;
    // BEGIN SOLUTION
    private static final Pattern REQUEST = Pattern.compile("[A-Z]+ [\\x21-\\x7e]+ HTTP/[0-9]\\.[0-9]");
    private static final Pattern STATUS = Pattern.compile("HTTP/[0-9]\\.[0-9] [0-9]{3} [\\x20-\\x7e]*");
    // END SOLUTION

    private HttpStartLine() {
    }

    /**
     * The start line, without its CRLF, when {@code payload} begins with one: a method of capital
     * letters, one space, a target of visible ASCII characters, one space, "HTTP/" digit "." digit; or
     * "HTTP/" digit "." digit, a space, three digits, a space and a reason phrase of printable ASCII
     * (may be empty). The CRLF must come within the first {@value #MAX_LENGTH} bytes. Anything else: empty.
     */
    public static Optional<String> find(byte[] payload) {
        // BEGIN SOLUTION
        int limit = Math.min(payload.length, MAX_LENGTH);
        for (int i = 0; i + 1 < limit; i++) {
            if (payload[i] == '\r' && payload[i + 1] == '\n') {
                String line = new String(payload, 0, i, StandardCharsets.ISO_8859_1);
                return REQUEST.matcher(line).matches() || STATUS.matcher(line).matches() ? Optional.of(line)
                        : Optional.empty();
            }
        }
        return Optional.empty();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): find an HTTP start line");
    }
}
