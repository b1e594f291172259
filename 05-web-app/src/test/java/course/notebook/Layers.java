package course.notebook;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import course.grader.support.StudentClasses;
import java.util.ArrayList;
import java.util.List;

/** The student's compiled classes (src/main only) and questions about who calls whom, for the layer tests. */
public final class Layers {
    public static final String ROOT = "course.notebook";
    public static final String DOMAIN = ROOT + ".domain..";
    public static final String APPLICATION = ROOT + ".application..";
    public static final String WEB = ROOT + ".web..";
    public static final String PERSISTENCE = ROOT + ".persistence..";
    public static final String KERNEL = ROOT + ".kernel..";
    public static final String MAIN = ROOT + ".Main";

    private Layers() {
    }

    public static JavaClasses classes() {
        return new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importLocations(new StudentClasses().get(NotebookTestSupport.class));
    }

    public static JavaClass require(JavaClasses classes, String name) {
        if (!classes.contain(name)) {
            throw new AssertionError("expected the class " + name + " in src/main/java");
        }
        return classes.get(name);
    }

    /**
     * The methods and constructors of {@code owner} named {@code name} that code in {@code from} calls ({@code from}
     * is a package like "course.notebook.web.." or a class name).
     */
    public static List<String> callers(JavaClass owner, String name, String from) {
        List<String> found = new ArrayList<>();
        for (JavaCodeUnit unit : owner.getCodeUnits()) {
            if (!unit.getName().equals(name)) {
                continue;
            }
            for (JavaAccess<?> access : unit.getAccessesToSelf()) {
                JavaClass origin = access.getOriginOwner();
                if (origin.getName().equals(from) || origin.getName().startsWith(from.replace("..", "") + "$")
                        || from.endsWith("..") && origin.getPackageName().startsWith(from.replace("..", ""))) {
                    found.add(access.getOrigin().getFullName());
                }
            }
        }
        return found;
    }

    /** Fails unless code in {@code fromPackage} calls {@code owner.name(...)}. */
    public static void expectCalled(JavaClass owner, String name, String fromPackage, String why) {
        if (callers(owner, name, fromPackage).isEmpty()) {
            throw new AssertionError("nothing in " + fromPackage.replace("..", "") + " calls " + owner.getSimpleName()
                    + "." + name + "(...); " + why);
        }
    }

    /** Calls from {@code javaClass} to methods of classes in a package (java.sql, say). */
    public static List<String> callsInto(JavaClass javaClass, String packagePrefix) {
        List<String> found = new ArrayList<>();
        javaClass.getAccessesFromSelf().forEach(access -> {
            if (access.getTargetOwner().getPackageName().startsWith(packagePrefix)) {
                found.add(access.getTarget().getFullName());
            }
        });
        return found;
    }
}
