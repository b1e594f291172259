package course.notebook.domain;

/** A save found another version than the one the change was based on: someone else saved first. */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String id, long expectedVersion) {
        super("notebook " + id + " is no longer at version " + expectedVersion);
    }
}
