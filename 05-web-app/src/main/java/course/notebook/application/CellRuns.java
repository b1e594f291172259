package course.notebook.application;

import course.notebook.domain.Cell;
import course.notebook.domain.CellResult;
import course.notebook.domain.CellType;
import course.notebook.domain.Notebook;
import course.notebook.domain.Output;
import course.notebook.domain.OutputListener;
import java.util.List;
import java.util.Optional;

/** Runs a code cell in its notebook's kernel and stores what came out. */
public final class CellRuns {
    /** How a run ended; {@code notebook} is empty when the notebook or cell was deleted while it ran. */
    public record Report(int executionCount, CellResult result, List<Output> outputs, Optional<Notebook> notebook) {
    }

    private final NotebookService notebooks;
    private final KernelSessions kernels;

    public CellRuns(NotebookService notebooks, KernelSessions kernels) {
        this.notebooks = notebooks;
        this.kernels = kernels;
    }

    /**
     * Runs the cell; each output chunk reaches {@code listener} as the kernel produces it. Blocks until the cell
     * is done, then stores the execution count and outputs in the cell.
     *
     * @throws NotFoundException if there is no such notebook or cell
     * @throws ConflictException if the cell is not a code cell
     */
    public Report run(String notebookId, String cellId, OutputListener listener) {
        Notebook notebook = notebooks.get(notebookId);
        Cell cell = notebook.cell(cellId).orElseThrow(
                () -> new NotFoundException("notebook " + notebookId + " has no cell " + cellId));
        if (cell.type() != CellType.CODE) {
            throw new ConflictException("only code cells run; cell " + cellId + " is " + cell.type().wireName());
        }
        // BEGIN SOLUTION
        OutputCollector collector = new OutputCollector(listener);
        KernelSessions.Execution execution = kernels.run(notebookId, cell.source(), collector);
        List<Output> outputs = collector.outputs(execution.result());
        Optional<Notebook> stored = notebooks.recordRun(notebookId, cellId, execution.executionCount(), outputs);
        return new Report(execution.executionCount(), execution.result(), outputs, stored);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.5): run the source in the notebook's kernel (KernelSessions), collect the outputs (OutputCollector) and store them (recordRun)");
    }
}
