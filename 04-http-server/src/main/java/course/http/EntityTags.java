package course.http;

/** Entity tags as in If-None-Match: {@code "abc"}, {@code W/"abc"}, in a comma-separated list. */
final class EntityTags {
    private EntityTags() {
    }

    /**
     * True when the list holds a tag that matches {@code etag} by weak comparison
     * (RFC 9110, section 8.8.3.2): the opaque parts are equal, a {@code W/} does not matter.
     */
    static boolean containsWeakly(String list, String etag) {
        // BEGIN SOLUTION
        String wanted = opaque(etag);
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (list.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= list.length() || list.charAt(i) != '"') {
                return false;
            }
            int close = list.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (list.substring(i, close + 1).equals(wanted)) {
                return true;
            }
            i = close + 1;
        }
        return false;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): compare each tag in the list, ignoring W/");
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
