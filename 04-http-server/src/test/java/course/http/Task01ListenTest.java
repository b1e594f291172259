package course.http;

import static course.http.HttpTestSupport.MAIN;
import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectContentLength;
import static course.http.HttpTestSupport.expectImfDate;
import static course.http.HttpTestSupport.expectMediaType;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.parseImf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.1: the server listens, reads a request and answers with a well-formed response. */
@DisplayName("04.1 Listen and answer")
class Task01ListenTest {

    /** No document root: GET / answers the built-in welcome page. */
    @RegisterExtension
    static final StudentServer server = StudentServer.main(MAIN)
            .args("--port", "{port}", "--access-log", "{dir}/access.log");

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("GET / is answered with the status line HTTP/1.1 200 OK")
    void statusLine() {
        try (RawConnection c = server.connect()) {
            c.send(HttpWire.request("GET", "/"));
            c.expect("HTTP/1.1 200 OK\r\n");
        }
    }

    @Test
    @Graded(task = "04.1", points = 2)
    @DisplayName("Content-Length says exactly how many body bytes follow (for 200 and for 404)")
    void contentLength() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/", "Connection: close"));
            expectStatus(c, r, 200);
            expectContentLength(c, r);
            if (r.body().length == 0) {
                throw c.transcript().failure("GET / should answer a page, but the body is empty");
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/no/such/page", "Connection: close"));
            expectStatus(c, r, 404);
            expectContentLength(c, r);
        }
    }

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("Date is the current time as an IMF-fixdate (Sun, 06 Nov 1994 08:49:37 GMT)")
    void date() {
        try (RawConnection c = server.connect()) {
            Instant before = Instant.now().minusSeconds(2);
            RawResponse r = exchange(c, HttpWire.request("GET", "/"));
            expectImfDate(c, r, "Date");
            Instant date = parseImf(r.header("Date").orElseThrow());
            Instant after = Instant.now().plusSeconds(2);
            if (date.isBefore(before) || date.isAfter(after)) {
                throw c.transcript().failure("Date should be now (" + before.plusSeconds(2) + "), but it was "
                        + r.header("Date").orElseThrow() + " (use GMT, that is UTC)");
            }
        }
    }

    @Test
    @Graded(task = "04.1", points = 1)
    @DisplayName("an ordinary HTTP client gets the page as text/html")
    void ordinaryClient() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/", "Accept: text/html"));
            expectMediaType(c, r, "text/html");
        }
        given().baseUri(server.baseUri())
                .when().get("/")
                .then().log().ifValidationFails()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<"));
        given().baseUri(server.baseUri())
                .when().get("/missing")
                .then().log().ifValidationFails()
                .statusCode(404);
    }
}
