package course.notebook.application;

import course.notebook.domain.CellResult;
import course.notebook.domain.Kernel;
import course.notebook.domain.KernelFactory;
import course.notebook.domain.KernelLimits;
import course.notebook.domain.OutputListener;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One kernel per notebook, started on the notebook's first run and kept until the notebook is deleted or the
 * server stops. Like Jupyter, each run gets the next execution count of its kernel session; a restart starts
 * counting at 1 again.
 */
public final class KernelSessions implements AutoCloseable {
    /** A run's execution count and what the kernel reported. */
    public record Execution(int executionCount, CellResult result) {
    }

    private record Session(Kernel kernel, AtomicInteger counter) {
    }

    private final KernelFactory factory;
    private final KernelLimits limits;
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    public KernelSessions(KernelFactory factory, KernelLimits limits) {
        this.factory = factory;
        this.limits = limits;
    }

    /** Runs source in the notebook's kernel (starting it if needed); blocks until the cell is done. */
    public Execution run(String notebookId, String source, OutputListener listener) {
        Session session = sessions.computeIfAbsent(notebookId, id -> new Session(factory.start(limits),
                new AtomicInteger()));
        int count = session.counter().incrementAndGet();
        return new Execution(count, session.kernel().run(source, listener));
    }

    /** Stops the notebook's running cell, if any. */
    public void interrupt(String notebookId) {
        Session session = sessions.get(notebookId);
        if (session != null) {
            session.kernel().interrupt();
        }
    }

    /** Discards the notebook's kernel state; counting starts again at 1. */
    public void restart(String notebookId) {
        Session session = sessions.get(notebookId);
        if (session != null) {
            session.kernel().restart();
            session.counter().set(0);
        }
    }

    /** Stops the notebook's kernel (the notebook was deleted). */
    public void shutdown(String notebookId) {
        Session session = sessions.remove(notebookId);
        if (session != null) {
            session.kernel().close();
        }
    }

    @Override
    public void close() {
        for (String id : List.copyOf(sessions.keySet())) {
            shutdown(id);
        }
    }
}
