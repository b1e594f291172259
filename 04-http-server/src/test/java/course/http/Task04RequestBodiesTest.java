package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectErrorAndClose;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectMediaType;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.expectStatusIn;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.utf8;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.4: request bodies framed by Content-Length or chunked, with their limits, behind /files/{name}. */
@DisplayName("04.4 Request bodies")
class Task04RequestBodiesTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static RawResponse getFile(String name) {
        try (RawConnection c = server.connect()) {
            return exchange(c, HttpWire.request("GET", "/files/" + name, "Connection: close"));
        }
    }

    @Test
    @Graded(task = "04.4", points = 2)
    @DisplayName("POST /files/{name} with Content-Length stores the body (201 + Location); GET returns it")
    void contentLengthUpload() {
        byte[] body = utf8("first line\r\nsecond line\r\n\u00e9\u00e8 and some binary: ");
        body = concat(body, new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n'});
        try (RawConnection c = server.connect()) {
            c.send("POST /files/upload.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n");
            c.send(body);
            RawResponse r = HttpWire.readResponse(c, "POST");
            expectStatus(c, r, 201);
            String location = expectHeader(c, r, "Location");
            if (!location.endsWith("/files/upload.bin")) {
                throw c.transcript().failure("Location should point at /files/upload.bin, but it was \"" + location + "\"");
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/files/upload.bin", "Connection: close"));
            expectStatus(c, r, 200);
            expectMediaType(c, r, "application/octet-stream");
            expectBody(c, r, body);
        }
    }

    @Test
    @Graded(task = "04.4", points = 2)
    @DisplayName("a chunked body (with chunk extensions and trailer fields) is stored exactly")
    void chunkedUpload() {
        String chunked = "5\r\nHello\r\n"
                + "7;name=value\r\n, chunk\r\n"
                + "1A\r\ned world with 26 bytes!!!!\r\n"
                + "0\r\n"
                + "X-Checksum: 1234\r\n"
                + "\r\n";
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "POST /files/chunked.txt HTTP/1.1\r\nHost: localhost\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked);
            expectStatus(c, r, 201);
        }
        RawResponse stored = getFile("chunked.txt");
        if (!stored.bodyText().equals("Hello, chunked world with 26 bytes!!!!")) {
            throw new AssertionError("the stored file should be \"Hello, chunked world with 26 bytes!!!!\" "
                    + "(the chunks joined, extensions and trailers dropped), but GET returned \"" + stored.bodyText() + "\"");
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("ambiguous framing is 400: both Content-Length and Transfer-Encoding, disagreeing or invalid lengths")
    void ambiguousFraming() {
        List<String> heads = List.of(
                "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                "Content-Length: 5\r\nContent-Length: 6\r\n",
                "Content-Length: 5, 6\r\n",
                "Content-Length: abc\r\n",
                "Content-Length: -1\r\n",
                "Content-Length: 1 2\r\n",
                "Content-Length: +5\r\n");
        for (String head : heads) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, "POST /files/ambiguous.txt HTTP/1.1\r\nHost: localhost\r\n" + head
                        + "\r\n5\r\nhello\r\n0\r\n\r\n");
                expectErrorAndClose(c, r, 400);
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "POST /files/same.txt HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 5\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
            expectStatus(c, r, 201);
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("a Content-Length over MAX_BODY_BYTES is answered 413 before the body is sent")
    void contentTooLarge() {
        try (RawConnection c = server.connect()) {
            c.readTimeout(Duration.ofSeconds(3));
            RawResponse r = exchange(c, "POST /files/huge.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                    + (Limits.MAX_BODY_BYTES + 1) + "\r\n\r\n");
            expectErrorAndClose(c, r, 413);
        }
        byte[] justFits = new byte[Limits.MAX_BODY_BYTES];
        try (RawConnection c = server.connect()) {
            c.send("POST /files/max.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + justFits.length
                    + "\r\nConnection: close\r\n\r\n");
            c.send(justFits);
            RawResponse r = HttpWire.readResponse(c, "POST");
            expectStatus(c, r, 201);
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("file names with / or .. are refused, and nothing is written outside the files folder")
    void badNames() throws Exception {
        List<String> names = List.of("..", "%2e%2e", "..%2fescaped.txt", "a%2fb.txt", "%2E%2E%2Fescaped.txt",
                "..%5cescaped.txt");
        for (String name : names) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, "POST /files/" + name + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 4\r\nConnection: close\r\n\r\nevil");
                expectStatusIn(c, r, 400, 404);
            }
        }
        Path dir = server.dir();
        for (Path p : List.of(dir.resolve("escaped.txt"), dir.resolve("files").resolve("a").resolve("b.txt"))) {
            if (Files.exists(p)) {
                throw new AssertionError("a refused upload still created " + p);
            }
        }
        RawResponse ok = getFile("missing-file.txt");
        if (ok.status() != 404) {
            throw new AssertionError("GET of a file that was never stored should be 404, but was " + ok.statusLine());
        }
    }
}
