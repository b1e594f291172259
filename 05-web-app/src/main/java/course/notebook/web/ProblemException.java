package course.notebook.web;

/** Ends a request with a problem response; the server's exception handler writes it. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(int status, String detail, String instance) {
        this(new Problem(status, detail, instance));
    }

    public Problem problem() {
        return problem;
    }
}
