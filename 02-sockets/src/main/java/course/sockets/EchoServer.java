package course.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

/**
 * An echo server: {@code java course.sockets.EchoServer --port 7007}.
 *
 * <p>Each client gets its own virtual thread, which sends back every byte the client
 * sends, unchanged, until the client closes its sending side; then the server closes the
 * connection too. Every socket and stream is closed by try-with-resources, so no client
 * leaves an open file descriptor behind, whatever happens.
 */
public final class EchoServer {
    public static final String USAGE = "usage: java course.sockets.EchoServer --port N";

    private EchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port;
        try {
            port = Arguments.parse(args, Set.of("--port")).port();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return;
        }
        try (ServerSocket listener = new ServerSocket()) {
            // BEGIN SOLUTION
            try {
                listener.bind(new InetSocketAddress(port));
            } catch (BindException e) {
                System.err.println("port " + port + " is already in use");
                return;
            }
            // END SOLUTION
            // STUB: // TODO(task 02.1): when the port is taken, bind throws java.net.BindException:
            // STUB: // print the one line "port N is already in use" to stderr and return (no stack trace).
            // STUB: listener.bind(new InetSocketAddress(port));
            System.out.println("echo server listening on port " + port);
            while (true) {
                Socket client = listener.accept();
                Thread.ofVirtual().name("echo-client").start(() -> serve(client));
            }
        }
    }

    /** Echoes everything one client sends until it closes its side, then closes the connection. */
    static void serve(Socket client) {
        // BEGIN SOLUTION
        try (client;
             InputStream in = client.getInputStream();
             OutputStream out = client.getOutputStream()) {
            // Each read returns what has arrived so far; it is written back at once, so the
            // client sees its echo without waiting for more. read returns -1 (end of stream)
            // when the client has closed its sending side.
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The client went away without a clean close (a reset): nothing left to do.
        }
        // END SOLUTION
        // STUB: // TODO(task 02.1): send back every byte the client sends until read returns -1,
        // STUB: // then close the connection. Use try-with-resources for the socket and its streams.
        // STUB: try { client.close(); } catch (IOException ignored) { }
    }
}
