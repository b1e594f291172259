package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectClosed;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.utf8;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.HttpTestSupport;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.5 Persistent connections (hidden)")
@ExtendWith(Seeded.class)
class Task05PersistentConnectionsHiddenTest {
    static final Duration SILENCE = Duration.ofMillis(250);

    @RegisterExtension
    static final StudentServer server = siteServer("--idle-timeout-ms", "1500");

    /** One request of a random pipeline and what its response must be. */
    record Step(byte[] request, String method, int status, byte[] body) {
    }

    static List<Step> randomSteps(Random random, int count) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    String text = RandomData.name(random, 1, 20);
                    steps.add(new Step(Bytes.ascii(HttpWire.request("GET", "/echo/" + text)), "GET", 200, utf8(text)));
                }
                case 1 -> steps.add(new Step(Bytes.ascii(HttpWire.request("HEAD", "/index.html")), "HEAD", 200, new byte[0]));
                case 2 -> steps.add(new Step(Bytes.ascii(HttpWire.request("GET", "/missing-" + RandomData.name(random, 1, 8))),
                        "GET", 404, null));
                case 3 -> steps.add(new Step(Bytes.ascii(HttpWire.request("GET", "/notes.txt")), "GET", 200,
                        utf8(HttpTestSupport.NOTES_TXT)));
                default -> {
                    byte[] body = RandomData.bytes(random, random.nextInt(3000));
                    ByteArrayOutputStream request = new ByteArrayOutputStream();
                    request.writeBytes(Bytes.ascii("POST /files/" + RandomData.name(random, 1, 10)
                            + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length + "\r\n\r\n"));
                    request.writeBytes(body);
                    steps.add(new Step(request.toByteArray(), "POST", 201, null));
                }
            }
        }
        return steps;
    }

    static void readAll(RawConnection c, List<Step> steps) {
        for (Step step : steps) {
            RawResponse r = HttpWire.readResponse(c, step.method());
            expectStatus(c, r, step.status());
            if (step.body() != null) {
                expectBody(c, r, step.body());
            }
        }
    }

    @Test
    @Graded(task = "04.5", points = 2)
    @DisplayName("random pipelines (sent at once or in random pieces) are answered in order")
    void randomPipelines(Random random) {
        for (int round = 0; round < 4; round++) {
            List<Step> steps = randomSteps(random, 5 + random.nextInt(26));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            steps.forEach(s -> all.writeBytes(s.request()));
            byte[] bytes = all.toByteArray();
            try (RawConnection c = server.connect()) {
                if (round % 2 == 0) {
                    c.send(bytes);
                } else {
                    c.sendSplit(bytes, RandomData.cuts(random, bytes.length, 1 + random.nextInt(15)));
                }
                readAll(c, steps);
                c.expectSilence(SILENCE);
            }
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("uploads and downloads take turns on one connection")
    void uploadsOnOneConnection(Random random) {
        try (RawConnection c = server.connect()) {
            for (int i = 0; i < 10; i++) {
                String name = "ka-" + RandomData.name(random, 3, 10);
                byte[] body = RandomData.bytes(random, random.nextInt(20_000));
                c.send("POST /files/" + name + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length + "\r\n\r\n");
                c.send(body);
                expectStatus(c, HttpWire.readResponse(c, "POST"), 201);
                RawResponse r = exchange(c, HttpWire.request("GET", "/files/" + name));
                expectStatus(c, r, 200);
                expectBody(c, r, body);
            }
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("404, 405, HEAD and 304 responses leave the connection usable")
    void errorsKeepConnection() {
        try (RawConnection c = server.connect()) {
            expectStatus(c, exchange(c, HttpWire.request("GET", "/nope")), 404);
            expectStatus(c, exchange(c, HttpWire.request("DELETE", "/index.html")), 405);
            expectStatus(c, exchange(c, HttpWire.request("HEAD", "/big.txt")), 200);
            expectStatus(c, exchange(c, HttpWire.request("GET", "/index.html", "If-None-Match: *")), 304);
            c.expectSilence(SILENCE);
            RawResponse last = exchange(c, HttpWire.request("GET", "/style.css"));
            expectStatus(c, last, 200);
            expectBody(c, last, HttpTestSupport.STYLE_CSS);
        }
    }

    @Test
    @Graded(task = "04.5", points = 1)
    @DisplayName("the close token is found in a list and in any letter case; Keep-Alive works for HTTP/1.0 in any case")
    void connectionTokens() {
        for (String value : List.of("keep-alive, close", "CLOSE", "Close", "upgrade,close")) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, HttpWire.request("GET", "/echo/x", "Connection: " + value));
                expectBody(c, r, "x");
                expectClosed(c, Duration.ofSeconds(2));
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "GET /echo/a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
            expectBody(c, r, "a");
            c.expectSilence(SILENCE);
            expectBody(c, exchange(c, "GET /echo/b HTTP/1.0\r\n\r\n"), "b");
            expectClosed(c, Duration.ofSeconds(2));
        }
    }
}
