package course.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCheckTest {
    @TempDir
    Path base;

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void utf8SourcesPass() throws IOException {
        write("src/main/java/demo/A.java", "class A { String s = \"größer → 🙂\"; }\n".getBytes(StandardCharsets.UTF_8));
        // Only .java files are checked.
        write("src/main/java/demo/notes.txt", new byte[] {(byte) 0xFF, (byte) 0xFE});
        assertThat(SourceCheck.firstNonUtf8(base.resolve("src"), base)).isEmpty();
    }

    @Test
    void aMissingFolderHasNothingToReport() throws IOException {
        assertThat(SourceCheck.firstNonUtf8(base.resolve("nowhere"), base)).isEmpty();
    }

    @Test
    void aLatin1FileIsReportedWithLineByteAndOffset() throws IOException {
        write("src/main/java/demo/A.java", "class A {}\n".getBytes(StandardCharsets.UTF_8));
        write("src/main/java/demo/B.java", "class B {\n  // caf\u00e9\n}\n".getBytes(StandardCharsets.ISO_8859_1));
        write("src/main/java/demo/C.java", "class C { // \u00e9 }\n".getBytes(StandardCharsets.ISO_8859_1));
        String problem = SourceCheck.firstNonUtf8(base.resolve("src"), base).orElseThrow();
        assertThat(problem).isEqualTo(Path.of("src/main/java/demo/B.java") + ":2 is not UTF-8 (byte 0xE9 at offset 18);"
                + " save the file as UTF-8 in your editor and grade again");
    }

    @Test
    void aSequenceCutOffAtTheEndIsReported() throws IOException {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] text = "class D {}\n//".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 2];
        System.arraycopy(text, 0, bytes, 0, text.length);
        System.arraycopy(euro, 0, bytes, text.length, 2);
        write("D.java", bytes);
        String problem = SourceCheck.firstNonUtf8(base, base).orElseThrow();
        assertThat(problem).startsWith("D.java:2 is not UTF-8 (byte 0xE2 at offset 13)");
    }
}
