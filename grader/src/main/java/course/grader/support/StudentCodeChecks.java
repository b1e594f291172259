package course.grader.support;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every module's student code follows, ready to include in a module's
 * architecture test: {@code @ArchTest static final ArchTests common = ArchTests.in(StudentCodeChecks.class);}
 * The grader treats them as gates: breaking one sets the module's score to 0.
 */
public final class StudentCodeChecks {
    private StudentCodeChecks() {
    }

    @ArchTest
    static final ArchRule noSystemExit = StudentCodeRules.NO_SYSTEM_EXIT;

    @ArchTest
    static final ArchRule noProcessSpawning = StudentCodeRules.NO_PROCESS_SPAWNING;

    @ArchTest
    static final ArchRule noReflection = StudentCodeRules.NO_REFLECTION;

    @ArchTest
    static final ArchRule noGraderAccess = StudentCodeRules.NO_GRADER_ACCESS;
}
