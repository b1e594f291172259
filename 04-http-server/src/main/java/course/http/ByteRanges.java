package course.http;

import java.util.Locale;

/**
 * The Range field (RFC 9110, section 14.2) for a single range of bytes:
 * {@code bytes=a-b}, {@code bytes=a-} (from a to the end) and {@code bytes=-n} (the last n).
 * Several ranges at once, other units and malformed values are ignored: the whole
 * representation is sent, as the RFC allows.
 */
final class ByteRanges {
    private ByteRanges() {
    }

    /** What a Range field asks of a representation of {@code size} bytes. */
    sealed interface Selection permits Whole, Part, Unsatisfiable {
    }

    /** Send everything (200). */
    record Whole() implements Selection {
    }

    /** Send bytes first..last, both included (206). */
    record Part(long first, long last) implements Selection {
        long length() {
            return last - first + 1;
        }
    }

    /** No byte of the range exists (416). */
    record Unsatisfiable() implements Selection {
    }

    static Selection select(String range, long size) {
        // BEGIN SOLUTION
        if (range == null) {
            return new Whole();
        }
        String value = range.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new Whole();
        }
        String spec = value.substring(6).strip();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0) {
            return new Whole();
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (first.isEmpty()) {
            long suffix = number(last);
            if (suffix < 0) {
                return new Whole();
            }
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        long from = number(first);
        long to = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (from < 0 || to < 0 || to < from) {
            return new Whole();
        }
        if (from >= size) {
            return new Unsatisfiable();
        }
        return new Part(from, Math.min(to, size - 1));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): bytes=a-b, bytes=a- and bytes=-n");
    }

    /** A non-negative decimal number, or -1. */
    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
