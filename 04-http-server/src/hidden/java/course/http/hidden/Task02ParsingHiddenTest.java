package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectClosed;
import static course.http.HttpTestSupport.expectErrorAndClose;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.expectStatusIn;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.HttpTestSupport;
import course.http.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.2 Parse the request with limits (hidden)")
@ExtendWith(Seeded.class)
class Task02ParsingHiddenTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static void expectRefused(String request, int status) {
        try (RawConnection c = server.connect()) {
            expectErrorAndClose(c, exchange(c, request), status);
        }
    }

    static void expectOk(String request, int... statuses) {
        try (RawConnection c = server.connect()) {
            expectStatusIn(c, exchange(c, request), statuses);
        }
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("a control character anywhere in the request target is 400")
    void controlCharactersInTarget(Random random) {
        for (int i = 0; i < 8; i++) {
            String target = "/" + RandomData.name(random, 4, 12);
            int at = 1 + random.nextInt(target.length() - 1);
            int control = random.nextInt(4) == 0 ? 0x7f : random.nextInt(0x20);
            if (control == '\n') {
                control = 0;
            }
            String bad = target.substring(0, at) + (char) control + target.substring(at);
            expectRefused("GET " + bad + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
        }
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("header names that are not tokens, and control characters in values, are 400")
    void invalidFields(Random random) {
        String separators = " ()<>@,;\\\"/[]?={}\t";
        for (int i = 0; i < 6; i++) {
            String name = "X-" + RandomData.name(random, 3, 8);
            int at = 1 + random.nextInt(name.length());
            String bad = name.substring(0, at) + separators.charAt(random.nextInt(separators.length())) + name.substring(at);
            expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\n" + bad + ": value\r\n\r\n", 400);
        }
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Value: a\u0000b\r\n\r\n", 400);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\n: no name\r\n\r\n", 400);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", 400);
        expectOk("GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Tab:\tvalue\twith\ttabs\t\r\nConnection: close\r\n\r\n", 200);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("requests just under the line and header limits work; clearly over them is 414 or 431")
    void nearTheLimits(Random random) {
        int under = 7000 + random.nextInt(1000);
        expectOk("GET /" + "u".repeat(under) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404);
        int over = Limits.MAX_REQUEST_LINE_BYTES + 100 + random.nextInt(4000);
        expectRefused("GET /" + "o".repeat(over) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414);

        StringBuilder fits = new StringBuilder();
        int target = 12000 + random.nextInt(3000);
        for (int i = 0; ; i++) {
            String line = "X-Fill-" + i + ": " + "f".repeat(1000 + random.nextInt(2000)) + "\r\n";
            if (fits.length() + line.length() > target) {
                break;
            }
            fits.append(line);
        }
        expectOk("GET /index.html HTTP/1.1\r\nHost: localhost\r\n" + fits + "Connection: close\r\n\r\n", 200);
        StringBuilder tooBig = new StringBuilder();
        int limit = Limits.MAX_HEADER_BYTES + 500 + random.nextInt(10000);
        for (int i = 0; tooBig.length() < limit; i++) {
            tooBig.append("X-Fill-").append(i).append(": ").append("f".repeat(1000 + random.nextInt(2000))).append("\r\n");
        }
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\n" + tooBig + "\r\n", 431);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("exactly MAX_HEADER_COUNT fields are fine; one more is 431")
    void headerCountBoundary() {
        StringBuilder fields = new StringBuilder("Host: localhost\r\nConnection: close\r\n");
        for (int i = 2; i < Limits.MAX_HEADER_COUNT; i++) {
            fields.append("X-").append(i).append(": ").append(i).append("\r\n");
        }
        expectOk("GET /index.html HTTP/1.1\r\n" + fields + "\r\n", 200);
        expectRefused("GET /index.html HTTP/1.1\r\n" + fields + "X-One-More: 1\r\n\r\n", 431);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("well-formed but unsupported versions are 505; malformed versions are 400")
    void versions(Random random) {
        List<String> unsupported = List.of("HTTP/0.9", "HTTP/2.0", "HTTP/4.2", "HTTP/9.9", "HTTP/3.0");
        List<String> malformed = List.of("HTTP/1.10", "HTTPS/1.1", "HTTP/11", "HTTP/1.", "Http/1.1", "HTTP/1_1", "HTTP/a.b");
        for (int i = 0; i < 3; i++) {
            expectRefused("GET /index.html " + RandomData.pick(random, unsupported) + "\r\nHost: localhost\r\n\r\n", 505);
            expectRefused("GET /index.html " + RandomData.pick(random, malformed) + "\r\nHost: localhost\r\n\r\n", 400);
        }
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("random garbage is refused with a 4xx and a close, and the server stays healthy")
    void garbage(Random random) {
        for (int i = 0; i < 5; i++) {
            byte[] junk = RandomData.bytes(random, 1 + random.nextInt(3000));
            junk[0] = (byte) ('!' + random.nextInt(20));
            try (RawConnection c = server.connect()) {
                c.send(junk);
                c.send("\r\n\r\n");
                c.readTimeout(Duration.ofSeconds(5));
                byte[] answer = c.readUntilClose();
                String text = new String(answer, StandardCharsets.ISO_8859_1);
                if (answer.length > 0 && !text.matches("(?s)HTTP/1\\.1 4\\d\\d .*")) {
                    throw c.transcript().failure("garbage should get a 4xx response (or just a close), but got \""
                            + Bytes.escape(answer) + "\"");
                }
            }
        }
        try (RawConnection c = server.connect()) {
            c.send("GET /index.html HTTP/1.1\r\nHost: loc");
            c.shutdownOutput();
            c.readTimeout(Duration.ofSeconds(5));
            c.readUntilClose();
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/index.html", "Connection: close"));
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.INDEX_HTML);
            expectClosed(c, Duration.ofSeconds(2));
        }
    }
}
