package course.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A course checkout: the parent pom, the grader and the numbered modules. */
public final class Course {
    /** Module folders are named like {@code 04-http-server}. */
    public static final Pattern MODULE_NAME = Pattern.compile("\\d{2}-[a-z0-9-]+");
    /** Longest a Maven run for classpaths may take (the first one downloads dependencies). */
    public static final long MAVEN_TIMEOUT_MINUTES = 20;

    private final Path root;

    private Course(Path root) {
        this.root = root;
    }

    public static Course open(Path root) throws CourseException {
        Path abs = root.toAbsolutePath().normalize();
        Path pom = abs.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.isDirectory(abs.resolve("grader"))) {
            throw new CourseException(abs + " is not a course checkout (expected pom.xml and grader/ there); "
                    + "run ./grade from the course folder");
        }
        return new Course(abs);
    }

    public Path root() {
        return root;
    }

    public List<ExerciseModule> modules() throws IOException {
        List<ExerciseModule> modules = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            list.filter(Files::isDirectory)
                    .filter(p -> MODULE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .sorted()
                    .forEach(p -> modules.add(new ExerciseModule(p.getFileName().toString(), p)));
        }
        return modules;
    }

    /** Finds a module by full name or by its number ("04" or "4"). */
    public ExerciseModule module(String name) throws CourseException, IOException {
        List<ExerciseModule> all = modules();
        String trimmed = name.replaceAll("/+$", "");
        for (ExerciseModule m : all) {
            if (m.name().equals(trimmed) || m.name().startsWith(String.format("%02d-", parseOr(trimmed, -1)))) {
                return m;
            }
        }
        throw new CourseException("unknown module '" + name + "'; the modules are: "
                + String.join(", ", all.stream().map(ExerciseModule::name).toList()));
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The module's dependencies (test scope), as Maven resolved them. */
    public static List<Path> readClasspath(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    /**
     * Makes sure Maven has written the classpath file of each module, running
     * {@code ./mvnw generate-sources} for the modules whose file is missing or older than a pom.
     */
    public void ensureClasspaths(List<ExerciseModule> modules, Console console) throws IOException, CourseException {
        List<String> stale = new ArrayList<>();
        for (ExerciseModule m : modules) {
            Path cp = m.classpathFile();
            if (!Files.isRegularFile(cp)
                    || Files.getLastModifiedTime(cp).compareTo(Files.getLastModifiedTime(m.dir().resolve("pom.xml"))) < 0
                    || Files.getLastModifiedTime(cp).compareTo(Files.getLastModifiedTime(root.resolve("pom.xml"))) < 0) {
                stale.add(m.name());
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        console.line("resolving dependencies of " + String.join(", ", stale) + " with Maven...");
        Path log = root.resolve("target/grade/maven.log");
        Files.createDirectories(log.getParent());
        int code = maven(log, "-B", "-q", "generate-sources", "-pl", String.join(",", stale));
        if (code != 0) {
            // The grader itself may not be installed yet: install it, then try once more.
            code = maven(log, "-B", "-q", "install", "-pl", "grader", "-am", "-DskipTests", "-Djacoco.skip=true");
            if (code == 0) {
                code = maven(log, "-B", "-q", "generate-sources", "-pl", String.join(",", stale));
            }
        }
        if (code != 0) {
            String tail = Files.readAllLines(log).stream().filter(l -> l.contains("ERROR")).limit(5)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            throw new CourseException("Maven could not resolve the modules' dependencies (see " + root.relativize(log)
                    + "):\n" + tail);
        }
    }

    private int maven(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
        command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(MAVEN_TIMEOUT_MINUTES, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }
}
