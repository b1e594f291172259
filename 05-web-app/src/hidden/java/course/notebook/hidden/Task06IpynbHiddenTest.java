package course.notebook.hidden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.Ipynb;
import course.notebook.NotebookTestSupport;
import course.notebook.domain.Limits;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("05.6 .ipynb (hidden)")
@ExtendWith(Seeded.class)
class Task06IpynbHiddenTest {

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server();

    static Api api() {
        return Api.of(server, NotebookTestSupport.TOKEN);
    }

    /** Splits text into lines that keep their "\n", as Jupyter writes sources. */
    static ArrayNode lines(String text) {
        ArrayNode array = Api.JSON.createArrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                array.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            array.add(text.substring(start));
        }
        return array;
    }

    static void expectValid(Api.Reply r) {
        List<String> problems = Ipynb.violations(r.json());
        if (!problems.isEmpty()) {
            throw r.fail("the export is not valid nbformat 4.5: " + problems);
        }
    }

    @Test
    @Graded(task = "05.6", points = 2)
    @DisplayName("a random notebook with every kind of output: import, export (valid), import again: nothing changes")
    void randomRoundTrip(Random random) throws Exception {
        if (Ipynb.violations(Api.JSON.readTree("{\"nbformat\":4,\"cells\":7}")).isEmpty()) {
            throw new IllegalStateException("the schema validator accepts an invalid document");
        }
        ObjectNode doc = Api.JSON.createObjectNode();
        doc.put("nbformat", 4).put("nbformat_minor", 5).putObject("metadata");
        ArrayNode cells = doc.putArray("cells");
        ArrayNode expected = Api.JSON.createArrayNode();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String id = "c" + i + "-" + Integer.toHexString(random.nextInt());
            String source = NotebookTestSupport.randomSource(random).replace("\r\n", "\n");
            boolean code = random.nextInt(3) > 0;
            ObjectNode cell = cells.addObject().put("id", id).put("cell_type", code ? "code" : "markdown");
            cell.putObject("metadata");
            cell.set("source", random.nextBoolean() ? lines(source) : Api.JSON.getNodeFactory().textNode(source));
            ObjectNode want = expected.addObject().put("id", id).put("type", code ? "code" : "markdown")
                    .put("source", source);
            ArrayNode wantOutputs = Api.JSON.createArrayNode();
            if (code) {
                int execution = 1 + random.nextInt(50);
                cell.put("execution_count", execution);
                want.put("executionCount", execution);
                ArrayNode outputs = cell.putArray("outputs");
                String out = NotebookTestSupport.randomSource(random) + "\n";
                outputs.addObject().put("output_type", "stream").put("name", "stdout").set("text", lines(out));
                wantOutputs.addObject().put("type", "stream").put("name", "stdout").put("text", out);
                if (random.nextBoolean()) {
                    String err = "warning " + random.nextInt(100) + "\n";
                    outputs.addObject().put("output_type", "stream").put("name", "stderr").put("text", err);
                    wantOutputs.addObject().put("type", "stream").put("name", "stderr").put("text", err);
                }
                switch (random.nextInt(3)) {
                    case 0 -> {
                        String value = "\"" + NotebookTestSupport.randomName(random, 10) + "\"";
                        ObjectNode result = outputs.addObject().put("output_type", "execute_result")
                                .put("execution_count", execution);
                        result.putObject("data").put("text/plain", value);
                        result.putObject("metadata");
                        wantOutputs.addObject().put("type", "result").put("value", value);
                    }
                    case 1 -> {
                        int line = 1 + random.nextInt(9);
                        int column = 1 + random.nextInt(30);
                        outputs.addObject().put("output_type", "error").put("ename", "COMPILE_ERROR")
                                .put("evalue", "cannot find symbol").putArray("traceback")
                                .add("line " + line + ", column " + column + ": cannot find symbol");
                        ObjectNode error = wantOutputs.addObject().put("type", "error").put("outcome", "COMPILE_ERROR")
                                .put("message", "cannot find symbol");
                        error.putArray("errors").addObject().put("line", line).put("column", column)
                                .put("message", "cannot find symbol");
                    }
                    default -> {
                        String message = "index " + random.nextInt(10) + " out of bounds";
                        outputs.addObject().put("output_type", "error").put("ename", "java.lang.IllegalStateException")
                                .put("evalue", message).putArray("traceback")
                                .add("java.lang.IllegalStateException: " + message);
                        wantOutputs.addObject().put("type", "error").put("outcome", "EXCEPTION")
                                .put("message", "java.lang.IllegalStateException: " + message).putArray("errors");
                    }
                }
            } else {
                want.putNull("executionCount");
            }
            want.set("outputs", wantOutputs);
        }
        String name = "Random " + UUID.randomUUID();
        Api.Reply imported = api().post("/api/notebooks/import?name=" + name.replace(" ", "%20"), doc.toString())
                .expect(201);
        if (!imported.json().path("cells").equals(expected)) {
            throw imported.fail("the sent file was\n         " + doc + "\nexpected the cells\n         " + expected);
        }
        String id = imported.json().path("id").asText();
        Api.Reply exported = api().get("/api/notebooks/" + id + ".ipynb").expect(200);
        expectValid(exported);
        Api.Reply again = api().post("/api/notebooks/import?name=" + name.replace(" ", "%20") + "%20again",
                exported.body()).expect(201);
        if (!again.json().path("cells").equals(expected)) {
            throw again.fail("importing the export should give the same cells again:\n         " + expected);
        }
    }

    @Test
    @Graded(task = "05.6", points = 1)
    @DisplayName("older and looser files: nbformat 4.4 without ids, raw cells, display_data, duplicate ids")
    void looserFiles() {
        String doc = """
                {"nbformat": 4, "nbformat_minor": 4, "metadata": {},
                 "cells": [
                  {"cell_type": "code", "metadata": {}, "execution_count": null, "source": ["var a = 1;\\n", "a"],
                   "outputs": [{"output_type": "display_data", "data": {"text/plain": "1", "text/html": "<b>1</b>"},
                                "metadata": {}}]},
                  {"cell_type": "raw", "metadata": {}, "source": "raw text"},
                  {"id": "same", "cell_type": "markdown", "metadata": {}, "source": "one"},
                  {"id": "same", "cell_type": "markdown", "metadata": {}, "source": "two"}
                 ]}
                """;
        Api.Reply r = api().post("/api/notebooks/import?name=Loose%20" + UUID.randomUUID(), doc).expect(201);
        JsonNode cells = r.json().path("cells");
        if (cells.size() != 4 || !Api.sources(r.json()).equals(List.of("var a = 1;\na", "raw text", "one", "two"))) {
            throw r.fail("expected 4 cells with the sources [var a = 1;\\na, raw text, one, two]");
        }
        java.util.Set<String> ids = new java.util.HashSet<>(Api.cellIds(r.json()));
        if (ids.size() != 4 || ids.contains("")) {
            throw r.fail("every cell needs an id of its own (made up where the file has none or a duplicate)");
        }
        if (!cells.get(1).path("type").asText().equals("markdown")) {
            throw r.fail("a raw cell is imported as a markdown cell");
        }
        Api.Reply exported = api().get("/api/notebooks/" + r.json().path("id").asText() + ".ipynb").expect(200);
        expectValid(exported);
    }

    @Test
    @Graded(task = "05.6", points = 1)
    @DisplayName("invalid imports are 422 (or 400 for broken JSON); taken names get a number; limits hold")
    void invalidImports() {
        String path = "/api/notebooks/import";
        api().post(path, "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}")
                .expectProblem(422);
        api().post(path, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": {}}").expectProblem(422);
        api().post(path, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": "
                + "[{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 5, \"outputs\": []}]}").expectProblem(422);
        api().post(path, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": "
                + "[{\"cell_type\": \"python\", \"metadata\": {}, \"source\": \"\"}]}").expectProblem(422);
        api().post(path, "[]").expectProblem(422);
        api().post(path, "{\"nbformat\": 4,").expectProblem(400);
        StringBuilder many = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [");
        for (int i = 0; i <= Limits.MAX_CELLS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"}");
        }
        api().post(path, many.append("]}").toString()).expectProblem(422);
        String name = "Twice " + UUID.randomUUID().toString().substring(0, 8);
        String doc = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"title\": \"" + name + "\"}, \"cells\": []}";
        String first = api().post(path, doc).expect(201).json().path("name").asText();
        String second = api().post(path, doc).expect(201).json().path("name").asText();
        if (!first.equals(name) || !second.equals(name + " (2)")) {
            throw new AssertionError("importing a file titled \"" + name + "\" twice should give the names \"" + name
                    + "\" and \"" + name + " (2)\", but they were \"" + first + "\" and \"" + second + "\"");
        }
    }
}
