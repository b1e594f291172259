package course.grader.engine;

import java.util.List;

/** Everything one grading run produced: the source of every report. */
public record GradeRun(int schemaVersion, String student, String course, String generatedAt, double score,
                       int max, List<ModuleResult> modules) {
    /** Version of the results.json schema; bump it when fields change meaning. */
    public static final int SCHEMA_VERSION = 1;
}
