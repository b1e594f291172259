package course.grader.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import course.grader.Graded;
import course.grader.StaticCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs in the test JVM that the grader starts. It discovers the tests in the given
 * class folder, runs them with the JUnit Platform and reports each result over a
 * loopback connection to the grader. Every event line starts with a secret read from
 * standard input before any test (and so any student code) runs; lines printed by
 * student code can therefore never pass for results.
 */
public final class ForkedRunner {
    /** Failure messages longer than this are cut; the full text stays in the test JVM's log. */
    static final int MAX_MESSAGE_CHARS = 8000;

    private ForkedRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String secret;
        try (BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            secret = stdin.readLine();
        }
        if (secret == null || secret.isBlank()) {
            System.err.println("[grader] the test runner expects its secret on standard input");
            return;
        }
        int port = Integer.parseInt(options.get("events-port"));
        Path testClasses = Path.of(options.get("test-classes"));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream raw = socket.getOutputStream();
        PrintWriter events = new PrintWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8), false);
        Reporter reporter = new Reporter(events, secret);

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.default", options.getOrDefault("test-timeout", "60s"))
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        LauncherDiscoveryRequest discovery = request.build();
        boolean planOnly = options.containsKey("plan-only");
        var launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(discovery);
        reporter.plan(plan);
        if (!planOnly) {
            launcher.execute(discovery, reporter);
        }
        reporter.done();
        events.flush();
        socket.close();
        // Threads the tests left behind (a timed-out loop, a server) must not keep this JVM alive.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }

    /** What kind of scored item a test is. */
    static Optional<Map<String, Object>> describe(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        boolean archUnit = id.getUniqueId().startsWith("[engine:archunit]");
        Map<String, Object> fields = new LinkedHashMap<>();
        if (archUnit) {
            // ArchUnit rules are gates: they decide whether the module may score at all.
            if (!id.isTest()) {
                return Optional.empty();
            }
            String className = classFromUniqueId(id.getUniqueId());
            fields.put("key", className + "#" + id.getDisplayName());
            fields.put("className", className);
            fields.put("method", id.getDisplayName());
            fields.put("kind", "check");
        } else if (source.get() instanceof MethodSource ms) {
            fields.put("key", ms.getClassName() + "#" + ms.getMethodName());
            fields.put("className", ms.getClassName());
            fields.put("method", ms.getMethodName());
            Method method;
            try {
                method = ms.getJavaMethod();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            Graded graded = method.getAnnotation(Graded.class);
            StaticCheck check = method.getAnnotation(StaticCheck.class);
            if (check == null) {
                check = method.getDeclaringClass().getAnnotation(StaticCheck.class);
            }
            if (graded != null) {
                fields.put("kind", "graded");
                fields.put("task", graded.task());
                fields.put("points", graded.points());
            } else if (check != null) {
                fields.put("kind", "check");
            } else {
                fields.put("kind", "ungraded");
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(fields);
    }

    private static String classFromUniqueId(String uniqueId) {
        int at = uniqueId.indexOf("[class:");
        if (at < 0) {
            return "archunit";
        }
        int end = uniqueId.indexOf(']', at);
        return uniqueId.substring(at + "[class:".length(), end);
    }

    /** Sends plan and results to the grader, one authenticated JSON line each. */
    static final class Reporter implements TestExecutionListener {
        private final PrintWriter out;
        private final String secret;

        Reporter(PrintWriter out, String secret) {
            this.out = out;
            this.secret = secret;
        }

        synchronized void send(Map<String, Object> event) {
            out.print(secret);
            out.print('\t');
            out.print(Json.object(event));
            out.print('\n');
            out.flush();
        }

        void plan(TestPlan plan) {
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    boolean template = id.isContainer()
                            && id.getSource().filter(MethodSource.class::isInstance).isPresent();
                    if (!id.isTest() && !template) {
                        continue;
                    }
                    describe(id).ifPresent(fields -> {
                        Map<String, Object> event = new LinkedHashMap<>();
                        event.put("type", "plan");
                        event.putAll(fields);
                        event.put("name", displayName(plan, id));
                        send(event);
                    });
                }
            }
        }

        private static String displayName(TestPlan plan, TestIdentifier id) {
            String name = id.getDisplayName();
            // Prefix the class's display name so similar test names stay distinguishable.
            Optional<TestIdentifier> parent = plan.getParent(id);
            if (parent.isPresent() && parent.get().getSource().filter(ClassSource.class::isInstance).isPresent()) {
                return parent.get().getDisplayName() + " > " + name;
            }
            return name;
        }

        private TestPlan plan;
        private final Map<String, String> invocationFailures = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<String> invocationsRan = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        /** A run of a parameterised or repeated test: its parent has the same method as source. */
        private boolean isInvocation(TestIdentifier id) {
            if (plan == null || id.getSource().isEmpty()) {
                return false;
            }
            return plan.getParent(id).map(p -> p.getSource().equals(id.getSource())).orElse(false);
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if ((id.isTest() && !isInvocation(id)) || isTemplate(id)) {
                describe(id).ifPresent(fields -> send(Map.of("type", "started", "key", fields.get("key"))));
            }
        }

        private static boolean isTemplate(TestIdentifier id) {
            return id.isContainer() && id.getSource().filter(MethodSource.class::isInstance).isPresent();
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (isInvocation(id)) {
                return;
            }
            describe(id).ifPresent(fields -> send(Map.of("type", "finished", "key", fields.get("key"),
                    "status", "skipped", "message", "skipped: " + reason)));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (isInvocation(id)) {
                describe(id).ifPresent(fields -> {
                    String key = (String) fields.get("key");
                    invocationsRan.add(key);
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        invocationFailures.putIfAbsent(key, id.getDisplayName() + ": " + message(result));
                    }
                });
                return;
            }
            if (isTemplate(id)) {
                describe(id).ifPresent(fields -> {
                    String key = (String) fields.get("key");
                    String failure = invocationFailures.get(key);
                    boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL && failure == null
                            && invocationsRan.contains(key);
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", "finished");
                    event.put("key", key);
                    event.put("status", ok ? "passed" : "failed");
                    event.put("message", ok ? "" : failure != null ? failure
                            : result.getStatus() != TestExecutionResult.Status.SUCCESSFUL ? message(result)
                            : "no invocation ran");
                    send(event);
                });
                return;
            }
            if (!id.isTest()) {
                // A failing container (a @BeforeAll that throws, say) fails every test inside it.
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", "container-failed");
                    event.put("message", message(result));
                    id.getSource().filter(ClassSource.class::isInstance)
                            .ifPresent(s -> event.put("className", ((ClassSource) s).getClassName()));
                    send(event);
                }
                return;
            }
            describe(id).ifPresent(fields -> {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", "finished");
                event.put("key", fields.get("key"));
                event.put("status", switch (result.getStatus()) {
                    case SUCCESSFUL -> "passed";
                    case ABORTED -> "aborted";
                    case FAILED -> "failed";
                });
                event.put("message", message(result));
                send(event);
            });
        }

        void done() {
            send(Map.of("type", "done"));
        }

        private static String message(TestExecutionResult result) {
            return result.getThrowable().map(ForkedRunner::describeFailure).orElse("");
        }
    }

    static String describeFailure(Throwable t) {
        StringBuilder text = new StringBuilder();
        String type = t.getClass().getName();
        boolean assertion = t instanceof AssertionError;
        String msg = t.getMessage();
        if (!assertion || msg == null) {
            text.append(type).append(msg == null ? "" : ": ");
        }
        text.append(msg == null ? "" : msg);
        if (!assertion) {
            // For crashes, the first frames of the student's code are the useful part.
            int shown = 0;
            for (StackTraceElement frame : t.getStackTrace()) {
                if (shown++ == 6) {
                    break;
                }
                text.append("\n    at ").append(frame);
            }
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                text.append("\ncaused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
            }
        }
        String s = text.toString();
        return s.length() > MAX_MESSAGE_CHARS ? s.substring(0, MAX_MESSAGE_CHARS) + "\n... (message cut)" : s;
    }
}
