package course.sockets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One IRC message (RFC 2812, section 2.3.1): an optional {@code :prefix}, a command, and
 * up to 15 parameters. The last parameter may start with {@code :}; it then runs to the
 * end of the line and may contain spaces.
 *
 * <pre>
 *   :alice!alice@127.0.0.1 PRIVMSG #java :hello, world
 *    prefix                 command params: ["#java", "hello, world"]
 * </pre>
 *
 * @param prefix  the origin without its colon, or null when the line has none
 * @param command the command in upper case ({@code NICK}, {@code PRIVMSG}, {@code 001})
 * @param params  the parameters, the trailing one without its colon
 */
public record IrcMessage(String prefix, String command, List<String> params) {
    /** RFC 2812: at most 15 parameters; a 15th runs to the end of the line. */
    public static final int MAX_PARAMS = 15;

    public IrcMessage {
        params = List.copyOf(params);
    }

    /** The parameter at {@code index}, or null when there are fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /**
     * Parses a line (without CRLF). Returns null for a line with no command (empty, or
     * only spaces), which a server ignores. The command is put in upper case, because IRC
     * commands are case-insensitive. IRCv3 message tags ({@code @a=b;c ...}) are skipped.
     */
    public static IrcMessage parse(String line) {
        // BEGIN SOLUTION
        int i = 0;
        int n = line.length();
        i = skipSpaces(line, i);
        if (i < n && line.charAt(i) == '@') {
            i = skipSpaces(line, wordEnd(line, i));
        }
        String prefix = null;
        if (i < n && line.charAt(i) == ':') {
            int end = wordEnd(line, i);
            prefix = line.substring(i + 1, end);
            i = skipSpaces(line, end);
        }
        if (i >= n) {
            return null;
        }
        int end = wordEnd(line, i);
        String command = line.substring(i, end).toUpperCase(Locale.ROOT);
        i = skipSpaces(line, end);
        List<String> params = new ArrayList<>();
        while (i < n) {
            if (line.charAt(i) == ':' || params.size() == MAX_PARAMS - 1) {
                params.add(line.charAt(i) == ':' ? line.substring(i + 1) : line.substring(i));
                break;
            }
            end = wordEnd(line, i);
            params.add(line.substring(i, end));
            i = skipSpaces(line, end);
        }
        return new IrcMessage(prefix, command, params);
        // END SOLUTION
        // STUB: // TODO(task 02.3): split the line into prefix, command and parameters (see the class comment).
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): IrcMessage.parse");
    }
    // BEGIN SOLUTION

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int wordEnd(String line, int i) {
        while (i < line.length() && line.charAt(i) != ' ') {
            i++;
        }
        return i;
    }
    // END SOLUTION
}
