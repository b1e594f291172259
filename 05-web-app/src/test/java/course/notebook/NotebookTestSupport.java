package course.notebook;

import course.grader.support.StudentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starting the notebook server for tests, reading its database file, and random test content. */
public final class NotebookTestSupport {
    public static final String MAIN = "course.notebook.Main";
    /** The token the public tests start the server with. */
    public static final String TOKEN = "0123456789abcdef0123456789abcdef";
    /** The database file inside the --data folder (the contract fixes the name). */
    public static final String DB_FILE = "notebooks.db";
    /** The line the server prints once it listens. */
    public static final Pattern START_LINE = Pattern.compile(
            "Notebook server running at http://127\\.0\\.0\\.1:(\\d+)/\\?token=(\\S+)");
    /** The schema version the reference migrations end at (V1 notebooks and cells, V2 outputs). */
    public static final int LATEST_SCHEMA = 2;

    private NotebookTestSupport() {
    }

    /** A server with a fresh data folder ({dir}/data) and the public token. */
    public static StudentServer server(String... extraArgs) {
        return StudentServer.main(MAIN).jvmOption("--enable-native-access=ALL-UNNAMED")
                .args("--port", "{port}", "--data", "{dir}/data", "--token", TOKEN).args(extraArgs);
    }

    /** A server on a data folder that outlives it, so a second server can open the same database. */
    public static StudentServer server(Path dataDir, String token, String... extraArgs) {
        return StudentServer.main(MAIN).jvmOption("--enable-native-access=ALL-UNNAMED")
                .args("--port", "{port}", "--data", dataDir.toString(), "--token", token).args(extraArgs);
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token and port from the start line, or null until it has been printed. */
    public static Matcher startLine(StudentServer server) {
        for (String line : server.recentOutput().split("\n")) {
            Matcher m = START_LINE.matcher(line.replace("[your server] ", "").strip());
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the database file

    public static Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(DB_FILE).toAbsolutePath());
    }

    /** The first column of every row of a query, as text. */
    public static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    public static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    // ---------------------------------------------------------------- random content

    /** Characters that break careless code: quotes, backslashes, HTML, Hangul, accents, an emoji. */
    private static final String[] TRICKY = {"\"", "\\", "'", "<b>", "&amp;", "한글", "é", "ß", "\t", "😀", "%20", "{}", ";"};

    /** A name: letters and digits with some tricky characters, no line breaks, 1..maxLength chars. */
    public static String randomName(Random random, int maxLength) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        while (name.length() < length) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                name.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 8) {
                name.append((char) ('0' + random.nextInt(10)));
            } else if (kind < 9) {
                name.append(' ');
            } else {
                String t = TRICKY[random.nextInt(TRICKY.length)];
                if (!t.equals("\t")) {
                    name.append(t);
                }
            }
        }
        return "n" + name.toString().strip();
    }

    /** A cell source: several lines of code-like text with tricky characters. */
    public static String randomSource(Random random) {
        StringBuilder source = new StringBuilder();
        int lines = random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                source.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            int words = random.nextInt(6);
            for (int w = 0; w < words; w++) {
                source.append(random.nextInt(3) == 0 ? TRICKY[random.nextInt(TRICKY.length)]
                        : "x" + random.nextInt(1000)).append(' ');
            }
        }
        return source.toString();
    }
}
