package course.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Chooses who answers a request, by path:
 * <pre>
 * /echo/{text}   the percent-decoded text
 * /user-agent    the User-Agent field
 * /delay/{ms}    "done" after waiting ms (at most Limits.MAX_DELAY_MS)
 * /files/{name}  stored bodies (POST stores, GET returns)
 * anything else  static files from the document root
 * </pre>
 */
final class Router {
    private static final String ECHO = "/echo/";
    private static final String DELAY = "/delay/";
    private static final String FILES = "/files/";
    private static final String GET_HEAD = "GET, HEAD";
    private static final byte[] WELCOME = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>course.http</title></head>
            <body><h1>It works!</h1><p>This server has no document root (start it with --root DIR).</p></body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final StaticFiles staticFiles;
    private final FileStore fileStore;

    Router(ServerOptions options) throws IOException {
        this.staticFiles = options.root().isPresent() ? new StaticFiles(options.root().get()) : null;
        this.fileStore = new FileStore(options.files().orElse(null));
    }

    HttpResponse handle(HttpRequest request) throws IOException {
        String path = request.path();
        if (path.startsWith(ECHO)) {
            return echo(request);
        }
        if (path.equals("/user-agent")) {
            return userAgent(request);
        }
        if (path.startsWith(DELAY)) {
            return delay(request);
        }
        if (path.startsWith(FILES)) {
            return fileStore.handle(request, path.substring(FILES.length()));
        }
        if (path.equals("*")) {
            return HttpResponse.builder(Status.OK).header("Allow", "GET, HEAD, POST").build();
        }
        if (staticFiles != null) {
            return staticFiles.serve(request);
        }
        if (path.equals("/")) {
            if (!request.isGetOrHead()) {
                return HttpResponse.methodNotAllowed(GET_HEAD);
            }
            return HttpResponse.builder(Status.OK).header("Content-Type", "text/html; charset=utf-8")
                    .body(WELCOME).build();
        }
        return HttpResponse.error(Status.NOT_FOUND, "nothing here");
    }

    private static HttpResponse echo(HttpRequest request) {
        // BEGIN SOLUTION
        if (!request.isGetOrHead()) {
            return HttpResponse.methodNotAllowed(GET_HEAD);
        }
        return HttpResponse.text(Status.OK, PercentCoding.decode(request.path().substring(ECHO.length())));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): GET /echo/{text} answers the percent-decoded text (405 for other methods)");
    }

    private static HttpResponse userAgent(HttpRequest request) {
        // BEGIN SOLUTION
        if (!request.isGetOrHead()) {
            return HttpResponse.methodNotAllowed(GET_HEAD);
        }
        return HttpResponse.text(Status.OK, request.headers().first("User-Agent").orElse(""));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): GET /user-agent answers the User-Agent field");
    }

    private static HttpResponse delay(HttpRequest request) {
        // BEGIN SOLUTION
        if (!request.isGetOrHead()) {
            return HttpResponse.methodNotAllowed(GET_HEAD);
        }
        String digits = request.path().substring(DELAY.length());
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new HttpException(Status.BAD_REQUEST, "/delay/{ms} needs a whole number of milliseconds");
        }
        try {
            Thread.sleep(Math.min(Integer.parseInt(digits), Limits.MAX_DELAY_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return HttpResponse.text(Status.OK, "done");
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.8): GET /delay/{ms} waits (at most Limits.MAX_DELAY_MS), then answers done");
    }
}
