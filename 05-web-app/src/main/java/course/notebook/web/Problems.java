package course.notebook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.application.ConflictException;
import course.notebook.application.FieldError;
import course.notebook.application.NotFoundException;
import course.notebook.application.PreconditionFailedException;
import course.notebook.application.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Turns every failure into a problem+json response, so clients always get the same shape of error. */
public final class Problems {
    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The exception handler of the server: maps the application's exceptions to statuses. */
    public void handle(Exception e, Context ctx) {
        send(ctx, toProblem(e, ctx.path()));
    }

    public Problem toProblem(Exception e, String path) {
        return switch (e) {
            case ProblemException p -> p.problem();
            case NotFoundException n -> new Problem(404, n.getMessage(), path);
            case ConflictException c -> new Problem(409, c.getMessage(), path);
            case PreconditionFailedException p -> new Problem(412, p.getMessage(), path, List.of(),
                    Map.of("ETag", EntityTags.of(p.currentVersion())));
            case ValidationException v -> new Problem(422, v.getMessage(), path, v.errors(), Map.of());
            case HttpResponseException h -> fromJavalin(h, path);
            case UnsupportedOperationException todo when String.valueOf(todo.getMessage()).startsWith("TODO(") ->
                    new Problem(501, todo.getMessage(), path);
            default -> {
                System.err.println("unexpected error on " + path + ": " + e);
                e.printStackTrace();
                yield new Problem(500, "the server failed: " + e.getClass().getSimpleName(), path);
            }
        };
    }

    /** Javalin's own errors: no route (404), a body over the limit (413), ... */
    private static Problem fromJavalin(HttpResponseException h, String path) {
        return switch (h.getStatus()) {
            case 404 -> new Problem(404, "there is no resource at " + path, path);
            case 413 -> new Problem(413, "the body is larger than " + course.notebook.domain.Limits.MAX_BODY_BYTES
                    + " bytes", path);
            default -> new Problem(h.getStatus(), h.getMessage(), path);
        };
    }

    public void send(Context ctx, Problem problem) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", problem.instance());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            for (FieldError error : problem.errors()) {
                errors.addObject().put("field", error.field()).put("message", error.message());
            }
        }
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status());
        ctx.contentType(Problem.MEDIA_TYPE);
        // bytes, not a String: Jetty would encode a String in ISO-8859-1 for this media type
        ctx.result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
