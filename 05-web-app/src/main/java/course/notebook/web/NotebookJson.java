package course.notebook.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.domain.Cell;
import course.notebook.domain.CompileError;
import course.notebook.domain.ErrorOutput;
import course.notebook.domain.Notebook;
import course.notebook.domain.NotebookSummary;
import course.notebook.domain.Output;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.ResultOutput;
import course.notebook.domain.StreamOutput;
import java.util.List;

/** The API's JSON for notebooks, cells and outputs, written field by field so the format is plain to see. */
public final class NotebookJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NotebookJson() {
    }

    public static ObjectNode notebook(Notebook notebook) {
        ObjectNode o = JSON.objectNode();
        o.put("id", notebook.id());
        o.put("name", notebook.name());
        o.put("version", notebook.version());
        o.put("created", notebook.created().toString());
        o.put("updated", notebook.updated().toString());
        ArrayNode cells = o.putArray("cells");
        for (Cell cell : notebook.cells()) {
            cells.add(cell(cell));
        }
        return o;
    }

    public static ObjectNode summary(NotebookSummary summary) {
        ObjectNode o = JSON.objectNode();
        o.put("id", summary.id());
        o.put("name", summary.name());
        o.put("cells", summary.cells());
        o.put("updated", summary.updated().toString());
        return o;
    }

    public static ObjectNode cell(Cell cell) {
        ObjectNode o = JSON.objectNode();
        o.put("id", cell.id());
        o.put("type", cell.type().wireName());
        o.put("source", cell.source());
        if (cell.executionCount() == null) {
            o.putNull("executionCount");
        } else {
            o.put("executionCount", cell.executionCount());
        }
        o.set("outputs", outputs(cell.outputs()));
        return o;
    }

    public static ArrayNode outputs(List<Output> outputs) {
        ArrayNode array = JSON.arrayNode();
        for (Output output : outputs) {
            array.add(output(output));
        }
        return array;
    }

    public static ObjectNode output(Output output) {
        ObjectNode o = JSON.objectNode();
        switch (output) {
            case StreamOutput s -> {
                o.put("type", "stream");
                o.put("name", streamName(s.stream()));
                o.put("text", s.text());
            }
            case ResultOutput r -> {
                o.put("type", "result");
                o.put("value", r.value());
            }
            case ErrorOutput e -> {
                o.put("type", "error");
                o.put("outcome", e.outcome().name());
                o.put("message", e.message());
                ArrayNode errors = o.putArray("errors");
                for (CompileError error : e.errors()) {
                    errors.addObject().put("line", error.line()).put("column", error.column())
                            .put("message", error.message());
                }
            }
        }
        return o;
    }

    public static String streamName(OutputChunk.Stream stream) {
        return stream == OutputChunk.Stream.STDOUT ? "stdout" : "stderr";
    }
}
