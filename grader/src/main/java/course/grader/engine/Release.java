package course.grader.engine;

import course.grader.markers.MarkerException;
import course.grader.markers.Markers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the student copy of the course: skeletons instead of solutions, public tests,
 * lessons, the grader and the student workflow. No solution code, no markers, and no
 * hidden tests unless the copy is for self-paced learners.
 */
public final class Release {
    /** Files that belong to the instructors' repository only. */
    public static final Set<String> INSTRUCTOR_ONLY = Set.of(
            ".git", ".ci", ".github/workflows/ci.yml", ".github/workflows/grade-submissions.yml");

    public record Summary(int files, int skeletons, int solutionFilesLeftOut, List<Path> hiddenIncluded) {
    }

    private Release() {
    }

    public static Summary write(Course course, Path out, boolean selfPaced, Path solutionsOut)
            throws IOException, MarkerException, CourseException {
        Path root = course.root();
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(root) && !target.startsWith(root.resolve("target"))) {
            throw new CourseException("the release folder " + out + " is inside the course; choose a folder outside it");
        }
        if (Files.exists(target)) {
            try (Stream<Path> list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new CourseException("the release folder " + out + " is not empty; give a new or empty folder");
                }
            }
        }
        // Check every marker before writing anything, so a bad marker leaves no half-made copy.
        for (ExerciseModule m : course.modules()) {
            List<String> problems = Skeletons.check(m.dir(), root);
            if (!problems.isEmpty()) {
                throw new CourseException("malformed solution markers:\n" + String.join("\n", problems));
            }
        }
        int files = 0;
        int skeletons = 0;
        int leftOut = 0;
        List<Path> hidden = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            Path rel = root.relativize(file);
            if (excluded(rel)) {
                continue;
            }
            boolean inHidden = isHidden(rel);
            if (inHidden && !selfPaced) {
                continue;
            }
            if (inHidden) {
                hidden.add(rel);
            }
            Path dest = target.resolve(rel.toString());
            Files.createDirectories(dest.getParent());
            boolean marked = isModule(rel) || rel.toString().equals("pom.xml");
            Optional<String> content = marked ? Skeletons.transform(file, Skeletons.View.SKELETON, root) : null;
            if (content == null) {
                Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
            } else if (content.isPresent()) {
                Files.writeString(dest, content.get(), StandardCharsets.UTF_8);
                skeletons++;
            } else {
                leftOut++;
                continue;
            }
            files++;
            if (marked && Skeletons.usesMarkers(file)) {
                String written = Files.readString(dest, StandardCharsets.ISO_8859_1);
                List<Integer> left = Markers.leftoverMarkerLines(written);
                if (!left.isEmpty()) {
                    throw new CourseException(rel + ":" + left.get(0) + ": a marker survived into the student copy");
                }
            }
            if (solutionsOut != null && isModule(rel) && rel.subpath(1, rel.getNameCount()).startsWith("src/main")) {
                Path sol = solutionsOut.resolve(rel.toString());
                Files.createDirectories(sol.getParent());
                Optional<String> solution = Skeletons.transform(file, Skeletons.View.SOLUTION, root);
                if (solution == null) {
                    Files.copy(file, sol, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.writeString(sol, solution.orElseThrow(), StandardCharsets.UTF_8);
                }
            }
        }
        return new Summary(files, skeletons, leftOut, hidden);
    }

    private static boolean isModule(Path rel) {
        return rel.getNameCount() > 1 && Course.MODULE_NAME.matcher(rel.getName(0).toString()).matches();
    }

    private static boolean isHidden(Path rel) {
        return isModule(rel) && rel.getNameCount() > 3 && rel.getName(1).toString().equals("src")
                && rel.getName(2).toString().equals("hidden");
    }

    private static boolean excluded(Path rel) {
        String s = rel.toString().replace('\\', '/');
        for (String name : INSTRUCTOR_ONLY) {
            if (s.equals(name) || s.startsWith(name + "/")) {
                return true;
            }
        }
        for (Path part : rel) {
            String p = part.toString();
            if (p.equals("target") || p.equals("node_modules") || p.equals(".idea")) {
                return true;
            }
        }
        return false;
    }
}
