package course.notebook.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.application.CellRuns;
import course.notebook.application.KernelSessions;
import course.notebook.application.NotebookService;
import course.notebook.domain.Cell;
import course.notebook.domain.Notebook;
import course.notebook.domain.OutputChunk;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Running cells. With {@code Accept: text/event-stream} the answer is a stream of Server-Sent Events (the HTML
 * Living Standard, section 9.2): one {@code stdout} or {@code stderr} event per output chunk as the kernel
 * produces it, then one {@code done} event with the stored outputs; otherwise the finished cell as JSON.
 */
public final class RunRoutes {
    public static final String EVENT_STREAM = "text/event-stream";

    /** What the kernel's thread hands to the thread writing the response. */
    private sealed interface Event permits Chunk, Done, Failed {
    }

    private record Chunk(OutputChunk chunk) implements Event {
    }

    private record Done(CellRuns.Report report) implements Event {
    }

    private record Failed(RuntimeException error) implements Event {
    }

    private final NotebookService notebooks;
    private final CellRuns runs;
    private final KernelSessions kernels;
    private final Problems problems;

    public RunRoutes(NotebookService notebooks, CellRuns runs, KernelSessions kernels, Problems problems) {
        this.notebooks = notebooks;
        this.runs = runs;
        this.kernels = kernels;
        this.problems = problems;
    }

    /** POST /api/notebooks/{id}/cells/{cellId}/run */
    public void run(Context ctx) {
        String id = ctx.pathParam("id");
        String cellId = ctx.pathParam("cellId");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains(EVENT_STREAM)) {
            stream(ctx, id, cellId);
            return;
        }
        CellRuns.Report report = runs.run(id, cellId, chunk -> { });
        Cell cell = report.notebook().flatMap(nb -> nb.cell(cellId))
                .orElseThrow(() -> new ProblemException(409, "the cell was deleted while it ran", ctx.path()));
        ctx.header("ETag", EntityTags.of(report.notebook().map(Notebook::version).orElse(0L)));
        ctx.contentType(NotebookRoutes.JSON);
        ctx.result(NotebookJson.cell(cell).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** POST /api/notebooks/{id}/kernel/interrupt: stops the running cell (its run ends as INTERRUPTED). */
    public void interrupt(Context ctx) {
        String id = ctx.pathParam("id");
        notebooks.get(id);
        kernels.interrupt(id);
        ctx.status(202);
        ctx.contentType(NotebookRoutes.JSON);
        ctx.result("{\"status\":\"interrupting\"}");
    }

    /** POST /api/notebooks/{id}/kernel/restart: forgets all state; execution counts start at 1 again. */
    public void restart(Context ctx) {
        String id = ctx.pathParam("id");
        notebooks.get(id);
        kernels.restart(id);
        ctx.contentType(NotebookRoutes.JSON);
        ctx.result("{\"status\":\"restarted\"}");
    }

    /**
     * The kernel calls the listener on its own thread while the cell runs, so a virtual thread runs the cell and
     * this (request) thread is the only one writing the response: it takes events from a queue and writes and
     * flushes each at once. Errors found before the stream starts (no such cell, a markdown cell) are ordinary
     * problem responses; once the 200 is out, a failure is reported as an {@code error} event.
     */
    private void stream(Context ctx, String id, String cellId) {
        // BEGIN SOLUTION
        Notebook notebook = notebooks.get(id);
        Cell cell = notebook.cell(cellId).orElseThrow(() -> new ProblemException(404,
                "notebook " + id + " has no cell " + cellId, ctx.path()));
        if (cell.type() != course.notebook.domain.CellType.CODE) {
            throw new ProblemException(409, "only code cells run; this one is " + cell.type().wireName(), ctx.path());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("run-" + cellId).start(() -> {
            try {
                events.add(new Done(runs.run(id, cellId, chunk -> events.add(new Chunk(chunk)))));
            } catch (RuntimeException e) {
                events.add(new Failed(e));
            }
        });
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType(EVENT_STREAM);
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        try {
            OutputStream out = res.getOutputStream();
            res.flushBuffer();
            while (true) {
                Event event = events.take();
                switch (event) {
                    case Chunk c -> send(out, NotebookJson.streamName(c.chunk().stream()),
                            JsonNodeFactory.instance.objectNode().put("text", c.chunk().text()));
                    case Done d -> {
                        send(out, "done", done(d.report()));
                        return;
                    }
                    case Failed f -> {
                        Problem problem = problems.toProblem(f.error(), ctx.path());
                        send(out, "error", JsonNodeFactory.instance.objectNode().put("status", problem.status())
                                .put("detail", problem.detail()));
                        return;
                    }
                }
            }
        } catch (IOException clientGone) {
            // The page was closed: the cell still finishes and its outputs are stored by the run's thread.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.5): stream the run as Server-Sent Events: stdout/stderr events while it runs, then done");
    }

    // BEGIN SOLUTION
    /** One event: its name, one data line of JSON (JSON never holds a raw line break), a blank line. */
    private static void send(OutputStream out, String name, ObjectNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode done(CellRuns.Report report) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("executionCount", report.executionCount());
        o.put("outcome", report.result().outcome().name());
        if (report.result().value() == null) {
            o.putNull("value");
        } else {
            o.put("value", report.result().value());
        }
        o.put("elapsedMillis", report.result().elapsed() == null ? 0 : report.result().elapsed().toMillis());
        o.set("outputs", NotebookJson.outputs(report.outputs()));
        report.notebook().ifPresent(nb -> o.put("version", nb.version()));
        return o;
    }
    // END SOLUTION
}
