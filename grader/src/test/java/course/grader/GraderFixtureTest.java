package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader grades a small fixture course: the reference solution, the generated
 * skeleton, and submissions that misbehave in every way the grader promises to survive.
 */
class GraderFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static FixtureCourse course;

    @BeforeAll
    static void copyCourse() throws IOException {
        course = FixtureCourse.copy(temp);
    }

    private static JsonNode gradeSubmission(String name, String... extra) throws IOException {
        // A short per-test limit only where a test is meant to hang; elsewhere a loaded machine needs headroom.
        String perTest = name.equals("hangs") ? "3" : "20";
        Path out = temp.resolve("out-" + name);
        String[] args = Stream.concat(Stream.of("--submission", FixtureCourse.submission(name).toString(),
                "--out", out.toString(), "--test-timeout", perTest, "--run-timeout", "120"), Stream.of(extra))
                .toArray(String[]::new);
        FixtureCourse.Result r = course.grade(args);
        assertThat(r.exit()).as("exit code; output:\n" + r.all()).isZero();
        return JSON.readTree(out.resolve("results.json").toFile());
    }

    private static double score(JsonNode results) {
        return results.path("modules").get(0).path("score").asDouble();
    }

    @Test
    @DisplayName("the reference solution in the checkout scores 100/100, with every report written")
    void gradesTheCheckout() throws IOException {
        Path out = temp.resolve("out-checkout");
        FixtureCourse.Result r = course.grade("--out", out.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("PASS 99.1", "99-demo", "100/100", "(hidden)");
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertThat(results.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(results.path("score").asDouble()).isEqualTo(100);
        assertThat(results.path("modules").get(0).path("tests")).hasSize(4);

        JsonNode gradescope = JSON.readTree(out.resolve("gradescope-results.json").toFile());
        assertThat(gradescope.path("score").asDouble()).isEqualTo(100);
        assertThat(gradescope.path("tests").get(0).has("max_score")).isTrue();
        assertThat(gradescope.findValuesAsText("visibility")).contains("after_published", "visible");

        String b64 = Files.readString(out.resolve("classroom-results.b64"));
        JsonNode classroom = JSON.readTree(Base64.getDecoder().decode(b64));
        assertThat(classroom.path("version").asInt()).isEqualTo(1);
        assertThat(classroom.path("status").asText()).isEqualTo("pass");
        assertThat(classroom.path("max_score").asInt()).isEqualTo(100);
        assertThat(classroom.path("tests").get(0).path("name").asText()).startsWith("99.1");

        assertThat(Files.readString(out.resolve("summary.md"))).contains("| 99.2 |", "100 / 100");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testsuite name=\"99-demo\"");
    }

    @Test
    @DisplayName("validate: solution passes, skeleton compiles and fails every graded test")
    void validates() {
        FixtureCourse.Result r = course.grade("validate", "99-demo");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("markers well formed", "points: 100 in 2 tasks",
                "skeleton fails every graded test: 99.1 2/2 99.2 2/2");
    }

    @Test
    @DisplayName("a good submission scores 100; one that hard-codes a public answer loses the hidden points")
    void goodAndHardcoded() throws IOException {
        assertThat(score(gradeSubmission("good"))).isEqualTo(100);
        assertThat(score(gradeSubmission("hardcoded"))).isEqualTo(80);
        assertThat(score(gradeSubmission("good", "--no-hidden"))).isEqualTo(50);
    }

    @Test
    @DisplayName("System.exit and Runtime.halt end the test JVM: unfinished tests fail, the grader finishes")
    void exitAndHalt() throws IOException {
        JsonNode exits = gradeSubmission("exits");
        assertThat(score(exits)).isZero();
        assertThat(exits.path("modules").get(0).path("message").asText()).contains("System.exit");
        JsonNode halts = gradeSubmission("halts");
        assertThat(score(halts)).isZero();
        assertThat(halts.path("modules").get(0).path("message").asText()).contains("exit code 134");
    }

    @Test
    @DisplayName("a hanging method fails its tests by time limit; the others still count")
    void hang() throws IOException {
        JsonNode hangs = gradeSubmission("hangs");
        assertThat(score(hangs)).isEqualTo(60);
        assertThat(hangs.toString()).contains("timed out");
    }

    @Test
    @DisplayName("floods of output are capped; fake runner lines on stdout change nothing")
    void floodAndFakes() throws IOException {
        JsonNode floods = gradeSubmission("floods");
        assertThat(score(floods)).isEqualTo(60);
        assertThat(Files.size(temp.resolve("out-floods/build/99-demo/test-output.log"))).isLessThan(1_100_000);
        assertThat(score(gradeSubmission("fakes"))).isEqualTo(60);
    }

    @Test
    @DisplayName("a broken architecture rule zeroes the module and says which rule")
    void staticCheck() throws IOException {
        JsonNode spawns = gradeSubmission("spawns");
        assertThat(score(spawns)).isZero();
        assertThat(spawns.path("modules").get(0).path("status").asText()).isEqualTo("STATIC_CHECK_FAILED");
        assertThat(spawns.path("modules").get(0).path("message").asText()).contains("ProcessBuilder");
    }

    @Test
    @DisplayName("edited tests and poms in a submission are ignored: the course's own tests decide")
    void editedTestsAndPom() throws IOException {
        assertThat(score(gradeSubmission("edited-tests"))).isZero();
    }

    @Test
    @DisplayName("compile errors, missing modules and non-UTF-8 sources get one clear message and a zero")
    void brokenSubmissions() throws IOException {
        JsonNode broken = gradeSubmission("broken");
        assertThat(broken.path("modules").get(0).path("status").asText()).isEqualTo("COMPILE_ERROR");
        assertThat(broken.path("modules").get(0).path("message").asText()).contains("99-demo/src/main/java/demo/Calculator.java:8: ';' expected");
        assertThat(broken.path("modules").get(0).path("max").asInt()).isEqualTo(100);

        JsonNode missing = gradeSubmission("missing-module");
        assertThat(missing.path("modules").get(0).path("message").asText()).contains("99-demo/src/main/java");
        assertThat(score(missing)).isZero();

        JsonNode latin1 = gradeSubmission("latin1");
        assertThat(latin1.path("modules").get(0).path("message").asText()).contains("is not UTF-8", "byte 0xE9");
    }

    @Test
    @DisplayName("bad input: unknown module, a folder that is not a course, no results are half-written")
    void badInput() {
        FixtureCourse.Result unknown = course.grade("--out", temp.resolve("out-unknown").toString(), "77-nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.all()).contains("unknown module '77-nope'", "99-demo");
        assertThat(temp.resolve("out-unknown/results.json")).doesNotExist();

        FixtureCourse.Result mixed = course.grade("--out", temp.resolve("out-mixed").toString(), "77-nope", "99");
        assertThat(mixed.exit()).isZero();
        assertThat(mixed.out()).contains("unknown module '77-nope'", "100/100");

        FixtureCourse.Result notCourse = course.grade("--submission",
                FixtureCourse.submission("not-a-course").toString());
        assertThat(notCourse.exit()).isEqualTo(2);
        assertThat(notCourse.err()).contains("is not a course checkout");

        FixtureCourse.Result noSuchDir = course.grade("--submission", temp.resolve("nowhere").toString());
        assertThat(noSuchDir.err()).contains("does not exist");

        FixtureCourse.Result badOption = course.grade("--frobnicate");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option");
    }

    @Test
    @DisplayName("release: skeletons without markers or hidden tests; self-paced adds hidden tests")
    void release() throws IOException {
        Path student = temp.resolve("student");
        Path solutions = temp.resolve("solutions");
        FixtureCourse.Result r = course.grade("release", "--out", student.toString(), "--solutions",
                solutions.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        String skeleton = Files.readString(student.resolve("99-demo/src/main/java/demo/Calculator.java"));
        assertThat(skeleton).contains("throw new UnsupportedOperationException(\"TODO(task 99.1)")
                .doesNotContain("return a + b", "SOLUTION", "STUB");
        assertThat(student.resolve("99-demo/src/main/java/demo/SolutionHelper.java")).doesNotExist();
        assertThat(student.resolve("99-demo/src/hidden")).doesNotExist();
        assertThat(student.resolve("99-demo/src/test/java/demo/CalculatorTest.java")).exists();
        String solution = Files.readString(solutions.resolve("99-demo/src/main/java/demo/Calculator.java"));
        assertThat(solution).contains("return a + b").doesNotContain("SOLUTION", "STUB");

        Path selfPaced = temp.resolve("self-paced");
        assertThat(course.grade("release", "--out", selfPaced.toString(), "--self-paced").exit()).isZero();
        assertThat(selfPaced.resolve("99-demo/src/hidden/java/demo/hidden/CalculatorHiddenTest.java")).exists();

        FixtureCourse.Result again = course.grade("release", "--out", student.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("is not empty");
    }

    @Test
    @DisplayName("gradebook: one row per student, one column per module and task")
    void gradebook() throws IOException {
        gradeSubmission("good", "--student", "alice");
        gradeSubmission("hardcoded", "--student", "=bob");
        Path book = temp.resolve("book");
        Path junk = temp.resolve("junk.json");
        Files.writeString(junk, "{\"not\": \"results\"}");
        FixtureCourse.Result r = course.grade("gradebook", "--out", book.toString(),
                temp.resolve("out-good/results.json").toString(), temp.resolve("out-hardcoded/results.json").toString(),
                junk.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("skipped", "junk.json");
        String csv = Files.readString(book.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).containsExactly(
                "student,total,max,99-demo,99.1,99.2",
                "\"'=bob\",80,100,80,60,20",
                "\"alice\",100,100,100,60,40");
    }
}
