package course.grader.support.archfixture;

import java.io.IOException;

/** Student-like code that starts another program. Never run; only imported by the rule tests. */
public final class SpawningCode {
    private SpawningCode() {
    }

    static Process curl(String url) throws IOException {
        return new ProcessBuilder("curl", url).start();
    }
}
