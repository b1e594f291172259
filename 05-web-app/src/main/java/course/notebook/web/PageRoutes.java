package course.notebook.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/** The health check, the page and its assets (JavaScript and CSS from the class path, folder public/). */
public final class PageRoutes {
    /** Asset names: one plain file name, so no path can leave the assets folder. */
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** GET /api/health: the server is up (no token needed, for monitors). */
    public void health(Context ctx) {
        // BEGIN SOLUTION
        ctx.contentType("application/json");
        ctx.result("{\"status\":\"ok\"}");
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.1): answer 200 {\"status\":\"ok\"} as application/json");
    }

    /** GET /: the notebook page. */
    public void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(resource("/public/index.html"));
    }

    /** GET /assets/{file}. */
    public void asset(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] content = ASSET_NAME.matcher(name).matches() ? resource("/public/assets/" + name) : null;
        if (content == null) {
            throw new ProblemException(404, "there is no asset " + name, ctx.path());
        }
        ctx.contentType(MEDIA_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        ctx.header("Cache-Control", "no-cache");
        ctx.result(content);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
