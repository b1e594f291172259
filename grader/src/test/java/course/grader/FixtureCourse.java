package course.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A copy of the fixture course in a temporary folder, with the classpath Maven would have written. */
final class FixtureCourse {
    final Path root;

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private FixtureCourse(Path root) {
        this.root = root;
    }

    static Path fixtures() {
        try {
            return Path.of(FixtureCourse.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FixtureCourse copy(Path into) throws IOException {
        Path root = into.resolve("course");
        copyTree(fixtures().resolve("course"), root);
        // What the parent pom's dependency:build-classpath writes, from this JVM's own classpath.
        String cp = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Path file = root.resolve("99-demo/target/grade/classpath.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, cp);
        return new FixtureCourse(root);
    }

    static Path submission(String name) {
        return fixtures().resolve("submissions").resolve(name);
    }

    Result grade(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = Stream.concat(Stream.of("--course-root", root.toString()), Arrays.stream(args))
                .toArray(String[]::new);
        int exit = course.grader.cli.GradeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), full);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
