package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.openDescriptors;
import static course.http.HttpTestSupport.procAvailable;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.Poll;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.HttpTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.6 Concurrency and robustness (hidden)")
@ExtendWith(Seeded.class)
class Task06ConcurrencyHiddenTest {
    static final int HEADER_TIMEOUT_MS = 1000;

    @RegisterExtension
    static final StudentServer server = siteServer("--header-timeout-ms", Integer.toString(HEADER_TIMEOUT_MS),
            "--idle-timeout-ms", "10000");

    static void expectHealthy() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/style.css", "Connection: close"));
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.STYLE_CSS);
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("a batch of requests split at random points is understood")
    void randomSplits(Random random) {
        for (int round = 0; round < 5; round++) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            List<String> expected = new ArrayList<>();
            List<String> methods = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String text = RandomData.name(random, 1, 15);
                if (random.nextBoolean()) {
                    batch.writeBytes(Bytes.ascii(HttpWire.request("GET", "/echo/" + text)));
                    expected.add(text);
                    methods.add("GET");
                } else {
                    batch.writeBytes(Bytes.ascii("POST /files/" + text + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n" + "0\r\n\r\n"));
                    expected.add(null);
                    methods.add("POST");
                }
            }
            byte[] bytes = batch.toByteArray();
            try (RawConnection c = server.connect()) {
                c.sendSplit(bytes, RandomData.cuts(random, bytes.length, 20));
                for (int i = 0; i < expected.size(); i++) {
                    RawResponse r = HttpWire.readResponse(c, methods.get(i));
                    if (expected.get(i) == null) {
                        expectStatus(c, r, 201);
                    } else {
                        expectStatus(c, r, 200);
                        expectBody(c, r, expected.get(i));
                    }
                }
            }
        }
    }

    @Test
    @Graded(task = "04.6", points = 2)
    @DisplayName("a client that trickles its head byte by byte is still cut off at the header deadline")
    void tricklingSlowloris() throws Exception {
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress(server.host(), server.port()), 2000);
            slow.setSoTimeout(50);
            OutputStream out = slow.getOutputStream();
            out.write(Bytes.ascii("GET /echo/trickle HTTP/1.1\r\nHost: localhost\r\n"));
            long start = System.nanoTime();
            boolean closed = false;
            byte[] trickle = Bytes.ascii("X-Trickle: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
            int i = 0;
            while (!closed && System.nanoTime() - start < Duration.ofMillis(HEADER_TIMEOUT_MS + 2500).toNanos()) {
                try {
                    out.write(trickle[i++ % trickle.length]);
                    out.flush();
                    int b = slow.getInputStream().read();
                    closed = b < 0 || b == 'H';
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing yet: send the next byte
                } catch (IOException reset) {
                    closed = true;
                }
                if (i == 5) {
                    expectHealthy();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!closed) {
                throw new AssertionError("a client that sent one header byte every 50 ms was not cut off after "
                        + millis + " ms; the whole head must arrive within --header-timeout-ms (" + HEADER_TIMEOUT_MS
                        + " ms), not each byte");
            }
        }
        expectHealthy();
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("aborted connections (half a head, nothing at all, no reading) leak nothing")
    void abortedConnections(Random random) throws Exception {
        boolean proc = procAvailable(server);
        expectHealthy();
        int before = proc ? openDescriptors(server) : 0;
        for (int i = 0; i < 1500; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(server.host(), server.port()), 2000);
                switch (random.nextInt(3)) {
                    case 0 -> s.getOutputStream().write(Bytes.ascii("GET /echo/" + i + " HTTP/1.1\r\nHo"));
                    case 1 -> s.getOutputStream().write(Bytes.ascii(HttpWire.request("GET", "/big.txt")));
                    default -> {
                    }
                }
            }
        }
        expectHealthy();
        if (proc) {
            boolean settled = Poll.until(Duration.ofSeconds(4), () -> openDescriptors(server) <= before + 20);
            if (!settled) {
                throw new AssertionError("after 1500 aborted connections your server holds " + openDescriptors(server)
                        + " file descriptors (" + before + " before)");
            }
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("50 clients upload and download random files at the same time")
    void concurrentUploads(Random random) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bodies.add(RandomData.bytes(random, random.nextInt(20_000)));
        }
        String prefix = RandomData.name(random, 4, 8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try (RawConnection c = server.connect()) {
                        byte[] body = bodies.get(n);
                        c.send("POST /files/" + prefix + n + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                                + body.length + "\r\n\r\n");
                        c.send(body);
                        expectStatus(c, HttpWire.readResponse(c, "POST"), 201);
                        RawResponse r = exchange(c, HttpWire.request("GET", "/files/" + prefix + n, "Connection: close"));
                        expectBody(c, r, body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
            }
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("50 slowloris clients at once: others are served, and all 50 are cut off")
    void manySlowloris() {
        List<RawConnection> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                RawConnection c = server.connect();
                slow.add(c);
                c.send("GET /echo/" + i + " HTTP/1.1\r\nHost: loc");
            }
            expectHealthy();
            for (RawConnection c : slow) {
                c.readTimeout(Duration.ofMillis(HEADER_TIMEOUT_MS + 3000));
                byte[] rest = c.readUntilClose();
                String text = new String(rest, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (rest.length > 0 && !text.startsWith("HTTP/1.1 408")) {
                    throw c.transcript().failure("a slow client should get 408 or a close, but got \"" + Bytes.escape(rest) + "\"");
                }
            }
        } finally {
            slow.forEach(RawConnection::close);
        }
        expectHealthy();
    }
}
