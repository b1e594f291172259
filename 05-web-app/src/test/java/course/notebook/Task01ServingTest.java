package course.notebook;

import static course.notebook.NotebookTestSupport.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 05.1: the health check, the page and its assets, the token, and requests from other sites. */
@DisplayName("05.1 Serving: health, the page, token authentication, origin check")
class Task01ServingTest {

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server();

    static Api api() {
        return Api.of(server, TOKEN);
    }

    static Api anonymous() {
        return Api.anonymous(server);
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("GET /api/health answers 200 {\"status\":\"ok\"} as JSON, without a token")
    void health() {
        Api.Reply r = anonymous().get("/api/health").expect(200);
        if (!r.mediaType().equals("application/json")) {
            throw r.fail("expected Content-Type application/json");
        }
        if (!r.json().path("status").asText().equals("ok")) {
            throw r.fail("expected the body {\"status\":\"ok\"}");
        }
    }

    @Test
    @Graded(task = "05.1", points = 2)
    @DisplayName("the printed address opens the page: 303 to / with an HttpOnly, SameSite=Strict token cookie")
    void printedAddressSetsCookie() {
        Matcher line = NotebookTestSupport.startLine(server);
        if (line == null) {
            throw new AssertionError("expected the line \"Notebook server running at http://127.0.0.1:" + server.port()
                    + "/?token=" + TOKEN + "\" on standard output, but it was not there");
        }
        if (!line.group(1).equals(Integer.toString(server.port())) || !line.group(2).equals(TOKEN)) {
            throw new AssertionError("the start line names port " + line.group(1) + " and token " + line.group(2)
                    + ", but the server was started with --port " + server.port() + " --token " + TOKEN);
        }
        Api.Reply r = anonymous().get("/?token=" + TOKEN).expect(303);
        if (!"/".equals(r.header("Location"))) {
            throw r.fail("expected \"Location: /\", so the token leaves the address bar");
        }
        String cookie = r.header("Set-Cookie");
        if (cookie == null || !cookie.startsWith("notebook_token=" + TOKEN + ";")) {
            throw r.fail("expected \"Set-Cookie: notebook_token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict\"");
        }
        String lower = cookie.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        for (String attribute : new String[] {"path=/", "httponly", "samesite=strict"}) {
            if (!lower.contains(attribute)) {
                throw r.fail("the cookie lacks the attribute " + attribute + " (scripts must not read the token, and "
                        + "other sites must not send it)");
            }
        }
    }

    @Test
    @Graded(task = "05.1", points = 2)
    @DisplayName("the API wants the token (Authorization: token T, or the cookie); without it 401 problem+json")
    void tokenRequired() {
        anonymous().get("/api/notebooks").expectProblem(401);
        Api.anonymous(server).get("/api/notebooks", "Authorization: token not-the-token").expectProblem(401);
        Api.anonymous(server).get("/api/notebooks", "Cookie: notebook_token=wrong").expectProblem(401);
        api().get("/api/notebooks").expect(200);
        Api.anonymous(server).get("/api/notebooks", "Cookie: notebook_token=" + TOKEN).expect(200);
        anonymous().post("/api/notebooks", Api.object("name", "no token")).expectProblem(401);
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("GET / serves the page with the cookie and a short HTML note without it; assets have their types")
    void pageAndAssets() {
        Api.Reply page = Api.anonymous(server).get("/", "Cookie: notebook_token=" + TOKEN).expect(200);
        if (!page.mediaType().equals("text/html") || !page.body().contains("/assets/app.js")) {
            throw page.fail("expected the page (text/html) that loads /assets/app.js");
        }
        Api.Reply js = api().get("/assets/app.js").expect(200);
        if (!js.mediaType().equals("text/javascript")) {
            throw js.fail("expected Content-Type text/javascript");
        }
        Api.Reply css = api().get("/assets/style.css").expect(200);
        if (!css.mediaType().equals("text/css")) {
            throw css.fail("expected Content-Type text/css");
        }
        Api.Reply refused = anonymous().get("/").expect(401);
        if (!refused.mediaType().equals("text/html") || !refused.body().toLowerCase().contains("token")) {
            throw refused.fail("without the token, GET / answers 401 with a small HTML page that says to open the "
                    + "address (with the token) the server printed");
        }
    }

    @Test
    @Graded(task = "05.1", points = 1)
    @DisplayName("a request from another site (Origin) or for another host name (Host) is 403, even with the token")
    void otherOriginsRefused() {
        JsonNode problem = api().get("/api/notebooks", "Origin: http://evil.example").expectProblem(403);
        if (problem.path("detail").asText().isBlank()) {
            throw new AssertionError("the 403 problem should say why in its detail");
        }
        api().get("/api/notebooks", "Origin: http://127.0.0.1:" + server.port()).expect(200);
        api().get("/api/notebooks", "Origin: http://localhost:" + server.port()).expect(200);
        api().get("/api/notebooks", "Host: rebound.example:" + server.port()).expectProblem(403);
        api().get("/api/notebooks", "Host: localhost:" + server.port()).expect(200);
    }
}
