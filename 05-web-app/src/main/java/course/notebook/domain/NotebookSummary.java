package course.notebook.domain;

import java.time.Instant;

/** What the notebook list shows: no cells, just how many. */
public record NotebookSummary(String id, String name, int cells, Instant updated) {
}
