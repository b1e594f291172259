package course.sockets;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import course.grader.StaticCheck;
import course.grader.support.StudentCodeRules;

/** Gates, not points: the programs end by returning from main and play fair with the tests. */
@AnalyzeClasses(packages = "course.sockets", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    @StaticCheck("a program that exits takes the tests down with it")
    static final ArchRule noSystemExit = StudentCodeRules.NO_SYSTEM_EXIT;

    @ArchTest
    @StaticCheck("the exercise is to write the program, not to start another one")
    static final ArchRule noProcessSpawning = StudentCodeRules.NO_PROCESS_SPAWNING;

    @ArchTest
    @StaticCheck("plain code, no reflection")
    static final ArchRule noReflection = StudentCodeRules.NO_REFLECTION;

    @ArchTest
    @StaticCheck("the programs do not look at the tests")
    static final ArchRule noGraderAccess = StudentCodeRules.NO_GRADER_ACCESS;
}
