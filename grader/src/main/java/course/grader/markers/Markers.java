package course.grader.markers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Solution markers, one source for solution and skeleton (as TMC and nbgrader do):
 * <ul>
 *   <li>{@code BEGIN SOLUTION} ... {@code END SOLUTION}: lines only the solution has;</li>
 *   <li>{@code STUB: code}: a line only the skeleton has (a comment in the solution);</li>
 *   <li>{@code SOLUTION FILE}: the whole file belongs to the solution.</li>
 * </ul>
 * Each marker is a whole-line comment in the file's own style ({@code //}, {@code <!-- -->}, {@code #}).
 */
public final class Markers {
    static final String BEGIN = "BEGIN SOLUTION";
    static final String END = "END SOLUTION";
    static final String STUB = "STUB:";
    static final String FILE = "SOLUTION FILE";
    /** Anything that looks like a marker; used to catch misspelled or misplaced ones. */
    private static final Pattern MARKER_LIKE =
            Pattern.compile("\\b(BEGIN\\s+SOLUTION|END\\s+SOLUTION|SOLUTION\\s+FILE)\\b|(//|#|<!--)\\s*STUB\\s*:");

    private Markers() {
    }

    /** The two views of one source file. {@code skeleton} is empty when the file is solution-only. */
    public record Split(String solution, Optional<String> skeleton, boolean hasMarkers) {
    }

    /** Splits a file into its solution (markers removed) and skeleton, or fails on a malformed marker. */
    public static Split split(Path file, String text) throws MarkerException {
        Optional<CommentStyle> style = CommentStyle.forFile(file);
        if (style.isEmpty()) {
            return new Split(text, Optional.of(text), false);
        }
        CommentStyle s = style.get();
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithNewline = text.endsWith("\n");
        String[] lines = text.split("\r?\n", -1);
        int count = endsWithNewline ? lines.length - 1 : lines.length;

        StringBuilder solution = new StringBuilder();
        StringBuilder skeleton = new StringBuilder();
        boolean inSolution = false;
        int beganAt = 0;
        boolean solutionFile = false;
        boolean any = false;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            int number = i + 1;
            String body = s.commentBody(line);
            if (body != null && body.equals(BEGIN)) {
                if (inSolution) {
                    throw new MarkerException(file, number, "BEGIN SOLUTION inside the region opened on line "
                            + beganAt + " (regions cannot nest; close it with END SOLUTION first)");
                }
                inSolution = true;
                beganAt = number;
                any = true;
            } else if (body != null && body.equals(END)) {
                if (!inSolution) {
                    throw new MarkerException(file, number, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                inSolution = false;
                any = true;
            } else if (body != null && body.startsWith(STUB)) {
                String code = body.substring(STUB.length()).strip();
                if (code.isEmpty()) {
                    throw new MarkerException(file, number, "STUB: has no code after it");
                }
                String indent = line.substring(0, line.indexOf(s.open()));
                skeleton.append(indent).append(code).append(newline);
                any = true;
            } else if (body != null && body.equals(FILE)) {
                if (inSolution) {
                    throw new MarkerException(file, number, "SOLUTION FILE inside a solution region");
                }
                solutionFile = true;
                any = true;
            } else if (MARKER_LIKE.matcher(line).find()) {
                throw new MarkerException(file, number, "this looks like a solution marker but is not one: \""
                        + line.strip() + "\". Markers are whole-line comments, exactly "
                        + example(s, BEGIN) + ", " + example(s, END) + ", " + example(s, STUB + " code") + " or "
                        + example(s, FILE));
            } else {
                solution.append(line).append(newline);
                if (!inSolution) {
                    skeleton.append(line).append(newline);
                }
            }
        }
        if (inSolution) {
            throw new MarkerException(file, beganAt, "BEGIN SOLUTION is never closed with END SOLUTION");
        }
        String sol = trimFinal(solution, endsWithNewline, newline);
        String skel = trimFinal(skeleton, endsWithNewline, newline);
        return new Split(sol, solutionFile ? Optional.empty() : Optional.of(skel), any);
    }

    private static String trimFinal(StringBuilder text, boolean endsWithNewline, String newline) {
        if (!endsWithNewline && text.length() >= newline.length()) {
            text.setLength(text.length() - newline.length());
        }
        return text.toString();
    }

    private static String example(CommentStyle style, String marker) {
        return style.open() + " " + marker + (style.close().isEmpty() ? "" : " " + style.close());
    }

    /** Lines of a file that still look like markers (used to prove a release has none left). */
    public static List<Integer> leftoverMarkerLines(String text) {
        List<Integer> found = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (MARKER_LIKE.matcher(lines[i]).find()) {
                found.add(i + 1);
            }
        }
        return found;
    }
}
