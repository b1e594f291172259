package course.http;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.readLines;
import static course.http.HttpTestSupport.siteServer;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.Poll;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.8: a graceful stop on SIGTERM, and one Common Log Format line per request. */
@DisplayName("04.8 Shutdown and logging")
class Task08ShutdownLoggingTest {
    /** host ident user [time] "request line" status bytes */
    static final Pattern CLF = Pattern.compile(
            "(\\S+) - - \\[(\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] \"(.*)\" (\\d{3}) (\\d+|-)");
    static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** A fresh server for every test: these tests stop it. */
    @RegisterExtension
    final StudentServer server = siteServer();

    /** Starts GET /delay/{ms} and proves the server is working on it (silent for a moment). */
    static RawConnection startDelay(StudentServer server, int millis) {
        RawConnection c = server.connect();
        c.send(HttpWire.request("GET", "/delay/" + millis));
        c.expectSilence(Duration.ofMillis(300));
        return c;
    }

    static void expectExitCode0(CompletableFuture<Integer> exit) throws Exception {
        int code = exit.get(StudentServer.STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        if (code != 0) {
            throw new AssertionError(code == -1
                    ? "after SIGTERM your server did not exit within " + StudentServer.STOP_TIMEOUT.toSeconds()
                    + " s and had to be killed"
                    : "after SIGTERM your server exited with code " + code + "; a graceful stop returns from main "
                    + "(exit code 0; 143 means the JVM was ended by the signal)");
        }
    }

    @Test
    @Graded(task = "04.8", points = 2)
    @DisplayName("on SIGTERM a running request still gets its answer, then the process exits with code 0")
    void gracefulShutdown() throws Exception {
        try (RawConnection c = startDelay(server, 1500)) {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(server::stop);
            c.readTimeout(Duration.ofSeconds(4));
            RawResponse r = HttpWire.readResponse(c);
            expectStatus(c, r, 200);
            expectBody(c, r, "done");
            expectExitCode0(exit);
        }
    }

    @Test
    @Graded(task = "04.8", points = 1)
    @DisplayName("once a shutdown has begun, new connections are refused")
    void refusesNewConnections() throws Exception {
        try (RawConnection c = startDelay(server, 3000)) {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(server::stop);
            boolean refused = false;
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (!refused && System.nanoTime() < deadline) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(server.host(), server.port()), 200);
                    c.expectSilence(Duration.ofMillis(50));
                } catch (ConnectException e) {
                    refused = true;
                } catch (IOException e) {
                    // a timeout or reset: try again
                }
            }
            if (!refused) {
                throw c.transcript().failure("1.5 s after SIGTERM your server still accepts connections; "
                        + "close the server socket as soon as the shutdown begins");
            }
            c.readTimeout(Duration.ofSeconds(5));
            RawResponse r = HttpWire.readResponse(c);
            expectStatus(c, r, 200);
            expectBody(c, r, "done");
            expectExitCode0(exit);
        }
    }

    @Test
    @Graded(task = "04.8", points = 2)
    @DisplayName("every request gets a Common Log Format line: host - - [time] \"request line\" status bytes")
    void accessLog() {
        Instant before = Instant.now().minusSeconds(2);
        int indexLength = HttpTestSupport.utf8(HttpTestSupport.INDEX_HTML).length;
        int missingLength;
        try (RawConnection c = server.connect()) {
            expectStatus(c, exchange(c, HttpWire.request("GET", "/index.html")), 200);
            expectStatus(c, exchange(c, HttpWire.request("HEAD", "/index.html")), 200);
            RawResponse missing = exchange(c, HttpWire.request("GET", "/missing.html?x=1"));
            expectStatus(c, missing, 404);
            missingLength = missing.body().length;
        }
        Instant after = Instant.now().plusSeconds(2);
        List<String> expected = List.of(
                "\"GET /index.html HTTP/1.1\" 200 " + indexLength,
                "\"HEAD /index.html HTTP/1.1\" 200 -",
                "\"GET /missing.html?x=1 HTTP/1.1\" 404 " + missingLength);
        Path log = server.dir().resolve("access.log");
        Poll.until(Duration.ofSeconds(3), () -> readLines(log).size() >= expected.size());
        List<String> lines = readLines(log);
        if (lines.size() != expected.size()) {
            throw new AssertionError("expected " + expected.size() + " lines in the access log (one per request), but found "
                    + lines.size() + ":\n" + String.join("\n", lines));
        }
        for (int i = 0; i < expected.size(); i++) {
            String line = lines.get(i);
            Matcher m = CLF.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("access log line " + (i + 1) + " is not in Common Log Format:\n  " + line
                        + "\nexpected something like:\n  127.0.0.1 - - [24/Nov/2026:13:55:36 +0000] "
                        + expected.get(i));
            }
            if (!m.group(1).equals("127.0.0.1")) {
                throw new AssertionError("the first field is the client's address, 127.0.0.1, but it was " + m.group(1));
            }
            Instant time = ZonedDateTime.parse(m.group(2), CLF_TIME).withZoneSameInstant(ZoneOffset.UTC).toInstant();
            if (time.isBefore(before) || time.isAfter(after)) {
                throw new AssertionError("the time in line " + (i + 1) + " should be about now, but it was [" + m.group(2) + "]");
            }
            String tail = "\"" + m.group(3) + "\" " + m.group(4) + " " + m.group(5);
            if (!tail.equals(expected.get(i))) {
                throw new AssertionError("access log line " + (i + 1) + " should end with\n  " + expected.get(i)
                        + "\nbut it was\n  " + line + "\n(bytes = body bytes sent, - when none)");
            }
        }
    }
}
