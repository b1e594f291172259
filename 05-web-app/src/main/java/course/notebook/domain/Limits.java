package course.notebook.domain;

/** The named limits of the notebook server; the API refuses anything beyond them. */
public final class Limits {
    /** Largest request body the server reads (1 MiB); a larger one is refused with 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Longest notebook name, in characters (Unicode code points). */
    public static final int MAX_NAME_CHARS = 200;
    /** Longest cell source, in characters (Unicode code points). */
    public static final int MAX_SOURCE_CHARS = 100_000;
    /** Most cells one notebook holds. */
    public static final int MAX_CELLS = 1_000;

    private Limits() {
    }
}
