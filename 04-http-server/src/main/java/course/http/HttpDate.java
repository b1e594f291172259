package course.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates in IMF-fixdate form (RFC 9110, section 5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
final class HttpDate {
    /** Day and month names in English, two-digit day, always GMT. */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Cached(long epochSecond, String text) {
    }

    private static volatile Cached current = new Cached(Long.MIN_VALUE, "");

    private HttpDate() {
    }

    /** Now, formatted; computed once per second because every response needs it. */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached cached = current;
        if (cached.epochSecond() != second) {
            cached = new Cached(second, format(Instant.ofEpochSecond(second)));
            current = cached;
        }
        return cached.text();
    }

    static String format(Instant instant) {
        // BEGIN SOLUTION
        return IMF_FIXDATE.format(instant);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): format an IMF-fixdate such as Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** Parses an IMF-fixdate; anything else gives an empty result (such a field is ignored). */
    static Optional<Instant> parse(String text) {
        // BEGIN SOLUTION
        try {
            return Optional.of(Instant.from(IMF_FIXDATE.parse(text.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): parse an IMF-fixdate");
    }
}
