package course.grader.cli;

import course.grader.engine.Console;
import course.grader.engine.Course;
import course.grader.engine.Release;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./grade release}: writes the student copy. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Writes the student copy of the course: skeletons (solution regions removed), public tests, "
                + "lessons, the grader and the student workflow. No solutions, no markers, no hidden tests.")
final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    GradeCli parent;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder.")
    Path out;

    @Option(names = "--self-paced", description = "Include the hidden tests (for learners without an instructor).")
    boolean selfPaced;

    @Option(names = "--solutions", paramLabel = "DIR", description = "Also write the clean solutions here.")
    Path solutions;

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(parent.stdout);
        Course course = Course.open(parent.courseRoot);
        Release.Summary s = Release.write(course, out, selfPaced, solutions == null ? null : solutions.toAbsolutePath());
        console.line("release: wrote " + s.files() + " files to " + out + " (" + s.skeletons() + " skeleton files, "
                + s.solutionFilesLeftOut() + " solution-only files left out"
                + (selfPaced ? ", " + s.hiddenIncluded().size() + " hidden test files included" : ", no hidden tests")
                + ")");
        if (solutions != null) {
            console.line("release: solutions written to " + solutions);
        }
        console.line("next: cd " + out + " && git init && git add -A && git commit -m 'Course start' && ./grade");
        return 0;
    }
}
