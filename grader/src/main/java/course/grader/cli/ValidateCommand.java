package course.grader.cli;

import course.grader.engine.Console;
import course.grader.engine.Course;
import course.grader.engine.CourseException;
import course.grader.engine.ExerciseModule;
import course.grader.engine.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./grade validate}: proves each module's solution passes and its skeleton fails. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "For each module: markers well formed; points add up to 100 and match the README; the "
                + "solution passes every public and hidden test; the generated skeleton compiles and fails every "
                + "graded test.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    GradeCli parent;

    @Parameters(arity = "0..*", paramLabel = "MODULE", description = "Modules to validate (default: all).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--classpath-file", hidden = true, description = "Use this dependency list (set by the Maven build).")
    Path classpathFile;

    @Option(names = "--surefire-ran", hidden = true, arity = "1",
            description = "Set by the Maven build: true when its test phase already ran every public and hidden test "
                    + "against the solution (and would have failed the build otherwise), so validate only reads the "
                    + "solution's task plan instead of running the tests a second time.")
    boolean surefireRan;

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(parent.stdout);
        Course course = Course.open(parent.courseRoot);
        List<ExerciseModule> selected = new ArrayList<>();
        if (modules.isEmpty()) {
            selected.addAll(course.modules());
        } else {
            for (String name : modules) {
                selected.add(course.module(name));
            }
        }
        if (classpathFile == null) {
            course.ensureClasspaths(selected.stream().filter(ExerciseModule::hasExercise).toList(), console);
        } else if (selected.size() != 1) {
            throw new CourseException("--classpath-file needs exactly one module");
        }
        Validator validator = new Validator(console, parent.limits(), surefireRan);
        int failed = 0;
        for (ExerciseModule m : selected) {
            console.line("== validate " + m.name());
            Path cp = classpathFile != null ? classpathFile : m.classpathFile();
            List<Path> deps = m.hasExercise() ? Course.readClasspath(cp) : List.of();
            Validator.Report report = validator.validate(m, deps, course.root().resolve("target/grade/validate")
                    .resolve(m.name()));
            report.facts().forEach(f -> console.line("  ok    " + f));
            report.problems().forEach(p -> console.line("  ERROR " + p));
            if (!report.ok()) {
                failed++;
            }
        }
        console.line(failed == 0 ? "validate: all " + selected.size() + " module(s) are fit to hand out"
                : "validate: " + failed + " module(s) have problems (see ERROR lines)");
        return failed == 0 ? 0 : 1;
    }
}
