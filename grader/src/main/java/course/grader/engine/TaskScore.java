package course.grader.engine;

/** Points earned and available for one task, with its title from the lesson README. */
public record TaskScore(String task, String title, double score, int max, int testsPassed, int tests) {
}
