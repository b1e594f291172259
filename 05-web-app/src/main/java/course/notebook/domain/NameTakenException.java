package course.notebook.domain;

/** Another notebook already has this name (names are unique). */
public final class NameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NameTakenException(String name) {
        super("a notebook named \"" + name + "\" exists already");
    }
}
