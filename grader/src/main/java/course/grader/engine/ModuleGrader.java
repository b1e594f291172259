package course.grader.engine;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.support.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Grades one module: checks the sources, compiles them with the tests, runs the tests in
 * a separate JVM and turns the results into points per task.
 */
public final class ModuleGrader {

    /** What to grade and how: the main sources may come from elsewhere (a generated skeleton, say). */
    public record Request(ExerciseModule module, Path mainJava, Path mainResources, boolean includeHidden,
                          List<Path> dependencies, Path workDir, Limits limits, boolean planOnly) {
    }

    private final Console console;

    public ModuleGrader(Console console) {
        this.console = console;
    }

    public ModuleResult grade(Request request) throws IOException {
        long started = System.nanoTime();
        ExerciseModule module = request.module();
        TaskTable table = TaskTable.read(module.readme());
        Path courseRoot = module.dir().getParent();
        // Messages name files relative to the tree the code came from (the checkout or the submission).
        Path sourceRoot = sourceRootOf(request.mainJava(), courseRoot);

        if (!Files.isDirectory(request.mainJava())) {
            return failed(module, table, ModuleResult.Status.ERROR, "no " + courseRoot.relativize(module.dir())
                    + "/src/main/java found: the module's code is missing (was the folder renamed or not pushed?)",
                    started);
        }
        for (Path root : List.of(request.mainJava(), module.testJava(), module.hiddenJava())) {
            Optional<String> bad = SourceCheck.firstNonUtf8(root, root == request.mainJava() ? sourceRoot : courseRoot);
            if (bad.isPresent()) {
                return failed(module, table, ModuleResult.Status.COMPILE_ERROR, bad.get(), started);
            }
        }
        Path build = request.workDir();
        deleteTree(build);
        // Maven-like folder names, which tools such as ArchUnit's DoNotIncludeTests recognise.
        Path classes = build.resolve("target/classes");
        Path testClasses = build.resolve("target/test-classes");

        Compilation.Result main = Compilation.compile(List.of(request.mainJava()), request.dependencies(), classes,
                sourceRoot);
        if (!main.ok()) {
            return failed(module, table, ModuleResult.Status.COMPILE_ERROR,
                    "your code does not compile:\n" + main.summary(), started);
        }
        Compilation.copyResources(request.mainResources(), classes);

        List<Path> testRoots = new ArrayList<>(List.of(module.testJava()));
        if (request.includeHidden()) {
            testRoots.add(module.hiddenJava());
        }
        List<Path> testClasspath = new ArrayList<>();
        testClasspath.add(classes);
        testClasspath.addAll(request.dependencies());
        Compilation.Result tests = Compilation.compile(testRoots, testClasspath, testClasses, courseRoot);
        if (!tests.ok()) {
            return failed(module, table, ModuleResult.Status.COMPILE_ERROR,
                    "the tests do not compile against your code (did you rename or remove a class, method or "
                            + "constant the tests use?):\n" + tests.summary(), started);
        }
        Compilation.copyResources(module.testResources(), testClasses);
        if (request.includeHidden()) {
            Compilation.copyResources(module.hiddenResources(), testClasses);
        }

        List<Path> runClasspath = new ArrayList<>();
        runClasspath.add(testClasses);
        runClasspath.add(classes);
        runClasspath.addAll(request.dependencies());
        Set<String> hidden = request.includeHidden() ? module.hiddenClassNames() : Set.of();

        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Long> startedAt = new LinkedHashMap<>();
        TestJvm.Run run = TestJvm.run(module.dir(), runClasspath, testClasses, request.limits(),
                build.resolve("test-output.log"), request.planOnly(),
                event -> onEvent(event, outcomes, startedAt, hidden));

        String endReason = run.endReason();
        if (run.outputCapped()) {
            String capped = "the tests and your code printed " + run.outputBytes() + " bytes; only the first "
                    + request.limits().maxOutputBytes() + " were kept (see " + courseRoot.relativize(run.log()) + ")";
            console.line("  note: " + capped);
        }
        List<TestOutcome> graded = new ArrayList<>();
        List<TestOutcome> checks = new ArrayList<>();
        List<String> ungraded = new ArrayList<>();
        for (TestOutcome o : outcomes.values()) {
            TestOutcome done = o;
            if (!request.planOnly() && o.status() == TestOutcome.Status.NOT_RUN) {
                done = with(o, TestOutcome.Status.NOT_RUN, endReason == null ? "did not run" : endReason, 0);
            }
            switch (done.kind()) {
                case GRADED -> graded.add(done);
                case CHECK -> checks.add(done);
                case UNGRADED -> ungraded.add(done.name());
            }
        }
        graded.sort(Comparator.comparing(TestOutcome::task).thenComparing(TestOutcome::hidden));
        if (!request.planOnly() && endReason != null) {
            console.line("  " + module.name() + ": " + endReason);
        }

        List<TestOutcome> brokenChecks = checks.stream().filter(c -> !c.passed()).toList();
        ModuleResult.Status status = ModuleResult.Status.GRADED;
        String message = endReason == null ? "" : endReason;
        if (!request.planOnly() && !brokenChecks.isEmpty()) {
            status = ModuleResult.Status.STATIC_CHECK_FAILED;
            message = "a rule every solution must follow is broken, so this module scores 0 until it is fixed:\n"
                    + brokenChecks.stream().map(c -> "  - " + c.name() + ": " + Transcript.headline(c.message()))
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        }
        List<TaskScore> tasks = taskScores(table, graded, status == ModuleResult.Status.STATIC_CHECK_FAILED);
        double score = tasks.stream().mapToDouble(TaskScore::score).sum();
        int max = tasks.stream().mapToInt(TaskScore::max).sum();
        long wall = (System.nanoTime() - started) / 1_000_000;
        // The grader's own overhead is the wall time outside this span (compiling, JVM start, discovery, reports).
        long testMillis = run.testSpanMillis();
        return new ModuleResult(module.name(), status, message, score, max, tasks, graded, checks,
                List.copyOf(ungraded), wall, testMillis);
    }

