package course.notebook.hidden;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.NotebookTestSupport;
import course.notebook.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("05.5 Streaming (hidden)")
@ExtendWith(Seeded.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Task05StreamingHiddenTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TOKEN = NotebookTestSupport.TOKEN;

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server("--cell-timeout", "40");

    static Api api() {
        return Api.of(server, TOKEN);
    }

    /** One notebook (so one kernel JVM) for all the tests of this class; each test adds its own cells. */
    String notebook;

    @BeforeAll
    void createNotebook() {
        notebook = api().create("Hidden stream " + UUID.randomUUID()).path("id").asText();
    }

    @AfterAll
    void deleteNotebook() {
        api().delete("/api/notebooks/" + notebook);
    }

    String notebook() {
        return notebook;
    }

    static String addCell(String notebook, String source) {
        List<String> ids = Api.cellIds(api().addCell(notebook, "code", source));
        return ids.get(ids.size() - 1);
    }

    static JsonNode runToDone(String notebook, String cell) {
        try (Sse sse = Sse.post(server, TOKEN, "/api/notebooks/" + notebook + "/cells/" + cell + "/run")) {
            List<Sse.Event> events = sse.until("done", WAIT);
            sse.expectEnd(WAIT);
            return events.get(events.size() - 1).data();
        }
    }

    static JsonNode storedCell(String notebook, String cell) {
        for (JsonNode c : api().notebook(notebook).path("cells")) {
            if (c.path("id").asText().equals(cell)) {
                return c;
            }
        }
        throw new AssertionError("the cell " + cell + " is gone from its notebook");
    }

    /** A Java string literal for any text. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    @Graded(task = "05.5", points = 1)
    @DisplayName("failed runs end with done: COMPILE_ERROR with positions, EXCEPTION with the exception; stored so")
    void failures() {
        String nb = notebook();
        try {
            String broken = addCell(nb, "int x = \"text\";");
            JsonNode done = runToDone(nb, broken);
            JsonNode error = done.path("outputs").path(done.path("outputs").size() - 1);
            if (!done.path("outcome").asText().equals("COMPILE_ERROR") || !error.path("type").asText().equals("error")
                    || !error.path("outcome").asText().equals("COMPILE_ERROR")
                    || error.path("errors").path(0).path("line").asInt() != 1
                    || error.path("errors").path(0).path("column").asInt() < 1) {
                throw new AssertionError("a cell that does not compile ends with done outcome COMPILE_ERROR and an "
                        + "error output listing the errors with line 1 and a column, but done was " + done);
            }
            String throwing = addCell(nb, "Integer.parseInt(\"forty-two\")");
            done = runToDone(nb, throwing);
            error = done.path("outputs").path(done.path("outputs").size() - 1);
            if (!done.path("outcome").asText().equals("EXCEPTION")
                    || !error.path("message").asText().contains("NumberFormatException")) {
                throw new AssertionError("a cell that throws ends with done outcome EXCEPTION and an error output whose "
                        + "message names the exception, but done was " + done);
            }
            JsonNode stored = storedCell(nb, throwing);
            if (!stored.path("outputs").equals(done.path("outputs"))) {
                throw new AssertionError("the stored outputs should be those done announced: " + done.path("outputs")
                        + ", but they are " + stored.path("outputs"));
            }
        } finally {
            api().post("/api/notebooks/" + nb + "/kernel/interrupt", null);
        }
    }

    @Test
    @Graded(task = "05.5", points = 1)
    @DisplayName("POST .../kernel/interrupt stops a running cell: done INTERRUPTED, its output so far is kept")
    void interrupt() {
        String nb = notebook();
        try {
            String cell = addCell(nb, "System.out.println(\"spinning\");\nwhile (true) { Thread.sleep(20); }");
            try (Sse sse = Sse.post(server, TOKEN, "/api/notebooks/" + nb + "/cells/" + cell + "/run")) {
                Sse.Event first = sse.next(WAIT);
                if (!first.name().equals("stdout")) {
                    throw sse.fail("expected the stdout event \"spinning\" first");
                }
                api().post("/api/notebooks/" + nb + "/kernel/interrupt", null).expect(202);
                List<Sse.Event> rest = sse.until("done", WAIT);
                JsonNode done = rest.get(rest.size() - 1).data();
                if (!done.path("outcome").asText().equals("INTERRUPTED")) {
                    throw sse.fail("after the interrupt the run ends with outcome INTERRUPTED");
                }
                JsonNode outputs = storedCell(nb, cell).path("outputs");
                if (!outputs.path(0).path("text").asText().equals("spinning\n")) {
                    throw sse.fail("the interrupted cell keeps its output so far, but it stored " + outputs);
                }
            }
        } finally {
            api().post("/api/notebooks/" + nb + "/kernel/interrupt", null);
        }
    }

    @Test
    @Graded(task = "05.5", points = 1)
    @DisplayName("many random lines: the stdout events add up to exactly what was printed, stored as one stream")
    void randomOutput(Random random) {
        List<String> lines = new ArrayList<>();
        int count = 20 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            lines.add(NotebookTestSupport.randomName(random, 60));
        }
        StringBuilder source = new StringBuilder("String[] lines = {");
        for (int i = 0; i < lines.size(); i++) {
            source.append(i == 0 ? "" : ", ").append(literal(lines.get(i)));
        }
        source.append("};\nfor (String line : lines) { System.out.println(line); }");
        String expected = String.join("\n", lines) + "\n";
        String nb = notebook();
        try {
            String cell = addCell(nb, source.toString());
            try (Sse sse = Sse.post(server, TOKEN, "/api/notebooks/" + nb + "/cells/" + cell + "/run")) {
                List<Sse.Event> events = sse.until("done", WAIT);
                StringBuilder text = new StringBuilder();
                events.stream().filter(e -> e.name().equals("stdout")).forEach(e -> text.append(e.data()
                        .path("text").asText()));
                if (!text.toString().equals(expected)) {
                    throw sse.fail("the stdout events should add up to the " + count + " printed lines:\n"
                            + Api.JSON.getNodeFactory().textNode(expected));
                }
                JsonNode done = events.get(events.size() - 1).data();
                JsonNode outputs = done.path("outputs");
                if (outputs.size() != 1 || !outputs.get(0).path("text").asText().equals(expected)
                        || !done.path("value").isNull()) {
                    throw sse.fail("the outputs should be one stdout stream with all the text (chunks of one stream "
                            + "merged) and no value");
                }
            }
        } finally {
            api().post("/api/notebooks/" + nb + "/kernel/interrupt", null);
        }
    }
}
