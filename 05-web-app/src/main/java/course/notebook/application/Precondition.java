package course.notebook.application;

import java.util.Set;

/**
 * What a client's If-Match asks for: nothing ({@link #NONE}), any current version ({@code *}), or one of the
 * listed versions. A change is made only if the precondition holds for the notebook's current version.
 */
public record Precondition(boolean present, boolean any, Set<Long> versions) {
    public static final Precondition NONE = new Precondition(false, false, Set.of());
    public static final Precondition ANY = new Precondition(true, true, Set.of());

    public Precondition {
        versions = Set.copyOf(versions);
    }

    public static Precondition oneOf(Set<Long> versions) {
        return new Precondition(true, false, versions);
    }

    public boolean holdsFor(long currentVersion) {
        return !present || any || versions.contains(currentVersion);
    }
}
