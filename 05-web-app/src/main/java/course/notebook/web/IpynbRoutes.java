package course.notebook.web;

import com.fasterxml.jackson.databind.JsonNode;
import course.notebook.application.IpynbCodec;
import course.notebook.application.NotebookService;
import course.notebook.domain.Notebook;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Export as a Jupyter .ipynb file, and import one as a new notebook. */
public final class IpynbRoutes {
    public static final String EXTENSION = ".ipynb";
    public static final String MEDIA_TYPE = "application/x-ipynb+json";

    private final NotebookService notebooks;
    private final IpynbCodec codec;
    private final RequestBodies bodies;

    public IpynbRoutes(NotebookService notebooks, IpynbCodec codec, RequestBodies bodies) {
        this.notebooks = notebooks;
        this.codec = codec;
        this.bodies = bodies;
    }

    /** GET /api/notebooks/{id}.ipynb: a download named after the notebook. */
    public void export(Context ctx, String id) {
        Notebook notebook = notebooks.get(id);
        String document = codec.export(notebook).toPrettyString();
        ctx.contentType(MEDIA_TYPE);
        ctx.header("Content-Disposition", contentDisposition(notebook.name() + EXTENSION));
        ctx.header("ETag", EntityTags.of(notebook.version()));
        ctx.result(document.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POST /api/notebooks/import: the body is an .ipynb file. The name comes from {@code ?name=}, else the file's
     * metadata.title, else {@link IpynbCodec#DEFAULT_NAME}.
     */
    public void importNotebook(Context ctx) {
        JsonNode document = bodies.json(ctx);
        IpynbCodec.Imported imported = codec.parse(document);
        String name = ctx.queryParam("name");
        if (name == null) {
            name = imported.title() == null || imported.title().isBlank() ? IpynbCodec.DEFAULT_NAME : imported.title();
        }
        Notebook created = notebooks.importNotebook(name, imported.cells());
        ctx.header("Location", "/api/notebooks/" + created.id());
        NotebookRoutes.respond(ctx, 201, created);
    }

    /**
     * {@code attachment; filename="..."}. Characters a quoted string cannot carry safely become "_"; a name
     * beyond ASCII is added as {@code filename*} (RFC 6266) so browsers still show it.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (char c : fileName.toCharArray()) {
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
            ascii.append(safe ? c : '_');
            plain &= safe;
        }
        String value = "attachment; filename=\"" + ascii + "\"";
        if (!plain) {
            value += "; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return value;
    }
}
