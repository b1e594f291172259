package course.notebook.application;

import course.notebook.domain.Cell;
import course.notebook.domain.CellType;
import course.notebook.domain.Limits;
import course.notebook.domain.NameTakenException;
import course.notebook.domain.Notebook;
import course.notebook.domain.NotebookRepository;
import course.notebook.domain.NotebookSummary;
import course.notebook.domain.Output;
import course.notebook.domain.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The use cases of notebooks and cells. Every change reads the current notebook, makes the next version and
 * saves it only if nobody saved in between (optimistic concurrency); a lost race is retried, unless the client
 * pinned a version with If-Match, which then fails with 412.
 */
public final class NotebookService {
    /** How often one change is tried when other writers keep saving first. */
    public static final int MAX_SAVE_ATTEMPTS = 200;
    /** How many " (n)" suffixes an import tries to find a free name. */
    public static final int MAX_NAME_SUFFIX = 1000;

    private final NotebookRepository repository;
    private final Clock clock;

    public NotebookService(NotebookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Every notebook, sorted by name (then id). */
    public List<NotebookSummary> list() {
        // BEGIN SOLUTION
        return repository.list().stream()
                .sorted(Comparator.comparing(NotebookSummary::name).thenComparing(NotebookSummary::id))
                .toList();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): list the notebooks, sorted by name");
    }

