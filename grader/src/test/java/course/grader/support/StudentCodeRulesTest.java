package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import course.grader.support.archfixture.ClassForNameCode;
import course.grader.support.archfixture.CleanCode;
import course.grader.support.archfixture.ExecCode;
import course.grader.support.archfixture.ExitingCode;
import course.grader.support.archfixture.GraderUsingCode;
import course.grader.support.archfixture.HttpClientCode;
import course.grader.support.archfixture.ReflectingCode;
import course.grader.support.archfixture.SpawningCode;
import course.grader.support.archfixture.UrlConnectionCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentCodeRulesTest {
    private static final List<ArchRule> ALL = List.of(StudentCodeRules.NO_SYSTEM_EXIT,
            StudentCodeRules.NO_PROCESS_SPAWNING, StudentCodeRules.NO_REFLECTION, StudentCodeRules.NO_GRADER_ACCESS,
            StudentCodeRules.NO_HTTP_LIBRARY);

    /** Every fixture class, imported once; each test looks at a few of them. */
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackagesOf(CleanCode.class);

    private static JavaClasses of(Class<?>... classes) {
        JavaClasses selected = FIXTURES.that(JavaClass.Predicates.belongToAnyOf(classes));
        assertThat(selected).hasSize(classes.length);
        return selected;
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        return rule.evaluate(of(classes));
    }

    @Test
    void cleanCodeBreaksNoRule() {
        for (ArchRule rule : ALL) {
            assertThat(evaluate(rule, CleanCode.class).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void exitingTheJvmIsCaught() {
        EvaluationResult result = evaluate(StudentCodeRules.NO_SYSTEM_EXIT, ExitingCode.class, CleanCode.class);
        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report).contains("System.exit(int)", "Runtime.halt(int)", "ExitingCode.quit(boolean)")
                .doesNotContain("CleanCode");
        assertThat(StudentCodeRules.NO_SYSTEM_EXIT.getDescription())
                .startsWith("student code does not end the JVM")
                .contains("because a program that exits takes the tests down with it");
    }

    @Test
    void startingProcessesIsCaught() {
        assertThat(evaluate(StudentCodeRules.NO_PROCESS_SPAWNING, SpawningCode.class).hasViolation()).isTrue();
        EvaluationResult exec = evaluate(StudentCodeRules.NO_PROCESS_SPAWNING, ExecCode.class);
        assertThat(exec.hasViolation()).isTrue();
        assertThat(exec.getFailureReport().toString()).contains("Runtime.exec");
        assertThat(evaluate(StudentCodeRules.NO_SYSTEM_EXIT, SpawningCode.class, ExecCode.class).hasViolation())
                .isFalse();
    }

    @Test
    void reflectionIsCaught() {
        assertThat(evaluate(StudentCodeRules.NO_REFLECTION, ReflectingCode.class).hasViolation()).isTrue();
        EvaluationResult forName = evaluate(StudentCodeRules.NO_REFLECTION, ClassForNameCode.class);
        assertThat(forName.hasViolation()).isTrue();
        assertThat(forName.getFailureReport().toString()).contains("Class.forName(java.lang.String)");
    }

    @Test
    void usingTheGraderIsCaught() {
        EvaluationResult result = evaluate(StudentCodeRules.NO_GRADER_ACCESS, GraderUsingCode.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("course.grader.support.Bytes");
    }

    @Test
    void httpLibrariesAreCaughtOnlyByTheHttpRule() {
        assertThat(evaluate(StudentCodeRules.NO_HTTP_LIBRARY, HttpClientCode.class).hasViolation()).isTrue();
        EvaluationResult urlConnection = evaluate(StudentCodeRules.NO_HTTP_LIBRARY, UrlConnectionCode.class);
        assertThat(urlConnection.hasViolation()).isTrue();
        assertThat(urlConnection.getFailureReport().toString()).contains("java.net.HttpURLConnection");
        for (ArchRule rule : List.of(StudentCodeRules.NO_SYSTEM_EXIT, StudentCodeRules.NO_PROCESS_SPAWNING,
                StudentCodeRules.NO_REFLECTION, StudentCodeRules.NO_GRADER_ACCESS)) {
            assertThat(evaluate(rule, HttpClientCode.class, UrlConnectionCode.class).hasViolation())
                    .as(rule.getDescription()).isFalse();
        }
    }
}
