package course.notebook.hidden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.NotebookTestSupport;
import course.notebook.domain.Limits;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("05.2 REST API (hidden)")
@ExtendWith(Seeded.class)
class Task02RestApiHiddenTest {

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server();

    static Api api() {
        return Api.of(server, NotebookTestSupport.TOKEN);
    }

    /** What a cell should be: the test's own model of the notebook. */
    record ModelCell(String id, String type, String source) {
    }

    static void expectModel(Api.Reply r, List<ModelCell> model, long version) {
        JsonNode nb = r.json();
        List<ModelCell> actual = new ArrayList<>();
        nb.path("cells").forEach(c -> actual.add(new ModelCell(c.path("id").asText(), c.path("type").asText(),
                c.path("source").asText())));
        if (!actual.equals(model)) {
            throw r.fail("expected the cells (id, type, source) " + model);
        }
        if (nb.path("version").asLong() != version || !("\"" + version + "\"").equals(r.header("ETag"))) {
            throw r.fail("expected version " + version + " and ETag \"" + version + "\"");
        }
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("a random sequence of adds, edits, type changes, moves and deletes keeps cells, order and version")
    void randomEdits(Random random) {
        String name = NotebookTestSupport.randomName(random, 40) + " " + UUID.randomUUID().toString().substring(0, 4);
        Api.Reply created = api().post("/api/notebooks", Api.object("name", name)).expect(201);
        if (!created.json().path("name").asText().equals(name)) {
            throw created.fail("expected the name exactly as sent: " + name);
        }
        String path = "/api/notebooks/" + created.json().path("id").asText();
        List<ModelCell> model = new ArrayList<>();
        long version = 1;
        for (int step = 0; step < 30; step++) {
            int op = model.isEmpty() ? 0 : random.nextInt(5);
            Api.Reply r;
            if (op == 0) {
                String type = random.nextInt(4) == 0 ? "markdown" : "code";
                String source = NotebookTestSupport.randomSource(random);
                ObjectNode body = Api.JSON.createObjectNode().put("type", type).put("source", source);
                int index = model.size();
                if (random.nextBoolean()) {
                    index = random.nextInt(model.size() + 1);
                    body.put("index", index);
                }
                r = api().post(path + "/cells", body.toString()).expect(201);
                String id = r.json().path("cells").path(index).path("id").asText();
                model.add(index, new ModelCell(id, type, source));
            } else if (op == 1) {
                int i = random.nextInt(model.size());
                String source = NotebookTestSupport.randomSource(random);
                r = api().patch(path + "/cells/" + model.get(i).id(),
                        Api.JSON.createObjectNode().put("source", source).toString()).expect(200);
                model.set(i, new ModelCell(model.get(i).id(), model.get(i).type(), source));
            } else if (op == 2) {
                int i = random.nextInt(model.size());
                String type = model.get(i).type().equals("code") ? "markdown" : "code";
                r = api().patch(path + "/cells/" + model.get(i).id(), Api.object("type", type)).expect(200);
                model.set(i, new ModelCell(model.get(i).id(), type, model.get(i).source()));
            } else if (op == 3) {
                Collections.shuffle(model, random);
                ArrayNode order = Api.JSON.createArrayNode();
                model.forEach(c -> order.add(c.id()));
                r = api().put(path + "/order", Api.JSON.createObjectNode().set("cells", order).toString()).expect(200);
            } else {
                int i = random.nextInt(model.size());
                r = api().delete(path + "/cells/" + model.get(i).id()).expect(200);
                model.remove(i);
            }
            version++;
            expectModel(r, model, version);
        }
        expectModel(api().get(path).expect(200), model, version);
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("8 clients adding cells at once: no cell is lost, every add bumps the version once")
    void concurrentAdds() throws Exception {
        String id = api().create("Busy " + UUID.randomUUID()).path("id").asText();
        int clients = 8;
        int perClient = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        api().post("/api/notebooks/" + id + "/cells", Api.object("source", "c" + client + "-" + i))
                                .expect(201);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode nb = api().notebook(id);
        Set<String> sources = new HashSet<>(Api.sources(nb));
        if (nb.path("cells").size() != clients * perClient || sources.size() != clients * perClient) {
            throw new AssertionError(clients + " clients added " + perClient + " cells each, so the notebook should "
                    + "have " + clients * perClient + " different cells, but it has " + nb.path("cells").size()
                    + " (" + sources.size() + " different): lost updates (read, change, write without a version check)");
        }
        if (nb.path("version").asLong() != 1 + clients * perClient) {
            throw new AssertionError("after " + clients * perClient + " adds the version should be "
                    + (1 + clients * perClient) + ", but it is " + nb.path("version"));
        }
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("6 clients renaming at once with the same If-Match: exactly one wins, the others get 412")
    void concurrentIfMatch() throws Exception {
        String id = api().create("Race " + UUID.randomUUID()).path("id").asText();
        int clients = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    go.await();
                    return api().patch("/api/notebooks/" + id, Api.object("name", "Winner " + client + " " + id),
                            "If-Match: \"1\"").status();
                }));
            }
            go.countDown();
            for (Future<Integer> f : done) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long ok = statuses.stream().filter(s -> s == 200).count();
        long stale = statuses.stream().filter(s -> s == 412).count();
        if (ok != 1 || stale != clients - 1) {
            throw new AssertionError(clients + " renames with \"If-Match: \\\"1\\\"\" at once: exactly one may succeed "
                    + "(200), the rest must get 412; the statuses were " + statuses);
        }
        long version = api().notebook(id).path("version").asLong();
        if (version != 2) {
            throw new AssertionError("after one successful rename the version should be 2, but it is " + version);
        }
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("the named limits and field rules: name length, control characters, source length, index, type")
    void limits() {
        String hangul = "한".repeat(Limits.MAX_NAME_CHARS - 8) + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/notebooks", Api.object("name", hangul)).expect(201);
        api().post("/api/notebooks", Api.object("name", "x" + hangul)).expectProblem(422);
        api().post("/api/notebooks", Api.object("name", "two\nlines")).expectProblem(422);
        String id = api().create("Limits " + UUID.randomUUID()).path("id").asText();
        String cells = "/api/notebooks/" + id + "/cells";
        api().post(cells, Api.object("source", "x".repeat(Limits.MAX_SOURCE_CHARS))).expect(201);
        api().post(cells, Api.object("source", "x".repeat(Limits.MAX_SOURCE_CHARS + 1))).expectProblem(422);
        api().post(cells, "{\"source\":\"a\",\"index\":-1}").expectProblem(422);
        api().post(cells, "{\"source\":\"a\",\"index\":2}").expectProblem(422);
        api().post(cells, "{\"source\":\"a\",\"index\":\"0\"}").expectProblem(422);
        api().post(cells, Api.object("type", "python", "source", "print(1)")).expectProblem(422);
        String cell = Api.cellIds(api().notebook(id)).get(0);
        api().patch(cells + "/" + cell, "{}").expectProblem(422);
        api().patch(cells + "/" + cell, "{\"source\":7}").expectProblem(422);
        api().patch(cells + "/" + cell, Api.object("source", "y"), "If-Match: W/\"2\"").expectProblem(412);
        api().patch(cells + "/" + cell, Api.object("source", "y"), "If-Match: \"1\", \"2\"").expect(200);
        api().patch(cells + "/" + cell, Api.object("source", "z"), "If-Match: *").expect(200);
        JsonNode nb = api().notebook(id);
        if (nb.path("version").asLong() != 4 || nb.path("cells").size() != 1) {
            throw new AssertionError("refused requests must change nothing: expected version 4 with 1 cell, but it "
                    + "was " + nb.path("version") + " with " + nb.path("cells").size());
        }
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("misuse: not an object, trailing garbage, bad UTF-8, empty, duplicate keys, chunked over 1 MiB")
    void misuse() {
        api().post("/api/notebooks", "[\"name\"]").expectProblem(422);
        api().post("/api/notebooks", "{\"name\":\"x\"} {}").expectProblem(400);
        api().post("/api/notebooks", "{\"name\":\"a\",\"name\":\"b\"}").expectProblem(400);
        api().post("/api/notebooks", "").expectProblem(400);
        byte[] badUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        api().send("POST", "/api/notebooks", badUtf8, null).expectProblem(400);
        String id = api().create("Misuse " + UUID.randomUUID()).path("id").asText();
        api().put("/api/notebooks/" + id + "/order", "{\"cells\":[1,2]}").expectProblem(422);
        api().put("/api/notebooks/" + id + "/order", "{\"cells\":\"all\"}").expectProblem(422);
        api().get("/api/nothing/here").expectProblem(404);
        try (RawConnection c = server.connect()) {
            c.send("POST /api/notebooks HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: token "
                    + NotebookTestSupport.TOKEN + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                c.send("10\r\n{\"name\":\"xxxxxx\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 20; i++) {
                    c.send(chunk);
                }
                c.send("0\r\n\r\n");
            } catch (UncheckedIOException | AssertionError closedEarly) {
                // the server may answer and close before the whole body is sent
            }
            RawResponse r = HttpWire.readResponse(c, "POST");
            if (r.status() != 413) {
                throw new AssertionError("a chunked body over " + Limits.MAX_BODY_BYTES + " bytes should be refused "
                        + "with 413, but the answer was " + r.statusLine() + "\n" + r.bodyText());
            }
        }
    }
}
