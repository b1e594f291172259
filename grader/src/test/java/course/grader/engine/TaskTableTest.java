package course.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTableTest {
    @TempDir
    Path dir;

    @Test
    void readsTaskRowsAndIgnoresEverythingElse() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, String.join("\n",
                "# 04 HTTP server",
                "",
                "| Task | Title | Points |",
                "|------|-------|-------:|",
                "| 04.1 | Parse the request line | 8 |",
                "|04.2|Headers – größer|12|",
                "| 04.10 | Keep-alive | Tests: `KeepAliveTest` | **5** |",
                "  | 04.3 | Indented row | 3 |  ",
                "| **Total** | | **28** |",
                "| 04.1 | A second row for the same task | 99 |",
                "| 4.4 | Not a task number | 1 |",
                "| 04.5 | No points | |",
                "Text mentioning | 04.6 | x | 1 | inline"), StandardCharsets.UTF_8);
        TaskTable table = TaskTable.read(readme);
        assertThat(table.rows().keySet()).containsExactly("04.1", "04.2", "04.10", "04.3");
        assertThat(table.rows().get("04.1")).isEqualTo(new TaskTable.Row("04.1", "Parse the request line", 8));
        assertThat(table.title("04.2")).isEqualTo("Headers – größer");
        assertThat(table.title("04.10")).isEqualTo("Keep-alive");
        assertThat(table.rows().get("04.10").points()).isEqualTo(5);
        assertThat(table.total()).isEqualTo(8 + 12 + 5 + 3);
        assertThat(table.title("04.9")).isEmpty();
    }

    @Test
    void aMissingReadmeGivesAnEmptyTable() throws IOException {
        TaskTable table = TaskTable.read(dir.resolve("README.md"));
        assertThat(table.rows()).isEmpty();
        assertThat(table.total()).isZero();
        assertThat(table.title("01.1")).isEmpty();
        // A folder is not a README either.
        assertThat(TaskTable.read(dir).rows()).isEmpty();
    }
}
