package course.notebook;

import static course.notebook.Api.cellIds;
import static course.notebook.Api.object;
import static course.notebook.Api.sources;
import static course.notebook.NotebookTestSupport.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 05.2: the REST API for notebooks and cells, its errors as problem+json, and ETag / If-Match. */
@DisplayName("05.2 REST API for notebooks and cells: problem+json, 404/409, ETag and If-Match")
class Task02RestApiTest {

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server();

    static Api api() {
        return Api.of(server, TOKEN);
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static void expectEqual(Api.Reply r, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw r.fail("expected " + what + " to be " + expected + ", but it was " + actual);
        }
    }

    static void expectETag(Api.Reply r) {
        expectEqual(r, "the ETag (the version in quotes)", "\"" + r.json().path("version").asLong() + "\"",
                r.header("ETag"));
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("POST /api/notebooks creates a notebook (201, Location, ETag \"1\"); GET returns it")
    void createAndGet() {
        String name = unique("Lab notes");
        Api.Reply created = api().post("/api/notebooks", object("name", name)).expect(201);
        JsonNode nb = created.json();
        String id = nb.path("id").asText();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw created.fail("expected \"id\" to be a UUID, but it was \"" + id + "\"");
        }
        expectEqual(created, "name", name, nb.path("name").asText());
        expectEqual(created, "version", 1L, nb.path("version").asLong());
        expectEqual(created, "Location", "/api/notebooks/" + id, created.header("Location"));
        expectEqual(created, "ETag", "\"1\"", created.header("ETag"));
        expectEqual(created, "cells", "[]", nb.path("cells").toString());
        for (String field : List.of("created", "updated")) {
            try {
                Instant.parse(nb.path(field).asText());
            } catch (DateTimeParseException e) {
                throw created.fail("expected \"" + field + "\" to be an ISO-8601 instant like 2025-01-31T12:00:00Z");
            }
        }
        Api.Reply got = api().get("/api/notebooks/" + id).expect(200);
        if (!got.mediaType().equals("application/json")) {
            throw got.fail("expected Content-Type application/json");
        }
        expectEqual(got, "the notebook", nb, got.json());
        expectEqual(got, "ETag", "\"1\"", got.header("ETag"));
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("GET /api/notebooks lists id, name, number of cells and updated, sorted by name")
    void listSortedByName() {
        String prefix = unique("List");
        String b = api().create(prefix + " b").path("id").asText();
        api().addCell(b, "code", "1 + 1");
        api().create(prefix + " a");
        api().create(prefix + " c");
        Api.Reply list = api().get("/api/notebooks").expect(200);
        List<String> names = new ArrayList<>();
        list.json().forEach(n -> names.add(n.path("name").asText()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        expectEqual(list, "the names in the list (sorted by name)", sorted, names);
        List<String> ours = names.stream().filter(n -> n.startsWith(prefix)).toList();
        expectEqual(list, "our three notebooks", List.of(prefix + " a", prefix + " b", prefix + " c"), ours);
        for (JsonNode n : list.json()) {
            if (n.path("id").asText().equals(b)) {
                expectEqual(list, "\"cells\" of " + prefix + " b", 1, n.path("cells").asInt());
                if (!n.path("updated").isTextual()) {
                    throw list.fail("each entry has \"updated\"");
                }
                if (n.has("version") && n.path("cells").isArray()) {
                    throw list.fail("the list shows how many cells a notebook has, not the cells");
                }
            }
        }
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("cells: add (at the end or at an index), edit source and type, delete; every write bumps version")
    void cells() {
        String id = api().create(unique("Cells")).path("id").asText();
        String path = "/api/notebooks/" + id;
        Api.Reply r = api().post(path + "/cells", "{\"type\":\"code\",\"source\":\"int x = 1;\"}").expect(201);
        expectETag(r);
        String first = cellIds(r.json()).get(0);
        JsonNode cell = r.json().path("cells").get(0);
        expectEqual(r, "the new cell", "{\"id\":\"" + first + "\",\"type\":\"code\",\"source\":\"int x = 1;\","
                + "\"executionCount\":null,\"outputs\":[]}", cell.toString());
        r = api().post(path + "/cells", "{\"type\":\"markdown\",\"source\":\"# Title\",\"index\":0}").expect(201);
        expectEqual(r, "the sources in order", List.of("# Title", "int x = 1;"), sources(r.json()));
        r = api().post(path + "/cells", "{\"type\":\"code\",\"source\":\"x + 1\"}").expect(201);
        expectEqual(r, "the sources in order", List.of("# Title", "int x = 1;", "x + 1"), sources(r.json()));
        expectEqual(r, "version after three added cells", 4L, r.json().path("version").asLong());

        r = api().patch(path + "/cells/" + first, "{\"source\":\"int x = 2;\"}").expect(200);
        expectEqual(r, "the sources after the edit", List.of("# Title", "int x = 2;", "x + 1"), sources(r.json()));
        String last = cellIds(r.json()).get(2);
        r = api().patch(path + "/cells/" + last, "{\"type\":\"markdown\"}").expect(200);
        expectEqual(r, "the type after the edit", "markdown", r.json().path("cells").get(2).path("type").asText());
        r = api().delete(path + "/cells/" + first).expect(200);
        expectEqual(r, "the sources after deleting a cell", List.of("# Title", "x + 1"), sources(r.json()));
        expectEqual(r, "version after six writes", 7L, r.json().path("version").asLong());
        expectETag(r);
        expectEqual(r, "what GET returns", r.json(), api().notebook(id));
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("PUT .../order reorders the cells; an order that is not a permutation of them is 409")
    void reorder() {
        String id = api().create(unique("Order")).path("id").asText();
        for (String s : List.of("a", "b", "c")) {
            api().addCell(id, "code", s);
        }
        List<String> ids = cellIds(api().notebook(id));
        String path = "/api/notebooks/" + id + "/order";
        Api.Reply r = api().put(path, "{\"cells\":[\"" + ids.get(2) + "\",\"" + ids.get(0) + "\",\"" + ids.get(1)
                + "\"]}").expect(200);
        expectEqual(r, "the sources after reordering", List.of("c", "a", "b"), sources(r.json()));
        api().put(path, "{\"cells\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]}").expectProblem(409);
        api().put(path, "{\"cells\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\",\"" + ids.get(1) + "\"]}")
                .expectProblem(409);
        api().put(path, "{\"cells\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\",\"nope\"]}").expectProblem(409);
        expectEqual(r, "the sources after the refused orders", List.of("c", "a", "b"), sources(api().notebook(id)));
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("errors are problem+json: 404 unknown notebook or cell, 405 with Allow, 409 for a taken name")
    void problems() {
        JsonNode problem = api().get("/api/notebooks/" + UUID.randomUUID()).expectProblem(404);
        if (!problem.path("instance").asText().startsWith("/api/notebooks/")) {
            throw new AssertionError("the problem's \"instance\" should be the request path, but it was "
                    + problem.path("instance"));
        }
        String name = unique("Taken");
        String id = api().create(name).path("id").asText();
        api().patch("/api/notebooks/" + id + "/cells/" + UUID.randomUUID(), "{\"source\":\"x\"}").expectProblem(404);
        api().delete("/api/notebooks/" + UUID.randomUUID()).expectProblem(404);
        api().post("/api/notebooks", object("name", name)).expectProblem(409);
        Api.Reply r = api().put("/api/notebooks/" + id, object("name", "x"));
        r.expectProblem(405);
        String allow = r.header("Allow");
        if (allow == null || !allow.contains("GET") || !allow.contains("PATCH") || allow.contains("PUT")) {
            throw r.fail("a 405 lists the allowed methods in Allow (here GET, PATCH, DELETE)");
        }
    }

    @Test
    @Graded(task = "05.2", points = 2)
    @DisplayName("bad bodies: 400 malformed JSON, 415 not JSON, 422 invalid fields (with errors), 413 too large")
    void badBodies() {
        api().post("/api/notebooks", "{\"name\": ").expectProblem(400);
        api().post("/api/notebooks", "{\"name\":\"x\"}", "Content-Type: text/plain").expectProblem(415);
        JsonNode problem = api().post("/api/notebooks", "{\"name\": 42}").expectProblem(422);
        JsonNode errors = problem.path("errors");
        if (!errors.isArray() || errors.isEmpty() || !errors.get(0).path("field").asText().equals("name")
                || !errors.get(0).path("message").isTextual()) {
            throw new AssertionError("a 422 problem lists the invalid fields: \"errors\":[{\"field\":\"name\","
                    + "\"message\":\"...\"}], but it was " + problem);
        }
        api().post("/api/notebooks", object("name", "   ")).expectProblem(422);
        api().post("/api/notebooks", "{}").expectProblem(422);
        String huge = object("name", "x".repeat(course.notebook.domain.Limits.MAX_BODY_BYTES + 10));
        api().send("POST", "/api/notebooks", huge.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null).expectProblem(413);
    }

    @Test
    @Graded(task = "05.2", points = 1)
    @DisplayName("If-Match: the current ETag lets a change through, a stale one is 412; DELETE is 204, then 404")
    void ifMatch() {
        String id = api().create(unique("Match")).path("id").asText();
        String path = "/api/notebooks/" + id;
        Api.Reply renamed = api().patch(path, object("name", unique("Renamed")), "If-Match: \"1\"").expect(200);
        expectEqual(renamed, "ETag after the rename", "\"2\"", renamed.header("ETag"));
        api().patch(path, object("name", unique("Stale")), "If-Match: \"1\"").expectProblem(412);
        expectEqual(renamed, "the name after the refused change", renamed.json().path("name").asText(),
                api().notebook(id).path("name").asText());
        api().delete(path).expect(204);
        api().get(path).expectProblem(404);
    }
}
