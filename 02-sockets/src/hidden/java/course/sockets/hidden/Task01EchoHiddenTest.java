package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import course.sockets.ChatSupport;
import course.sockets.EchoSupport;
import course.sockets.JavaProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.1, hidden: large and random payloads, many clients, resets, no leaks. */
@DisplayName("02.1 Echo server and client (hidden)")
@ExtendWith(Seeded.class)
class Task01EchoHiddenTest {

    @RegisterExtension
    static final StudentServer server = StudentServer.main(EchoSupport.ECHO_SERVER).args("--port", "{port}");

    static Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends the data in random pieces from another thread while this one reads the echo; returns what came back. */
    static byte[] roundTrip(Socket s, byte[] data, Random random, Transcript t) throws Exception {
        OutputStream out = s.getOutputStream();
        long seed = random.nextLong();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            Random pieces = new Random(seed);
            try {
                int from = 0;
                while (from < data.length) {
                    int n = Math.min(data.length - from, 1 + pieces.nextInt(20_000));
                    out.write(data, from, n);
                    out.flush();
                    from += n;
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        InputStream in = s.getInputStream();
        byte[] got = new byte[data.length];
        int have = 0;
        try {
            while (have < data.length) {
                int n = in.read(got, have, data.length - have);
                if (n < 0) {
                    break;
                }
                have += n;
            }
        } catch (SocketTimeoutException e) {
            throw t.failure("the echo stopped after " + have + " of " + data.length + " bytes");
        }
        sending.get(10, TimeUnit.SECONDS);
        if (have < data.length) {
            throw t.failure("the server closed the connection after echoing " + have + " of " + data.length + " bytes");
        }
        return got;
    }

    @Test
    @Graded(task = "02.1", points = 2)
    @DisplayName("1 MiB of random bytes in random pieces comes back exactly")
    void largeRandomPayload(Random random) throws Exception {
        Transcript t = new Transcript();
        byte[] data = new byte[1 << 20];
        random.nextBytes(data);
        t.step("send 1 MiB of random bytes in pieces of 1 to 20000 bytes, reading the echo at the same time");
        try (Socket s = open()) {
            byte[] got = roundTrip(s, data, random, t);
            if (!Arrays.equals(data, got)) {
                int at = Arrays.mismatch(data, got);
                throw t.failure("the echo differs from what was sent at byte " + at + ":\n"
                        + Bytes.diff(Arrays.copyOfRange(data, at, Math.min(data.length, at + 16)),
                        Arrays.copyOfRange(got, at, Math.min(got.length, at + 16))));
            }
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("50 clients connected at once each get their own bytes back")
    void manyClientsAtOnce(Random random) throws Exception {
        Transcript t = new Transcript();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                sockets.add(open());
            }
            t.step("50 clients connected");
            byte[][] data = new byte[50][];
            for (int i = 0; i < 50; i++) {
                data[i] = ("client " + i + " " + random.nextLong() + "\n").getBytes(StandardCharsets.US_ASCII);
            }
            // Everyone sends first, then everyone reads, last client first.
            for (int i = 0; i < 50; i++) {
                sockets.get(i).getOutputStream().write(data[i]);
            }
            for (int i = 49; i >= 0; i--) {
                byte[] got = sockets.get(i).getInputStream().readNBytes(data[i].length);
                if (!Arrays.equals(data[i], got)) {
                    throw t.failure("client " + i + " got back something else:\n" + Bytes.diff(data[i], got));
                }
            }
        } catch (SocketTimeoutException e) {
            throw t.failure("a client waited in vain for its echo: every client needs its own thread");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("EchoClient with 500 random lines (UTF-8) prints every echo, in order")
    void echoClientManyLines(Random random) throws IOException {
        Transcript t = new Transcript();
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éüß한국어😀.,;:!?\t";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                line.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            lines.add(line.toString());
        }
        try (EchoSupport.OneShotServer echo = new EchoSupport.OneShotServer(EchoSupport.OneShotServer.Mode.ECHO);
             JavaProcess client = JavaProcess.start(t, EchoSupport.ECHO_CLIENT, "127.0.0.1", Integer.toString(echo.port()))) {
            for (String line : lines) {
                client.type(line);
            }
            client.closeInput();
            for (int i = 0; i < lines.size(); i++) {
                String printed = client.nextLine();
                if (!printed.equals(lines.get(i))) {
                    throw client.failure("line " + i + " should be printed as \"" + lines.get(i) + "\", but was \""
                            + printed + "\"");
                }
            }
            client.expectExit(Duration.ofSeconds(10));
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("clients that reset their connection mid-stream leave no trouble behind: no leaked descriptors, echo still works")
    void resetsAndLeaks(Random random) throws Exception {
        Transcript t = new Transcript();
        boolean proc = ChatSupport.procAvailable(server);
        Path fds = Path.of("/proc", Long.toString(server.process().pid()), "fd");
        int before = proc ? count(fds) : 0;
        for (int i = 0; i < 100; i++) {
            try (Socket s = open()) {
                byte[] data = new byte[1 + random.nextInt(5000)];
                s.getOutputStream().write(data);
                if (i % 2 == 0) {
                    s.getInputStream().readNBytes(1);
                    s.setSoLinger(true, 0); // close with a reset (RST) instead of a FIN
                } else {
                    s.shutdownOutput();
                    s.getInputStream().readAllBytes();
                }
            }
        }
        t.step("100 clients connected, sent data, and closed (half of them with a reset)");
        try (Socket s = open()) {
            byte[] data = "still alive\n".getBytes(StandardCharsets.US_ASCII);
            s.getOutputStream().write(data);
            byte[] got = s.getInputStream().readNBytes(data.length);
            if (!Arrays.equals(data, got)) {
                throw t.failure("after the resets the echo server should still echo:\n" + Bytes.diff(data, got));
            }
        }
        if (proc) {
            int after = count(fds);
            if (after > before + 10) {
                throw t.failure("the server had " + before + " open file descriptors before 100 connections and " + after
                        + " after they all closed: close every socket (try-with-resources)");
            }
        }
    }

    static int count(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return (int) list.count();
        }
    }
}
