package course.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line, checked and typed.
 *
 * @param port            TCP port to listen on
 * @param root            document root for static files, if any
 * @param files           folder behind {@code /files/{name}}, if any
 * @param accessLog       file that access log lines are appended to; standard output when absent
 * @param idleTimeoutMs   how long a kept-alive connection may wait for its next request
 * @param headerTimeoutMs how long a client has to send a complete request head
 */
public record ServerOptions(int port, Optional<Path> root, Optional<Path> files, Optional<Path> accessLog,
                            int idleTimeoutMs, int headerTimeoutMs) {

    public static final String USAGE = """
            usage: java course.http.Main --port N [--root DIR] [--files DIR] [--access-log FILE]
                                         [--idle-timeout-ms N] [--header-timeout-ms N]
              --port N               TCP port to listen on (required)
              --root DIR             serve static files from DIR
              --files DIR            store and serve /files/{name} in DIR
              --access-log FILE      append Common Log Format lines to FILE (default: standard output)
              --idle-timeout-ms N    close a kept-alive connection after N ms without a request (default 10000)
              --header-timeout-ms N  answer 408 when a request head takes longer than N ms (default 10000)""";

    /** Parses the arguments; throws IllegalArgumentException with a one-line reason when they are wrong. */
    public static ServerOptions parse(String... args) {
        Integer port = null;
        Path root = null;
        Path files = null;
        Path accessLog = null;
        int idle = Limits.DEFAULT_IDLE_TIMEOUT_MS;
        int header = Limits.DEFAULT_HEADER_TIMEOUT_MS;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> port = number(name, value, 0, 65535);
                case "--root" -> root = Path.of(value);
                case "--files" -> files = Path.of(value);
                case "--access-log" -> accessLog = Path.of(value);
                case "--idle-timeout-ms" -> idle = number(name, value, 1, Integer.MAX_VALUE);
                case "--header-timeout-ms" -> header = number(name, value, 1, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port is required");
        }
        if (root != null && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("--root " + root + " is not a folder");
        }
        return new ServerOptions(port, Optional.ofNullable(root), Optional.ofNullable(files),
                Optional.ofNullable(accessLog), idle, header);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", but was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, but was \"" + value + "\"");
        }
    }
}
