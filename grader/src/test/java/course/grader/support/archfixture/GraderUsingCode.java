package course.grader.support.archfixture;

import course.grader.support.Bytes;

/** Student-like code that reaches into the grader. Never run; only imported by the rule tests. */
public final class GraderUsingCode {
    private GraderUsingCode() {
    }

    static byte[] bytes(String text) {
        return Bytes.ascii(text);
    }
}
