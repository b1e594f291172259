package course.notebook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import course.notebook.application.FieldError;
import course.notebook.application.ValidationException;
import course.notebook.domain.Limits;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads JSON request bodies with the API's error statuses: 413 over {@link Limits#MAX_BODY_BYTES}, 415 if the
 * body is not declared as JSON, 400 if it is not well-formed JSON, 422 if it is well-formed but a field is
 * missing or of the wrong kind.
 */
public final class RequestBodies {
    /** Media types accepted as JSON bodies. */
    public static final Set<String> JSON_TYPES = Set.of("application/json", "application/x-ipynb+json");

    private final ObjectMapper mapper;

    public RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON object. */
    public ObjectNode object(Context ctx) {
        // BEGIN SOLUTION
        JsonNode node = json(ctx);
        if (!node.isObject()) {
            throw new ValidationException("", "the body must be a JSON object, but it is " + kind(node));
        }
        return (ObjectNode) node;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): read the body as a JSON object (413, 415, 400, 422)");
    }

    /** The body as any JSON value. */
    public JsonNode json(Context ctx) {
        // BEGIN SOLUTION
        long declared = ctx.req().getContentLengthLong();
        if (declared > Limits.MAX_BODY_BYTES) {
            throw new ProblemException(413, "the body has " + declared + " bytes; the limit is "
                    + Limits.MAX_BODY_BYTES, ctx.path());
        }
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(media) && !media.endsWith("+json")) {
            throw new ProblemException(415, "send the body as JSON with \"Content-Type: application/json\", not "
                    + (type == null ? "without a Content-Type" : "as \"" + type + "\""), ctx.path());
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > Limits.MAX_BODY_BYTES) {
            throw new ProblemException(413, "the body is larger than " + Limits.MAX_BODY_BYTES + " bytes", ctx.path());
        }
        if (body.length == 0) {
            throw new ProblemException(400, "the body is empty; send a JSON object", ctx.path());
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(400, "the body holds no JSON value", ctx.path());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "the body is not well-formed JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                    ctx.path());
        } catch (IOException e) {
            throw new ProblemException(400, "the body is not well-formed JSON: " + e.getMessage(), ctx.path());
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): read the body as JSON (413 too large, 415 not JSON, 400 malformed)");
    }

    /** A string field; null if absent or JSON null. */
    public static String optionalString(ObjectNode body, String field) {
        // BEGIN SOLUTION
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ValidationException(field, "must be a string, but it is " + kind(value));
        }
        return value.textValue();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): read an optional string field (422 if it is not a string)");
    }

    public static String requiredString(ObjectNode body, String field) {
        String value = optionalString(body, field);
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** A whole-number field; null if absent or JSON null. */
    public static Integer optionalInt(ObjectNode body, String field) {
        // BEGIN SOLUTION
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(field, "must be a whole number, but it is " + kind(value));
        }
        return value.intValue();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): read an optional whole-number field (422 if it is not one)");
    }

    /** An array of strings; every bad element is reported. */
    public static List<String> stringArray(ObjectNode body, String field) {
        // BEGIN SOLUTION
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw new ValidationException(field, "must be an array of cell ids");
        }
        List<String> strings = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                strings.add(value.get(i).textValue());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string, but it is " + kind(value.get(i))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return strings;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.2): read an array of strings (422 naming each bad element)");
    }

    /** How to name a JSON value's kind in a message. */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY, MISSING -> "missing";
        };
    }
}
