package course.notebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static course.notebook.Layers.KERNEL;
import static course.notebook.Layers.MAIN;
import static course.notebook.Layers.PERSISTENCE;
import static course.notebook.Layers.WEB;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import course.grader.Graded;
import course.notebook.domain.NotebookRepository;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Task 05.8: the layers. web → application → domain; the database (persistence) and the JShell kernel are
 * adapters behind ports the domain owns, and only Main knows them.
 */
@DisplayName("05.8 Architecture: web → application → domain, adapters behind domain ports")
class Task08ArchitectureTest {
    static final JavaClasses CLASSES = Layers.classes();

    @Test
    @Graded(task = "05.8", points = 2)
    @DisplayName("the web layer reaches every use case through NotebookService, never the database or the kernel")
    void webUsesTheApplication() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, KERNEL, "java.sql..", "jdk.jshell..")
                .because("the web layer talks to the application layer; adapters hide behind the domain's ports")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(WEB).and().doNotHaveFullyQualifiedName(MAIN)
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("HTTP is the web layer's business: the rest of the program does not know Javalin")
                .check(CLASSES);
        JavaClass service = Layers.require(CLASSES, "course.notebook.application.NotebookService");
        for (String useCase : List.of("list", "create", "rename", "delete", "addCell", "editCell", "deleteCell",
                "reorder")) {
            Layers.expectCalled(service, useCase, WEB, "each route of the API calls its use case in the service");
        }
    }

    @Test
    @Graded(task = "05.8", points = 2)
    @DisplayName("persistence implements the domain's NotebookRepository with JDBC; java.sql appears nowhere else")
    void persistenceBehindThePort() {
        noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL is the persistence layer's business")
                .check(CLASSES);
        boolean found = false;
        for (JavaClass c : CLASSES) {
            if (c.getPackageName().equals("course.notebook.persistence") && c.isAssignableTo(NotebookRepository.class)
                    && !Layers.callsInto(c, "java.sql").isEmpty()) {
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("expected a class in course.notebook.persistence that implements "
                    + "domain.NotebookRepository and runs SQL through java.sql (JDBC), but there is none");
        }
    }

    @Test
    @Graded(task = "05.8", points = 1)
    @DisplayName("only Main knows the adapters, and it wires the SQLite repository and the JShell kernel")
    void mainWiresTheAdapters() {
        noClasses().that().resideOutsideOfPackages(PERSISTENCE, KERNEL).and().doNotHaveFullyQualifiedName(MAIN)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, KERNEL)
                .because("nothing but Main depends on an adapter; the rest uses the domain's ports")
                .check(CLASSES);
        JavaClass sqlite = Layers.require(CLASSES, "course.notebook.persistence.SqliteNotebookRepository");
        Layers.expectCalled(sqlite, "open", MAIN, "Main opens the SQLite repository on --data");
        JavaClass kernels = Layers.require(CLASSES, "course.notebook.kernel.JShellKernels");
        Layers.expectCalled(kernels, "<init>", MAIN, "Main creates the JShell kernel factory");
    }
}
