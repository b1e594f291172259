package course.http;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import course.grader.support.StudentClasses;
import course.grader.support.StudentCodeChecks;
import course.grader.support.StudentCodeRules;

/**
 * Gates, not points: the server is built on sockets alone and plays fair with the tests.
 * Breaking one of these rules sets the module's score to 0 until it is fixed.
 */
@AnalyzeClasses(locations = StudentClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** No System.exit, no process spawning, no reflection, no use of the grader or test libraries. */
    @ArchTest
    static final ArchTests common = ArchTests.in(StudentCodeChecks.class);

    /** Parsing and framing HTTP yourself is the exercise. */
    @ArchTest
    static final ArchRule noHttpLibrary = StudentCodeRules.NO_HTTP_LIBRARY;
}
