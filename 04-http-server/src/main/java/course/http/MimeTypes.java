package course.http;

import java.util.Locale;
import java.util.Map;

/** Content-Type by file name extension. */
final class MimeTypes {
    static final String DEFAULT = "application/octet-stream";

    // BEGIN SOLUTION
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"));

    // END SOLUTION
    private MimeTypes() {
    }

    /** The type for a file name; {@link #DEFAULT} when the extension is unknown or missing. */
    static String of(String fileName) {
        // BEGIN SOLUTION
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): html, css, js, json, png, jpg, svg, txt; otherwise DEFAULT");
    }

    /** Text-like types shrink well with gzip; images and archives are compressed already. */
    static boolean compressible(String type) {
        // BEGIN SOLUTION
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml")
                || type.startsWith("image/svg+xml");
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): text/*, JSON, XML and SVG are worth compressing");
    }
}
