package course.notebook.persistence;

import course.notebook.domain.Cell;
import course.notebook.domain.CellResult;
import course.notebook.domain.CellType;
import course.notebook.domain.CompileError;
import course.notebook.domain.ErrorOutput;
import course.notebook.domain.NameTakenException;
import course.notebook.domain.Notebook;
import course.notebook.domain.NotebookRepository;
import course.notebook.domain.NotebookSummary;
import course.notebook.domain.Output;
import course.notebook.domain.OutputChunk;
import course.notebook.domain.ResultOutput;
import course.notebook.domain.StreamOutput;
import course.notebook.domain.VersionConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Notebooks in an SQLite database file, through plain JDBC. One connection serves every request in turn (SQLite
 * writes one transaction at a time anyway); every multi-row change is one transaction. The database runs in WAL
 * mode: a commit is appended to the write-ahead log, so a crash of the process loses no committed change and
 * never leaves half of one.
 */
public final class SqliteNotebookRepository implements NotebookRepository {
    /** The database file inside the data folder. */
    public static final String FILE_NAME = "notebooks.db";
    /** How long a statement waits for a lock held by another connection (another process, say). */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    // BEGIN SOLUTION
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteNotebookRepository(Connection connection) {
        this.connection = connection;
    }
    // END SOLUTION

