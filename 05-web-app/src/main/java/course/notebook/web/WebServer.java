package course.notebook.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import course.notebook.application.CellRuns;
import course.notebook.application.IpynbCodec;
import course.notebook.application.KernelSessions;
import course.notebook.application.NotebookService;
import course.notebook.domain.Limits;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP side: Javalin (on Jetty) with the route table, the access guard and problem+json errors. */
public final class WebServer implements AutoCloseable {
    /** The methods the API uses; any other on a known path is 405 with an Allow field. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private record Route(HandlerType method, String path, Handler handler) {
    }

    private final Javalin app;

    public WebServer(String token, NotebookService notebooks, KernelSessions kernels, CellRuns runs, IpynbCodec codec) {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        Problems problems = new Problems(mapper);
        RequestBodies bodies = new RequestBodies(mapper);
        AccessGuard guard = new AccessGuard(token);
        PageRoutes pages = new PageRoutes();
        IpynbRoutes ipynb = new IpynbRoutes(notebooks, codec, bodies);
        NotebookRoutes api = new NotebookRoutes(notebooks, kernels, bodies, ipynb);
        RunRoutes run = new RunRoutes(notebooks, runs, kernels, problems);

        List<Route> routes = List.of(
                new Route(HandlerType.GET, "/api/health", pages::health),
                new Route(HandlerType.GET, "/", pages::page),
                new Route(HandlerType.GET, "/assets/{file}", pages::asset),
                new Route(HandlerType.GET, "/api/notebooks", api::list),
                new Route(HandlerType.POST, "/api/notebooks", api::create),
                new Route(HandlerType.POST, "/api/notebooks/import", ipynb::importNotebook),
                new Route(HandlerType.GET, "/api/notebooks/{id}", api::get),
                new Route(HandlerType.PATCH, "/api/notebooks/{id}", api::rename),
                new Route(HandlerType.DELETE, "/api/notebooks/{id}", api::delete),
                new Route(HandlerType.POST, "/api/notebooks/{id}/cells", api::addCell),
                new Route(HandlerType.PATCH, "/api/notebooks/{id}/cells/{cellId}", api::editCell),
                new Route(HandlerType.DELETE, "/api/notebooks/{id}/cells/{cellId}", api::deleteCell),
                new Route(HandlerType.PUT, "/api/notebooks/{id}/order", api::reorder),
                new Route(HandlerType.POST, "/api/notebooks/{id}/cells/{cellId}/run", run::run),
                new Route(HandlerType.POST, "/api/notebooks/{id}/kernel/interrupt", run::interrupt),
                new Route(HandlerType.POST, "/api/notebooks/{id}/kernel/restart", run::restart));

        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.http.maxRequestSize = Limits.MAX_BODY_BYTES;
            config.http.generateEtags = false;
            // Compression would hold back small SSE events until a buffer fills.
            config.http.disableCompression();
        });
        app.before(guard::check);
        app.exception(Exception.class, problems::handle);
        app.exception(HttpResponseException.class, problems::handle);
        for (Route route : routes) {
            app.addHttpHandler(route.method(), route.path(), route.handler());
        }
        // Every other method on a known path: 405 with the methods that path allows.
        Map<String, List<HandlerType>> allowed = new LinkedHashMap<>();
        for (Route route : routes) {
            allowed.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route.method());
        }
        allowed.forEach((path, methods) -> {
            String allow = methods.stream().map(HandlerType::name).collect(Collectors.joining(", "));
            for (HandlerType method : METHODS) {
                if (!methods.contains(method)) {
                    app.addHttpHandler(method, path, ctx -> {
                        throw new ProblemException(new Problem(405, ctx.method() + " is not allowed on " + ctx.path()
                                + "; it allows " + allow, ctx.path(), List.of(), Map.of("Allow", allow)));
                    });
                }
            }
        });
    }

    /** Starts listening on 127.0.0.1 only; port 0 picks a free port. Returns the port. */
    public int start(int port) {
        app.start("127.0.0.1", port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
