package course.grader.support.archfixture;

/** Student-like code that ends the JVM. Never run; only imported by the rule tests. */
public final class ExitingCode {
    private ExitingCode() {
    }

    static void quit(boolean hard) {
        if (hard) {
            Runtime.getRuntime().halt(1);
        }
        System.exit(1);
    }
}
