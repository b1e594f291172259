package course.notebook.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.domain.Cell;
import course.notebook.domain.CellResult;
import course.notebook.domain.CellType;
import course.notebook.domain.CompileError;
import course.notebook.domain.ErrorOutput;
import course.notebook.domain.Notebook;
import course.notebook.domain.Output;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.ResultOutput;
import course.notebook.domain.StreamOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts notebooks to and from Jupyter's file format, nbformat 4.5 (https://nbformat.readthedocs.io).
 * <ul>
 *   <li>metadata: kernelspec {name "java"}, language_info {name "java"}, title = the notebook's name;</li>
 *   <li>cells keep their ids; markdown cells have no outputs; a "raw" cell is imported as markdown; sources and
 *       texts may be strings or arrays of lines (joined on import);</li>
 *   <li>outputs: {@link StreamOutput} = stream {name stdout/stderr, text}; {@link ResultOutput} = execute_result
 *       {execution_count, data {"text/plain"}, metadata {}} (display_data with text/plain imports as a result too);
 *       {@link ErrorOutput} = error {ename, evalue, traceback}: for EXCEPTION, ename is the exception class and
 *       evalue the rest of the message ("java.lang.ArithmeticException: / by zero" = ename
 *       "java.lang.ArithmeticException", evalue "/ by zero"); for the other outcomes ename is the outcome's name
 *       ("COMPILE_ERROR", "TIMED_OUT", ...), evalue the message, and each compile error is one traceback line
 *       "line L, column C: message". On import an ename that is no outcome name is an EXCEPTION.</li>
 * </ul>
 */
public final class IpynbCodec {
    public static final int NBFORMAT = 4;
    public static final int NBFORMAT_MINOR = 5;
    /** The name used when neither the request nor the file names the notebook. */
    public static final String DEFAULT_NAME = "Imported notebook";
    /** Cell ids nbformat accepts; other ids are replaced on import. */
    public static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** How a compile error is written into an error output's traceback, and read back. */
    private static final Pattern TRACEBACK_LINE = Pattern.compile("line (\\d+), column (\\d+): (.*)", Pattern.DOTALL);

