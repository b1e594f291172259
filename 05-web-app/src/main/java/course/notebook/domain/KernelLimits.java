package course.notebook.domain;

/** cellTimeout: a cell running longer is stopped (outcome TIMED_OUT); maxOutputBytes: output beyond is dropped
 *  and one final stderr chunk says how many bytes were dropped. */
public record KernelLimits(java.time.Duration cellTimeout, int maxOutputBytes) {
    public static final java.time.Duration DEFAULT_CELL_TIMEOUT = java.time.Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;
}