    private void onEvent(TestJvm.Event event, Map<String, TestOutcome> outcomes, Map<String, Long> startedAt,
                         Set<String> hidden) {
        JsonNode b = event.body();
        switch (event.type()) {
            case "plan" -> {
                String kindText = b.path("kind").asText();
                TestOutcome.Kind kind = switch (kindText) {
                    case "graded" -> TestOutcome.Kind.GRADED;
                    case "check" -> TestOutcome.Kind.CHECK;
                    default -> TestOutcome.Kind.UNGRADED;
                };
                String className = b.path("className").asText();
                outcomes.putIfAbsent(b.path("key").asText(), new TestOutcome(b.path("key").asText(), className,
                        b.path("method").asText(), b.path("name").asText(), kind, b.path("task").asText(""),
                        b.path("points").asInt(0), hidden.contains(className), TestOutcome.Status.NOT_RUN, "", 0));
            }
            case "started" -> startedAt.put(b.path("key").asText(), System.nanoTime());
            case "finished" -> {
                String key = b.path("key").asText();
                TestOutcome o = outcomes.get(key);
                if (o == null) {
                    return;
                }
                Long t0 = startedAt.get(key);
                long ms = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
                TestOutcome.Status status = b.path("status").asText().equals("passed")
                        ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED;
                TestOutcome done = with(o, status, b.path("message").asText(""), ms);
                outcomes.put(key, done);
                printLive(done);
            }
            case "container-failed" -> {
                String className = b.path("className").asText("");
                for (TestOutcome o : List.copyOf(outcomes.values())) {
                    if (o.className().equals(className) && o.status() == TestOutcome.Status.NOT_RUN) {
                        TestOutcome done = with(o, TestOutcome.Status.FAILED,
                                "set-up of " + simpleName(className) + " failed: " + b.path("message").asText(), 0);
                        outcomes.put(o.key(), done);
                        printLive(done);
                    }
                }
            }
            default -> { }
        }
    }

    private void printLive(TestOutcome o) {
        if (o.kind() == TestOutcome.Kind.UNGRADED) {
            return;
        }
        String mark = o.passed() ? "PASS" : "FAIL";
        String points = o.kind() == TestOutcome.Kind.CHECK ? "rule" : ((int) o.score() + "/" + o.points());
        String task = o.kind() == TestOutcome.Kind.CHECK ? "    " : o.task();
        console.line(String.format("  %s %-5s %5s  %s%s", mark, task, points, o.name(), o.hidden() ? " (hidden)" : ""));
        if (!o.passed() && !o.message().isBlank()) {
            console.line("         " + Transcript.headline(o.message()));
        }
    }

    private static Path sourceRootOf(Path mainJava, Path fallback) {
        Path p = mainJava.toAbsolutePath().normalize();
        if (p.endsWith("src/main/java") && p.getNameCount() >= 4) {
            return p.getParent().getParent().getParent().getParent();
        }
        return fallback;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static TestOutcome with(TestOutcome o, TestOutcome.Status status, String message, long ms) {
        return new TestOutcome(o.key(), o.className(), o.method(), o.name(), o.kind(), o.task(), o.points(),
                o.hidden(), status, message, ms);
    }

    static List<TaskScore> taskScores(TaskTable table, List<TestOutcome> graded, boolean zeroed) {
        Map<String, List<TestOutcome>> byTask = new TreeMap<>();
        table.rows().keySet().forEach(t -> byTask.put(t, new ArrayList<>()));
        for (TestOutcome o : graded) {
            byTask.computeIfAbsent(o.task(), t -> new ArrayList<>()).add(o);
        }
        List<TaskScore> scores = new ArrayList<>();
        for (var e : byTask.entrySet()) {
            List<TestOutcome> list = e.getValue();
            int max = list.isEmpty() ? table.rows().get(e.getKey()).points()
                    : list.stream().mapToInt(TestOutcome::points).sum();
            double score = zeroed ? 0 : list.stream().mapToDouble(TestOutcome::score).sum();
            int passed = (int) list.stream().filter(TestOutcome::passed).count();
            scores.add(new TaskScore(e.getKey(), table.title(e.getKey()), score, max, passed, list.size()));
        }
        return scores;
    }

    private ModuleResult failed(ExerciseModule module, TaskTable table, ModuleResult.Status status, String message,
                                long started) {
        console.line("  " + module.name() + ": " + message.replace("\n", "\n    "));
        List<TaskScore> tasks = taskScores(table, List.of(), true);
        int max = tasks.stream().mapToInt(TaskScore::max).sum();
        return new ModuleResult(module.name(), status, message, 0, max == 0 ? 100 : max, tasks, List.of(), List.of(),
                List.of(), (System.nanoTime() - started) / 1_000_000, 0);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
