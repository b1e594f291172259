package course.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task table of a lesson README: rows {@code | 04.1 | title | 8 |}. It is the
 * promise made to students, so validation checks it against the points in the tests.
 */
public record TaskTable(Map<String, Row> rows) {
    public record Row(String task, String title, int points) {
    }

    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*(\\d{2}\\.\\d+)\\s*\\|(.*)\\|\\s*\\**(\\d+)\\**\\s*\\|\\s*$");

    public static TaskTable read(Path readme) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (!Files.isRegularFile(readme)) {
            return new TaskTable(rows);
        }
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                String title = m.group(2).strip();
                // A row may have extra middle columns; the title is the first of them.
                int bar = title.indexOf('|');
                if (bar >= 0) {
                    title = title.substring(0, bar).strip();
                }
                rows.putIfAbsent(m.group(1), new Row(m.group(1), title, Integer.parseInt(m.group(3))));
            }
        }
        return new TaskTable(rows);
    }

    public int total() {
        return rows.values().stream().mapToInt(Row::points).sum();
    }

    public String title(String task) {
        Row row = rows.get(task);
        return row == null ? "" : row.title();
    }
}
