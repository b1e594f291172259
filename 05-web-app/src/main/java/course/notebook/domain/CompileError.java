package course.notebook.domain;

/** line and column are 1-based, within the cell's source; message is javac's. */
public record CompileError(int line, int column, String message) {}
