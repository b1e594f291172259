package course.http;

import java.io.IOException;
import java.net.BindException;
import sun.misc.Signal;

/**
 * Starts the server: {@code java course.http.Main --port 8080 --root www}.
 * On SIGTERM (or Ctrl+C) it stops accepting, lets running requests finish and returns
 * from main, so the process ends with exit code 0.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        // A StartupFailure has said what is wrong already: no stack trace, just the non-zero exit code.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof StartupFailure)) {
                e.printStackTrace();
            }
        });
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(ServerOptions.USAGE);
            throw new StartupFailure(e.getMessage());
        }
        HttpServer server = new HttpServer(options);
        try {
            server.bind();
        } catch (BindException e) {
            System.err.println("error: port " + options.port() + " is already in use (" + e.getMessage() + ")");
            throw new StartupFailure("port " + options.port() + " is already in use");
        }
        // BEGIN SOLUTION
        Signal.handle(new Signal("TERM"), signal -> server.shutdown());
        Signal.handle(new Signal("INT"), signal -> server.shutdown());
        // END SOLUTION
        // STUB: // TODO(task 04.8): on SIGTERM and SIGINT call server.shutdown() (sun.misc.Signal.handle).
        System.out.println("listening on port " + server.port());
        server.serve();
        System.out.println("stopped");
    }

    /** Ends main with a one-line reason and a non-zero exit code, without System.exit. */
    static final class StartupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupFailure(String message) {
            super(message, null, false, false);
        }
    }
}
