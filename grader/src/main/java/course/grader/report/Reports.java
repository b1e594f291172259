package course.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.grader.engine.AtomicFiles;
import course.grader.engine.Console;
import course.grader.engine.GradeRun;
import course.grader.engine.ModuleResult;
import course.grader.engine.TaskScore;
import course.grader.engine.TestOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes every report of a grading run. Each file is written to a temporary name and
 * then moved into place, so a report is either complete or absent, never half-written.
 */
public final class Reports {
    public static final String RESULTS = "results.json";
    public static final String GRADESCOPE = "gradescope-results.json";
    public static final String CLASSROOM = "classroom-results.b64";
    public static final String SUMMARY = "summary.md";
    public static final String JUNIT = "junit.xml";
    /** Longest failure message put into a report for one test. */
    static final int MAX_MESSAGE = 4000;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    public static void writeAll(GradeRun run, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(RESULTS), JSON.writeValueAsString(run));
        write(dir.resolve(GRADESCOPE), JSON.writeValueAsString(gradescope(run)));
        String classroom = classroomBase64(run);
        write(dir.resolve(CLASSROOM), classroom);
        write(dir.resolve(SUMMARY), markdown(run));
        write(dir.resolve(JUNIT), JUnitXml.render(run));
        String githubOutput = System.getenv("GITHUB_OUTPUT");
        if (githubOutput != null && !githubOutput.isBlank()) {
            Files.writeString(Path.of(githubOutput), "result=" + classroom + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static void write(Path file, String content) throws IOException {
        AtomicFiles.writeString(file, content);
    }

    static String cut(String message) {
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "\n... (cut)" : message;
    }

    static String points(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The console table: one block per module, one row per task. */
    public static void printTable(GradeRun run, Console console) {
        console.line("");
        for (ModuleResult m : run.modules()) {
            console.line(String.format("%-28s %7s", m.module(), points(m.score()) + "/" + m.max())
                    + (m.status() == ModuleResult.Status.GRADED ? "" : "  (" + m.status().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")"));
            for (TaskScore t : m.tasks()) {
                String title = t.title().length() > 52 ? t.title().substring(0, 51) + "…" : t.title();
                console.line(String.format("  %-5s %-52s %7s  %s", t.task(), title,
                        points(t.score()) + "/" + t.max(), t.tests() == 0 ? "" : t.testsPassed() + "/" + t.tests()
                                + " tests"));
            }
            long hiddenTests = m.tests().stream().filter(TestOutcome::hidden).count();
            if (m.status() == ModuleResult.Status.GRADED && m.max() < 100 && hiddenTests == 0) {
                console.line("  (the public tests cover " + m.max() + " of the module's 100 points; hidden tests "
                        + "grade the rest at the deadline)");
            }
            if (m.status() != ModuleResult.Status.GRADED && !m.message().isBlank()) {
                m.message().lines().limit(12).forEach(l -> console.line("  ! " + l));
            }
        }
        console.line(String.format("%-28s %7s", "TOTAL", points(run.score()) + "/" + run.max()));
    }

    static ObjectNode gradescope(GradeRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", run.score());
        root.put("output", "Graded " + run.modules().size() + " module(s): " + points(run.score()) + "/" + run.max());
        root.put("visibility", "visible");
        ArrayNode tests = root.putArray("tests");
        for (ModuleResult m : run.modules()) {
            if (m.tests().isEmpty()) {
                ObjectNode t = tests.addObject();
                t.put("name", m.module() + ": " + m.status().name().toLowerCase(Locale.ROOT));
                t.put("score", 0);
                t.put("max_score", m.max());
                t.put("status", "failed");
                t.put("output", cut(m.message()));
                t.put("visibility", "visible");
                continue;
            }
            for (TestOutcome o : m.tests()) {
                ObjectNode t = tests.addObject();
                t.put("name", o.name());
                t.put("number", o.task());
                t.put("score", m.status() == ModuleResult.Status.STATIC_CHECK_FAILED ? 0 : o.score());
                t.put("max_score", o.points());
                t.put("status", o.passed() ? "passed" : "failed");
                t.put("output", cut(o.message()));
                t.put("visibility", o.hidden() ? "after_published" : "visible");
            }
        }
        return root;
    }

    /** GitHub Classroom's grading reporter reads base64 of this JSON from the runner's output. */
    static String classroomBase64(GradeRun run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", run.score() >= run.max() ? "pass" : "fail");
        root.put("max_score", run.max());
        ArrayNode tests = root.putArray("tests");
        for (ModuleResult m : run.modules()) {
            for (TaskScore task : m.tasks()) {
                ObjectNode t = tests.addObject();
                t.put("name", task.task() + " " + task.title());
                boolean full = task.score() >= task.max();
                t.put("status", m.status() == ModuleResult.Status.GRADED ? (full ? "pass" : "fail") : "error");
                t.put("score", task.score());
                t.put("max_score", task.max());
                t.put("message", m.status() == ModuleResult.Status.GRADED
                        ? task.testsPassed() + " of " + task.tests() + " tests passed" : cut(m.message()));
                t.put("test_code", "./grade " + m.module());
                t.put("filename", "");
                t.put("line_no", 0);
                t.put("duration", 0);
            }
        }
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(root));
    }

    /** Markdown for a GitHub job summary. */
    static String markdown(GradeRun run) {
        StringBuilder md = new StringBuilder("## Grade: ").append(points(run.score())).append(" / ").append(run.max())
                .append("\n\n");
        for (ModuleResult m : run.modules()) {
            md.append("### ").append(m.module()).append(": ").append(points(m.score())).append(" / ").append(m.max())
                    .append("\n\n");
            if (m.status() != ModuleResult.Status.GRADED) {
                md.append("> ").append(m.message().replace("\n", "\n> ")).append("\n\n");
            }
            md.append("| Task | Title | Points | Tests passed |\n|---|---|---:|---:|\n");
            for (TaskScore t : m.tasks()) {
                md.append("| ").append(t.task()).append(" | ").append(t.title().replace("|", "\\|")).append(" | ")
                        .append(points(t.score())).append(" / ").append(t.max()).append(" | ")
                        .append(t.testsPassed()).append(" / ").append(t.tests()).append(" |\n");
            }
            md.append('\n');
            var failing = m.tests().stream().filter(o -> !o.passed() && !o.hidden()).limit(15).toList();
            if (!failing.isEmpty()) {
                md.append("<details><summary>Failing tests</summary>\n\n");
                for (TestOutcome o : failing) {
                    md.append("- **").append(o.task()).append("** ").append(o.name()).append("\n\n  ```\n  ")
                            .append(cut(o.message()).lines().limit(20).reduce((a, b) -> a + "\n  " + b).orElse(""))
                            .append("\n  ```\n");
                }
                md.append("\n</details>\n\n");
            }
        }
        return md.toString();
    }
}
