package course.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** One module of the course (a lesson with its exercise), and where its parts live. */
public record ExerciseModule(String name, Path dir) {

    public Path mainJava() {
        return dir.resolve("src/main/java");
    }

    public Path mainResources() {
        return dir.resolve("src/main/resources");
    }

    public Path testJava() {
        return dir.resolve("src/test/java");
    }

    public Path testResources() {
        return dir.resolve("src/test/resources");
    }

    public Path hiddenJava() {
        return dir.resolve("src/hidden/java");
    }

    /** Files the hidden tests read (captures, data sets); kept out of student copies like the hidden tests. */
    public Path hiddenResources() {
        return dir.resolve("src/hidden/resources");
    }

    public Path readme() {
        return dir.resolve("README.md");
    }

    /** Maven writes the module's test classpath here during any build (see the parent pom). */
    public Path classpathFile() {
        return dir.resolve("target/grade/classpath.txt");
    }

    /** A module is an exercise once it has tests; empty modules are listed but not graded. */
    public boolean hasExercise() {
        return Files.isDirectory(testJava()) || Files.isDirectory(hiddenJava());
    }

    /** Class names of the hidden tests, taken from their file paths. */
    public Set<String> hiddenClassNames() throws IOException {
        Set<String> names = new HashSet<>();
        Path root = hiddenJava();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String rel = root.relativize(p).toString();
                names.add(rel.substring(0, rel.length() - ".java".length()).replace(java.io.File.separatorChar, '.'));
            });
        }
        return names;
    }
}
