package course.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as a gate rather than a source of points: an architecture rule (no
 * {@code System.exit}, no HTTP library where students write the HTTP server, ...).
 * When a static check fails, the module scores 0 and the report says which rule broke,
 * because the other tests no longer measure the student's own work.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface StaticCheck {
    /** What the rule protects, shown when it fails. */
    String value() default "";
}
