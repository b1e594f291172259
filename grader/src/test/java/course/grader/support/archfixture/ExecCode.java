package course.grader.support.archfixture;

import java.io.IOException;

/** Student-like code that starts another program through Runtime.exec. Never run. */
public final class ExecCode {
    private ExecCode() {
    }

    static Process list() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"ls"});
    }
}
