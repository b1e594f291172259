package course.notebook.persistence;

import course.notebook.domain.NameTakenException;
import course.notebook.domain.Notebook;
import course.notebook.domain.NotebookRepository;
import course.notebook.domain.NotebookSummary;
import course.notebook.domain.VersionConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notebooks in memory: gone when the program stops. Handy to work on the API before the database exists
 * (task 05.3 replaces it with {@link SqliteNotebookRepository} in Main), and in unit tests.
 */
public final class InMemoryNotebookRepository implements NotebookRepository {
    private final Map<String, Notebook> notebooks = new LinkedHashMap<>();

    @Override
    public synchronized List<NotebookSummary> list() {
        return notebooks.values().stream().map(Notebook::summary).toList();
    }

    @Override
    public synchronized Optional<Notebook> find(String id) {
        return Optional.ofNullable(notebooks.get(id));
    }

    @Override
    public synchronized void create(Notebook notebook) {
        requireFreeName(notebook);
        notebooks.put(notebook.id(), notebook);
    }

    @Override
    public synchronized void save(Notebook notebook, long expectedVersion) {
        Notebook stored = notebooks.get(notebook.id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new VersionConflictException(notebook.id(), expectedVersion);
        }
        requireFreeName(notebook);
        notebooks.put(notebook.id(), notebook);
    }

    @Override
    public synchronized boolean delete(String id) {
        return notebooks.remove(id) != null;
    }

    @Override
    public void close() {
        // nothing to release
    }

    private void requireFreeName(Notebook notebook) {
        for (Notebook other : notebooks.values()) {
            if (other.name().equals(notebook.name()) && !other.id().equals(notebook.id())) {
                throw new NameTakenException(notebook.name());
            }
        }
    }
}
