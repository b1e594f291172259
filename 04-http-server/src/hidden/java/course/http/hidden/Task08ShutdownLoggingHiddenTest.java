package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectClosed;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.readLines;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.Poll;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.HttpTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.8 Shutdown and logging (hidden)")
@ExtendWith(Seeded.class)
class Task08ShutdownLoggingHiddenTest {
    static final Pattern PREFIX = Pattern.compile(
            "127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\] ");

    @RegisterExtension
    final StudentServer server = siteServer();

    static String expectedTail(String method, String target, RawResponse r) {
        return "\"" + method + " " + target + " HTTP/1.1\" " + r.status() + " "
                + (r.body().length == 0 ? "-" : Integer.toString(r.body().length));
    }

    @Test
    @Graded(task = "04.8", points = 1)
    @DisplayName("random requests each get the right log line, in order")
    void randomLogLines(Random random) {
        List<String> expected = new ArrayList<>();
        List<String> targets = List.of("/index.html", "/style.css", "/nothing-", "/echo/", "/docs/", "/big.txt");
        try (RawConnection c = server.connect()) {
            for (int i = 0; i < 15; i++) {
                String target = RandomData.pick(random, targets);
                if (target.endsWith("-") || target.endsWith("/echo/")) {
                    target += RandomData.name(random, 1, 10);
                }
                String method = RandomData.pick(random, List.of("GET", "GET", "HEAD", "DELETE"));
                RawResponse r = exchange(c, HttpWire.request(method, target));
                expected.add(expectedTail(method, target, r));
            }
        }
        Path log = server.dir().resolve("access.log");
        Poll.until(Duration.ofSeconds(3), () -> readLines(log).size() >= expected.size());
        List<String> lines = readLines(log);
        if (lines.size() != expected.size()) {
            throw new AssertionError("expected " + expected.size() + " log lines, found " + lines.size() + ":\n"
                    + String.join("\n", lines));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            var m = PREFIX.matcher(line);
            if (!m.lookingAt() || !line.substring(m.end()).equals(expected.get(i))) {
                throw new AssertionError("log line " + (i + 1) + " should be\n  127.0.0.1 - - [time] " + expected.get(i)
                        + "\nbut it was\n  " + line);
            }
        }
    }

    @Test
    @Graded(task = "04.8", points = 1)
    @DisplayName("idle keep-alive connections do not delay a shutdown: they are closed and the process exits 0")
    void idleConnectionsAtShutdown() {
        List<RawConnection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                RawConnection c = server.connect();
                idle.add(c);
                expectStatus(c, exchange(c, HttpWire.request("GET", "/echo/" + i)), 200);
            }
            long start = System.nanoTime();
            int code = server.stop();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (code != 0) {
                throw new AssertionError("after SIGTERM the server should exit with code 0, but the code was " + code);
            }
            if (millis > 3000) {
                throw new AssertionError("with only idle connections open, the shutdown took " + millis
                        + " ms; close idle connections at once");
            }
            for (RawConnection c : idle) {
                expectClosed(c, Duration.ofSeconds(1));
            }
        } finally {
            idle.forEach(RawConnection::close);
        }
    }

    @Test
    @Graded(task = "04.8", points = 1)
    @DisplayName("after a shutdown the log holds every request")
    void logCompleteAfterShutdown(Random random) {
        int count = 20 + random.nextInt(40);
        try (RawConnection c = server.connect()) {
            for (int i = 0; i < count; i++) {
                expectStatus(c, exchange(c, HttpWire.request("GET", "/echo/line-" + i)), 200);
            }
        }
        Path log = server.dir().resolve("access.log");
        int code = server.stop();
        if (code != 0) {
            throw new AssertionError("after SIGTERM the server should exit with code 0, but the code was " + code);
        }
        List<String> lines = readLines(log);
        if (lines.size() != count) {
            throw new AssertionError("after " + count + " requests and a shutdown the log has " + lines.size() + " lines");
        }
        for (int i = 0; i < count; i++) {
            if (!lines.get(i).endsWith("\"GET /echo/line-" + i + " HTTP/1.1\" 200 " + ("line-" + i).length())) {
                throw new AssertionError("log line " + (i + 1) + " is wrong: " + lines.get(i));
            }
        }
    }
}
