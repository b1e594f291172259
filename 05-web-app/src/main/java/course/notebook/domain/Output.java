package course.notebook.domain;

/** One stored output of a cell: text from a stream, the cell's value, or the reason it failed. */
public sealed interface Output permits StreamOutput, ResultOutput, ErrorOutput {
}
