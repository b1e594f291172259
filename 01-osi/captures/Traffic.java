import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the traffic that record.sh captures on the loopback interface, and rewrites
 * capture files (byte order, transport checksums). A single-file program: run it with
 * {@code java Traffic.java MODE} (Java 17 or newer); it uses nothing but the JDK and
 * does not share code with the exercise, so the captures are an independent check.
 *
 * <pre>
 *   java Traffic.java http  [port]     HTTP/1.1 over one TCP connection: handshake, GET, POST, close
 *   java Traffic.java udp   [port]     UDP datagrams of 4, 5, 0 and 1000 bytes, each echoed back
 *   java Traffic.java mixed [port]     HTTP on port: a 404, a HEAD, a query, then the server closes first;
 *                                      a TCP connection to port+1, where nobody listens (SYN, RST);
 *                                      UDP datagrams to an echo on port+2 and to port+3, where nobody
 *                                      listens (the kernel answers ICMP port unreachable)
 *   java Traffic.java rewrite IN OUT [--big-endian] [--complete-checksums]
 * </pre>
 *
 * Each exchange waits for its answer before the next one starts (blocking reads), so the
 * packets appear in a fixed order. Every HTTP message is sent with one write, so it travels
 * in one TCP segment and Wireshark shows it on the same packet as a per-segment dissector.
 */
