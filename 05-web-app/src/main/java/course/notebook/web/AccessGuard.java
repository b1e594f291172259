package course.notebook.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Runs before every request. Like Jupyter, the server only listens on 127.0.0.1 and wants a secret token:
 * <ol>
 *   <li>a request whose Host is not this server (DNS rebinding) or whose Origin is another site (cross-site
 *       requests) is refused with 403, before anything else;</li>
 *   <li>GET /api/health needs no token;</li>
 *   <li>{@code GET /?token=T} with the right token answers 303 to {@code /} and sets the token as an HttpOnly,
 *       SameSite=Strict cookie, so the page works without the token in its address;</li>
 *   <li>everything else needs the token in {@code Authorization: token T} or in the cookie; else 401.</li>
 * </ol>
 */
public final class AccessGuard {
    public static final String COOKIE = "notebook_token";
    public static final String HEALTH_PATH = "/api/health";
    /** The scheme of the Authorization header, as Jupyter uses it. */
    public static final String AUTH_SCHEME = "token";

    private final byte[] token;

    public AccessGuard(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** A before-handler: returns normally to let the request through, or ends it. */
    public void check(Context ctx) {
        // BEGIN SOLUTION
        int port = ctx.req().getLocalPort();
        String host = ctx.header("Host");
        if (host == null || !isLocal(host, port)) {
            throw new ProblemException(403, "the Host header must be 127.0.0.1:" + port + " or localhost:" + port
                    + ", but it was " + (host == null ? "missing" : "\"" + host + "\""), ctx.path());
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isLocal(stripScheme(origin), port)) {
            throw new ProblemException(403, "requests from other sites are refused (Origin: " + origin + ")",
                    ctx.path());
        }
        boolean get = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (get && ctx.path().equals(HEALTH_PATH)) {
            return;
        }
        boolean page = get && ctx.path().equals("/");
        String fromQuery = ctx.queryParam("token");
        if (page && fromQuery != null) {
            if (!matches(fromQuery)) {
                refusePage(ctx);
                return;
            }
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + fromQuery + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (matches(fromHeader(ctx.header("Authorization"))) || matches(ctx.cookie(COOKIE))) {
            return;
        }
        if (page) {
            refusePage(ctx);
            return;
        }
        throw new ProblemException(401, "send the token: \"Authorization: token <T>\" or the " + COOKIE
                + " cookie (open the address the server printed at start)", ctx.path());
        // END SOLUTION
        // STUB: // TODO(task 05.1): check Host and Origin (403), let /api/health through, ?token= on the page (303 + cookie), else the token in Authorization or the cookie (401).
    }

    // BEGIN SOLUTION
    /** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromHeader(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase(AUTH_SCHEME) ? parts[1] : null;
    }

    private static boolean isLocal(String hostAndPort, int port) {
        String h = hostAndPort.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
    }

    private static String stripScheme(String origin) {
        String prefix = "http://";
        return origin.regionMatches(true, 0, prefix, 0, prefix.length()) ? origin.substring(prefix.length()) : "";
    }

    private static void refusePage(Context ctx) {
        ctx.status(401);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Notebook: token needed</title></head>
                <body><h1>Token needed</h1>
                <p>Open the address the notebook server printed when it started
                (<code>http://127.0.0.1:PORT/?token=...</code>).</p></body></html>
                """);
        ctx.skipRemainingHandlers();
    }
    // END SOLUTION
}
