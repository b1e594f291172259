package course.grader.support.archfixture;

import java.util.ArrayList;
import java.util.List;

/** Student-like code that breaks no rule. */
public final class CleanCode {
    private final List<String> lines = new ArrayList<>();

    public void add(String line) {
        lines.add(line.strip());
    }

    public int count() {
        return lines.size();
    }
}
