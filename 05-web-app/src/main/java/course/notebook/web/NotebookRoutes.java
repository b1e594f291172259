package course.notebook.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.application.KernelSessions;
import course.notebook.application.NotebookService;
import course.notebook.application.ValidationException;
import course.notebook.domain.CellType;
import course.notebook.domain.Notebook;
import course.notebook.domain.NotebookSummary;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The REST API for notebooks and cells: parse the request, call the service, answer JSON with an ETag. */
public final class NotebookRoutes {
    public static final String JSON = "application/json";

    private final NotebookService notebooks;
    private final KernelSessions kernels;
    private final RequestBodies bodies;
    private final IpynbRoutes ipynb;

    public NotebookRoutes(NotebookService notebooks, KernelSessions kernels, RequestBodies bodies, IpynbRoutes ipynb) {
        this.notebooks = notebooks;
        this.kernels = kernels;
        this.bodies = bodies;
        this.ipynb = ipynb;
    }

    /** GET /api/notebooks */
    public void list(Context ctx) {
        // BEGIN SOLUTION
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (NotebookSummary summary : notebooks.list()) {
            list.add(NotebookJson.summary(summary));
        }
        ctx.contentType(JSON);
        ctx.result(list.toString().getBytes(StandardCharsets.UTF_8));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): GET /api/notebooks");
    }

    /** POST /api/notebooks {"name"} */
    public void create(Context ctx) {
        // BEGIN SOLUTION
        ObjectNode body = bodies.object(ctx);
        Notebook created = notebooks.create(RequestBodies.requiredString(body, "name"));
        ctx.header("Location", "/api/notebooks/" + created.id());
        respond(ctx, 201, created);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): POST /api/notebooks");
    }

    /** GET /api/notebooks/{id} (and {id}.ipynb, the export) */
    public void get(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.endsWith(IpynbRoutes.EXTENSION)) {
            ipynb.export(ctx, id.substring(0, id.length() - IpynbRoutes.EXTENSION.length()));
            return;
        }
        // BEGIN SOLUTION
        respond(ctx, 200, notebooks.get(id));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): GET /api/notebooks/{id}");
    }

    /** PATCH /api/notebooks/{id} {"name"} */
    public void rename(Context ctx) {
        // BEGIN SOLUTION
        ObjectNode body = bodies.object(ctx);
        respond(ctx, 200, notebooks.rename(ctx.pathParam("id"), RequestBodies.requiredString(body, "name"),
                EntityTags.ifMatch(ctx.header("If-Match"))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): PATCH /api/notebooks/{id}");
    }

    /** DELETE /api/notebooks/{id} */
    public void delete(Context ctx) {
        // BEGIN SOLUTION
        String id = ctx.pathParam("id");
        notebooks.delete(id, EntityTags.ifMatch(ctx.header("If-Match")));
        kernels.shutdown(id);
        ctx.status(204);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): DELETE /api/notebooks/{id} (and shut its kernel down)");
    }

    /** POST /api/notebooks/{id}/cells {"type","source","index"?} */
    public void addCell(Context ctx) {
        // BEGIN SOLUTION
        ObjectNode body = bodies.object(ctx);
        String typeName = RequestBodies.optionalString(body, "type");
        CellType type = typeName == null ? CellType.CODE : cellType(typeName);
        String source = RequestBodies.optionalString(body, "source");
        Integer index = RequestBodies.optionalInt(body, "index");
        respond(ctx, 201, notebooks.addCell(ctx.pathParam("id"), type, source == null ? "" : source, index,
                EntityTags.ifMatch(ctx.header("If-Match"))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): POST /api/notebooks/{id}/cells");
    }

    /** PATCH /api/notebooks/{id}/cells/{cellId} {"source"?,"type"?} */
    public void editCell(Context ctx) {
        // BEGIN SOLUTION
        ObjectNode body = bodies.object(ctx);
        String typeName = RequestBodies.optionalString(body, "type");
        String source = RequestBodies.optionalString(body, "source");
        respond(ctx, 200, notebooks.editCell(ctx.pathParam("id"), ctx.pathParam("cellId"), source,
                typeName == null ? null : cellType(typeName), EntityTags.ifMatch(ctx.header("If-Match"))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): PATCH /api/notebooks/{id}/cells/{cellId}");
    }

    /** DELETE /api/notebooks/{id}/cells/{cellId} */
    public void deleteCell(Context ctx) {
        // BEGIN SOLUTION
        respond(ctx, 200, notebooks.deleteCell(ctx.pathParam("id"), ctx.pathParam("cellId"),
                EntityTags.ifMatch(ctx.header("If-Match"))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): DELETE /api/notebooks/{id}/cells/{cellId}");
    }

    /** PUT /api/notebooks/{id}/order {"cells":[cellId,...]} */
    public void reorder(Context ctx) {
        // BEGIN SOLUTION
        ObjectNode body = bodies.object(ctx);
        respond(ctx, 200, notebooks.reorder(ctx.pathParam("id"), RequestBodies.stringArray(body, "cells"),
                EntityTags.ifMatch(ctx.header("If-Match"))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): PUT /api/notebooks/{id}/order");
    }

    /** Answers with a notebook and its version as the ETag. */
    public static void respond(Context ctx, int status, Notebook notebook) {
        ctx.status(status);
        ctx.header("ETag", EntityTags.of(notebook.version()));
        ctx.contentType(JSON);
        ctx.result(NotebookJson.notebook(notebook).toString().getBytes(StandardCharsets.UTF_8));
    }

    // BEGIN SOLUTION
    private static CellType cellType(String name) {
        return CellType.fromWireName(name).orElseThrow(() -> new ValidationException("type",
                "must be \"code\" or \"markdown\", but it was \"" + name + "\""));
    }
    // END SOLUTION
}
