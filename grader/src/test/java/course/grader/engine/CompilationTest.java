package course.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilationTest {
    @TempDir
    Path base;

    private Path write(String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void compilesASourceSetAgainstAClasspath() throws IOException {
        write("lib/src/demo/lib/Greeting.java", "package demo.lib;\npublic final class Greeting {\n"
                + "    public static String hello() { return \"hello\"; }\n}\n");
        Path libOut = base.resolve("out/lib");
        Compilation.Result lib = Compilation.compile(List.of(base.resolve("lib/src")), List.of(), libOut, base);
        assertThat(lib.ok()).as(lib.summary()).isTrue();
        assertThat(lib.errors()).isEmpty();
        assertThat(lib.errorCount()).isZero();
        assertThat(libOut.resolve("demo/lib/Greeting.class")).isRegularFile();

        // Raw types give a note, not an error; a missing source root is skipped.
        write("app/src/demo/App.java", "package demo;\npublic class App {\n"
                + "    java.util.List names = new java.util.ArrayList();\n"
                + "    void add() { names.add(demo.lib.Greeting.hello()); }\n}\n");
        Path appOut = base.resolve("out/app");
        Compilation.Result app = Compilation.compile(List.of(base.resolve("app/src"), base.resolve("app/missing")),
                List.of(libOut), appOut, base);
        assertThat(app.ok()).as(app.summary()).isTrue();
        assertThat(app.summary()).isEmpty();
        assertThat(appOut.resolve("demo/App.class")).isRegularFile();
    }

    @Test
    void noSourcesIsASuccessWithAnOutputFolder() throws IOException {
        Path out = base.resolve("out/empty");
        Compilation.Result result = Compilation.compile(List.of(base.resolve("nothing")), List.of(), out, base);
        assertThat(result.ok()).isTrue();
        assertThat(out).isDirectory();
    }

    @Test
    void errorsNameTheFileRelativeToTheBaseAndTheLine() throws IOException {
        write("src/demo/Broken.java", "package demo;\nclass Broken {\n    int x = ;\n}\n");
        Compilation.Result result = Compilation.compile(List.of(base.resolve("src")), List.of(),
                base.resolve("out"), base);
        assertThat(result.ok()).isFalse();
        assertThat(result.errorCount()).isEqualTo(1);
        assertThat(result.errors()).containsExactly(
                Path.of("src/demo/Broken.java") + ":3: illegal start of expression");
        assertThat(result.summary()).isEqualTo(result.errors().get(0));
    }

    @Test
    void manyErrorsAreCutAndCounted() throws IOException {
        StringBuilder source = new StringBuilder("class Many {\n");
        for (int i = 0; i < Compilation.MAX_ERRORS_SHOWN + 3; i++) {
            source.append("    int a").append(i).append(" = \"text\";\n");
        }
        write("src/Many.java", source.append("}\n").toString());
        Compilation.Result result = Compilation.compile(List.of(base.resolve("src")), List.of(),
                base.resolve("out"), base);
        assertThat(result.ok()).isFalse();
        assertThat(result.errorCount()).isEqualTo(Compilation.MAX_ERRORS_SHOWN + 3);
        assertThat(result.errors()).hasSize(Compilation.MAX_ERRORS_SHOWN)
                .first().asString().startsWith("src" + java.io.File.separator + "Many.java:2: incompatible types");
        assertThat(result.summary()).endsWith("\n(3 more errors)")
                .startsWith(String.join("\n", result.errors()));
    }

    @Test
    void laterLanguageFeaturesAreRejectedByTheCourseRelease() throws IOException {
        // Unnamed variables (final in Java 22) are not part of the course's Java 21.
        write("src/Later.java", "class Later {\n    void f() { int _ = 1; }\n}\n");
        Compilation.Result result = Compilation.compile(List.of(base.resolve("src")), List.of(),
                base.resolve("out"), base);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).first().asString().startsWith("src" + java.io.File.separator + "Later.java:2: ");
    }

    @Test
    void copyResourcesCopiesTheTree() throws IOException {
        write("res/config.properties", "a=1\n");
        write("res/static/css/site.css", "body {}\n");
        Files.createDirectories(base.resolve("res/empty"));
        Path out = base.resolve("classes");
        write("classes/config.properties", "old\n");
        Compilation.copyResources(base.resolve("res"), out);
        assertThat(out.resolve("config.properties")).hasContent("a=1");
        assertThat(out.resolve("static/css/site.css")).hasContent("body {}");
        assertThat(out.resolve("empty")).isDirectory();
    }

    @Test
    void copyResourcesWithoutAFolderDoesNothing() throws IOException {
        Path out = base.resolve("classes");
        Compilation.copyResources(base.resolve("missing"), out);
        assertThat(out).doesNotExist();
    }
}
