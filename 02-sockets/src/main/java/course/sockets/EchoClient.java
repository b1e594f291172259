package course.sockets;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client for the echo server: {@code java course.sockets.EchoClient localhost 7007}.
 *
 * <p>Sends each line typed on standard input (UTF-8, ending in LF) and prints every line
 * the server sends back. When standard input ends (Ctrl+D, or the end of a piped file), it
 * half-closes the connection ({@code shutdownOutput}): the server sees end of stream, yet
 * the client still reads and prints what the server sends until the server closes too.
 * So the echo of the last line is never lost.
 */
public final class EchoClient {
    public static final String USAGE = "usage: java course.sockets.EchoClient HOST PORT";

    private EchoClient() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println(USAGE);
            return;
        }
        String host = args[0];
        int port;
        try {
            port = Arguments.parsePort(args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return;
        }
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // BEGIN SOLUTION
        try (Socket socket = new Socket(host, port)) {
            // A second thread prints the echoes while this one sends, so neither side waits
            // for the other: a long input never deadlocks on full buffers.
            Thread printer = Thread.ofPlatform().name("echo-printer").start(() -> printReplies(socket, console));
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = stdin.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            socket.shutdownOutput();
            printer.join();
        } catch (IOException e) {
            System.err.println("error: " + host + ":" + port + ": " + e.getMessage());
        }
        // END SOLUTION
        // STUB: // TODO(task 02.1): connect to host:port, send each stdin line (UTF-8, LF) and print the echoes;
        // STUB: // when stdin ends, half-close (shutdownOutput) and print what still arrives until the server closes.
        // STUB: throw new UnsupportedOperationException("TODO(task 02.1): EchoClient");
    }
    // BEGIN SOLUTION

    private static void printReplies(Socket socket, PrintStream console) {
        try (BufferedReader replies = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = replies.readLine()) != null) {
                console.println(line);
            }
        } catch (IOException e) {
            System.err.println("error: reading from the server: " + e.getMessage());
        }
    }
    // END SOLUTION
}
