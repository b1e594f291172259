package course.grader.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules shared by every module's student code. They keep grading honest
 * (no exiting the test JVM, no spawning processes, no reflection into the grader) and
 * keep each exercise about what it teaches (no HTTP library in the HTTP server module).
 */
public final class StudentCodeRules {
    private StudentCodeRules() {
    }

    public static final ArchRule NO_SYSTEM_EXIT = noClasses()
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .as("student code does not end the JVM (System.exit, Runtime.exit, Runtime.halt)")
            .because("a program that exits takes the tests down with it; return from main instead");

    public static final ArchRule NO_PROCESS_SPAWNING = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
            .orShould().callMethodWhere(target(owner(type(Runtime.class))).and(target(name("exec"))))
            .as("student code does not start other processes (ProcessBuilder, Runtime.exec)")
            .because("the exercise is to write the program, not to call another one");

    public static final ArchRule NO_REFLECTION = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..")
            .orShould().callMethod(Class.class, "forName", String.class)
            .orShould().callMethod(Class.class, "getDeclaredField", String.class)
            .orShould().callMethod(Class.class, "getDeclaredMethods")
            .orShould().callMethod(Class.class, "getDeclaredFields")
            .as("student code does not use reflection")
            .because("reflection can reach into the grader; plain code is also easier to read and grade");

    public static final ArchRule NO_GRADER_ACCESS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("course.grader..", "org.junit..", "org.assertj..",
                    "io.restassured..", "com.tngtech.archunit..")
            .as("student code does not use the grader or test libraries")
            .because("the tests check your program; your program must not look at the tests");

    /** For the module where students write the HTTP server themselves. */
    public static final ArchRule NO_HTTP_LIBRARY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "java.net.http..",
                    "org.eclipse.jetty..", "io.undertow..", "io.netty..", "io.javalin..", "org.apache.hc..",
                    "okhttp3..", "jakarta.servlet..", "javax.servlet..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .as("the HTTP server is built on java.net sockets, without an HTTP library")
            .because("parsing and framing HTTP yourself is the exercise");
}
