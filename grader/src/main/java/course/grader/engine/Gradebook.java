package course.grader.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Merges many students' results.json into one table: a row per student, a column per module and task. */
public final class Gradebook {
    public record Row(String student, double total, int max, Map<String, Double> columns, String source) {
    }

    public record Book(List<String> columns, List<Row> rows, List<String> skipped) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Gradebook() {
    }

    public static Book merge(List<Path> results) throws IOException {
        TreeSet<String> columns = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : results) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                skipped.add(file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
                continue;
            }
            if (root == null || root.path("schemaVersion").asInt(-1) != GradeRun.SCHEMA_VERSION) {
                skipped.add(file + ": not a grader results.json (schemaVersion " + GradeRun.SCHEMA_VERSION + ")");
                continue;
            }
            Map<String, Double> cells = new LinkedHashMap<>();
            for (JsonNode m : root.path("modules")) {
                String module = m.path("module").asText();
                cells.put(module, m.path("score").asDouble());
                columns.add(module);
                for (JsonNode t : m.path("tasks")) {
                    String task = t.path("task").asText();
                    cells.put(task, t.path("score").asDouble());
                    columns.add(task);
                }
            }
            String student = root.path("student").asText("");
            if (student.isBlank()) {
                student = file.toAbsolutePath().getParent().getFileName().toString();
            }
            rows.add(new Row(student, root.path("score").asDouble(), root.path("max").asInt(), cells, file.toString()));
        }
        rows.sort((a, b) -> a.student().compareToIgnoreCase(b.student()));
        // Modules first ("04-http-server"), then their tasks ("04.1"), in course order.
        List<String> ordered = new ArrayList<>(columns);
        ordered.sort((a, b) -> {
            String ka = a.substring(0, 2) + (a.contains("-") ? "" : "~" + a);
            String kb = b.substring(0, 2) + (b.contains("-") ? "" : "~" + b);
            int c = ka.compareTo(kb);
            return c != 0 ? c : compareTasks(a, b);
        });
        return new Book(ordered, rows, skipped);
    }

    private static int compareTasks(String a, String b) {
        try {
            int na = Integer.parseInt(a.substring(a.indexOf('.') + 1));
            int nb = Integer.parseInt(b.substring(b.indexOf('.') + 1));
            return Integer.compare(na, nb);
        } catch (RuntimeException e) {
            return a.compareTo(b);
        }
    }

    public static void write(Book book, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("student,total,max");
        book.columns().forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (Row r : book.rows()) {
            csv.append(csvCell(r.student())).append(',').append(num(r.total())).append(',').append(r.max());
            for (String c : book.columns()) {
                Double v = r.columns().get(c);
                csv.append(',').append(v == null ? "" : num(v));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("gradebook.csv"), csv);
        AtomicFiles.writeString(dir.resolve("gradebook.json"),
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(book));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Quotes a CSV cell and defuses spreadsheet formulas in student-controlled names. */
    static String csvCell(String s) {
        String safe = (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
