package course.notebook.domain;

/** Receives a cell's output while it runs. */
@FunctionalInterface
public interface OutputListener {
    void output(OutputChunk chunk);
}
