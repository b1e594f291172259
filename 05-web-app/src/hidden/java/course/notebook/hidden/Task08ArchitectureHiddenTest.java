package course.notebook.hidden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static course.notebook.Layers.APPLICATION;
import static course.notebook.Layers.DOMAIN;
import static course.notebook.Layers.KERNEL;
import static course.notebook.Layers.PERSISTENCE;
import static course.notebook.Layers.WEB;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import course.grader.Graded;
import course.notebook.Layers;
import course.notebook.domain.KernelFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("05.8 Architecture (hidden)")
class Task08ArchitectureHiddenTest {
    static final JavaClasses CLASSES = Layers.classes();

    @Test
    @Graded(task = "05.8", points = 2)
    @DisplayName("domain depends on java.* only; application on the domain's ports only; no cycles between layers")
    void applicationUsesThePorts() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the domain is plain Java: records and the ports it owns")
                .check(CLASSES);
        noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, KERNEL, "io.javalin..",
                        "java.sql..", "jdk.jshell..")
                .because("the application layer uses the domain's ports, not the adapters or HTTP")
                .check(CLASSES);
        noClasses().that().resideInAPackage(APPLICATION).and().doNotHaveSimpleName("IpynbCodec")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("JSON belongs to the web layer; only the .ipynb codec reads and writes Jupyter's JSON")
                .check(CLASSES);
        slices().matching("course.notebook.(*)..").should().beFreeOfCycles().check(CLASSES);
        JavaClass repository = Layers.require(CLASSES, "course.notebook.domain.NotebookRepository");
        Layers.expectCalled(repository, "create", APPLICATION, "the service stores new notebooks through the port");
        Layers.expectCalled(repository, "save", APPLICATION, "the service saves changes through the port");
    }

    @Test
    @Graded(task = "05.8", points = 1)
    @DisplayName("cells run through the Kernel port: CellRuns → KernelSessions → Kernel; jdk.jshell only in kernel")
    void kernelBehindThePort() {
        noClasses().that().resideOutsideOfPackage(KERNEL)
                .should().dependOnClassesThat().resideInAPackage("jdk.jshell..")
                .because("JShell is the kernel adapter's business")
                .check(CLASSES);
        noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, APPLICATION, PERSISTENCE)
                .because("the kernel implements a domain port and knows nothing of the layers above")
                .check(CLASSES);
        boolean factory = false;
        for (JavaClass c : CLASSES) {
            factory |= c.getPackageName().startsWith("course.notebook.kernel") && c.isAssignableTo(KernelFactory.class);
        }
        if (!factory) {
            throw new AssertionError("expected a KernelFactory in course.notebook.kernel");
        }
        JavaClass sessions = Layers.require(CLASSES, "course.notebook.application.KernelSessions");
        Layers.expectCalled(sessions, "run", "course.notebook.application.CellRuns",
                "CellRuns runs a cell in its notebook's kernel session");
        JavaClass kernel = Layers.require(CLASSES, "course.notebook.domain.Kernel");
        Layers.expectCalled(kernel, "run", APPLICATION, "the application runs code only through the Kernel port");
    }
}
