package course.notebook.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A notebook: a named, ordered list of cells. Every change makes a copy with {@code version + 1}. */
public record Notebook(String id, String name, long version, Instant created, Instant updated, List<Cell> cells) {
    public Notebook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        cells = List.copyOf(cells);
    }

    public Optional<Cell> cell(String cellId) {
        return cells.stream().filter(c -> c.id().equals(cellId)).findFirst();
    }

    /** The position of a cell, or -1. */
    public int indexOf(String cellId) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(cellId)) {
                return i;
            }
        }
        return -1;
    }

    /** The next version of this notebook, changed at {@code now}. */
    public Notebook next(String newName, List<Cell> newCells, Instant now) {
        return new Notebook(id, newName, version + 1, created, now, newCells);
    }

    public NotebookSummary summary() {
        return new NotebookSummary(id, name, cells.size(), updated);
    }
}
