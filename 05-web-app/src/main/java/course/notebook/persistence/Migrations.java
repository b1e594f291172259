package course.notebook.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations. The scripts are resources next to this class; script n brings the schema from
 * version n-1 to n. The table {@code schema_version(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)} has one
 * row per applied script. Each script runs in its own transaction together with its row, so a crash leaves the
 * database at the old version or the new one, never in between.
 */
public final class Migrations {
    /** The scripts in order: index 0 is version 1. Never change a released script; add a new one. */
    public static final List<String> SCRIPTS = List.of("V1__notebooks_and_cells.sql", "V2__outputs.sql");

    private Migrations() {
    }

    /** The schema version this program writes. */
    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Brings the database up to {@link #latestVersion()}; returns the version it had before.
     *
     * @throws SchemaTooNewException if the database has a newer version than this program knows
     */
    public static int migrate(Connection connection, String databaseName) throws SQLException {
        // BEGIN SOLUTION
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
        }
        int before = currentVersion(connection);
        if (before > latestVersion()) {
            throw new SchemaTooNewException(databaseName, before, latestVersion());
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = before + 1; version <= latestVersion(); version++) {
                try (Statement s = connection.createStatement()) {
                    for (String sql : statements(script(SCRIPTS.get(version - 1)))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied) VALUES (?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, Instant.now().toString());
                    p.executeUpdate();
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return before;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): create schema_version, refuse a newer schema, run the missing scripts, each in a transaction with its schema_version row");
    }

    /** The highest applied version, 0 for a new database. */
    public static int currentVersion(Connection connection) throws SQLException {
        // BEGIN SOLUTION
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): SELECT the highest version in schema_version");
    }

    /** The text of a migration script (a resource next to this class). */
    public static String script(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the migration script " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements: "--" comments are dropped, statements end with ";". */
    public static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            text.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }
}
