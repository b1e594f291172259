package course.notebook.domain;

import java.util.Locale;
import java.util.Optional;

/** What a cell holds: Java code the kernel runs, or Markdown text that is only shown. */
public enum CellType {
    CODE, MARKDOWN;

    /** The name used in JSON and in the database: "code" or "markdown". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CellType> fromWireName(String name) {
        for (CellType t : values()) {
            if (t.wireName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
