import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens COUNT keep-alive connections to an HTTP/1.1 server, sends one GET on each, reads
 * the whole response and then keeps every socket open without sending anything more, so
 * the server holds COUNT idle kept-alive connections.
 *
 * <pre>
 * java IdleConnections.java HOST PORT COUNT [HOLD_SECONDS] [PATH]
 * </pre>
 *
 * Prints {@code READY opened=N failed=F} once all connections are open, then holds them
 * for at most HOLD_SECONDS (default 300). While it holds, one line on standard input
 * decides what happens next:
 * <ul>
 *   <li>{@code verify}: send one more GET on every connection and count the answers
 *       ({@code VERIFIED answered=N of M}), which shows the server really kept them; then exit.</li>
 *   <li>anything else: close everything and exit.</li>
 * </ul>
 * End of standard input is ignored (the holding time still bounds the run).
 */
public final class IdleConnections {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 15_000;
    private static final int OPENER_THREADS = 4;

    private IdleConnections() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java IdleConnections.java HOST PORT COUNT [HOLD_SECONDS] [PATH]");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int holdSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        String path = args.length > 4 ? args[4] : "/index.html";
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        InetSocketAddress address = new InetSocketAddress(host, port);

        long started = System.nanoTime();
        Socket[] sockets = new Socket[count];
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> openers = new ArrayList<>();
        for (int t = 0; t < OPENER_THREADS; t++) {
            int first = t;
            openers.add(Thread.ofPlatform().name("opener-" + t).start(() -> {
                for (int i = first; i < count; i += OPENER_THREADS) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(address, CONNECT_TIMEOUT_MS);
                        socket.setSoTimeout(READ_TIMEOUT_MS);
                        exchange(socket, request);
                        sockets[i] = socket;
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                        closeQuietly(socket);
                    }
                }
            }));
        }
        for (Thread opener : openers) {
            opener.join();
        }
        long openedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int opened = count - failed.get();
        System.out.printf(Locale.ROOT, "opened %d of %d connections in %d ms%n", opened, count, openedMs);
        if (firstFailure.get() != null) {
            System.out.println("first failure: " + firstFailure.get());
        }
        System.out.printf(Locale.ROOT, "READY opened=%d failed=%d%n", opened, failed.get());
        System.out.flush();

        AtomicReference<String> command = new AtomicReference<>();
        CountDownLatch decided = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("stdin").start(() -> {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line != null) {
                    command.set(line.strip());
                    decided.countDown();
                }
            } catch (IOException ignored) {
                // no commands then; the holding time ends the run
            }
        });
        if (!decided.await(holdSeconds, TimeUnit.SECONDS)) {
            System.out.println("held for " + holdSeconds + " s; closing");
        } else if ("verify".equals(command.get())) {
            int answered = 0;
            for (Socket socket : sockets) {
                if (socket == null) {
                    continue;
                }
                try {
                    exchange(socket, request);
                    answered++;
                } catch (IOException | RuntimeException e) {
                    // the server closed it (or failed to answer)
                }
            }
            System.out.printf(Locale.ROOT, "VERIFIED answered=%d of %d%n", answered, opened);
        }
        for (Socket socket : sockets) {
            if (socket != null) {
                closeQuietly(socket);
            }
        }
        System.out.flush();
    }

    /**
     * Sends one request and reads its whole response (Content-Length framing); fails on
     * anything but 200. Only one request is ever outstanding on a connection, so reading in
     * large pieces cannot swallow the start of another response.
     */
    private static void exchange(Socket socket, byte[] request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        int filled = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            if (filled == buffer.length) {
                throw new IOException("response head too long");
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new IOException("the connection ended before the response head");
            }
            filled += n;
            headEnd = indexOfBlankLine(buffer, filled);
        }
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 200 ")) {
            int end = head.indexOf('\r');
            throw new IOException("unexpected answer: " + (end < 0 ? head : head.substring(0, end)));
        }
        long remaining = contentLength(head) - (filled - headEnd);
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("the connection ended inside the body");
            }
            remaining -= n;
        }
    }

    /** The index just past the first CRLF CRLF, or -1. */
    private static int indexOfBlankLine(byte[] bytes, int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static long contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        throw new IOException("the response has no Content-Length");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
