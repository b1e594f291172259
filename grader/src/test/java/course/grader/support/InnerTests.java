package course.grader.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class that exists only to exercise an extension, through the JUnit
 * Platform launcher, and collects each test method's result. Such classes carry
 * {@code @ExtendWith(InnerTests.OnlyWhenLaunchedHere.class)} so a normal test run skips them.
 */
final class InnerTests {
    static final String ENABLED = "course.grader.inner-tests";

    /** The outcome of one test method: its unique id and how it ended. */
    record Outcome(String uniqueId, TestExecutionResult result) {
        boolean passed() {
            return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        }

        Throwable failure() {
            return result.getThrowable().orElseThrow(() -> new AssertionError("the test passed"));
        }
    }

    private InnerTests() {
    }

    /** Runs the class and returns the outcome of each test method, by method name. */
    static Map<String, Outcome> run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .configurationParameter(ENABLED, "true")
                .build();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Throwable> containerFailures = new LinkedHashMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.put(methodName(id), new Outcome(id.getUniqueId(), result));
                } else if (result.getThrowable().isPresent()) {
                    containerFailures.put(id.getDisplayName(), result.getThrowable().get());
                }
            }
        });
        if (!containerFailures.isEmpty()) {
            AssertionError error = new AssertionError("a container failed: " + containerFailures.keySet());
            containerFailures.values().forEach(error::addSuppressed);
            throw error;
        }
        return outcomes;
    }

    private static String methodName(TestIdentifier id) {
        String legacy = id.getLegacyReportingName();
        int paren = legacy.indexOf('(');
        return paren < 0 ? legacy : legacy.substring(0, paren);
    }

    /** Skips the annotated class unless {@link #run} started it. */
    static final class OnlyWhenLaunchedHere implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> enabled = context.getConfigurationParameter(ENABLED);
            return enabled.filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by InnerTests")
                    : ConditionEvaluationResult.disabled("runs only through InnerTests.run");
        }
    }
}
