package course.notebook.domain;

/** value: the last snippet's value as JShell prints it (e.g. "42", "\"hi\""), or null when it has none
 *  (statement, declaration, void call). errors: compile errors with positions (COMPILE_ERROR).
 *  exception: "java.lang.ArithmeticException: / by zero" style text (EXCEPTION). */
public record CellResult(Outcome outcome, String value, java.util.List<CompileError> errors, String exception,
                         java.time.Duration elapsed) {
    public enum Outcome { OK, COMPILE_ERROR, EXCEPTION, INTERRUPTED, TIMED_OUT, KERNEL_EXITED }
}
