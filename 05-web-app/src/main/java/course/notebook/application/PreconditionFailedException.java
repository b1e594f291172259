package course.notebook.application;

/** The client's If-Match names a version that is no longer current (HTTP 412). */
public final class PreconditionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    public PreconditionFailedException(long currentVersion) {
        super("the notebook has changed: it is at version " + currentVersion + " now; reload it and try again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