public class Traffic {
    /** How long any read waits before the generator gives up: the peer is on the same machine. */
    static final int READ_TIMEOUT_MILLIS = 5_000;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "http" -> http(port(args, 8088));
            case "udp" -> udp(port(args, 5005));
            case "mixed" -> mixed(port(args, 8089));
            case "rewrite" -> rewrite(args);
            default -> usage();
        }
    }

    static int port(String[] args, int fallback) {
        return args.length > 1 ? Integer.parseInt(args[1]) : fallback;
    }

    static void usage() {
        System.err.println("usage: java Traffic.java http|udp|mixed [port]");
        System.err.println("       java Traffic.java rewrite IN OUT [--big-endian] [--complete-checksums]");
    }

    // ---------------------------------------------------------------- HTTP over TCP

    /** One keep-alive connection: GET /hello, POST /echo, then the client closes first. */
    static void http(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port, 4, LOOPBACK)) {
            Thread serverThread = startServer(server, false);
            try (Socket client = new Socket(LOOPBACK, port)) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                exchange(client, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nUser-Agent: osi-course/1.0\r\nAccept: text/plain\r\n\r\n");
                exchange(client, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world");
                client.shutdownOutput(); // our FIN first
                expectEnd(client);
            }
            serverThread.join();
        }
    }

    /**
     * Three requests on one connection, the last with Connection: close so that the server
     * closes first; then a connection to a port nobody listens on (the kernel answers RST).
     */
    static void mixed(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port, 4, LOOPBACK)) {
            Thread serverThread = startServer(server, true);
            try (Socket client = new Socket(LOOPBACK, port)) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                exchange(client, "GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n");
                exchange(client, "HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n");
                exchange(client, "GET /index.html?lang=ko HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ko\r\n"
                        + "Connection: close\r\n\r\n");
                expectEnd(client); // the server's FIN
            }
            serverThread.join();
        }
        try (Socket refused = new Socket()) {
            refused.connect(new InetSocketAddress(LOOPBACK, port + 1), READ_TIMEOUT_MILLIS);
            throw new IllegalStateException("port " + (port + 1) + " should be closed");
        } catch (ConnectException expected) {
            // SYN answered by RST, ACK: what the capture should show
        }
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             DatagramSocket echo = new DatagramSocket(new InetSocketAddress(LOOPBACK, port + 2))) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            echo.setSoTimeout(READ_TIMEOUT_MILLIS);
            // A 3-byte datagram (odd length) to an echo on port+2, then one to port+3 where nobody listens.
            byte[] query = {0x12, 0x34, 0x01};
            socket.send(new DatagramPacket(query, query.length, LOOPBACK, port + 2));
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            echo.receive(in);
            echo.send(new DatagramPacket(in.getData(), in.getLength(), in.getSocketAddress()));
            socket.receive(new DatagramPacket(new byte[2048], 2048));
            byte[] lost = "nobody listens here".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(lost, lost.length, LOOPBACK, port + 3));
            // Linux reports the ICMP port unreachable on the next receive of a connected socket only;
            // the ICMP message itself is on the wire either way. Send one more echo so the capture ends
            // with a known packet after the ICMP one.
            byte[] last = "last".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(last, last.length, LOOPBACK, port + 2));
            echo.receive(in);
            echo.send(new DatagramPacket(in.getData(), in.getLength(), in.getSocketAddress()));
            socket.receive(new DatagramPacket(new byte[2048], 2048));
        }
    }

    static void exchange(Socket client, String request) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII)); // one write: one segment
        out.flush();
        boolean head = request.startsWith("HEAD ");
        readMessage(client.getInputStream(), head);
    }

    static void expectEnd(Socket client) throws IOException {
        if (client.getInputStream().read() != -1) {
            throw new IllegalStateException("expected the end of the stream");
        }
    }

    /** A tiny HTTP server for one connection; answers each request with one write. */
    static Thread startServer(ServerSocket server, boolean mixed) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(READ_TIMEOUT_MILLIS);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (true) {
                    Message request = readMessage(in, false);
                    if (request == null) {
                        break; // client's FIN
                    }
                    byte[] response = respond(request, mixed);
                    out.write(response);
                    out.flush();
                    if (request.head.toLowerCase().contains("\r\nconnection: close")) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "http-server");
        t.start();
        return t;
    }

    static byte[] respond(Message request, boolean mixed) {
        String line = request.head.substring(0, request.head.indexOf("\r\n"));
        String status;
        String type = "text/plain; charset=utf-8";
        String body;
        if (line.startsWith("GET /hello ")) {
            status = "200 OK";
            body = "Hello, layers!\n";
        } else if (line.startsWith("POST /echo ")) {
            status = "201 Created";
            body = new String(request.body, StandardCharsets.US_ASCII).toUpperCase();
        } else if (line.startsWith("GET /index.html")) {
            status = "200 OK";
            type = "text/html; charset=utf-8";
            body = "<!doctype html><title>OSI</title><p>Seven layers, four in practice.</p>\n";
        } else if (line.startsWith("HEAD / ")) {
            status = "200 OK";
            body = "home page of the generator\n";
        } else {
            status = "404 Not Found";
            body = "not found: " + line.split(" ")[1] + "\n";
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bodyBytes.length
                + (request.head.toLowerCase().contains("\r\nconnection: close") ? "\r\nConnection: close" : "")
                + "\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (!line.startsWith("HEAD ")) {
            all.writeBytes(bodyBytes);
        }
        return all.toByteArray();
    }

    record Message(String head, byte[] body) {
    }

    /** Reads one HTTP message (head and Content-Length body); null at a clean end of stream. */
    static Message readMessage(InputStream in, boolean noBody) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        if (b == -1) {
            if (head.size() == 0) {
                return null;
            }
            throw new IllegalStateException("stream ended inside a message head");
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String field : text.split("\r\n")) {
            if (field.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(field.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(noBody ? 0 : length);
        return new Message(text, body);
    }

    // ---------------------------------------------------------------- UDP

    /** Datagrams of 4, 5 (odd), 0 and 1000 bytes to an echo service; each echo is awaited. */
    static void udp(int port) throws Exception {
        byte[] big = new byte[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        List<byte[]> payloads = List.of("ping".getBytes(StandardCharsets.US_ASCII),
                "hello".getBytes(StandardCharsets.US_ASCII), new byte[0], big);
        try (DatagramSocket echo = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            echo.setSoTimeout(READ_TIMEOUT_MILLIS);
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            for (byte[] p : payloads) {
                client.send(new DatagramPacket(p, p.length, LOOPBACK, port));
                DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
                echo.receive(in);
                echo.send(new DatagramPacket(in.getData(), in.getLength(), in.getSocketAddress()));
                DatagramPacket back = new DatagramPacket(new byte[2048], 2048);
                client.receive(back);
                if (!Arrays.equals(p, Arrays.copyOf(back.getData(), back.getLength()))) {
                    throw new IllegalStateException("echo differs");
                }
            }
        }
    }

    // ---------------------------------------------------------------- rewriting captures

    /**
     * Copies a classic pcap file, optionally writing every header big-endian (as a capture made
     * on a big-endian machine would be) and optionally filling in the TCP and UDP checksums that
     * loopback leaves unfinished: Linux hands a loopback segment over with checksum offload
     * (CHECKSUM_PARTIAL), so the captured checksum field holds only the pseudo-header part. A
     * network card would complete it; this does the same, so a capture with good checksums exists.
     */
    static void rewrite(String[] args) throws IOException {
        Path in = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<String> flags = Arrays.asList(args).subList(3, args.length);
        boolean bigEndian = flags.contains("--big-endian");
        boolean complete = flags.contains("--complete-checksums");
        ByteBuffer src = ByteBuffer.wrap(Files.readAllBytes(in));
        int magic = src.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            src.order(ByteOrder.BIG_ENDIAN);
            magic = src.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IOException(in + " is not a classic pcap file");
            }
        }
        ByteBuffer dst = ByteBuffer.allocate(src.capacity()).order(bigEndian ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        dst.putInt(magic).putShort(src.getShort(4)).putShort(src.getShort(6)).putInt(src.getInt(8))
                .putInt(src.getInt(12)).putInt(src.getInt(16));
        int linkType = src.getInt(20);
        dst.putInt(linkType);
        int at = 24;
        while (at < src.capacity()) {
            int captured = src.getInt(at + 8);
            dst.putInt(src.getInt(at)).putInt(src.getInt(at + 4)).putInt(captured).putInt(src.getInt(at + 12));
            byte[] data = Arrays.copyOfRange(src.array(), at + 16, at + 16 + captured);
            if (complete && linkType == 1) {
                completeChecksum(data, src.getInt(at + 12));
            }
            dst.put(data);
            at += 16 + captured;
        }
        Files.write(out, dst.array());
    }

    static void completeChecksum(byte[] frame, int originalLength) {
        if (frame.length != originalLength || frame.length < 34 || u16(frame, 12) != 0x0800) {
            return;
        }
        int ip = 14;
        int ihl = (frame[ip] & 0x0f) * 4;
        int protocol = frame[ip + 9] & 0xff;
        int total = u16(frame, ip + 2);
        int at = ip + ihl;
        int length = total - ihl;
        int field = protocol == 6 ? at + 16 : protocol == 17 ? at + 6 : -1;
        if (field < 0 || ip + total > frame.length) {
            return;
        }
        frame[field] = 0;
        frame[field + 1] = 0;
        long sum = 0;
        for (int i = 0; i < 8; i += 2) {
            sum += u16(frame, ip + 12 + i); // source and destination address
        }
        sum += protocol + length;
        for (int i = 0; i < length; i += 2) {
            sum += i + 1 < length ? u16(frame, at + i) : (frame[at + i] & 0xff) << 8;
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        if (checksum == 0 && protocol == 17) {
            checksum = 0xffff; // UDP sends a computed 0 as all ones; 0 means "no checksum"
        }
        frame[field] = (byte) (checksum >>> 8);
        frame[field + 1] = (byte) checksum;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }
}
