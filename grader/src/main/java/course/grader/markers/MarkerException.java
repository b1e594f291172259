package course.grader.markers;

import java.nio.file.Path;

/** A malformed solution marker, reported with the file and line so it can be fixed at once. */
public final class MarkerException extends Exception {
    private final transient Path file;
    private final int line;

    public MarkerException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
