package course.notebook;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import course.grader.support.StudentClasses;
import course.grader.support.StudentCodeChecks;

/**
 * Gates, not points: the program plays fair with the tests. Breaking one of these rules sets the module's score
 * to 0 until it is fixed. (The kernel's JVM is started by JShell itself, not by your code.)
 */
@AnalyzeClasses(locations = StudentClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** No System.exit, no process spawning, no reflection, no use of the grader or test libraries. */
    @ArchTest
    static final ArchTests common = ArchTests.in(StudentCodeChecks.class);
}
