package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectMediaType;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.expectStatusIn;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.3 Routes and static files (hidden)")
@ExtendWith(Seeded.class)
class Task03RoutesStaticFilesHiddenTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static final Map<String, String> TYPES = Map.of("html", "text/html", "css", "text/css", "js", "text/javascript",
            "json", "application/json", "png", "image/png", "jpg", "image/jpeg", "svg", "image/svg+xml",
            "txt", "text/plain", "bin", "application/octet-stream", "xyz", "application/octet-stream");

    static RawResponse get(RawConnection c, String target) {
        return exchange(c, HttpWire.request("GET", target, "Connection: close"));
    }

    /** Creates random files below www/ and returns request path to content. */
    static Map<String, byte[]> randomFiles(Random random, int count) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path www = server.dir().resolve("www");
        for (int i = 0; i < count; i++) {
            String dir = random.nextBoolean() ? "" : "d" + RandomData.name(random, 3, 8) + "/";
            String extension = RandomData.pick(random, List.copyOf(TYPES.keySet()));
            String base = RandomData.name(random, 2, 10) + (random.nextInt(4) == 0 ? " x\u00e9" : "");
            String name = base + "." + extension;
            byte[] content = RandomData.bytes(random, random.nextInt(20000));
            Path file = www.resolve(dir + name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            files.put("/" + dir + RandomData.percentEncode(random, base) + "." + extension, content);
        }
        return files;
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("random files in random folders arrive byte for byte with the right Content-Type")
    void randomFiles(Random random) throws Exception {
        for (var e : randomFiles(random, 12).entrySet()) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, e.getKey());
                expectStatus(c, r, 200);
                String name = e.getKey();
                expectMediaType(c, r, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
                expectBody(c, r, e.getValue());
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("echo returns random percent-encoded UTF-8 text")
    void randomEcho(Random random) {
        for (int i = 0; i < 10; i++) {
            String text = RandomData.text(random, 30);
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, "/echo/" + RandomData.percentEncode(random, text));
                expectStatus(c, r, 200);
                expectBody(c, r, utf8(text));
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("random spellings of ../ never reach the secret beside the root")
    void randomTraversal(Random random) throws Exception {
        String secret = Files.readString(server.dir().resolve(HttpTestSupport.SECRET_FILE), StandardCharsets.UTF_8).strip();
        List<String> prefixes = List.of("/", "/docs/", "/docs/./", "/./", "//");
        List<String> dots = List.of("..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "%2E%2E");
        List<String> separators = List.of("/", "%2f", "%2F", "%5c", "%5C", "\\");
        for (int i = 0; i < 25; i++) {
            StringBuilder target = new StringBuilder(RandomData.pick(random, prefixes));
            int depth = 1 + random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                target.append(RandomData.pick(random, dots)).append(RandomData.pick(random, separators));
            }
            target.append(random.nextBoolean() ? "secret.txt" : "secret%2etxt");
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, target.toString());
                if (r.bodyText().contains(secret)) {
                    throw c.transcript().failure("GET " + target + " revealed the secret file beside the root");
                }
                expectStatusIn(c, r, 400, 404);
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("HEAD of random files: the same fields as GET, no body")
    void headOfRandomFiles(Random random) throws Exception {
        for (var e : randomFiles(random, 6).entrySet()) {
            RawResponse get;
            try (RawConnection c = server.connect()) {
                get = get(c, e.getKey());
                expectStatus(c, get, 200);
            }
            try (RawConnection c = server.connect()) {
                RawResponse head = exchange(c, HttpWire.request("HEAD", e.getKey(), "Connection: close"));
                expectStatus(c, head, 200);
                for (String field : List.of("Content-Length", "Content-Type", "ETag", "Last-Modified")) {
                    if (!head.header(field).equals(get.header(field))) {
                        throw c.transcript().failure("HEAD should give the same " + field + " as GET ("
                                + get.header(field).orElse("none") + "), but gave " + head.header(field).orElse("none"));
                    }
                }
                byte[] rest = c.readUntilClose();
                if (rest.length > 0) {
                    throw c.transcript().failure("HEAD got a body: \"" + Bytes.escape(rest) + "\"");
                }
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("symbolic links: inside the root they work, pointing out of it they are 404")
    void symbolicLinks(Random random) throws Exception {
        Path www = server.dir().resolve("www");
        String inside = "in-" + RandomData.name(random, 4, 8) + ".css";
        String outside = "out-" + RandomData.name(random, 4, 8) + ".txt";
        String outsideDir = "outdir-" + RandomData.name(random, 4, 8);
        try {
            Files.createSymbolicLink(www.resolve(inside), Path.of("style.css"));
            Files.createSymbolicLink(www.resolve("docs").resolve(outside), Path.of("..", "..", HttpTestSupport.SECRET_FILE));
            Files.createSymbolicLink(www.resolve(outsideDir), server.dir().resolve("outside"));
        } catch (UnsupportedOperationException e) {
            return;
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/" + inside);
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.STYLE_CSS);
        }
        for (String target : List.of("/docs/" + outside, "/" + outsideDir + "/private.txt", "/" + outsideDir + "/")) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, target);
                expectStatusIn(c, r, 400, 403, 404);
                if (r.bodyText().contains("TOP-SECRET")) {
                    throw c.transcript().failure("GET " + target + " followed a link out of the root");
                }
            }
        }
    }

    @Test
    @Graded(task = "04.3", points = 1)
    @DisplayName("absolute-form targets, an empty echo, and 405 for other methods on every route")
    void formsAndMethods() {
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "http://localhost/style.css");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.STYLE_CSS);
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/echo/");
            expectStatus(c, r, 200);
            expectBody(c, r, "");
        }
        for (String request : List.of(
                HttpWire.request("PUT", "/style.css", "Content-Length: 0", "Connection: close"),
                HttpWire.request("POST", "/user-agent", "Content-Length: 0", "Connection: close"),
                HttpWire.request("DELETE", "/echo/x", "Connection: close"),
                HttpWire.request("POST", "/", "Content-Length: 2", "Connection: close") + "hi")) {
            try (RawConnection c = server.connect()) {
                RawResponse r = exchange(c, request);
                expectStatus(c, r, 405);
                expectHeader(c, r, "Allow");
            }
        }
    }
}
