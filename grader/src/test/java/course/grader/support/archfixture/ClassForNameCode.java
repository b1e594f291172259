package course.grader.support.archfixture;

/** Student-like code that loads a class by name. Never run; only imported by the rule tests. */
public final class ClassForNameCode {
    private ClassForNameCode() {
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
