package course.grader.support.archfixture;

import java.lang.reflect.Field;

/** Student-like code that uses reflection. Never run; only imported by the rule tests. */
public final class ReflectingCode {
    private ReflectingCode() {
    }

    static Object peek(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
