package course.grader.markers;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a marker is written in a file of a given kind: {@code //}, {@code <!-- -->} or {@code #} comments. */
public enum CommentStyle {
    SLASHES("//", ""),
    XML("<!--", "-->"),
    HASH("#", "");

    private final String open;
    private final String close;

    CommentStyle(String open, String close) {
        this.open = open;
        this.close = close;
    }

    /** The style for a file, or empty when markers are not supported there (binary files, say). */
    public static Optional<CommentStyle> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? name : name.substring(dot + 1);
        return switch (ext) {
            case "java", "kt", "js", "mjs", "ts", "css", "c", "h", "jsonc", "gradle" -> Optional.of(SLASHES);
            case "html", "htm", "xml", "md", "svg", "xhtml" -> Optional.of(XML);
            case "properties", "yaml", "yml", "sh", "toml", "cfg", "conf", "gitignore", "grade", "run" ->
                    Optional.of(HASH);
            default -> Optional.empty();
        };
    }

    /** The comment text of a whole-line comment, or null when the line is not one. */
    String commentBody(String line) {
        String t = line.strip();
        if (!t.startsWith(open)) {
            return null;
        }
        String body = t.substring(open.length());
        if (!close.isEmpty()) {
            if (!body.endsWith(close)) {
                return null;
            }
            body = body.substring(0, body.length() - close.length());
        }
        return body.strip();
    }

    String open() {
        return open;
    }

    String close() {
        return close;
    }
}
