package course.notebook.domain;

import java.util.List;
import java.util.Objects;

/**
 * One cell of a notebook. {@code executionCount} is null until the cell has run; outputs are those of its
 * last run. Ids are unique within a notebook (new cells get a UUID; imported cells keep theirs).
 */
public record Cell(String id, CellType type, String source, Integer executionCount, List<Output> outputs) {
    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        outputs = List.copyOf(outputs);
    }

    /** A cell that has never run. */
    public static Cell fresh(String id, CellType type, String source) {
        return new Cell(id, type, source, null, List.of());
    }

    public Cell withSource(String newSource) {
        return new Cell(id, type, newSource, executionCount, outputs);
    }

    /** Changing the type drops the outputs: they belonged to the code that ran. */
    public Cell withType(CellType newType) {
        return newType == type ? this : new Cell(id, newType, source, null, List.of());
    }

    public Cell withRun(int count, List<Output> newOutputs) {
        return new Cell(id, type, source, count, newOutputs);
    }
}
