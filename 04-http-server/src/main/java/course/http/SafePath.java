package course.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request path into file name segments that cannot leave the document root.
 * Everything suspicious is refused rather than repaired: {@code ..} (also as
 * {@code %2e%2e}), a slash or backslash hidden in a segment ({@code %2f}, {@code %5c}),
 * and control characters such as NUL ({@code %00}).
 */
final class SafePath {
    private SafePath() {
    }

    /** The decoded segments of {@code rawPath} ({@code /a/b%20c} gives [a, b c]); 400 when unsafe. */
    static List<String> segments(String rawPath) {
        // BEGIN SOLUTION
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            String raw = rawPath.substring(start, end);
            start = end + 1;
            if (raw.isEmpty()) {
                continue;
            }
            String segment = PercentCoding.decode(raw);
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new HttpException(Status.BAD_REQUEST, "\"..\" is not allowed in a path");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                    throw new HttpException(Status.BAD_REQUEST, "a path segment may not contain / \\ or control characters");
                }
            }
            segments.add(segment);
        }
        return segments;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): split at /, percent-decode each segment, refuse .. / \\ and control characters (400)");
    }
}
