package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectErrorAndClose;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.Limits;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.4 Request bodies (hidden)")
@ExtendWith(Seeded.class)
class Task04RequestBodiesHiddenTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static void post(String name, byte[] body) {
        try (RawConnection c = server.connect()) {
            c.send("POST /files/" + name + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n");
            c.send(body);
            expectStatus(c, HttpWire.readResponse(c, "POST"), 201);
        }
    }

    static void expectStored(String name, byte[] body) {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/files/" + name, "Connection: close"));
            expectStatus(c, r, 200);
            expectBody(c, r, body);
        }
    }

    /** The body in chunked coding with random chunk sizes, extensions and trailers. */
    static byte[] chunked(Random random, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        List<String> extensions = List.of("", "", ";a=b", ";flag", ";q=\"quoted; value\"", " ;x=1");
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + random.nextInt(5000));
            String size = Integer.toHexString(n);
            out.writeBytes(Bytes.ascii((random.nextBoolean() ? size.toUpperCase() : size)
                    + RandomData.pick(random, extensions) + "\r\n"));
            out.write(body, at, n);
            out.writeBytes(Bytes.ascii("\r\n"));
            at += n;
        }
        out.writeBytes(Bytes.ascii("0" + RandomData.pick(random, extensions) + "\r\n"));
        for (int i = random.nextInt(3); i > 0; i--) {
            out.writeBytes(Bytes.ascii("X-Trailer-" + i + ": " + RandomData.name(random, 1, 10) + "\r\n"));
        }
        out.writeBytes(Bytes.ascii("\r\n"));
        return out.toByteArray();
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("random binary bodies with Content-Length are stored exactly")
    void randomContentLength(Random random) {
        for (int i = 0; i < 6; i++) {
            String name = RandomData.name(random, 1, 12) + ".bin";
            byte[] body = RandomData.bytes(random, i == 0 ? 0 : random.nextInt(60_000));
            post(name, body);
            expectStored(name, body);
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("random chunked bodies (random sizes, extensions, trailers) are stored exactly")
    void randomChunked(Random random) {
        for (int i = 0; i < 5; i++) {
            String name = RandomData.name(random, 1, 12) + ".dat";
            byte[] body = RandomData.bytes(random, random.nextInt(30_000));
            try (RawConnection c = server.connect()) {
                c.send("POST /files/" + name + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n");
                c.send(chunked(random, body));
                expectStatus(c, HttpWire.readResponse(c, "POST"), 201);
            }
            expectStored(name, body);
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("a chunked body that grows past MAX_BODY_BYTES is 413")
    void chunkedTooLarge() {
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, "POST /files/huge HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(Limits.MAX_BODY_BYTES + 1) + "\r\n");
            expectErrorAndClose(c, r, 413);
        }
        int half = Limits.MAX_BODY_BYTES / 2;
        try (RawConnection c = server.connect()) {
            c.send("POST /files/huge HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(half) + "\r\n");
            c.send(new byte[half]);
            RawResponse r = exchange(c, "\r\n" + Integer.toHexString(half + 1) + "\r\n");
            expectErrorAndClose(c, r, 413);
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("broken chunked framing is 400")
    void brokenChunks() {
        List<String> bodies = List.of("zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXY\r\n0\r\n\r\n", "-1\r\nx\r\n0\r\n\r\n",
                "\r\nhello\r\n0\r\n\r\n", "5 5\r\nhello\r\n0\r\n\r\n", "0x5\r\nhello\r\n0\r\n\r\n");
        for (String body : bodies) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, "POST /files/broken HTTP/1.1\r\nHost: localhost\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + body);
                expectErrorAndClose(c, r, 400);
            }
        }
    }

    @Test
    @Graded(task = "04.4", points = 1)
    @DisplayName("a second POST replaces the file; unknown names are 404; DELETE is 405")
    void overwriteMissingAndMethods(Random random) {
        String name = RandomData.name(random, 3, 10) + ".txt";
        post(name, Bytes.ascii("first version"));
        byte[] second = RandomData.bytes(random, 1 + random.nextInt(5000));
        post(name, second);
        expectStored(name, second);
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("GET", "/files/never-" + RandomData.name(random, 5, 10),
                    "Connection: close"));
            expectStatus(c, r, 404);
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = exchange(c, HttpWire.request("DELETE", "/files/" + name, "Connection: close"));
            expectStatus(c, r, 405);
        }
        expectStored(name, second);
    }
}
