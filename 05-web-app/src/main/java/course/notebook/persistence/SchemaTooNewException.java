package course.notebook.persistence;

/** The database was written by a newer version of the program; this one must not touch it. */
public final class SchemaTooNewException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String database, int found, int known) {
        super("the database " + database + " has schema version " + found + ", but this program knows versions up to "
                + known + "; it was written by a newer version of the notebook server, so it is left untouched");
    }
}
