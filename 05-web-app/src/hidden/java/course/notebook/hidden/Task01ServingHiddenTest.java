package course.notebook.hidden;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.Poll;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.NotebookTestSupport;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("05.1 Serving (hidden)")
@ExtendWith(Seeded.class)
class Task01ServingHiddenTest {
    /** A token no solution can know in advance. */
    static final String TOKEN = randomToken();

    @RegisterExtension
    static final StudentServer server = StudentServer.main(NotebookTestSupport.MAIN)
            .jvmOption("--enable-native-access=ALL-UNNAMED")
            .args("--port", "{port}", "--data", "{dir}/data", "--token", TOKEN);

    static String randomToken() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "t" + HexFormat.of().formatHex(bytes);
    }

    static RawResponse raw(String method, String target, String... headers) {
        try (RawConnection c = server.connect()) {
            List<String> all = new ArrayList<>(List.of(headers));
            all.add("Connection: close");
            c.send(HttpWire.request(method, target, all.toArray(String[]::new)));
            return HttpWire.readResponse(c, method);
        }
    }

    static void expectStatus(RawResponse r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected status " + status + ", but it was " + r.statusLine() + "\n"
                    + r.bodyText());
        }
    }

    @Test
    @Graded(task = "05.1", points = 2)
    @DisplayName("near misses of the token are refused: changed, cut, longer, other case, other scheme, other cookie")
    void nearMissTokens(Random random) {
        int at = random.nextInt(TOKEN.length());
        char changed = TOKEN.charAt(at) == 'a' ? 'b' : 'a';
        List<String> wrong = List.of(
                TOKEN.substring(0, at) + changed + TOKEN.substring(at + 1),
                TOKEN.substring(0, TOKEN.length() - 1 - random.nextInt(5)),
                TOKEN + (char) ('a' + random.nextInt(26)),
                TOKEN.toUpperCase(Locale.ROOT),
                "",
                " " + TOKEN.substring(1));
        for (String guess : wrong) {
            Api.anonymous(server).get("/api/notebooks", "Authorization: token " + guess).expectProblem(401);
            Api.anonymous(server).get("/api/notebooks", "Cookie: notebook_token=" + guess).expectProblem(401);
        }
        Api.anonymous(server).get("/api/notebooks", "Authorization: Basic " + TOKEN).expectProblem(401);
        Api.anonymous(server).get("/api/notebooks", "Cookie: token=" + TOKEN).expectProblem(401);
        Api.anonymous(server).get("/api/notebooks", "X-Token: " + TOKEN).expectProblem(401);
        Api.anonymous(server).get("/api/notebooks?token=" + TOKEN).expectProblem(401);
        Api.Reply page = Api.anonymous(server).get("/?token=" + wrong.get(0));
        page.expect(401);
        if (page.header("Set-Cookie") != null) {
            throw page.fail("a wrong token in the address must not set a cookie");
        }
        Api.anonymous(server).get("/api/notebooks", "Authorization: Token " + TOKEN).expect(200);
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("without --token the server makes one up: 32 hex digits from a secure generator, printed at start")
    void generatedToken() {
        StudentServer own = StudentServer.main(NotebookTestSupport.MAIN)
                .jvmOption("--enable-native-access=ALL-UNNAMED").args("--port", "{port}", "--data", "{dir}/data");
        own.start();
        try {
            if (!Poll.until(java.time.Duration.ofSeconds(5),
                    () -> NotebookTestSupport.startLine(own) != null)) {
                throw new AssertionError("expected the start line with the generated token\n" + own.recentOutput());
            }
            Matcher line = NotebookTestSupport.startLine(own);
            String token = line.group(2);
            if (!token.matches("[0-9a-f]{32}")) {
                throw new AssertionError("a generated token is 32 lower-case hex digits, but it was \"" + token + "\"");
            }
            if (token.chars().distinct().count() < 6) {
                throw new AssertionError("the generated token " + token + " does not look random");
            }
            Api.of(own, token).get("/api/notebooks").expect(200);
            Api.anonymous(own).get("/api/notebooks").expectProblem(401);
        } finally {
            own.stop();
        }
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("only http://127.0.0.1:PORT and http://localhost:PORT are trusted origins; 403 comes before 401")
    void originVariants() {
        int port = server.port();
        Api api = Api.of(server, TOKEN);
        for (String origin : List.of("null", "https://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1),
                "http://localhost.evil.example:" + port, "http://127.0.0.1:" + port + ".evil.example",
                "http://evil.example", "http://127.0.0.2:" + port)) {
            api.get("/api/notebooks", "Origin: " + origin).expectProblem(403);
            api.post("/api/notebooks", Api.object("name", "from " + origin), "Origin: " + origin).expectProblem(403);
        }
        Api.anonymous(server).get("/api/notebooks", "Origin: http://evil.example").expectProblem(403);
        api.post("/api/notebooks", Api.object("name", "same origin"), "Origin: http://localhost:" + port).expect(201);
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("a Host other than 127.0.0.1:PORT or localhost:PORT is 403 (DNS rebinding), the health check too")
    void hostVariants() {
        int port = server.port();
        String auth = "Authorization: token " + TOKEN;
        for (String host : List.of("127.0.0.1", "localhost:" + (port + 1), "evil.example:" + port,
                "127.0.0.1.evil.example:" + port, "rebind.example")) {
            expectStatus(raw("GET", "/api/notebooks", "Host: " + host, auth), 403, "Host: " + host);
            expectStatus(raw("GET", "/api/health", "Host: " + host), 403, "GET /api/health with Host: " + host);
        }
        expectStatus(raw("GET", "/api/health", "Host: LOCALHOST:" + port), 200, "Host: LOCALHOST:" + port);
        expectStatus(raw("GET", "/api/notebooks", "Host: 127.0.0.1:" + port, auth), 200, "Host: 127.0.0.1:" + port);
    }
}
