package course.grader.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another process brings about (a log line written, sockets
 * closed), where there is nothing to block on: looks again every {@link #INTERVAL} until
 * the condition holds or the time is up.
 */
public final class Poll {
    /** How often the condition is checked. */
    public static final Duration INTERVAL = Duration.ofMillis(20);

    private Poll() {
    }

    /** True as soon as the condition holds; false when {@code within} has passed (or the thread is interrupted). */
    public static boolean until(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
