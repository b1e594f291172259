package course.grader.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against a real peer, the JDK's own HTTP server: it passes some checks and fails others. */
class HttpProbeTest {
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
            boolean known = exchange.getRequestURI().getPath().equals("/index.html");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(known ? 200 : 404, -1);
            } else {
                exchange.sendResponseHeaders(known ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void scoresTheJdkServer() {
        var target = HttpProbe.target("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html");
        List<ProbeCheck.Outcome> outcomes = HttpProbe.run(target);
        Map<String, ProbeCheck.Verdict> verdicts = outcomes.stream()
                .collect(Collectors.toMap(o -> o.check().id(), ProbeCheck.Outcome::verdict));
        assertThat(verdicts).containsEntry("basic-get", ProbeCheck.Verdict.PASS)
                .containsEntry("keep-alive", ProbeCheck.Verdict.PASS)
                .containsEntry("pipelining", ProbeCheck.Verdict.PASS)
                .containsEntry("traversal", ProbeCheck.Verdict.PASS)
                .containsEntry("etag-304", ProbeCheck.Verdict.SKIP)
                .containsEntry("range-206", ProbeCheck.Verdict.SKIP)
                .containsEntry("upload-201", ProbeCheck.Verdict.SKIP);
        // The JDK server is lenient where RFC 9112 requires a 400: the probe must notice.
        assertThat(verdicts.get("missing-host")).isEqualTo(ProbeCheck.Verdict.FAIL);
        String report = HttpProbe.render(target, outcomes);
        assertThat(report).contains("passed", "failed", "skipped", "RFC 9112 §3.2");
        Map<String, String> details = outcomes.stream()
                .collect(Collectors.toMap(o -> o.check().id(), ProbeCheck.Outcome::detail));
        assertThat(details.get("missing-host")).contains("expected 400, but it was");
    }

    @Test
    void rejectsBadUrlsAndAbsentServers() throws IOException {
        assertThatThrownBy(() -> HttpProbe.target("ftp://x/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpProbe.target("http://localhost/").port()).isEqualTo(80);
        Function<String[], String> cli = args -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = course.grader.cli.GradeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), args);
            return code + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        };
        assertThat(cli.apply(new String[] {"probe", "--url", "nonsense://"})).startsWith("2 ")
                .contains("expected a URL like");
        int freePort;
        try (var s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        assertThat(cli.apply(new String[] {"probe", "--url", "http://127.0.0.1:" + freePort + "/"})).startsWith("2 ")
                .contains("nothing accepts connections");
        String ok = cli.apply(new String[] {"probe", "--url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html"});
        assertThat(ok).startsWith("1 ").contains("FAIL missing-host");
    }
}