    /** A parsed .ipynb file: the title from its metadata (may be null) and its cells. */
    public record Imported(String title, List<Cell> cells) {
    }

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /** The notebook as an nbformat 4.5 document. */
    public ObjectNode export(Notebook notebook) {
        // BEGIN SOLUTION
        ObjectNode root = json.objectNode();
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("name", "java");
        kernelspec.put("display_name", "Java (JShell)");
        kernelspec.put("language", "java");
        ObjectNode language = metadata.putObject("language_info");
        language.put("name", "java");
        language.put("file_extension", ".java");
        language.put("mimetype", "text/x-java-source");
        metadata.put("title", notebook.name());
        root.put("nbformat", NBFORMAT);
        root.put("nbformat_minor", NBFORMAT_MINOR);
        ArrayNode cells = root.putArray("cells");
        for (Cell cell : notebook.cells()) {
            ObjectNode c = cells.addObject();
            c.put("id", cell.id());
            c.put("cell_type", cell.type().wireName());
            c.putObject("metadata");
            c.put("source", cell.source());
            if (cell.type() == CellType.CODE) {
                if (cell.executionCount() == null) {
                    c.putNull("execution_count");
                } else {
                    c.put("execution_count", cell.executionCount());
                }
                ArrayNode outputs = c.putArray("outputs");
                for (Output output : cell.outputs()) {
                    outputs.add(exportOutput(output, cell.executionCount()));
                }
            }
        }
        return root;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.6): write nbformat 4.5 (metadata.kernelspec and language_info \"java\", cells with ids, outputs)");
    }

    /**
     * Reads an nbformat 4 document.
     *
     * @throws ValidationException naming every field that is missing or of the wrong kind
     */
    public Imported parse(JsonNode root) {
        // BEGIN SOLUTION
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ValidationException("", "an .ipynb file is a JSON object");
        }
        if (!root.path("nbformat").isInt() || root.path("nbformat").intValue() != NBFORMAT) {
            throw new ValidationException("nbformat", "must be " + NBFORMAT + " (only nbformat 4 files are read), but it was "
                    + root.path("nbformat"));
        }
        JsonNode title = root.path("metadata").path("title");
        JsonNode cellsNode = root.path("cells");
        if (!cellsNode.isArray()) {
            throw new ValidationException("cells", "must be an array");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cellsNode.size(); i++) {
            String at = "cells[" + i + "]";
            JsonNode c = cellsNode.get(i);
            if (!c.isObject()) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            String kind = c.path("cell_type").asText("");
            CellType type = switch (kind) {
                case "code" -> CellType.CODE;
                case "markdown", "raw" -> CellType.MARKDOWN;
                default -> null;
            };
            if (type == null) {
                errors.add(new FieldError(at + ".cell_type", "must be \"code\", \"markdown\" or \"raw\""));
                continue;
            }
            String source = multiline(c.path("source"));
            if (source == null) {
                errors.add(new FieldError(at + ".source", "must be a string or an array of strings"));
                continue;
            }
            String id = c.path("id").isTextual() ? c.path("id").textValue() : "";
            if (!CELL_ID.matcher(id).matches() || !ids.add(id)) {
                id = UUID.randomUUID().toString();
                ids.add(id);
            }
            Integer count = c.path("execution_count").canConvertToInt() && c.path("execution_count").isIntegralNumber()
                    ? c.path("execution_count").intValue() : null;
            List<Output> outputs = new ArrayList<>();
            if (type == CellType.CODE) {
                JsonNode outs = c.path("outputs");
                if (!outs.isMissingNode() && !outs.isArray()) {
                    errors.add(new FieldError(at + ".outputs", "must be an array"));
                    continue;
                }
                for (int j = 0; j < outs.size(); j++) {
                    importOutput(outs.get(j), at + ".outputs[" + j + "]", outputs, errors);
                }
            } else {
                count = null;
            }
            cells.add(new Cell(id, type, source, count, outputs));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Imported(title.isTextual() ? title.textValue() : null, cells);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.6): read nbformat 4 (422 with the broken fields if it is not)");
    }

    // BEGIN SOLUTION
    private ObjectNode exportOutput(Output output, Integer executionCount) {
        ObjectNode o = json.objectNode();
        switch (output) {
            case StreamOutput s -> {
                o.put("output_type", "stream");
                o.put("name", s.stream() == OutputChunk.Stream.STDOUT ? "stdout" : "stderr");
                o.put("text", s.text());
            }
            case ResultOutput r -> {
                o.put("output_type", "execute_result");
                if (executionCount == null) {
                    o.putNull("execution_count");
                } else {
                    o.put("execution_count", executionCount);
                }
                o.putObject("data").put("text/plain", r.value());
                o.putObject("metadata");
            }
            case ErrorOutput e -> {
                o.put("output_type", "error");
                ArrayNode traceback = json.arrayNode();
                if (e.outcome() == CellResult.Outcome.EXCEPTION) {
                    int colon = e.message().indexOf(": ");
                    o.put("ename", colon < 0 ? e.message() : e.message().substring(0, colon));
                    o.put("evalue", colon < 0 ? "" : e.message().substring(colon + 2));
                    traceback.add(e.message());
                } else {
                    o.put("ename", e.outcome().name());
                    o.put("evalue", e.message());
                    for (CompileError error : e.errors()) {
                        traceback.add("line " + error.line() + ", column " + error.column() + ": " + error.message());
                    }
                }
                o.set("traceback", traceback);
            }
        }
        return o;
    }

    private static void importOutput(JsonNode o, String at, List<Output> outputs, List<FieldError> errors) {
        String type = o.path("output_type").asText("");
        switch (type) {
            case "stream" -> {
                String text = multiline(o.path("text"));
                String name = o.path("name").asText("");
                if (text == null || !(name.equals("stdout") || name.equals("stderr"))) {
                    errors.add(new FieldError(at, "a stream output has a name (stdout or stderr) and a text"));
                    return;
                }
                outputs.add(new StreamOutput(name.equals("stdout") ? OutputChunk.Stream.STDOUT
                        : OutputChunk.Stream.STDERR, text));
            }
            case "execute_result", "display_data" -> {
                String text = multiline(o.path("data").path("text/plain"));
                if (text != null) {
                    outputs.add(new ResultOutput(text));
                }
            }
            case "error" -> {
                String ename = o.path("ename").asText("");
                String evalue = o.path("evalue").asText("");
                CellResult.Outcome outcome = outcome(ename);
                if (outcome == CellResult.Outcome.EXCEPTION) {
                    outputs.add(new ErrorOutput(outcome, evalue.isEmpty() ? ename : ename + ": " + evalue, List.of()));
                    return;
                }
                List<CompileError> compileErrors = new ArrayList<>();
                for (JsonNode line : o.path("traceback")) {
                    Matcher m = TRACEBACK_LINE.matcher(line.asText(""));
                    if (m.matches()) {
                        compileErrors.add(new CompileError(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                m.group(3)));
                    }
                }
                outputs.add(new ErrorOutput(outcome, evalue, compileErrors));
            }
            default -> errors.add(new FieldError(at + ".output_type",
                    "must be stream, execute_result, display_data or error"));
        }
    }

    /** The outcome an error's ename names, or EXCEPTION for an exception class name. */
    private static CellResult.Outcome outcome(String ename) {
        for (CellResult.Outcome o : CellResult.Outcome.values()) {
            if (o != CellResult.Outcome.OK && o.name().equals(ename)) {
                return o;
            }
        }
        return CellResult.Outcome.EXCEPTION;
    }

    /** nbformat's multiline string: a string, or an array of strings to join; null if neither. */
    private static String multiline(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            if (!part.isTextual()) {
                return null;
            }
            text.append(part.textValue());
        }
        return text.toString();
    }
    // END SOLUTION
}
