package course.grader.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a set of source folders with the JDK's own compiler, in process, for speed and clear errors. */
public final class Compilation {
    /** Errors shown per failed compilation; the rest are counted. */
    public static final int MAX_ERRORS_SHOWN = 10;
    /** Java language level of the course. */
    public static final String RELEASE = "21";

    public record Result(boolean ok, List<String> errors, int errorCount) {
        public String summary() {
            String shown = String.join("\n", errors);
            return errorCount > errors.size() ? shown + "\n(" + (errorCount - errors.size()) + " more errors)" : shown;
        }
    }

    private Compilation() {
    }

    public static Result compile(List<Path> sourceRoots, List<Path> classpath, Path outDir, Path relativeTo)
            throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        Files.createDirectories(outDir);
        if (sources.isEmpty()) {
            return new Result(true, List.of(), 0);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler in " + System.getProperty("java.home")
                    + ": the grader needs a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", RELEASE, "-encoding", "UTF-8", "-proc:none", "-nowarn",
                    "-g", "-parameters", "-d", outDir.toString(), "-cp",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            StringWriter javacOutput = new StringWriter();
            Boolean ok = javac.getTask(javacOutput, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            int count = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                count++;
                if (errors.size() < MAX_ERRORS_SHOWN) {
                    String where = d.getSource() == null ? "" : relative(Path.of(d.getSource().toUri()), relativeTo)
                            + ":" + d.getLineNumber() + ": ";
                    errors.add(where + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            if (!Boolean.TRUE.equals(ok) && count == 0) {
                errors.add(javacOutput.toString().strip());
                count = 1;
            }
            return new Result(Boolean.TRUE.equals(ok), List.copyOf(errors), count);
        }
    }

    private static String relative(Path file, Path base) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** Copies a resources folder into the class output, as Maven's resources plugin would. */
    public static void copyResources(Path resources, Path outDir) throws IOException {
        if (!Files.isDirectory(resources)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(resources)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = outDir.resolve(resources.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
