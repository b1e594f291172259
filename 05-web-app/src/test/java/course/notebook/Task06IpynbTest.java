package course.notebook;

import static course.notebook.NotebookTestSupport.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 05.6: export as a valid nbformat 4.5 .ipynb file, and import one. */
@DisplayName("05.6 .ipynb: export valid nbformat 4 and import")
class Task06IpynbTest {

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server();

    static Api api() {
        return Api.of(server, TOKEN);
    }

    static void expectValid(Api.Reply r) {
        List<String> problems = Ipynb.violations(r.json());
        if (!problems.isEmpty()) {
            throw r.fail("the export is not valid nbformat 4.5; the schema says:\n         "
                    + String.join("\n         ", problems));
        }
    }

    @Test
    @Graded(task = "05.6", points = 3)
    @DisplayName("GET /api/notebooks/{id}.ipynb: a download that is valid nbformat 4.5 with the cells and their ids")
    void exportIsValid() {
        String name = "Export " + UUID.randomUUID().toString().substring(0, 6);
        String id = api().create(name).path("id").asText();
        api().addCell(id, "markdown", "# Title\nSome *text*.");
        api().addCell(id, "code", "int x = 6;");
        JsonNode nb = api().addCell(id, "code", "x * 7");
        Api.Reply r = api().get("/api/notebooks/" + id + ".ipynb").expect(200);
        if (!r.mediaType().equals("application/x-ipynb+json")) {
            throw r.fail("expected Content-Type application/x-ipynb+json");
        }
        String disposition = r.header("Content-Disposition");
        if (!("attachment; filename=\"" + name + ".ipynb\"").equals(disposition)) {
            throw r.fail("expected \"Content-Disposition: attachment; filename=\\\"" + name + ".ipynb\\\"\"");
        }
        expectValid(r);
        JsonNode doc = r.json();
        if (doc.path("nbformat").asInt() != 4 || doc.path("nbformat_minor").asInt() != 5) {
            throw r.fail("expected nbformat 4, nbformat_minor 5");
        }
        if (!doc.path("metadata").path("kernelspec").path("name").asText().equals("java")
                || !doc.path("metadata").path("language_info").path("name").asText().equals("java")) {
            throw r.fail("expected metadata.kernelspec.name and metadata.language_info.name to be \"java\"");
        }
        JsonNode cells = doc.path("cells");
        if (cells.size() != 3) {
            throw r.fail("expected 3 cells");
        }
        String[] types = {"markdown", "code", "code"};
        for (int i = 0; i < 3; i++) {
            JsonNode ours = nb.path("cells").get(i);
            JsonNode cell = cells.get(i);
            if (!cell.path("id").asText().equals(ours.path("id").asText())
                    || !cell.path("cell_type").asText().equals(types[i])
                    || !Ipynb.text(cell.path("source")).equals(ours.path("source").asText())) {
                throw r.fail("cell " + i + " should keep its id " + ours.path("id") + ", be a " + types[i]
                        + " cell and have the source " + ours.path("source"));
            }
        }
    }

    @Test
    @Graded(task = "05.6", points = 2)
    @DisplayName("POST /api/notebooks/import reads a Jupyter file: 201, ids kept, line arrays joined, outputs mapped")
    void importJupyterFile() throws Exception {
        String name = "Imported " + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply r = api().post("/api/notebooks/import?name=" + name.replace(" ", "%20"), Ipynb.SAMPLE).expect(201);
        JsonNode nb = r.json();
        if (!nb.path("name").asText().equals(name)) {
            throw r.fail("expected the name from ?name=, \"" + name + "\"");
        }
        if (!("/api/notebooks/" + nb.path("id").asText()).equals(r.header("Location"))) {
            throw r.fail("expected Location: /api/notebooks/{the new id}");
        }
        JsonNode expected = Api.JSON.readTree(Ipynb.SAMPLE_CELLS);
        if (!nb.path("cells").equals(expected)) {
            throw r.fail("expected the cells\n         " + expected);
        }
        JsonNode stored = api().notebook(nb.path("id").asText());
        if (!stored.equals(nb)) {
            throw r.fail("GET should return the imported notebook, but it returned " + stored);
        }
    }

    @Test
    @Graded(task = "05.6", points = 1)
    @DisplayName("outputs export as stream, execute_result (text/plain) and error (ename, evalue, traceback)")
    void exportOutputs() {
        String id = api().post("/api/notebooks/import?name=Outputs%20" + UUID.randomUUID().toString().substring(0, 6),
                Ipynb.SAMPLE).expect(201).json().path("id").asText();
        Api.Reply r = api().get("/api/notebooks/" + id + ".ipynb").expect(200);
        expectValid(r);
        JsonNode square = r.json().path("cells").get(1);
        JsonNode stream = square.path("outputs").get(0);
        JsonNode result = square.path("outputs").get(1);
        if (!stream.path("output_type").asText().equals("stream") || !stream.path("name").asText().equals("stdout")
                || !Ipynb.text(stream.path("text")).equals("16\n")) {
            throw r.fail("the first output of cell \"square\" should be a stream output (stdout, \"16\\n\"), but it was "
                    + stream);
        }
        if (!result.path("output_type").asText().equals("execute_result")
                || !Ipynb.text(result.path("data").path("text/plain")).equals("25")
                || result.path("execution_count").asInt() != 1) {
            throw r.fail("the second output of cell \"square\" should be an execute_result with data text/plain \"25\" "
                    + "and execution_count 1, but it was " + result);
        }
        JsonNode error = r.json().path("cells").get(2).path("outputs").get(0);
        if (!error.path("output_type").asText().equals("error")
                || !error.path("ename").asText().equals("java.lang.ArithmeticException")
                || !error.path("evalue").asText().equals("/ by zero")) {
            throw r.fail("the output of cell \"broken\" should be an error with ename java.lang.ArithmeticException and "
                    + "evalue \"/ by zero\", but it was " + error);
        }
    }
}
