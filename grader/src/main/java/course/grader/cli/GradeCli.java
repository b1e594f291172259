package course.grader.cli;

import course.grader.engine.Console;
import course.grader.engine.Course;
import course.grader.engine.CourseException;
import course.grader.engine.ExerciseModule;
import course.grader.engine.GradeRun;
import course.grader.engine.Limits;
import course.grader.engine.ModuleGrader;
import course.grader.engine.ModuleResult;
import course.grader.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade}: grades this checkout or a student's submission and writes the reports. */
@Command(name = "grade", mixinStandardHelpOptions = true, version = "grade 1.0",
        description = "Grades the course's modules: compiles your code with the tests, runs them in a separate JVM "
                + "and prints a score per task. Reports go to target/grade/ (or --out).",
        subcommands = {ValidateCommand.class, ReleaseCommand.class, GradebookCommand.class, ProbeCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:graded (whatever the score)", "2:the grader could not grade (bad input, see message)"})
public final class GradeCli implements Callable<Integer> {
    /** Exit code for the grader's own failures and bad input. */
    static final int CANNOT_GRADE = 2;

    @Option(names = "--course-root", hidden = true, defaultValue = ".",
            description = "The course checkout (set by ./grade).")
    Path courseRoot;

    @Parameters(arity = "0..*", paramLabel = "MODULE", description = "Modules to grade, e.g. 04-http-server or 04 "
            + "(default: all modules with an exercise).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--submission", paramLabel = "DIR", description = "Grade a student's repository from outside it: "
            + "only each module's src/main of DIR is used, over this course's tests and build.")
    Path submission;

    @Option(names = "--student", paramLabel = "NAME", description = "Name recorded in results.json (default: the "
            + "submission folder's name, or your user name).")
    String student;

    @Option(names = "--out", paramLabel = "DIR", description = "Where reports go (default: target/grade in the course).")
    Path out;

    @Option(names = "--no-hidden", description = "Run the public tests only, even where hidden tests exist.")
    boolean noHidden;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "Time limit per test (default: 60).")
    long testTimeout = Limits.DEFAULT_PER_TEST.toSeconds();

    @Option(names = "--run-timeout", paramLabel = "SECONDS", description = "Time limit per module run (default: 600).")
    long runTimeout = Limits.DEFAULT_WHOLE_RUN.toSeconds();

    final PrintStream stdout;

    GradeCli(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the CLI and returns its exit code (tests call this directly). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new GradeCli(out));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("grade: " + (e instanceof CourseException ? e.getMessage() : e.toString()));
            return CANNOT_GRADE;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            err.println("grade: " + e.getMessage());
            err.println("Try ./grade --help");
            return CANNOT_GRADE;
        });
        return cli.execute(args);
    }

    Limits limits() {
        return new Limits(Duration.ofSeconds(testTimeout), Duration.ofSeconds(runTimeout), Limits.DEFAULT_HEAP,
                Limits.DEFAULT_MAX_OUTPUT);
    }

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(stdout);
        Course course = Course.open(courseRoot);
        Path sourceRoot = course.root();
        if (submission != null) {
            sourceRoot = checkSubmission(submission);
        }
        List<ExerciseModule> selected = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (modules.isEmpty()) {
            for (ExerciseModule m : course.modules()) {
                if (m.hasExercise()) {
                    selected.add(m);
                }
            }
        } else {
            for (String name : modules) {
                try {
                    ExerciseModule m = course.module(name);
                    if (!m.hasExercise()) {
                        console.line("grade: " + m.name() + " has no exercise yet; skipping it");
                    } else if (!selected.contains(m)) {
                        selected.add(m);
                    }
                } catch (CourseException e) {
                    console.line("grade: " + e.getMessage());
                    unknown.add(name);
                }
            }
        }
        if (selected.isEmpty()) {
            throw new CourseException("nothing to grade" + (unknown.isEmpty() ? ": no module has an exercise yet"
                    : "; name a module from the list above"));
        }
        course.ensureClasspaths(selected, console);
        Path reports = out != null ? out.toAbsolutePath() : course.root().resolve("target/grade");
        Files.createDirectories(reports);
        ModuleGrader grader = new ModuleGrader(console);
        List<ModuleResult> results = new ArrayList<>();
        for (ExerciseModule m : selected) {
            boolean hidden = !noHidden && Files.isDirectory(m.hiddenJava());
            console.line("");
            console.line("== " + m.name() + (hidden ? " (public and hidden tests)" : " (public tests)"));
            Path main = sourceRoot.resolve(m.name()).resolve("src/main");
            results.add(grader.grade(new ModuleGrader.Request(m, main.resolve("java"), main.resolve("resources"),
                    hidden, Course.readClasspath(m.classpathFile()), reports.resolve("build").resolve(m.name()),
                    limits(), false)));
        }
        double score = results.stream().mapToDouble(ModuleResult::score).sum();
        int max = results.stream().mapToInt(ModuleResult::max).sum();
        GradeRun run = new GradeRun(GradeRun.SCHEMA_VERSION, studentName(), course.root().getFileName().toString(),
                Instant.now().toString(), score, max, List.copyOf(results));
        Reports.printTable(run, console);
        Reports.writeAll(run, reports);
        console.line("");
        console.line("reports: " + displayPath(reports) + " (results.json, summary.md, junit.xml, "
                + "gradescope-results.json, classroom-results.b64)");
        return 0;
    }

    private String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    private Path checkSubmission(Path dir) throws CourseException, IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new CourseException("the submission folder " + dir + " does not exist");
        }
        boolean anyModule;
        try (var list = Files.list(abs)) {
            anyModule = list.anyMatch(p -> Files.isDirectory(p)
                    && Course.MODULE_NAME.matcher(p.getFileName().toString()).matches());
        }
        if (!anyModule) {
            throw new CourseException(dir + " is not a course checkout: it has no module folder such as "
                    + "04-http-server/ (give the root of the student's clone)");
        }
        return abs;
    }

    private String studentName() {
        if (student != null && !student.isBlank()) {
            return student;
        }
        if (submission != null) {
            return submission.toAbsolutePath().normalize().getFileName().toString();
        }
        return System.getProperty("user.name", "");
    }
}
