package course.grader.engine;

/** One graded test or static check after a run. */
public record TestOutcome(String key, String className, String method, String name, Kind kind, String task,
                          int points, boolean hidden, Status status, String message, long durationMs) {

    public enum Kind { GRADED, CHECK, UNGRADED }

    public enum Status {
        PASSED, FAILED,
        /** The test never finished: the run was cut short (time limit, crash, System.exit). */
        NOT_RUN
    }

    public double score() {
        return status == Status.PASSED && kind == Kind.GRADED ? points : 0;
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
