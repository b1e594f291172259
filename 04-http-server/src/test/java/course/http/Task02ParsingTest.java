package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectErrorAndClose;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Task 04.2: requests that break the grammar of RFC 9112 or the server's limits are
 * refused with the right status, a short text body, {@code Connection: close}, and a close.
 */
@DisplayName("04.2 Parse the request with limits")
class Task02ParsingTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    /** Sends raw request bytes on a fresh connection and expects an error response, then a close. */
    static void expectRefused(String request, int status) {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, request);
            expectErrorAndClose(c, r, status);
        }
    }

    static void expectAnswered(String request, int status) {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, request);
            expectStatus(c, r, status);
        }
    }

    @Test
    @Graded(task = "04.2", points = 2)
    @DisplayName("a malformed request line is answered 400 Bad Request")
    void malformedRequestLine() {
        expectAnswered("GET /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 200);
        expectRefused("GET  /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
        expectRefused("GET /index.html\r\nHost: localhost\r\n\r\n", 400);
        expectRefused("GET /index.html HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 400);
        expectRefused("/index.html HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
        expectRefused("GET /index.html http/1.1\r\nHost: localhost\r\n\r\n", 400);
        expectRefused("GE(T /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("whitespace between a header name and its colon is answered 400")
    void whitespaceBeforeColon() {
        expectAnswered("GET /index.html HTTP/1.1\r\nHost: localhost\r\nAccept:   */*   \r\nConnection: close\r\n\r\n", 200);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nAccept : */*\r\n\r\n", 400);
    }

    @Test
    @Graded(task = "04.2", points = 2)
    @DisplayName("HTTP/1.1 needs exactly one Host field (400 when missing or doubled); HTTP/1.0 may omit it")
    void host() {
        expectRefused("GET /index.html HTTP/1.1\r\nAccept: */*\r\n\r\n", 400);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nHost: example.org\r\n\r\n", 400);
        expectAnswered("GET /index.html HTTP/1.0\r\n\r\n", 200);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("a bare CR and obsolete line folding are answered 400")
    void bareCrAndObsFold() {
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Note: a\rb\r\n\r\n", 400);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Note: first part\r\n  folded part\r\n\r\n", 400);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("a request line longer than MAX_REQUEST_LINE_BYTES is answered 414 URI Too Long")
    void uriTooLong() {
        expectAnswered("GET /" + "a".repeat(7000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404);
        expectRefused("GET /" + "a".repeat(Limits.MAX_REQUEST_LINE_BYTES + 100) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("too many or too large header fields are answered 431")
    void headersTooLarge() {
        StringBuilder ninety = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            ninety.append("X-Field-").append(i).append(": value ").append(i).append("\r\n");
        }
        expectAnswered("GET /index.html HTTP/1.1\r\nHost: localhost\r\n" + ninety + "Connection: close\r\n\r\n", 200);
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < Limits.MAX_HEADER_COUNT + 5; i++) {
            tooMany.append("X-Field-").append(i).append(": value\r\n");
        }
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\n" + tooMany + "\r\n", 431);
        expectRefused("GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(Limits.MAX_HEADER_BYTES + 10)
                + "\r\n\r\n", 431);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("HTTP/2.0 and HTTP/3.1 request lines are answered 505 HTTP Version Not Supported")
    void unsupportedVersion() {
        expectRefused("GET /index.html HTTP/2.0\r\nHost: localhost\r\n\r\n", 505);
        expectRefused("GET /index.html HTTP/3.1\r\nHost: localhost\r\n\r\n", 505);
    }

    @Test
    @Graded(task = "04.2", points = 1)
    @DisplayName("an unknown method or transfer coding is answered 501 Not Implemented")
    void notImplemented() {
        expectRefused("BREW /pot HTTP/1.1\r\nHost: localhost\r\n\r\n", 501);
        expectRefused("POST /files/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
    }
}
