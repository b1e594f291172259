package course.notebook.domain;

/** Runs Java cells for one notebook session. Code runs in a separate JVM. Thread-safe: one cell at a time. */
public interface Kernel extends AutoCloseable {
    /** Runs a cell's source (may hold several snippets). Output chunks reach the listener as they are produced.
     *  Blocks until the cell finishes, fails, is interrupted, times out or the kernel's JVM exits. */
    CellResult run(String source, OutputListener listener);

    /** Stops the running cell, if any (the result's outcome is INTERRUPTED). Safe to call from another thread. */
    void interrupt();

    /** Discards all state: the next run starts in a fresh JVM. */
    void restart();

    /** True while the kernel's JVM is up. */
    boolean alive();

    @Override
    void close();
}
