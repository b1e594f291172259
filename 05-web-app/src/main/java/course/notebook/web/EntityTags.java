package course.notebook.web;

import course.notebook.application.Precondition;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A notebook's entity tag is its version in quotes, {@code "7"}; If-Match names the versions a change expects. */
public final class EntityTags {
    /** A strong entity tag holding a version number. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Reads If-Match (RFC 9110 section 13.1.1): absent, {@code *}, or a list of entity tags. Weak tags
     * ({@code W/"3"}) and tags that are not versions never match, since If-Match compares strongly.
     */
    public static Precondition ifMatch(String header) {
        // BEGIN SOLUTION
        if (header == null || header.isBlank()) {
            return Precondition.NONE;
        }
        if (header.strip().equals("*")) {
            return Precondition.ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String part : header.split(",")) {
            Matcher m = VERSION_TAG.matcher(part.strip());
            if (m.matches()) {
                versions.add(Long.parseLong(m.group(1)));
            }
        }
        return Precondition.oneOf(versions);
        // END SOLUTION
        // STUB: return Precondition.NONE; // TODO(task 05.2): read If-Match: absent, *, or a list of "version" tags
    }
}
