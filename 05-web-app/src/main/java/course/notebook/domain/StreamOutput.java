package course.notebook.domain;

import java.util.Objects;

/** Text the cell printed on stdout or stderr (consecutive chunks of one stream are merged). */
public record StreamOutput(OutputChunk.Stream stream, String text) implements Output {
    public StreamOutput {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
