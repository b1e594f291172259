package course.notebook;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/** The command line: {@code --port N --data DIR --token T --cell-timeout SECONDS}, each optional. */
public record Options(int port, Path dataDir, String token, Duration cellTimeout) {
    public static final int DEFAULT_PORT = 8888;
    public static final Path DEFAULT_DATA_DIR = Path.of("notebook-data");
    /** Random bytes in a generated token (printed as twice as many hex digits). */
    public static final int TOKEN_BYTES = 16;
    public static final int DEFAULT_CELL_TIMEOUT_SECONDS = 10;
    /** Longest time limit a cell may be given, so a typo cannot make a runaway cell run for days. */
    public static final int MAX_CELL_TIMEOUT_SECONDS = 3600;

    public static final String USAGE = "usage: notebook [--port N (default " + DEFAULT_PORT + ", 0 = any free port)] "
            + "[--data DIR (default ./" + DEFAULT_DATA_DIR + ")] [--token T (default: random)] "
            + "[--cell-timeout SECONDS (default " + DEFAULT_CELL_TIMEOUT_SECONDS + ")]";

    /** @throws IllegalArgumentException with a message for people */
    public static Options parse(String[] args) {
        int port = DEFAULT_PORT;
        Path data = DEFAULT_DATA_DIR;
        String token = null;
        int timeout = DEFAULT_CELL_TIMEOUT_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value"
                        : "unexpected argument " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> port = number(name, value, 0, 65535);
                case "--data" -> data = Path.of(value);
                case "--token" -> {
                    if (!value.matches("[A-Za-z0-9._~-]{8,256}")) {
                        throw new IllegalArgumentException("--token must be 8 to 256 letters, digits or . _ ~ -");
                    }
                    token = value;
                }
                case "--cell-timeout" -> timeout = number(name, value, 1, MAX_CELL_TIMEOUT_SECONDS);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Options(port, data, token == null ? randomToken() : token, Duration.ofSeconds(timeout));
    }

    /** 32 hex digits from a cryptographically strong generator, like Jupyter's token. */
    public static String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not \""
                + value + "\"");
    }
}
