package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectClosed;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.5: one connection carries many requests, in order, until one side ends it. */
@DisplayName("04.5 Persistent connections")
class Task05PersistentConnectionsTest {
    static final int IDLE_TIMEOUT_MS = 1000;
    static final Duration SILENCE = Duration.ofMillis(300);

    @RegisterExtension
    static final StudentServer server = siteServer("--idle-timeout-ms", Integer.toString(IDLE_TIMEOUT_MS));

    static void expectOpen(RawConnection c, RawResponse r) {
        if (r.hasToken("Connection", "close")) {
            throw c.transcript().failure("the response says \"Connection: close\", but the connection should stay open");
        }
        c.expectSilence(SILENCE);
    }

    @Test
    @Graded(task = "04.5", points = 2)
    @DisplayName("HTTP/1.1 keeps the connection open: three requests, one connection")
    void keepAliveByDefault() {
        try (RawConnection c = server.connect()) {
            for (String text : new String[] {"one", "two", "three"}) {
                RawResponse r = exchange(c, HttpWire.request("GET", "/echo/" + text));
                expectStatus(c, r, 200);
                expectBody(c, r, text);
                expectOpen(c, r);
            }
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("Connection: close is honoured: the response says so and the server closes")
    void connectionClose() {
        try (RawConnection c = server.connect()) {
            RawResponse first = exchange(c, HttpWire.request("GET", "/echo/first"));
            expectBody(c, first, "first");
            expectOpen(c, first);
            RawResponse last = exchange(c, HttpWire.request("GET", "/echo/last", "Connection: close"));
            expectStatus(c, last, 200);
            expectBody(c, last, "last");
            if (!last.hasToken("Connection", "close")) {
                throw c.transcript().failure("the response to a request with \"Connection: close\" should say "
                        + "\"Connection: close\" too");
            }
            expectClosed(c, Duration.ofSeconds(2));
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("HTTP/1.0 closes by default and stays open only with Connection: keep-alive")
    void http10() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "GET /echo/old HTTP/1.0\r\n\r\n");
            expectStatus(c, r, 200);
            expectBody(c, r, "old");
            expectClosed(c, Duration.ofSeconds(2));
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "GET /echo/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            expectStatus(c, r, 200);
            expectHeader(c, r, "Connection", "keep-alive");
            c.expectSilence(SILENCE);
            RawResponse again = exchange(c, "GET /echo/b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            expectBody(c, again, "b");
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("pipelined requests (sent together) are answered in order")
    void pipelining() {
        try (RawConnection c = server.connect()) {
            c.send(HttpWire.request("GET", "/echo/alpha") + HttpWire.request("GET", "/echo/beta")
                    + HttpWire.request("HEAD", "/index.html") + HttpWire.request("GET", "/echo/gamma"));
            expectBody(c, HttpWire.readResponse(c), "alpha");
            expectBody(c, HttpWire.readResponse(c), "beta");
            RawResponse head = HttpWire.readResponse(c, "HEAD");
            expectStatus(c, head, 200);
            expectBody(c, HttpWire.readResponse(c), "gamma");
            c.expectSilence(SILENCE);
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("an idle connection is closed after --idle-timeout-ms")
    void idleTimeout() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/echo/idle"));
            expectBody(c, r, "idle");
            c.expectSilence(SILENCE);
            expectClosed(c, Duration.ofMillis(IDLE_TIMEOUT_MS + 1500));
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("no stray bytes after a response (200, 404, 405, HEAD, 201)")
    void noStrayBytes() {
        try (RawConnection c = server.connect()) {
            expectStatus(c, exchange(c, HttpWire.request("GET", "/notes.txt")), 200);
            c.expectSilence(SILENCE);
            expectStatus(c, exchange(c, HttpWire.request("GET", "/nothing")), 404);
            c.expectSilence(SILENCE);
            expectStatus(c, exchange(c, HttpWire.request("DELETE", "/notes.txt")), 405);
            c.expectSilence(SILENCE);
            expectStatus(c, exchange(c, HttpWire.request("HEAD", "/big.txt")), 200);
            c.expectSilence(SILENCE);
            expectStatus(c, exchange(c, "POST /files/stray.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc"), 201);
            c.expectSilence(SILENCE);
        }
    }
}
