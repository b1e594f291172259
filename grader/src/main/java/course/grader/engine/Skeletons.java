package course.grader.engine;

import course.grader.markers.MarkerException;
import course.grader.markers.Markers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Generates student skeletons (and clean solutions) from marked sources. */
public final class Skeletons {
    private Skeletons() {
    }

    /** Which view of a marked file to write. */
    public enum View { SKELETON, SOLUTION }

    /** Whether markers are interpreted in this file (documentation is copied as it is). */
    public static boolean usesMarkers(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.endsWith(".md") && !name.endsWith(".txt");
    }

    /** Checks every marker in a folder tree; returns the problems, each with file and line. */
    public static List<String> check(Path dir, Path relativeTo) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles(dir)) {
            if (!usesMarkers(file)) {
                continue;
            }
            try {
                Markers.split(relativeTo.relativize(file), read(file));
            } catch (MarkerException e) {
                problems.add(e.getMessage());
            } catch (java.nio.charset.MalformedInputException e) {
                // binary file: no markers there
            }
        }
        return problems;
    }

    /** Writes the chosen view of a folder tree into {@code target}; files only the solution has are left out of a skeleton. */
    public static void write(Path source, Path target, View view, Path relativeTo) throws IOException, MarkerException {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path out = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                    continue;
                }
                Optional<String> content = transform(p, view, relativeTo);
                Files.createDirectories(out.getParent());
                if (content == null) {
                    Files.copy(p, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else if (content.isPresent()) {
                    Files.writeString(out, content.get(), StandardCharsets.UTF_8);
                }
            }
        }
    }

    /**
     * The view of one file: null to copy it byte for byte (binary or not marked),
     * empty when it is a solution-only file and the skeleton is wanted.
     */
    public static Optional<String> transform(Path file, View view, Path relativeTo) throws IOException, MarkerException {
        if (!usesMarkers(file)) {
            return null;
        }
        String text;
        try {
            text = read(file);
        } catch (java.nio.charset.MalformedInputException e) {
            return null;
        }
        Markers.Split split = Markers.split(relativeTo.relativize(file), text);
        if (!split.hasMarkers()) {
            return null;
        }
        return view == View.SOLUTION ? Optional.of(split.solution()) : split.skeleton();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static List<Path> textFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .sorted().toList();
        }
    }
}
