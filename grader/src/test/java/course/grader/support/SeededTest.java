package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeededTest {
    private String savedProperty;

    @BeforeEach
    void saveProperty() {
        savedProperty = System.getProperty(Seeded.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(Seeded.PROPERTY);
        } else {
            System.setProperty(Seeded.PROPERTY, savedProperty);
        }
    }

    @Test
    void baseSeedComesFromTheProperty() {
        System.setProperty(Seeded.PROPERTY, " 12345 ");
        assertThat(Seeded.baseSeed()).isEqualTo(12345L);
        System.setProperty(Seeded.PROPERTY, "-7");
        assertThat(Seeded.baseSeed()).isEqualTo(-7L);
    }

    @Test
    void baseSeedRejectsANonNumber() {
        System.setProperty(Seeded.PROPERTY, "abc");
        assertThatThrownBy(Seeded::baseSeed).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grader.seed/GRADER_SEED must be a whole number, but it was \"abc\"");
        System.setProperty(Seeded.PROPERTY, "1.5");
        assertThatThrownBy(Seeded::baseSeed).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAFixedSeedEachRunGetsAShortFreshOne() {
        assumeTrue(System.getenv(Seeded.ENVIRONMENT) == null, "GRADER_SEED is set in the environment");
        System.clearProperty(Seeded.PROPERTY);
        List<Long> seeds = java.util.stream.Stream.generate(Seeded::baseSeed).limit(20).toList();
        assertThat(seeds).allSatisfy(s -> assertThat(s).isBetween(0L, (1L << 48) - 1));
        assertThat(seeds).doesNotHaveDuplicates();
        // A blank property counts as unset.
        System.setProperty(Seeded.PROPERTY, "  ");
        assertThat(Seeded.baseSeed()).isBetween(0L, (1L << 48) - 1);
    }

    @Test
    void testSeedIsStablePerTestAndDiffersBetweenTests() {
        String a = "[engine:junit-jupiter]/[class:x.ATest]/[method:one()]";
        String b = "[engine:junit-jupiter]/[class:x.ATest]/[method:two()]";
        assertThat(Seeded.testSeed(42, a)).isEqualTo(Seeded.testSeed(42, a));
        assertThat(Seeded.testSeed(42, a)).isNotEqualTo(Seeded.testSeed(42, b));
        assertThat(Seeded.testSeed(42, a)).isNotEqualTo(Seeded.testSeed(43, a));
    }

    @Test
    void resolvesOnlyRandomParameters() throws Exception {
        Seeded seeded = new Seeded();
        Parameter random = Params.class.getDeclaredMethod("take", Random.class, long.class).getParameters()[0];
        Parameter number = Params.class.getDeclaredMethod("take", Random.class, long.class).getParameters()[1];
        assertThat(seeded.supportsParameter(new FakeParameterContext(random), null)).isTrue();
        assertThat(seeded.supportsParameter(new FakeParameterContext(number), null)).isFalse();
    }

    @Test
    void givesEachTestAReplayableRandomAndPrintsTheSeedOnFailure() {
        System.setProperty(Seeded.PROPERTY, "42");
        SeededCases.values.clear();
        Map<String, InnerTests.Outcome> first = InnerTests.run(SeededCases.class);
        Map<String, Long> firstValues = new HashMap<>(SeededCases.values);
        SeededCases.values.clear();
        InnerTests.run(SeededCases.class);

        assertThat(first.get("one").passed()).isTrue();
        assertThat(first.get("two").passed()).isTrue();
        // Each test's Random starts from the base seed mixed with the test's unique id.
        assertThat(firstValues.get("one"))
                .isEqualTo(new Random(Seeded.testSeed(42, first.get("one").uniqueId())).nextLong());
        assertThat(firstValues.get("two"))
                .isEqualTo(new Random(Seeded.testSeed(42, first.get("two").uniqueId())).nextLong())
                .isNotEqualTo(firstValues.get("one"));
        // The same base seed replays the same values.
        assertThat(SeededCases.values).isEqualTo(firstValues);

        assertThat(first.get("failsWithRandom").failure()).isInstanceOf(AssertionError.class)
                .hasMessage("unlucky\nseed: 42 (replay with GRADER_SEED=42)");
        assertThat(first.get("failsWithoutRandom").failure()).isInstanceOf(AssertionError.class)
                .hasMessage("no random here");
        assertThat(first.get("errorWithRandom").failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("not an assertion");
    }

    @Test
    void aFailureKeepsItsCauseAndStackTrace() {
        System.setProperty(Seeded.PROPERTY, "7");
        Map<String, InnerTests.Outcome> outcomes = InnerTests.run(SeededCases.class);
        Throwable failure = outcomes.get("failsWithCause").failure();
        assertThat(failure).hasMessage("with a cause\nseed: 7 (replay with GRADER_SEED=7)")
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(failure.getStackTrace()).anySatisfy(
                e -> assertThat(e.getMethodName()).isEqualTo("failsWithCause"));
    }

    @SuppressWarnings("unused")
    private static final class Params {
        void take(Random random, long number) {
        }
    }

    /** Just enough of a ParameterContext for supportsParameter. */
    private record FakeParameterContext(Parameter parameter)
            implements org.junit.jupiter.api.extension.ParameterContext {
        @Override
        public Parameter getParameter() {
            return parameter;
        }

        @Override
        public int getIndex() {
            return 0;
        }

        @Override
        public java.util.Optional<Object> getTarget() {
            return java.util.Optional.empty();
        }
    }
}
