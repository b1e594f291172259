package course.grader.probe;

/**
 * One wire-level check of an HTTP/1.1 server: what RFC rule it tests and how to run it.
 * A check either passes, fails with what it saw, or is skipped with the reason (the
 * server does not offer the feature the check needs).
 */
public record ProbeCheck(String id, String rule, String reference, Body body) {

    public enum Verdict { PASS, FAIL, SKIP }

    public record Outcome(ProbeCheck check, Verdict verdict, String detail) {
    }

    @FunctionalInterface
    public interface Body {
        Outcome run(ProbeCheck self, HttpProbe.Target target);
    }

    public Outcome pass(String detail) {
        return new Outcome(this, Verdict.PASS, detail);
    }

    public Outcome fail(String detail) {
        return new Outcome(this, Verdict.FAIL, detail);
    }

    public Outcome skip(String reason) {
        return new Outcome(this, Verdict.SKIP, reason);
    }
}
