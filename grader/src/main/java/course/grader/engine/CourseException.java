package course.grader.engine;

/** A problem with what the user asked for (not a bug): printed as one clear line. */
public final class CourseException extends Exception {
    public CourseException(String message) {
        super(message);
    }
}
