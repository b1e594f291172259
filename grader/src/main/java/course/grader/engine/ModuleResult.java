package course.grader.engine;

import java.util.List;

/**
 * The grade of one module. {@code status} says whether grading could run at all; when it
 * could not (the module did not compile, say) {@code message} says what to do and every
 * task shows zero of its points.
 */
public record ModuleResult(String module, Status status, String message, double score, int max,
                           List<TaskScore> tasks, List<TestOutcome> tests, List<TestOutcome> checks,
                           List<String> ungraded, long wallMillis, long testMillis) {

    public enum Status { GRADED, COMPILE_ERROR, STATIC_CHECK_FAILED, NOT_GRADED, ERROR }

    public long overheadMillis() {
        return Math.max(0, wallMillis - testMillis);
    }
}
