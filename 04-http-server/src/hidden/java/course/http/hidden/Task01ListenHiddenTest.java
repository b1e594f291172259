package course.http.hidden;

import static course.http.HttpTestSupport.MAIN;
import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectContentLength;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectImfDate;
import static course.http.HttpTestSupport.expectStatus;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.1 Listen and answer (hidden)")
@ExtendWith(Seeded.class)
class Task01ListenHiddenTest {

    @RegisterExtension
    static final StudentServer server = StudentServer.main(MAIN)
            .args("--port", "{port}", "--access-log", "{dir}/access.log");

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("random unknown paths are 404 with a correct Content-Length and Date")
    void randomUnknownPaths(Random random) {
        for (int i = 0; i < 10; i++) {
            String path = "/" + RandomData.name(random, 1, 12) + (random.nextBoolean() ? "/" + RandomData.name(random, 1, 8) : "");
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, HttpWire.request("GET", path, "Connection: close"));
                expectStatus(c, r, 404);
                expectContentLength(c, r);
                expectImfDate(c, r, "Date");
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/"));
            expectStatus(c, r, 200);
        }
    }

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("an HTTP/1.0 request and lower-case field names are answered with HTTP/1.1 200 OK")
    void http10AndFieldCase() {
        try (RawConnection c = server.connect()) {
            c.send("GET / HTTP/1.0\r\nuser-agent: old-client\r\n\r\n");
            c.expect("HTTP/1.1 200 OK\r\n");
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "GET / HTTP/1.1\r\nhost: localhost\r\naccept: text/html\r\nconnection: close\r\n\r\n");
            expectStatus(c, r, 200);
            expectContentLength(c, r);
        }
    }

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("the head is exact: CRLF line ends, one Date, one Content-Length, an empty line")
    void exactHead() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/", "Connection: close"));
            expectStatus(c, r, 200);
            expectHeader(c, r, "Date");
            expectHeader(c, r, "Content-Length");
            expectHeader(c, r, "Content-Type");
            String raw = new String(r.raw(), StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw c.transcript().failure("the head must end with an empty line (CRLF CRLF): \"" + Bytes.escape(r.raw()) + "\"");
            }
            String head = raw.substring(0, end + 2);
            for (int i = 0; i < head.length(); i++) {
                if (head.charAt(i) == '\n' && (i == 0 || head.charAt(i - 1) != '\r')) {
                    throw c.transcript().failure("every line of the head ends with CRLF, but byte " + i + " is a bare LF");
                }
            }
            if (!head.startsWith("HTTP/1.1 200 OK\r\n")) {
                throw c.transcript().failure("the status line should be exactly \"HTTP/1.1 200 OK\"");
            }
        }
    }
}
