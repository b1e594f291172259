package course.grader.cli;

import course.grader.engine.Console;
import course.grader.engine.CourseException;
import course.grader.engine.Gradebook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./grade gradebook}: merges students' results into one CSV and JSON. */
@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = "Merges results.json files (one per student) into gradebook.csv and gradebook.json: one row "
                + "per student, one column per module and per task.")
final class GradebookCommand implements Callable<Integer> {
    @ParentCommand
    GradeCli parent;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "results.json files.")
    List<Path> results;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gradebook", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(parent.stdout);
        Gradebook.Book book = Gradebook.merge(results);
        book.skipped().forEach(s -> console.line("gradebook: skipped " + s));
        if (book.rows().isEmpty()) {
            throw new CourseException("no usable results.json among " + results.size() + " file(s)");
        }
        Gradebook.write(book, out);
        console.line("gradebook: " + book.rows().size() + " student(s), " + book.columns().size() + " columns -> "
                + out.resolve("gradebook.csv") + ", " + out.resolve("gradebook.json"));
        return 0;
    }
}
