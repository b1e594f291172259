package course.grader.support;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives a test a {@link Random} whose seed is printed on failure. Set the system
 * property {@code grader.seed} or the environment variable {@code GRADER_SEED} to
 * replay a run: each test then derives its own seed from that one and its name.
 */
public final class Seeded implements ParameterResolver, TestExecutionExceptionHandler {
    public static final String PROPERTY = "grader.seed";
    public static final String ENVIRONMENT = "GRADER_SEED";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Seeded.class);

    /** The run's base seed: fixed by the property or variable, else fresh. */
    public static long baseSeed() {
        String fixed = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Long.parseLong(fixed.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + "/" + ENVIRONMENT + " must be a whole number, but it was \""
                        + fixed + "\"");
            }
        }
        return new Random().nextLong() >>> 16; // short enough to type back in
    }

    /** The seed a test uses: the base mixed with the test's unique id, so tests do not share a stream. */
    public static long testSeed(long base, String uniqueId) {
        return base ^ (uniqueId.hashCode() * 0x9E3779B97F4A7C15L);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        long base = context.getStore(NAMESPACE).getOrComputeIfAbsent("base", k -> baseSeed(), Long.class);
        return new Random(testSeed(base, context.getUniqueId()));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Long base = context.getStore(NAMESPACE).get("base", Long.class);
        if (base == null || !(throwable instanceof AssertionError)) {
            throw throwable;
        }
        AssertionError wrapped = new AssertionError(throwable.getMessage() + "\nseed: " + base
                + " (replay with GRADER_SEED=" + base + ")", throwable.getCause());
        wrapped.setStackTrace(throwable.getStackTrace());
        throw wrapped;
    }
}
