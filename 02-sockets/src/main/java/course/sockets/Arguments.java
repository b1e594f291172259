package course.sockets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the servers: options written as {@code --name value} pairs, such as
 * {@code --port 6667 --server-name irc.example.org}. Given code: parsing arguments is
 * not what this module teaches.
 */
final class Arguments {
    private final Map<String, String> options;

    private Arguments(Map<String, String> options) {
        this.options = options;
    }

    /**
     * Reads {@code --name value} pairs. Throws {@link IllegalArgumentException} with a
     * message fit for the user when an option is unknown, repeated or has no value.
     */
    static Arguments parse(String[] args, Set<String> allowed) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (options.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return new Arguments(options);
    }

    /** The value of {@code --port}: a required whole number from 1 to 65535. */
    int port() {
        String value = options.get("--port");
        if (value == null) {
            throw new IllegalArgumentException("--port is required");
        }
        return parsePort(value);
    }

    String get(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    /** A TCP port number from text, or an {@link IllegalArgumentException} that says what is wrong. */
    static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number, not \"" + value + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be from 1 to 65535, not " + port);
        }
        return port;
    }
}
