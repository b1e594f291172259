package course.grader.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps a test took, in order ("connect", "sent ...", "received ..."), so that a
 * failure can print what ran before it, the way CS144's harness does.
 */
public final class Transcript {
    /** Steps kept; older ones are dropped so a long test cannot flood the report. */
    public static final int MAX_STEPS = 40;
    private static final String HEADER = "steps that ran:";
    private static final java.util.regex.Pattern STEP_LINE = java.util.regex.Pattern.compile("\\s+\\d+\\. .*");

    private final List<String> steps = new ArrayList<>();
    private int dropped;

    public synchronized void step(String description) {
        if (steps.size() == MAX_STEPS) {
            steps.remove(0);
            dropped++;
        }
        steps.add(description);
    }

    public synchronized String render() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (dropped > 0) {
            out.append("  (").append(dropped).append(" earlier steps not shown)\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            out.append(String.format("  %2d. %s%n", dropped + i + 1, steps.get(i)));
        }
        return out.toString();
    }

    /**
     * The first line of a failure message that says what went wrong, skipping a rendered
     * transcript ahead of it: for one-line summaries in reports.
     */
    public static String headline(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().filter(l -> !l.isBlank() && !l.startsWith(HEADER) && !STEP_LINE.matcher(l).matches())
                .findFirst().orElse(message).strip();
    }

    /** An AssertionError whose message has the transcript first, then what went wrong. */
    public AssertionError failure(String message) {
        return new AssertionError(render() + message);
    }

    public AssertionError failure(String message, Throwable cause) {
        return new AssertionError(render() + message, cause);
    }
}
