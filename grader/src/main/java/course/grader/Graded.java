package course.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method as graded: it belongs to one task of the module and is worth
 * {@link #points()} points when it passes. Each test counts on its own, so a task
 * earns partial credit for every passing test. The points of a module add up to 100;
 * {@code ./grade validate} checks this and compares each task with the lesson README.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {
    /** Task id, {@code "04.3"}: module number, dot, task number. */
    String task();

    /** Points this test is worth when it passes; at least 1. */
    int points();
}
