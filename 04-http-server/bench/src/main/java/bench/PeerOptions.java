package bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The command line every peer accepts: {@code --port N --root DIR}. */
record PeerOptions(int port, Path root) {

    static PeerOptions parse(String name, String... args) {
        Integer port = null;
        Path root = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--root" -> root = Path.of(args[i + 1]).toAbsolutePath().normalize();
                default -> usage(name, "unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            usage(name, "option " + args[args.length - 1] + " needs a value");
        }
        if (port == null || root == null) {
            usage(name, "--port and --root are required");
        }
        if (!Files.isDirectory(root)) {
            usage(name, "--root " + root + " is not a folder");
        }
        return new PeerOptions(port, root);
    }

    private static void usage(String name, String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: java -cp ... " + name + " --port N --root DIR");
        System.exit(2);
    }
}
