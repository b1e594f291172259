package course.sockets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tests' own reading of IRC lines, independent of the code under test. */
public final class Irc {
    private Irc() {
    }

    /** One parsed line: prefix (without colon, or null), command in upper case, parameters. */
    public record Msg(String raw, String prefix, String command, List<String> params) {
        public String param(int index) {
            return index < params.size() ? params.get(index) : null;
        }

        public String last() {
            return params.isEmpty() ? null : params.get(params.size() - 1);
        }

        public boolean is(String cmd) {
            return command.equals(cmd);
        }

        /** The nickname part of the prefix ({@code alice} of {@code alice!alice@127.0.0.1}). */
        public String fromNick() {
            return prefix == null ? null : prefix.split("!", 2)[0];
        }

        @Override
        public String toString() {
            return raw;
        }
    }

    public static Msg parse(String raw) {
        String line = raw;
        String prefix = null;
        if (line.startsWith("@")) {
            int space = line.indexOf(' ');
            line = space < 0 ? "" : line.substring(space + 1).stripLeading();
        }
        if (line.startsWith(":")) {
            int space = line.indexOf(' ');
            prefix = space < 0 ? line.substring(1) : line.substring(1, space);
            line = space < 0 ? "" : line.substring(space + 1).stripLeading();
        }
        List<String> params = new ArrayList<>();
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith(" ")) {
                rest = rest.substring(1);
                continue;
            }
            if (rest.startsWith(":")) {
                params.add(rest.substring(1));
                break;
            }
            int next = rest.indexOf(' ');
            if (next < 0) {
                params.add(rest);
                break;
            }
            params.add(rest.substring(0, next));
            rest = rest.substring(next + 1);
        }
        return new Msg(raw, prefix, command, params);
    }

    /** Writes a message the way the tests expect to see it, for failure messages. */
    public static String show(String prefix, String command, List<String> params) {
        StringBuilder out = new StringBuilder();
        if (prefix != null) {
            out.append(':').append(prefix).append(' ');
        }
        out.append(command);
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            boolean trailing = i == params.size() - 1 && (p.isEmpty() || p.contains(" ") || p.startsWith(":"));
            out.append(' ').append(trailing ? ":" : "").append(p);
        }
        return out.toString();
    }
}
