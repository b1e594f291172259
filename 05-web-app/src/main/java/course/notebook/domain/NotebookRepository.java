package course.notebook.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where notebooks are kept (a port: the domain says what it needs, an adapter in another layer provides it).
 * Each method is atomic: a reader sees a notebook either before or after a save, never half of one.
 */
public interface NotebookRepository extends AutoCloseable {
    /** Every notebook, without cells, in no particular order. */
    List<NotebookSummary> list();

    Optional<Notebook> find(String id);

    /** Stores a new notebook with its cells. @throws NameTakenException if another notebook has the name */
    void create(Notebook notebook);

    /**
     * Replaces a stored notebook (name, version, updated time and all cells) with {@code notebook}, but only if
     * the stored one still has {@code expectedVersion}.
     *
     * @throws VersionConflictException if the notebook is gone or has another version (someone else saved first)
     * @throws NameTakenException if another notebook has the new name
     */
    void save(Notebook notebook, long expectedVersion);

    /** Deletes a notebook and its cells; false if there was none. */
    boolean delete(String id);

    @Override
    void close();
}
