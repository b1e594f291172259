package course.http;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import course.grader.StaticCheck;
import course.grader.support.StudentCodeRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/** Gates, not points: the server is built on sockets alone and plays fair with the tests. */
@AnalyzeClasses(locations = ArchitectureTest.ServerClasses.class,
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Reads only the folder (or jar) that holds the server's classes, not the whole class path: faster. */
    static final class ServerClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

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
    @StaticCheck("the server does not look at the tests")
    static final ArchRule noGraderAccess = StudentCodeRules.NO_GRADER_ACCESS;

    @ArchTest
    @StaticCheck("parsing and framing HTTP yourself is the exercise")
    static final ArchRule noHttpLibrary = StudentCodeRules.NO_HTTP_LIBRARY;
}