    public Notebook get(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("there is no notebook " + id));
    }

    public Notebook create(String name) {
        // BEGIN SOLUTION
        String valid = validName(name);
        Instant now = now();
        Notebook notebook = new Notebook(newId(), valid, 1, now, now, List.of());
        try {
            repository.create(notebook);
        } catch (NameTakenException e) {
            throw new ConflictException(e.getMessage());
        }
        return notebook;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): validate the name, store a new notebook (version 1), 409 if the name is taken");
    }

    public Notebook rename(String id, String name, Precondition precondition) {
        // BEGIN SOLUTION
        String valid = validName(name);
        return change(id, precondition, nb -> nb.next(valid, nb.cells(), now()));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): rename a notebook");
    }

    public void delete(String id, Precondition precondition) {
        // BEGIN SOLUTION
        Notebook current = get(id);
        if (!precondition.holdsFor(current.version())) {
            throw new PreconditionFailedException(current.version());
        }
        if (!repository.delete(id)) {
            throw new NotFoundException("there is no notebook " + id);
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): delete a notebook");
    }

    /** Adds a cell at {@code index} (null: at the end). */
    public Notebook addCell(String id, CellType type, String source, Integer index, Precondition precondition) {
        // BEGIN SOLUTION
        String valid = validSource(source);
        return change(id, precondition, nb -> {
            if (nb.cells().size() >= Limits.MAX_CELLS) {
                throw new ConflictException("the notebook has " + Limits.MAX_CELLS + " cells, the most it can hold");
            }
            int at = index == null ? nb.cells().size() : index;
            if (at < 0 || at > nb.cells().size()) {
                throw new ValidationException("index", "must be between 0 and " + nb.cells().size()
                        + " (the number of cells), but it was " + at);
            }
            List<Cell> cells = new ArrayList<>(nb.cells());
            cells.add(at, Cell.fresh(newId(), type, valid));
            return nb.next(nb.name(), cells, now());
        });
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): add a cell");
    }

    /** Changes a cell's source and/or type (null leaves it as it is). */
    public Notebook editCell(String id, String cellId, String source, CellType type, Precondition precondition) {
        // BEGIN SOLUTION
        if (source == null && type == null) {
            throw new ValidationException("source", "give the new source or type (or both)");
        }
        String valid = source == null ? null : validSource(source);
        return change(id, precondition, nb -> {
            int at = requireCell(nb, cellId);
            Cell cell = nb.cells().get(at);
            if (valid != null) {
                cell = cell.withSource(valid);
            }
            if (type != null) {
                cell = cell.withType(type);
            }
            List<Cell> cells = new ArrayList<>(nb.cells());
            cells.set(at, cell);
            return nb.next(nb.name(), cells, now());
        });
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): edit a cell");
    }

    public Notebook deleteCell(String id, String cellId, Precondition precondition) {
        // BEGIN SOLUTION
        return change(id, precondition, nb -> {
            int at = requireCell(nb, cellId);
            List<Cell> cells = new ArrayList<>(nb.cells());
            cells.remove(at);
            return nb.next(nb.name(), cells, now());
        });
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): delete a cell");
    }

    /** Puts the cells in the given order, which must name every current cell exactly once. */
    public Notebook reorder(String id, List<String> order, Precondition precondition) {
        // BEGIN SOLUTION
        return change(id, precondition, nb -> {
            Set<String> seen = new HashSet<>();
            List<Cell> cells = new ArrayList<>();
            for (String cellId : order) {
                int at = nb.indexOf(cellId);
                if (at < 0 || !seen.add(cellId)) {
                    throw new ConflictException("the order must name every cell of the notebook exactly once, but "
                            + (at < 0 ? "it names " + cellId + ", which is not a cell of it" : "it names " + cellId
                            + " twice"));
                }
                cells.add(nb.cells().get(at));
            }
            if (cells.size() != nb.cells().size()) {
                throw new ConflictException("the order must name every cell of the notebook exactly once, but it "
                        + "names " + cells.size() + " of its " + nb.cells().size() + " cells");
            }
            return nb.next(nb.name(), cells, now());
        });
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): reorder the cells (409 unless a permutation)");
    }

    /** Stores a run's outputs; empty if the notebook or the cell was deleted while it ran. */
    public Optional<Notebook> recordRun(String id, String cellId, int executionCount, List<Output> outputs) {
        // BEGIN SOLUTION
        try {
            return Optional.of(change(id, Precondition.NONE, nb -> {
                int at = nb.indexOf(cellId);
                if (at < 0) {
                    throw new NotFoundException("the cell " + cellId + " was deleted while it ran");
                }
                List<Cell> cells = new ArrayList<>(nb.cells());
                cells.set(at, cells.get(at).withRun(executionCount, outputs));
                return nb.next(nb.name(), cells, now());
            }));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.5): store the run's execution count and outputs in the cell");
    }

    /**
     * Stores an imported notebook as a new one (new id, version 1). If its name is taken, " (2)", " (3)", ... is
     * appended.
     */
    public Notebook importNotebook(String name, List<Cell> cells) {
        // BEGIN SOLUTION
        String valid = validName(name);
        if (cells.size() > Limits.MAX_CELLS) {
            throw new ValidationException("cells", "a notebook holds at most " + Limits.MAX_CELLS + " cells, but this one has "
                    + cells.size());
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (tooLong(cells.get(i).source(), Limits.MAX_SOURCE_CHARS)) {
                errors.add(new FieldError("cells[" + i + "].source", "at most " + Limits.MAX_SOURCE_CHARS + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = now();
        for (int n = 1; n <= MAX_NAME_SUFFIX; n++) {
            String candidate = n == 1 ? valid : valid + " (" + n + ")";
            if (tooLong(candidate, Limits.MAX_NAME_CHARS)) {
                break;
            }
            Notebook notebook = new Notebook(newId(), candidate, 1, now, now, cells);
            try {
                repository.create(notebook);
                return notebook;
            } catch (NameTakenException taken) {
                // try the next suffix
            }
        }
        throw new ConflictException("no free name like \"" + valid + " (n)\" was found");
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.6): store the imported notebook under a free name");
    }

    // BEGIN SOLUTION
    /** Reads, changes and saves; retries when another writer saved in between. */
    private Notebook change(String id, Precondition precondition, UnaryOperator<Notebook> change) {
        for (int attempt = 1; ; attempt++) {
            Notebook current = get(id);
            if (!precondition.holdsFor(current.version())) {
                throw new PreconditionFailedException(current.version());
            }
            Notebook changed = change.apply(current);
            try {
                repository.save(changed, current.version());
                return changed;
            } catch (VersionConflictException lostRace) {
                if (attempt >= MAX_SAVE_ATTEMPTS) {
                    throw new ConflictException("the notebook changed " + attempt + " times while this change was "
                            + "being saved; try again");
                }
            } catch (NameTakenException e) {
                throw new ConflictException(e.getMessage());
            }
        }
    }

    private static int requireCell(Notebook nb, String cellId) {
        int at = nb.indexOf(cellId);
        if (at < 0) {
            throw new NotFoundException("notebook " + nb.id() + " has no cell " + cellId);
        }
        return at;
    }

    private static String validName(String name) {
        if (name == null) {
            throw new ValidationException("name", "is required");
        }
        if (name.isBlank()) {
            throw new ValidationException("name", "must not be blank");
        }
        if (tooLong(name, Limits.MAX_NAME_CHARS)) {
            throw new ValidationException("name", "must be at most " + Limits.MAX_NAME_CHARS + " characters long");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must not contain control characters (line breaks, tabs, ...)");
        }
        return name;
    }

    private static String validSource(String source) {
        if (source == null) {
            return "";
        }
        if (tooLong(source, Limits.MAX_SOURCE_CHARS)) {
            throw new ValidationException("source", "must be at most " + Limits.MAX_SOURCE_CHARS
                    + " characters long");
        }
        return source;
    }

    private static boolean tooLong(String text, int maxChars) {
        return text.length() > maxChars && text.codePointCount(0, text.length()) > maxChars;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
    // END SOLUTION
}
