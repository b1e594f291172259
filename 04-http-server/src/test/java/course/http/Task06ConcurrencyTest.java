package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.openDescriptors;
import static course.http.HttpTestSupport.procAvailable;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.threads;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.Poll;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.6: many clients at once, slow and malicious ones included, and nothing leaks. */
@DisplayName("04.6 Concurrency and robustness")
class Task06ConcurrencyTest {
    static final int CLIENTS = 100;
    static final int HEADER_TIMEOUT_MS = 1000;

    @RegisterExtension
    static final StudentServer server = siteServer();

    /** A server with a short header timeout (and a long idle timeout, which must not be what cuts a slow head). */
    @RegisterExtension
    static final StudentServer strict = siteServer("--header-timeout-ms", Integer.toString(HEADER_TIMEOUT_MS),
            "--idle-timeout-ms", "10000");

    @Test
    @Graded(task = "04.6", points = 3)
    @DisplayName("100 clients at once all get their own answer, each on a virtual thread (far fewer than 100 threads)")
    void concurrentClients() {
        List<RawConnection> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                RawConnection c = server.connect();
                clients.add(c);
                c.send("GET /echo/client-" + i + " HTTP/1.1\r\nHost: localh");
            }
            // Every client has sent half a head. Finish them last to first: a server that serves one
            // connection at a time is stuck on the first client and never answers the last.
            for (int i = CLIENTS - 1; i >= 0; i--) {
                RawConnection c = clients.get(i);
                c.send("ost\r\n\r\n");
                RawResponse r = HttpWire.readResponse(c);
                expectStatus(c, r, 200);
                expectBody(c, r, "client-" + i);
                if (i == CLIENTS - 1 && procAvailable(server)) {
                    int threads = threads(server);
                    if (threads >= CLIENTS) {
                        throw c.transcript().failure("with " + CLIENTS + " open connections your server runs " + threads
                                + " threads: use a virtual thread per connection (Thread.ofVirtual()), not a platform thread");
                    }
                }
            }
        } finally {
            clients.forEach(RawConnection::close);
        }
    }

    @Test
    @Graded(task = "04.6", points = 2)
    @DisplayName("a slowloris client (half a head, then nothing) blocks nobody and is cut off after --header-timeout-ms")
    void slowloris() {
        try (RawConnection slow = strict.connect()) {
            slow.send("GET /echo/slow HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            long start = System.nanoTime();
            try (RawConnection quick = strict.connect()) {
                RawResponse r = exchange(quick, HttpWire.request("GET", "/echo/quick", "Connection: close"));
                expectStatus(quick, r, 200);
                expectBody(quick, r, "quick");
            }
            slow.readTimeout(Duration.ofMillis(HEADER_TIMEOUT_MS + 3000));
            byte[] rest = slow.readUntilClose();
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = new String(rest, StandardCharsets.ISO_8859_1);
            if (rest.length > 0 && !text.startsWith("HTTP/1.1 408")) {
                throw slow.transcript().failure("a client that does not finish its head should get 408 Request Timeout "
                        + "(or just a close), but it got \"" + Bytes.escape(rest) + "\"");
            }
            if (millis < HEADER_TIMEOUT_MS / 2) {
                throw slow.transcript().failure("the server cut the slow client off after " + millis
                        + " ms; it should wait --header-timeout-ms (" + HEADER_TIMEOUT_MS + " ms)");
            }
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("requests that arrive one byte at a time are understood")
    void byteByByte() {
        byte[] requests = Bytes.ascii("POST /files/split.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 11\r\n\r\n"
                + "split bytes"
                + "GET /files/split.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int[] everyByte = new int[requests.length];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i;
        }
        try (RawConnection c = server.connect()) {
            c.sendSplit(requests, everyByte);
            expectStatus(c, HttpWire.readResponse(c, "POST"), 201);
            RawResponse r = HttpWire.readResponse(c);
            expectStatus(c, r, 200);
            expectBody(c, r, "split bytes");
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("fifty requests in one write get fifty answers, in order")
    void manyInOneWrite() {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            batch.append(HttpWire.request("GET", "/echo/request-" + i));
        }
        try (RawConnection c = server.connect()) {
            c.send(batch.toString());
            for (int i = 0; i < 50; i++) {
                RawResponse r = HttpWire.readResponse(c);
                expectStatus(c, r, 200);
                expectBody(c, r, "request-" + i);
            }
            c.expectSilence(Duration.ofMillis(200));
        }
    }

    @Test
    @Graded(task = "04.6", points = 1)
    @DisplayName("2000 connections one after another leak no sockets or threads")
    void noLeaks() {
        boolean proc = procAvailable(server);
        try (RawConnection c = server.connect()) {
            expectStatus(c, exchange(c, HttpWire.request("GET", "/echo/warm-up", "Connection: close")), 200);
        }
        int descriptorsBefore = proc ? openDescriptors(server) : 0;
        int threadsBefore = proc ? threads(server) : 0;
        for (int i = 0; i < 2000; i++) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, HttpWire.request("GET", "/echo/" + i, "Connection: close"));
                if (r.status() != 200 || !r.bodyText().equals(Integer.toString(i))) {
                    throw c.transcript().failure("connection " + i + " of 2000 got a wrong answer");
                }
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/echo/still-here", "Connection: close"));
            expectBody(c, r, "still-here");
        }
        if (proc) {
            boolean settled = Poll.until(Duration.ofSeconds(3),
                    () -> openDescriptors(server) <= descriptorsBefore + 20 && threads(server) <= threadsBefore + 20);
            if (!settled) {
                throw new AssertionError("after 2000 closed connections your server holds " + openDescriptors(server)
                        + " file descriptors (" + descriptorsBefore + " before) and runs " + threads(server)
                        + " threads (" + threadsBefore + " before): close every socket (try-with-resources)");
            }
        }
    }
}