    /**
     * Opens (or creates) {@code dataDir/notebooks.db} and migrates it to the latest schema.
     *
     * @throws SchemaTooNewException if a newer program wrote the database
     */
    public static SqliteNotebookRepository open(Path dataDir) {
        // BEGIN SOLUTION
        Path file = dataDir.resolve(FILE_NAME);
        Connection connection = null;
        try {
            Files.createDirectories(dataDir);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.migrate(connection, file.toString());
            return new SqliteNotebookRepository(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): open dataDir/notebooks.db (WAL, foreign keys on) and migrate it");
    }

    @Override
    public List<NotebookSummary> list() {
        // BEGIN SOLUTION
        return locked(() -> {
            List<NotebookSummary> list = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT n.id, n.name, n.updated, "
                         + "(SELECT COUNT(*) FROM cells c WHERE c.notebook_id = n.id) FROM notebooks n")) {
                while (r.next()) {
                    list.add(new NotebookSummary(r.getString(1), r.getString(2), r.getInt(4),
                            Instant.parse(r.getString(3))));
                }
            }
            return list;
        });
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): SELECT every notebook with its number of cells");
    }

    @Override
    public Optional<Notebook> find(String id) {
        // BEGIN SOLUTION
        return locked(() -> inTransaction(() -> read(id)));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): SELECT the notebook, its cells in order, their outputs and compile errors");
    }

    @Override
    public void create(Notebook notebook) {
        // BEGIN SOLUTION
        locked(() -> inTransaction(() -> {
            requireFreeName(notebook);
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO notebooks (id, name, version, created, updated) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, notebook.id());
                p.setString(2, notebook.name());
                p.setLong(3, notebook.version());
                p.setString(4, notebook.created().toString());
                p.setString(5, notebook.updated().toString());
                p.executeUpdate();
            }
            insertCells(notebook);
            return null;
        }));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): INSERT the notebook and its cells in one transaction (NameTakenException if the name is taken)");
    }

    @Override
    public void save(Notebook notebook, long expectedVersion) {
        // BEGIN SOLUTION
        locked(() -> inTransaction(() -> {
            requireFreeName(notebook);
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE notebooks SET name = ?, version = ?, updated = ? WHERE id = ? AND version = ?")) {
                p.setString(1, notebook.name());
                p.setLong(2, notebook.version());
                p.setString(3, notebook.updated().toString());
                p.setString(4, notebook.id());
                p.setLong(5, expectedVersion);
                if (p.executeUpdate() != 1) {
                    throw new VersionConflictException(notebook.id(), expectedVersion);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM cells WHERE notebook_id = ?")) {
                p.setString(1, notebook.id());
                p.executeUpdate();
            }
            insertCells(notebook);
            return null;
        }));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): in one transaction: UPDATE ... WHERE id = ? AND version = ? (VersionConflictException if no row), then replace the cells");
    }

    @Override
    public boolean delete(String id) {
        // BEGIN SOLUTION
        return locked(() -> inTransaction(() -> {
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM notebooks WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() == 1;
            }
        }));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.3): DELETE the notebook (its cells and outputs go with it)");
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        lock.lock();
        try {
            closeQuietly(connection);
        } finally {
            lock.unlock();
        }
        // END SOLUTION
        // STUB: // TODO(task 05.3): close the connection.
    }

    // BEGIN SOLUTION
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** One request at a time on the shared connection. */
    private <T> T locked(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Commits if the work returns, rolls back if it throws. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void requireFreeName(Notebook notebook) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT 1 FROM notebooks WHERE name = ? AND id <> ?")) {
            p.setString(1, notebook.name());
            p.setString(2, notebook.id());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    throw new NameTakenException(notebook.name());
                }
            }
        }
    }

    private void insertCells(Notebook notebook) throws SQLException {
        try (PreparedStatement cells = connection.prepareStatement("INSERT INTO cells "
                + "(notebook_id, id, position, type, source, execution_count) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement outputs = connection.prepareStatement("INSERT INTO outputs "
                     + "(notebook_id, cell_id, position, type, name, text) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement errors = connection.prepareStatement("INSERT INTO compile_errors "
                     + "(notebook_id, cell_id, output_position, position, line, col, message) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < notebook.cells().size(); i++) {
                Cell cell = notebook.cells().get(i);
                cells.setString(1, notebook.id());
                cells.setString(2, cell.id());
                cells.setInt(3, i);
                cells.setString(4, cell.type().wireName());
                cells.setString(5, cell.source());
                if (cell.executionCount() == null) {
                    cells.setNull(6, Types.INTEGER);
                } else {
                    cells.setInt(6, cell.executionCount());
                }
                cells.addBatch();
                for (int j = 0; j < cell.outputs().size(); j++) {
                    Output output = cell.outputs().get(j);
                    outputs.setString(1, notebook.id());
                    outputs.setString(2, cell.id());
                    outputs.setInt(3, j);
                    switch (output) {
                        case StreamOutput s -> {
                            outputs.setString(4, "stream");
                            outputs.setString(5, s.stream() == OutputChunk.Stream.STDOUT ? "stdout" : "stderr");
                            outputs.setString(6, s.text());
                        }
                        case ResultOutput r -> {
                            outputs.setString(4, "result");
                            outputs.setNull(5, Types.VARCHAR);
                            outputs.setString(6, r.value());
                        }
                        case ErrorOutput e -> {
                            outputs.setString(4, "error");
                            outputs.setString(5, e.outcome().name());
                            outputs.setString(6, e.message());
                            for (int k = 0; k < e.errors().size(); k++) {
                                CompileError ce = e.errors().get(k);
                                errors.setString(1, notebook.id());
                                errors.setString(2, cell.id());
                                errors.setInt(3, j);
                                errors.setInt(4, k);
                                errors.setInt(5, ce.line());
                                errors.setInt(6, ce.column());
                                errors.setString(7, ce.message());
                                errors.addBatch();
                            }
                        }
                    }
                    outputs.addBatch();
                }
            }
            cells.executeBatch();
            outputs.executeBatch();
            errors.executeBatch();
        }
    }

    private Optional<Notebook> read(String id) throws SQLException {
        String name;
        long version;
        Instant created;
        Instant updated;
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT name, version, created, updated FROM notebooks WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                name = r.getString(1);
                version = r.getLong(2);
                created = Instant.parse(r.getString(3));
                updated = Instant.parse(r.getString(4));
            }
        }
        Map<String, List<CompileError>> compileErrors = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT cell_id, output_position, line, col, message "
                + "FROM compile_errors WHERE notebook_id = ? ORDER BY cell_id, output_position, position")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    compileErrors.computeIfAbsent(r.getString(1) + "/" + r.getInt(2), k -> new ArrayList<>())
                            .add(new CompileError(r.getInt(3), r.getInt(4), r.getString(5)));
                }
            }
        }
        Map<String, List<Output>> outputs = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT cell_id, position, type, name, text "
                + "FROM outputs WHERE notebook_id = ? ORDER BY cell_id, position")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String cellId = r.getString(1);
                    Output output = switch (r.getString(3)) {
                        case "stream" -> new StreamOutput("stdout".equals(r.getString(4)) ? OutputChunk.Stream.STDOUT
                                : OutputChunk.Stream.STDERR, r.getString(5));
                        case "result" -> new ResultOutput(r.getString(5));
                        default -> new ErrorOutput(CellResult.Outcome.valueOf(r.getString(4)), r.getString(5),
                                compileErrors.getOrDefault(cellId + "/" + r.getInt(2), List.of()));
                    };
                    outputs.computeIfAbsent(cellId, k -> new ArrayList<>()).add(output);
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT id, type, source, execution_count "
                + "FROM cells WHERE notebook_id = ? ORDER BY position")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String cellId = r.getString(1);
                    int count = r.getInt(4);
                    Integer executionCount = r.wasNull() ? null : count;
                    cells.add(new Cell(cellId, CellType.fromWireName(r.getString(2)).orElseThrow(), r.getString(3),
                            executionCount, outputs.getOrDefault(cellId, List.of())));
                }
            }
        }
        return Optional.of(new Notebook(id, name, version, created, updated, cells));
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }
    // END SOLUTION
}
