package course.grader.engine;

import java.time.Duration;

/**
 * Limits on the test JVM that runs student code. Every one is named here so the
 * report can say exactly which limit a submission hit.
 */
public record Limits(Duration perTest, Duration wholeRun, String heap, long maxOutputBytes) {
    public static final Duration DEFAULT_PER_TEST = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WHOLE_RUN = Duration.ofMinutes(10);
    public static final String DEFAULT_HEAP = "768m";
    public static final long DEFAULT_MAX_OUTPUT = 1024 * 1024;
    /** How long the test JVM has to start and connect back to the grader. */
    public static final Duration JVM_START = Duration.ofSeconds(60);

    public static Limits defaults() {
        return new Limits(DEFAULT_PER_TEST, DEFAULT_WHOLE_RUN, DEFAULT_HEAP, DEFAULT_MAX_OUTPUT);
    }
}
