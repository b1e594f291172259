package course.notebook;

import static course.notebook.NotebookTestSupport.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 05.5: running a cell streams its output as Server-Sent Events while it runs, then a done event. */
@DisplayName("05.5 Streaming: cell output as Server-Sent Events while the cell runs")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Task05StreamingTest {
    /** Generous: the first run of a notebook also starts its kernel's JVM. */
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server("--cell-timeout", "40");

    static Api api() {
        return Api.of(server, TOKEN);
    }

    /** One notebook, so one kernel JVM, for the whole class: starting a kernel takes a moment. */
    String notebook;

    @BeforeAll
    void createNotebook() {
        notebook = api().create("Stream " + UUID.randomUUID()).path("id").asText();
    }

    @AfterAll
    void deleteNotebook() {
        api().delete("/api/notebooks/" + notebook);
    }

    /** Adds a code cell to the notebook; returns {notebookId, cellId}. */
    String[] cell(String source) {
        List<String> ids = Api.cellIds(api().addCell(notebook, "code", source));
        return new String[] {notebook, ids.get(ids.size() - 1)};
    }

    static JsonNode storedCell(String notebook, String cell) {
        for (JsonNode c : api().notebook(notebook).path("cells")) {
            if (c.path("id").asText().equals(cell)) {
                return c;
            }
        }
        throw new AssertionError("the cell " + cell + " is gone from its notebook");
    }

    /** The execution count of the notebook's latest run, as stored (0 before the first run). */
    static int lastExecutionCount(String notebook) {
        int max = 0;
        for (JsonNode c : api().notebook(notebook).path("cells")) {
            max = Math.max(max, c.path("executionCount").asInt(0));
        }
        return max;
    }

    static String text(List<Sse.Event> events, String stream) {
        StringBuilder out = new StringBuilder();
        for (Sse.Event e : events) {
            if (e.name().equals(stream)) {
                out.append(e.data().path("text").asText());
            }
        }
        return out.toString();
    }

    @Test
    @Graded(task = "05.5", points = 2)
    @DisplayName("Accept: text/event-stream: stdout and stderr events with {\"text\"}, then done with the outputs")
    void events() {
        String[] ids = cell("System.out.println(\"hello\");\nSystem.err.println(\"oops\");\n6 * 7");
        int count = lastExecutionCount(notebook) + 1;
        try (Sse sse = Sse.post(server, TOKEN, "/api/notebooks/" + ids[0] + "/cells/" + ids[1] + "/run")) {
            if (sse.status() != 200 || !sse.contentType().startsWith("text/event-stream")) {
                throw sse.fail("expected 200 with Content-Type text/event-stream");
            }
            List<Sse.Event> events = sse.until("done", WAIT);
            if (!text(events, "stdout").equals("hello\n") || !text(events, "stderr").equals("oops\n")) {
                throw sse.fail("expected stdout events with the text \"hello\\n\" and stderr events with \"oops\\n\"");
            }
            JsonNode done = events.get(events.size() - 1).data();
            if (done == null || done.path("executionCount").asInt() != count
                    || !done.path("outcome").asText().equals("OK")) {
                throw sse.fail("expected done with {\"executionCount\":" + count + ",\"outcome\":\"OK\",...} (the "
                        + "notebook's runs so far plus one)");
            }
            JsonNode outputs = done.path("outputs");
            JsonNode last = outputs.path(outputs.size() - 1);
            if (outputs.size() != 3 || !last.path("type").asText().equals("result")
                    || !last.path("value").asText().equals("42")) {
                throw sse.fail("expected done's outputs: the stdout and stderr streams, then {\"type\":\"result\","
                        + "\"value\":\"42\"}");
            }
            sse.expectEnd(WAIT);
            JsonNode stored = storedCell(ids[0], ids[1]);
            if (!stored.path("outputs").equals(outputs) || stored.path("executionCount").asInt() != count) {
                throw new AssertionError("the cell should store the outputs done announced: " + outputs
                        + ", but it has " + stored);
            }
        } finally {
            api().post("/api/notebooks/" + ids[0] + "/kernel/interrupt", null);
        }
    }

    @Test
    @Graded(task = "05.5", points = 2)
    @DisplayName("the first output arrives while the cell still runs (it waits for a file the test creates later)")
    void outputArrivesWhileRunning() throws Exception {
        Path go = NotebookTestSupport.tempDir("notebook-go-").resolve("go");
        String source = "System.out.println(\"waiting\");\n"
                + "java.nio.file.Path go = java.nio.file.Path.of(\"" + go.toString().replace("\\", "\\\\") + "\");\n"
                + "while (!java.nio.file.Files.exists(go)) { Thread.sleep(10); }\n"
                + "System.out.println(\"released\");";
        String[] ids = cell(source);
        try (Sse sse = Sse.post(server, TOKEN, "/api/notebooks/" + ids[0] + "/cells/" + ids[1] + "/run")) {
            Sse.Event first = sse.next(WAIT);
            if (!first.name().equals("stdout") || !first.data().path("text").asText().startsWith("waiting")) {
                throw sse.fail("expected the first event to be stdout \"waiting\\n\" while the cell still waits; the "
                        + "events must be sent (and flushed) as the kernel produces the output, not after the cell");
            }
            Files.createFile(go);
            List<Sse.Event> rest = sse.until("done", WAIT);
            if (!text(rest, "stdout").contains("released")) {
                throw sse.fail("after the test created " + go + " the cell prints \"released\"");
            }
            sse.expectEnd(WAIT);
        } finally {
            api().post("/api/notebooks/" + ids[0] + "/kernel/interrupt", null);
        }
    }

    @Test
    @Graded(task = "05.5", points = 1)
    @DisplayName("without text/event-stream the run answers the finished cell; state carries over; 409 markdown, 404")
    void jsonRun() {
        String[] ids = cell("int n = 20;\nn + 22");
        String path = "/api/notebooks/" + ids[0] + "/cells/";
        int count = lastExecutionCount(notebook) + 1;
        try {
            Api.Reply r = api().post(path + ids[1] + "/run", null, "Accept: application/json").expect(200);
            String expected = "{\"id\":\"" + ids[1] + "\",\"type\":\"code\",\"source\":\"int n = 20;\\nn + 22\","
                    + "\"executionCount\":" + count + ",\"outputs\":[{\"type\":\"result\",\"value\":\"42\"}]}";
            if (!r.json().toString().equals(expected)) {
                throw r.fail("expected the cell " + expected);
            }
            String second = cell("n * 2")[1];
            r = api().post(path + second + "/run", null, "Accept: application/json").expect(200);
            if (r.json().path("executionCount").asInt() != count + 1
                    || !r.json().path("outputs").path(0).path("value").asText().equals("40")) {
                throw r.fail("the next run in the notebook's kernel has executionCount " + (count + 1) + " and still "
                        + "knows n (40)");
            }
            List<String> all = Api.cellIds(api().addCell(ids[0], "markdown", "# not code"));
            String markdown = all.get(all.size() - 1);
            api().post(path + markdown + "/run", null, "Accept: application/json").expectProblem(409);
            api().post(path + UUID.randomUUID() + "/run", null, "Accept: application/json").expectProblem(404);
        } finally {
            api().post("/api/notebooks/" + ids[0] + "/kernel/interrupt", null);
        }
    }
}
