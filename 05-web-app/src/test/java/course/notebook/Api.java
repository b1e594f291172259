package course.notebook;

import static io.restassured.config.EncoderConfig.encoderConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.grader.support.StudentServer;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small client for the notebook API on top of REST-assured: every reply remembers the request, so a failed
 * check says what was sent, what was expected and what came back.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    /** Longest request or reply body shown in a message. */
    public static final int SHOWN_CHARS = 600;

    /** One exchange: what was sent and what came back. */
    public record Reply(String request, int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header field (case-insensitive name), or null. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public List<String> headerValues(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach((k, v) -> {
                if (k.equalsIgnoreCase(name)) {
                    values.addAll(v);
                }
            });
            return values;
        }

        /** The media type of Content-Type, lower case, without parameters ("" if none). */
        public String mediaType() {
            String type = header("Content-Type");
            return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw fail("expected a JSON body, but it is not JSON (" + e.getMessage() + ")");
            }
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw fail("expected status " + expected + ", but it was " + status);
            }
            return this;
        }

        /** A problem+json answer (RFC 9457) with this status, checked field by field. */
        public JsonNode expectProblem(int expected) {
            expect(expected);
            if (!mediaType().equals("application/problem+json")) {
                throw fail("an error answer should be application/problem+json, but Content-Type was "
                        + header("Content-Type"));
            }
            JsonNode problem = json();
            for (String field : List.of("type", "title", "detail", "instance")) {
                if (!problem.path(field).isTextual()) {
                    throw fail("a problem has a string field \"" + field + "\" (RFC 9457), but it is missing or not a "
                            + "string");
                }
            }
            if (problem.path("status").asInt(-1) != expected) {
                throw fail("the problem's \"status\" should be " + expected + ", but it was " + problem.path("status"));
            }
            return problem;
        }

        public AssertionError fail(String message) {
            return new AssertionError(message + "\n" + describe());
        }

        public String describe() {
            StringBuilder out = new StringBuilder("request: ").append(request).append("\nreply:   ").append(status);
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Date")) {
                    out.append("\n         ").append(k).append(": ").append(String.join(", ", v));
                }
            });
            return out.append("\n         ").append(cut(body)).toString();
        }
    }

    private final StudentServer server;
    private final Map<String, String> defaults;

    private Api(StudentServer server, Map<String, String> defaults) {
        this.server = server;
        this.defaults = defaults;
    }

    /** Requests carrying the token in the Authorization header. */
    public static Api of(StudentServer server, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "token " + token);
        return new Api(server, headers);
    }

    /** Requests with no credentials at all. */
    public static Api anonymous(StudentServer server) {
        return new Api(server, Map.of());
    }

    public Reply get(String path, String... headers) {
        return call("GET", path, null, headers);
    }

    public Reply post(String path, String body, String... headers) {
        return call("POST", path, body, headers);
    }

    public Reply patch(String path, String body, String... headers) {
        return call("PATCH", path, body, headers);
    }

    public Reply put(String path, String body, String... headers) {
        return call("PUT", path, body, headers);
    }

    public Reply delete(String path, String... headers) {
        return call("DELETE", path, null, headers);
    }

    /** Sends a request; headers are "Name: value" strings, a body defaults to Content-Type application/json. */
    public Reply call(String method, String path, String body, String... headers) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), body, headers);
    }

    public Reply send(String method, String path, byte[] body, String shownBody, String... headers) {
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(server.baseUri())
                .urlEncodingEnabled(false);
        Map<String, String> all = new LinkedHashMap<>(defaults);
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        for (String h : headers) {
            int colon = h.indexOf(':');
            all.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        all.forEach(spec::header);
        if (body != null) {
            spec.body(body);
        }
        Response r = spec.request(method, path);
        Map<String, List<String>> replyHeaders = new LinkedHashMap<>();
        r.getHeaders().forEach(h -> replyHeaders.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue()));
        StringBuilder request = new StringBuilder(method).append(' ').append(path);
        all.forEach((k, v) -> request.append("\n         ").append(k).append(": ").append(v));
        if (body != null) {
            request.append("\n         ").append(cut(shownBody == null ? "(" + body.length + " bytes)" : shownBody));
        }
        return new Reply(request.toString(), r.getStatusCode(), replyHeaders,
                new String(r.asByteArray(), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- API shortcuts

    /** Creates a notebook and returns its JSON (fails unless 201). */
    public JsonNode create(String name) {
        return post("/api/notebooks", object("name", name)).expect(201).json();
    }

    /** Appends a cell and returns the notebook (fails unless 201). */
    public JsonNode addCell(String notebookId, String type, String source) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("source", source);
        return post("/api/notebooks/" + notebookId + "/cells", body.toString()).expect(201).json();
    }

    public JsonNode notebook(String id) {
        return get("/api/notebooks/" + id).expect(200).json();
    }

    /** A JSON object with string fields: object("name", "x") is {"name":"x"}. */
    public static String object(String... namesAndValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            o.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return o.toString();
    }

    /** The ids of a notebook's cells, in order. */
    public static List<String> cellIds(JsonNode notebook) {
        List<String> ids = new ArrayList<>();
        notebook.path("cells").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    public static List<String> sources(JsonNode notebook) {
        List<String> sources = new ArrayList<>();
        notebook.path("cells").forEach(c -> sources.add(c.path("source").asText()));
        return sources;
    }

    static String cut(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() <= SHOWN_CHARS ? escaped : escaped.substring(0, SHOWN_CHARS) + "... ("
                + text.length() + " characters)";
    }

    @Override
    public String toString() {
        return "Api" + Arrays.toString(defaults.keySet().toArray());
    }
}
