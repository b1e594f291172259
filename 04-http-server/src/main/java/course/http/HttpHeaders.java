package course.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Header fields in the order they arrived; names compare case-insensitively (RFC 9110, section 5.1). */
public record HttpHeaders(List<Field> fields) {

    public record Field(String name, String value) {
    }

    public static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    public HttpHeaders {
        fields = List.copyOf(fields);
    }

    /** The first value of a field. */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of a field, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                values.add(f.value());
            }
        }
        return values;
    }

    public int count(String name) {
        int n = 0;
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                n++;
            }
        }
        return n;
    }

    /** True when a comma-separated list field (Connection, say) has the token, in any letter case. */
    public boolean hasToken(String name, String token) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                for (String element : f.value().split(",")) {
                    if (element.strip().toLowerCase(Locale.ROOT).equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
