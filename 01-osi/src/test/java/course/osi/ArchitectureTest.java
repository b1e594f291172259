package course.osi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import course.grader.support.StudentClasses;
import course.grader.support.StudentCodeChecks;

/**
 * Gates, not points: the code plays fair with the tests (no System.exit, no process spawning,
 * so no running tshark from the exercise, no reflection, no use of the grader or test libraries).
 * Breaking one of these rules sets the module's score to 0 until it is fixed.
 */
@AnalyzeClasses(locations = StudentClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(StudentCodeChecks.class);
}
