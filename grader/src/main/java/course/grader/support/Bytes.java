package course.grader.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-exact comparison with a readable dump: escaped text and a caret at the first difference. */
public final class Bytes {
    /** Longest dump shown in a message; the rest is summarised as "... (N more bytes)". */
    public static final int MAX_SHOWN = 600;

    private Bytes() {
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Shows bytes as text with \r \n \t \\ and \xHH escapes, so invisible differences become visible. */
    public static String escape(byte[] bytes) {
        return escape(bytes, 0, bytes.length);
    }

    public static String escape(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(to, from + MAX_SHOWN);
        for (int i = from; i < end; i++) {
            out.append(escapeByte(bytes[i]));
        }
        if (to > end) {
            out.append("... (").append(to - end).append(" more bytes)");
        }
        return out.toString();
    }

    static String escapeByte(byte b) {
        int v = b & 0xff;
        return switch (v) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> (v >= 0x20 && v < 0x7f) ? String.valueOf((char) v) : String.format("\\x%02X", v);
        };
    }

    /** Index of the first byte where the arrays differ, or -1 when they are equal. */
    public static int firstDifference(byte[] expected, byte[] actual) {
        return Arrays.mismatch(expected, actual);
    }

    /**
     * A two-line comparison, "expected" over "but was", with a caret under the first
     * differing byte. Returns an empty string when the arrays are equal.
     */
    public static String diff(byte[] expected, byte[] actual) {
        int at = firstDifference(expected, actual);
        if (at < 0) {
            return "";
        }
        // Show a window around the difference so long messages stay readable.
        int from = Math.max(0, at - 40);
        String prefix = from > 0 ? "..." : "";
        String exp = prefix + escape(expected, from, expected.length);
        String act = prefix + escape(actual, from, actual.length);
        int caret = prefix.length() + escape(actual, from, Math.min(at, actual.length)).length();
        String what = at >= actual.length ? "the response ended early"
                : at >= expected.length ? "extra bytes after the expected end"
                : String.format("byte %d differs: expected %s but was %s", at,
                        escapeByte(expected[at]), escapeByte(actual[at]));
        return "expected: \"" + exp + "\"\n"
                + "but was:  \"" + act + "\"\n"
                + "           " + " ".repeat(caret) + "^ " + what;
    }
}
