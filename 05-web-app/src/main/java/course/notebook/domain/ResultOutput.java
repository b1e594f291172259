package course.notebook.domain;

import java.util.Objects;

/** The value of the cell's last snippet, as JShell prints it ("42", "\"hi\""). */
public record ResultOutput(String value) implements Output {
    public ResultOutput {
        Objects.requireNonNull(value, "value");
    }
}
