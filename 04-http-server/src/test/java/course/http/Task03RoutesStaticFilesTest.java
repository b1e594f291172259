package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectContentLength;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectMediaType;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.expectStatusIn;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.3: routes, static files with the right Content-Type, HEAD, 405, and no escape from the root. */
@DisplayName("04.3 Routes and static files")
class Task03RoutesStaticFilesTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static RawResponse get(RawConnection c, String target, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Connection: close";
        return exchange(c, HttpWire.request("GET", target, all));
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("a static file arrives byte for byte; / serves index.html")
    void staticFile() {
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/style.css");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.STYLE_CSS);
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.INDEX_HTML);
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/logo.png");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.LOGO_PNG);
        }
    }

    @Test
    @Graded(task = "04.3", points = 2)
    @DisplayName("Content-Type follows the extension: html css js json png jpg svg txt, else application/octet-stream")
    void mimeTypes() {
        Map<String, String> expected = Map.of(
                "/index.html", "text/html",
                "/style.css", "text/css",
                "/app.js", "text/javascript",
                "/data.json", "application/json",
                "/logo.png", "image/png",
                "/photo.jpg", "image/jpeg",
                "/icon.svg", "image/svg+xml",
                "/notes.txt", "text/plain",
                "/data.bin", "application/octet-stream");
        for (var e : expected.entrySet()) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, e.getKey());
                expectStatus(c, r, 200);
                expectMediaType(c, r, e.getValue());
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("a folder serves its index.html; a missing file is 404")
    void folderAndMissing() {
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/docs/");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.DOCS_INDEX);
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/docs/missing.html");
            expectStatus(c, r, 404);
            expectContentLength(c, r);
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("a method the resource does not support is 405 with an Allow field")
    void methodNotAllowed() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("DELETE", "/index.html", "Connection: close"));
            expectStatus(c, r, 405);
            String allow = expectHeader(c, r, "Allow");
            if (!allow.contains("GET") || allow.contains("DELETE")) {
                throw c.transcript().failure("Allow should list GET (and not DELETE), but it was \"" + allow + "\"");
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("POST", "/echo/hello", "Content-Length: 0", "Connection: close"));
            expectStatus(c, r, 405);
            expectHeader(c, r, "Allow");
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("HEAD answers the same head as GET and no body")
    void head() {
        RawResponse get;
        try (RawConnection c = server.connect()) {
            get = get(c, "/data.json");
            expectStatus(c, get, 200);
        }
        try (RawConnection c = server.connect()) {
            RawResponse head = exchange(c, HttpWire.request("HEAD", "/data.json", "Connection: close"));
            expectStatus(c, head, 200);
            expectHeader(c, head, "Content-Length", get.header("Content-Length").orElseThrow());
            expectHeader(c, head, "Content-Type", get.header("Content-Type").orElseThrow());
            byte[] rest = c.readUntilClose();
            if (rest.length > 0) {
                throw c.transcript().failure("a response to HEAD has no body, but " + rest.length
                        + " bytes followed the head: \"" + Bytes.escape(rest) + "\"");
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("GET /echo/{text} answers the percent-decoded text as text/plain; charset=utf-8")
    void echo() {
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/echo/hello%20world");
            expectStatus(c, r, 200);
            expectMediaType(c, r, "text/plain");
            expectBody(c, r, "hello world");
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/echo/%C3%A9t%C3%A9%20%E2%98%80");
            expectStatus(c, r, 200);
            expectBody(c, r, utf8("\u00e9t\u00e9 \u2600"));
        }
        given().baseUri(server.baseUri()).urlEncodingEnabled(false)
                .when().get("/echo/rest%2Dassured")
                .then().log().ifValidationFails()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(equalTo("rest-assured"));
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("GET /user-agent answers the User-Agent field")
    void userAgent() {
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/user-agent", "User-Agent: course-test/1.0 (raw socket)");
            expectStatus(c, r, 200);
            expectBody(c, r, "course-test/1.0 (raw socket)");
        }
        given().baseUri(server.baseUri()).header("User-Agent", "Mozilla/5.0 test")
                .when().get("/user-agent")
                .then().log().ifValidationFails()
                .statusCode(200)
                .body(equalTo("Mozilla/5.0 test"));
    }

    @Test
    @Graded(task = "04.3", points = 2)
    @DisplayName("no request reaches a file outside the document root (400 or 404, never its content)")
    void noEscapeFromRoot() throws Exception {
        String secret = Files.readString(server.dir().resolve(HttpTestSupport.SECRET_FILE), StandardCharsets.UTF_8);
        List<String> targets = List.of(
                "/../secret.txt",
                "/docs/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E/%2e%2e/secret.txt",
                "/docs/..%2f..%2fsecret.txt",
                "/..%2fsecret.txt",
                "/..%5csecret.txt",
                "/..\\secret.txt",
                "/secret.txt%00.html",
                "/escape.txt",
                "/outside-dir/private.txt",
                "http://localhost/../secret.txt",
                "//" + server.dir().resolve(HttpTestSupport.SECRET_FILE).toString().substring(1));
        for (String target : targets) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, target);
                if (new String(r.body(), StandardCharsets.UTF_8).contains(secret.strip())) {
                    throw c.transcript().failure("GET " + target + " revealed the content of a file outside the root");
                }
                expectStatusIn(c, r, 400, 404);
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/docs/./index.html");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.DOCS_INDEX);
        }
    }
}
