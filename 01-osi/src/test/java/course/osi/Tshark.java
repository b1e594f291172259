package course.osi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wireshark's view of a capture: the {@code tshark -T json} output recorded next to each pcap
 * (record.sh runs it with checksum checking on). The tests compare with it; they never run tshark.
 */
public final class Tshark {
    private Tshark() {
    }

    /** The "layers" object of every packet of {@code capture} ("x.pcap" reads "x.tshark.json"). */
    public static List<JsonNode> packets(String capture) {
        String json = capture.replaceFirst("\\.pcap$", ".tshark.json");
        try {
            JsonNode root = new ObjectMapper().readTree(Captures.bytes(json));
            List<JsonNode> layers = new ArrayList<>();
            for (JsonNode packet : root) {
                layers.add(packet.path("_source").path("layers"));
            }
            return layers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the packet has this protocol's layer at the top level (not nested inside ICMP). */
    public static boolean has(JsonNode layers, String protocol) {
        return layers.has(protocol);
    }

    /**
     * The field {@code name} of the top-level layer {@code protocol}, searched depth first through its
     * subtrees (Wireshark nests e.g. ip.flags.df under ip.flags_tree).
     */
    public static Optional<String> field(JsonNode layers, String protocol, String name) {
        return find(layers.path(protocol), name);
    }

    /** A field that must be there. */
    public static String require(JsonNode layers, String protocol, String name) {
        return field(layers, protocol, name).orElseThrow(() -> new AssertionError("the tshark JSON has no " + name
                + " in layer " + protocol + ": " + layers.path(protocol)));
    }

    /** A decimal or "0x..." field as a number. */
    public static long number(JsonNode layers, String protocol, String name) {
        String text = require(layers, protocol, name);
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    /** A time field in seconds ("0.015109000") as nanoseconds. */
    public static long nanos(JsonNode layers, String protocol, String name) {
        return new BigDecimal(require(layers, protocol, name)).movePointRight(9).longValueExact();
    }

    /** Wireshark's checksum status codes: 0 bad, 1 good, 2 unverified, 3 not present (a UDP checksum of 0). */
    public static String status(ChecksumStatus status) {
        return switch (status) {
            case BAD -> "0";
            case GOOD -> "1";
            case UNVERIFIED -> "2";
            case NONE -> "3";
        };
    }

    /** The HTTP request line ("GET / HTTP/1.1") or status line ("HTTP/1.1 200 OK") Wireshark found, if any. */
    public static Optional<String> httpStartLine(JsonNode layers) {
        if (!layers.has("http")) {
            return Optional.empty();
        }
        Optional<String> method = field(layers, "http", "http.request.method");
        if (method.isPresent()) {
            return Optional.of(method.get() + " " + require(layers, "http", "http.request.uri") + " "
                    + require(layers, "http", "http.request.version"));
        }
        return Optional.of(require(layers, "http", "http.response.version") + " "
                + require(layers, "http", "http.response.code") + " "
                + field(layers, "http", "http.response.phrase").orElse(""));
    }

    private static Optional<String> find(JsonNode node, String name) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (node.has(name) && node.get(name).isValueNode()) {
            return Optional.of(node.get(name).asText());
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            Optional<String> found = find(child.getValue(), name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
