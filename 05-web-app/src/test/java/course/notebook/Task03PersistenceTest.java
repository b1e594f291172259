package course.notebook;

import static course.notebook.NotebookTestSupport.LATEST_SCHEMA;
import static course.notebook.NotebookTestSupport.TOKEN;
import static course.notebook.NotebookTestSupport.column;
import static course.notebook.NotebookTestSupport.execute;
import static course.notebook.NotebookTestSupport.openDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Task 05.3: notebooks live in an SQLite file (--data DIR/notebooks.db) in WAL mode, with versioned migrations
 * recorded in schema_version; they survive a restart, and a database from a newer program is left alone.
 */
@DisplayName("05.3 Persistence: SQLite, migrations, transactions, survives restart and crash")
class Task03PersistenceTest {

    /** The data folder of the shared server; it outlives each start, so a restart finds the same database. */
    static final Path DATA = NotebookTestSupport.tempDir("notebook-persist-").resolve("data");

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server(DATA, TOKEN);

    /** Starts a server on the data folder; the caller stops it. */
    static StudentServer start(Path dataDir) {
        StudentServer own = NotebookTestSupport.server(dataDir, TOKEN);
        own.start();
        return own;
    }

    static String script(String name) throws IOException {
        try (InputStream in = Task03PersistenceTest.class.getResourceAsStream("/course/notebook/persistence/" + name)) {
            if (in == null) {
                throw new AssertionError("the migration script course/notebook/persistence/" + name + " is missing "
                        + "from src/main/resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Graded(task = "05.3", points = 3)
    @DisplayName("notebooks, cells, order, names and versions survive a restart on the same --data folder")
    void survivesRestart() {
        Api api = Api.of(server, TOKEN);
        String id = api.create("Kept").path("id").asText();
        api.addCell(id, "code", "int x = 1;\nSystem.out.println(\"héllo 한글\");");
        api.addCell(id, "markdown", "# Notes\n*quotes* \"and\" \\backslashes\\");
        JsonNode nb = api.addCell(id, "code", "x + 1");
        List<String> ids = Api.cellIds(nb);
        api.put("/api/notebooks/" + id + "/order", "{\"cells\":[\"" + ids.get(2) + "\",\"" + ids.get(0) + "\",\""
                + ids.get(1) + "\"]}").expect(200);
        api.patch("/api/notebooks/" + id, Api.object("name", "Kept (renamed)")).expect(200);
        String gone = api.create("Deleted").path("id").asText();
        api.delete("/api/notebooks/" + gone).expect(204);
        JsonNode before = api.notebook(id);
        JsonNode listBefore = api.get("/api/notebooks").expect(200).json();

        server.stop();
        server.start();
        Api.Reply after = api.get("/api/notebooks/" + id);
        if (after.status() != 200 || !after.json().equals(before)) {
            throw after.fail("after a restart the notebook should be exactly as before:\n         " + before);
        }
        Api.Reply list = api.get("/api/notebooks").expect(200);
        if (!list.json().equals(listBefore)) {
            throw list.fail("after a restart the list should be as before:\n         " + listBefore);
        }
    }

    @Test
    @Graded(task = "05.3", points = 2)
    @DisplayName("the database is --data DIR/notebooks.db, in WAL mode, with schema_version at the latest version")
    void databaseFile() throws Exception {
        Api api = Api.of(server, TOKEN);
        String id = api.create("In the file").path("id").asText();
        api.addCell(id, "code", "42");
        Path file = DATA.resolve(NotebookTestSupport.DB_FILE);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("expected the database file " + file + " (--data " + DATA + ")");
        }
        try (Connection c = openDatabase(DATA)) {
            List<String> mode = column(c, "PRAGMA journal_mode");
            if (!mode.equals(List.of("wal"))) {
                throw new AssertionError("expected the database in WAL mode (PRAGMA journal_mode = WAL), but "
                        + "journal_mode is " + mode);
            }
            List<String> versions = column(c, "SELECT version FROM schema_version ORDER BY version");
            if (!versions.equals(List.of("1", "2"))) {
                throw new AssertionError("expected schema_version to hold one row per applied migration, 1 to "
                        + LATEST_SCHEMA + ", but it holds " + versions);
            }
            List<String> names = column(c, "SELECT name FROM notebooks WHERE id = '" + id + "'");
            if (!names.equals(List.of("In the file"))) {
                throw new AssertionError("expected the notebook " + id + " in the table notebooks, but found "
                        + names);
            }
            List<String> cells = column(c, "SELECT source FROM cells WHERE notebook_id = '" + id + "'");
            if (!cells.equals(List.of("42"))) {
                throw new AssertionError("expected its cell in the table cells, but found " + cells);
            }
        }
    }

    @Test
    @Graded(task = "05.3", points = 1)
    @DisplayName("a database with a newer schema version than the program knows: refuse to start, leave it alone")
    void newerSchemaRefused() throws Exception {
        Path data = NotebookTestSupport.tempDir("notebook-newer-").resolve("data");
        Files.createDirectories(data);
        try (Connection c = openDatabase(data)) {
            execute(c, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)",
                    "INSERT INTO schema_version VALUES (1, '2030-01-01T00:00:00Z'), (2, '2030-01-01T00:00:00Z'), "
                            + "(99, '2030-01-01T00:00:00Z')");
        }
        StudentServer own = NotebookTestSupport.server(data, TOKEN);
        boolean started;
        try {
            own.start();
            started = true;
        } catch (AssertionError exited) {
            started = false;
        } finally {
            own.stop();
        }
        if (started) {
            throw new AssertionError("the database has schema version 99, newer than the program knows; the server "
                    + "should say so and exit, but it started\n" + own.recentOutput());
        }
        if (!own.recentOutput().contains("99")) {
            throw new AssertionError("the server exited, but its message should name the version it found (99):\n"
                    + own.recentOutput());
        }
        try (Connection c = openDatabase(data)) {
            List<String> tables = column(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            if (!tables.equals(List.of("schema_version"))) {
                throw new AssertionError("the newer database must be left as it was, but it now has the tables "
                        + tables);
            }
        }
    }

    @Test
    @Graded(task = "05.3", points = 2)
    @DisplayName("a version-1 database (no outputs yet) is migrated to the latest version and keeps its notebooks")
    void migratesVersion1() throws Exception {
        Path data = NotebookTestSupport.tempDir("notebook-v1-").resolve("data");
        Files.createDirectories(data);
        try (Connection c = openDatabase(data)) {
            execute(c, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)",
                    "INSERT INTO schema_version VALUES (1, '2024-09-01T10:00:00Z')");
            for (String statement : script("V1__notebooks_and_cells.sql").replaceAll("--[^\n]*", "").split(";")) {
                if (!statement.isBlank()) {
                    execute(c, statement);
                }
            }
            execute(c, "INSERT INTO notebooks VALUES ('11111111-2222-3333-4444-555555555555', 'From 2024', 3, "
                            + "'2024-09-01T10:00:00Z', '2024-09-02T11:30:00Z')",
                    "INSERT INTO cells VALUES ('11111111-2222-3333-4444-555555555555', 'cell-a', 0, 'markdown', "
                            + "'# Old notes', NULL)",
                    "INSERT INTO cells VALUES ('11111111-2222-3333-4444-555555555555', 'cell-b', 1, 'code', "
                            + "'int y = 7;', 4)");
        }
        StudentServer own = start(data);
        try {
            Api.Reply r = Api.of(own, TOKEN).get("/api/notebooks/11111111-2222-3333-4444-555555555555").expect(200);
            String expected = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"From 2024\",\"version\":3,"
                    + "\"created\":\"2024-09-01T10:00:00Z\",\"updated\":\"2024-09-02T11:30:00Z\",\"cells\":["
                    + "{\"id\":\"cell-a\",\"type\":\"markdown\",\"source\":\"# Old notes\",\"executionCount\":null,"
                    + "\"outputs\":[]},{\"id\":\"cell-b\",\"type\":\"code\",\"source\":\"int y = 7;\","
                    + "\"executionCount\":4,\"outputs\":[]}]}";
            if (!r.json().equals(Api.JSON.readTree(expected))) {
                throw r.fail("expected the notebook the version-1 database holds:\n         " + expected);
            }
            try (Connection c = openDatabase(data)) {
                List<String> versions = column(c, "SELECT version FROM schema_version ORDER BY version");
                if (!versions.equals(List.of("1", "2"))) {
                    throw new AssertionError("after the migration schema_version should hold 1 and 2, but it holds "
                            + versions);
                }
            }
        } finally {
            own.stop();
        }
    }
}
