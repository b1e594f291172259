package course.grader.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests that take a {@link Random} from {@link Seeded}; {@link SeededTest} runs them. */
@ExtendWith({InnerTests.OnlyWhenLaunchedHere.class, Seeded.class})
final class SeededCases {
    static final Map<String, Long> values = new HashMap<>();

    @Test
    void one(Random random) {
        values.put("one", random.nextLong());
    }

    @Test
    void two(Random random) {
        values.put("two", random.nextLong());
    }

    @Test
    void failsWithRandom(Random random) {
        fail("unlucky");
    }

    @Test
    void failsWithoutRandom() {
        fail("no random here");
    }

    @Test
    void errorWithRandom(Random random) {
        throw new IllegalStateException("not an assertion");
    }

    @Test
    void failsWithCause(Random random) {
        throw new AssertionError("with a cause", new ArithmeticException("/ by zero"));
    }
}
