package course.notebook.domain;

/** A piece of text a cell wrote to one of its streams. */
public record OutputChunk(Stream stream, String text) {
    public enum Stream { STDOUT, STDERR }
}
