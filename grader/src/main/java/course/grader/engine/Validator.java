package course.grader.engine;

import course.grader.markers.MarkerException;
import course.grader.support.Transcript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proves a module is fit to hand out (nbgrader's validate, both ways): markers are well
 * formed, points add up to 100 and match the README, the solution passes every test,
 * and the generated skeleton compiles but fails every graded test.
 */
public final class Validator {
    /** Points every module is worth. */
    public static final int MODULE_POINTS = 100;

    public record Report(String module, List<String> problems, List<String> facts) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Console console;
    private final Limits limits;
    private final boolean solutionAlreadyTested;

    /**
     * @param solutionAlreadyTested true when the build's test phase has already run every test against the
     *                              solution; the solution is then only planned (tasks and points), not run again
     */
    public Validator(Console console, Limits limits, boolean solutionAlreadyTested) {
        this.console = console;
        this.limits = limits;
        this.solutionAlreadyTested = solutionAlreadyTested;
    }

    public Report validate(ExerciseModule module, List<Path> dependencies, Path workDir) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        Path courseRoot = module.dir().getParent();
        if (!module.hasExercise()) {
            facts.add("no exercise yet (no tests): nothing to validate");
            return new Report(module.name(), problems, facts);
        }
        problems.addAll(Skeletons.check(module.dir(), courseRoot));
        if (!problems.isEmpty()) {
            return new Report(module.name(), problems, facts);
        }
        facts.add("markers well formed");

        // 1. The reference solution passes everything, public and hidden.
        console.line(solutionAlreadyTested ? "  solution: tests already ran in this build; reading the task plan"
                : "  solution: running public and hidden tests");
        ModuleGrader grader = new ModuleGrader(Console.silent());
        ModuleResult solution = grader.grade(new ModuleGrader.Request(module, module.mainJava(),
                module.mainResources(), true, dependencies, workDir.resolve("solution"), limits,
                solutionAlreadyTested));
        if (solution.status() != ModuleResult.Status.GRADED) {
            problems.add("the solution could not be graded: " + solution.status() + ": " + solution.message());
            return new Report(module.name(), problems, facts);
        }
        for (TestOutcome t : solution.tests()) {
            if (!solutionAlreadyTested && !t.passed()) {
                problems.add("the solution fails " + t.task() + " " + t.name() + ": " + Transcript.headline(t.message()));
            }
        }
        for (TestOutcome c : solution.checks()) {
            if (!solutionAlreadyTested && !c.passed()) {
                problems.add("the solution breaks the rule " + c.name() + ": " + Transcript.headline(c.message()));
            }
        }
        for (String name : solution.ungraded()) {
            problems.add("the test " + name + " has no @Graded (task and points) or @StaticCheck: every test must "
                    + "say what it is worth");
        }
        checkPoints(module, solution, problems, facts);
        facts.add(String.format("solution: %d graded tests and %d rules %s (%.1f s)", solution.tests().size(),
                solution.checks().size(), solutionAlreadyTested ? "passed in this build's test phase" : "pass",
                solution.wallMillis() / 1000.0));

        // 2. The skeleton compiles, follows the rules and fails every graded test.
        console.line("  skeleton: generating and running public and hidden tests");
        Path skeleton = workDir.resolve("skeleton-src");
        ModuleGrader.deleteTree(skeleton);
        try {
            Skeletons.write(module.mainJava(), skeleton.resolve("java"), Skeletons.View.SKELETON, courseRoot);
            Skeletons.write(module.mainResources(), skeleton.resolve("resources"), Skeletons.View.SKELETON, courseRoot);
        } catch (MarkerException e) {
            problems.add(e.getMessage());
            return new Report(module.name(), problems, facts);
        }
        ModuleResult skel = grader.grade(new ModuleGrader.Request(module, skeleton.resolve("java"),
                skeleton.resolve("resources"), true, dependencies, workDir.resolve("skeleton"), limits, false));
        if (skel.status() == ModuleResult.Status.COMPILE_ERROR) {
            problems.add("the skeleton does not compile with the tests: " + skel.message());
            return new Report(module.name(), problems, facts);
        }
        if (skel.status() == ModuleResult.Status.STATIC_CHECK_FAILED) {
            problems.add("the skeleton breaks a rule: " + skel.message());
        }
        Map<String, int[]> perTask = new TreeMap<>();
        for (TestOutcome t : skel.tests()) {
            int[] counts = perTask.computeIfAbsent(t.task(), k -> new int[2]);
            counts[1]++;
            if (t.passed()) {
                problems.add("the skeleton passes " + t.task() + " " + t.name()
                        + " (every task is open in the skeleton, so this test cannot tell solved from unsolved)");
            } else {
                counts[0]++;
            }
        }
        StringBuilder line = new StringBuilder("skeleton fails every graded test:");
        perTask.forEach((task, c) -> line.append(' ').append(task).append(' ').append(c[0]).append('/').append(c[1]));
        facts.add(line.toString());
        return new Report(module.name(), problems, facts);
    }

    private static void checkPoints(ExerciseModule module, ModuleResult solution, List<String> problems,
                                    List<String> facts) throws IOException {
        Map<String, Integer> code = new LinkedHashMap<>();
        for (TestOutcome t : solution.tests()) {
            if (!t.task().matches("\\d{2}\\.\\d+") || !t.task().startsWith(module.name().substring(0, 2) + ".")) {
                problems.add(t.name() + " has task \"" + t.task() + "\"; tasks of " + module.name() + " are named "
                        + module.name().substring(0, 2) + ".N");
            }
            if (t.points() <= 0) {
                problems.add(t.name() + " is worth " + t.points() + " points; a graded test is worth at least 1");
            }
            code.merge(t.task(), t.points(), Integer::sum);
        }
        int total = code.values().stream().mapToInt(Integer::intValue).sum();
        if (total != MODULE_POINTS) {
            problems.add("the graded tests add up to " + total + " points; a module is worth " + MODULE_POINTS);
        }
        TaskTable table = TaskTable.read(module.readme());
        if (table.rows().isEmpty()) {
            problems.add(module.name() + "/README.md has no task table (rows like | " + module.name().substring(0, 2)
                    + ".1 | title | points |)");
        }
        for (var row : table.rows().values()) {
            Integer inCode = code.get(row.task());
            if (inCode == null) {
                problems.add("README task " + row.task() + " (" + row.points() + " points) has no graded test");
            } else if (inCode != row.points()) {
                problems.add("README says task " + row.task() + " is worth " + row.points()
                        + " points, but its tests add up to " + inCode);
            }
        }
        for (var e : code.entrySet()) {
            if (!table.rows().containsKey(e.getKey())) {
                problems.add("task " + e.getKey() + " (" + e.getValue() + " points in the tests) is missing from the "
                        + "README's task table");
            }
        }
        Path korean = module.dir().resolve("README.ko.md");
        TaskTable ko = TaskTable.read(korean);
        if (!ko.rows().isEmpty()) {
            for (var row : table.rows().values()) {
                var other = ko.rows().get(row.task());
                if (other == null || other.points() != row.points()) {
                    problems.add("README.ko.md's task table disagrees with README.md on task " + row.task());
                }
            }
        }
        if (problems.isEmpty()) {
            facts.add("points: " + total + " in " + code.size() + " tasks, matching the README");
        }
    }
}
