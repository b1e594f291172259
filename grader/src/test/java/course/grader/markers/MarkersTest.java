package course.grader.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkersTest {
    private static final Path JAVA = Path.of("src", "main", "java", "demo", "Calculator.java");

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static MarkerException failure(Path file, String text) {
        MarkerException e = catchThrowableOfType(MarkerException.class, () -> Markers.split(file, text));
        assertThat(e).as("expected a marker error").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
        return e;
    }

    @Test
    void splitsASolutionRegionAndAStub() throws MarkerException {
        String text = lines(
                "class Calculator {",
                "    int add(int a, int b) {",
                "        // BEGIN SOLUTION",
                "        return a + b;",
                "        // END SOLUTION",
                "        // STUB: return 0;",
                "    }",
                "}");
        Markers.Split split = Markers.split(JAVA, text);
        assertThat(split.hasMarkers()).isTrue();
        assertThat(split.solution()).isEqualTo(lines(
                "class Calculator {",
                "    int add(int a, int b) {",
                "        return a + b;",
                "    }",
                "}"));
        assertThat(split.skeleton()).contains(lines(
                "class Calculator {",
                "    int add(int a, int b) {",
                "        return 0;",
                "    }",
                "}"));
    }

    @Test
    void stubKeepsTheIndentationOfItsComment() throws MarkerException {
        String text = lines("\t  // STUB: throw new UnsupportedOperationException(\"TODO\");");
        assertThat(Markers.split(JAVA, text).skeleton())
                .contains("\t  throw new UnsupportedOperationException(\"TODO\");\n");
        assertThat(Markers.split(JAVA, text).solution()).isEmpty();
    }

    @Test
    void xmlStyleMarkersWork() throws MarkerException {
        Path html = Path.of("site", "index.html");
        String text = lines(
                "<ul>",
                "  <!-- BEGIN SOLUTION -->",
                "  <li>answer</li>",
                "  <!--END SOLUTION-->",
                "  <!-- STUB: <li>your answer</li> -->",
                "</ul>");
        Markers.Split split = Markers.split(html, text);
        assertThat(split.solution()).isEqualTo(lines("<ul>", "  <li>answer</li>", "</ul>"));
        assertThat(split.skeleton()).contains(lines("<ul>", "  <li>your answer</li>", "</ul>"));
    }

    @Test
    void hashStyleMarkersWork() throws MarkerException {
        Path properties = Path.of("app.properties");
        String text = lines("a=1", "# BEGIN SOLUTION", "secret=42", "# END SOLUTION", "  # STUB: secret=", "b=2");
        Markers.Split split = Markers.split(properties, text);
        assertThat(split.solution()).isEqualTo(lines("a=1", "secret=42", "b=2"));
        assertThat(split.skeleton()).contains(lines("a=1", "  secret=", "b=2"));
    }

    @Test
    void aSolutionFileHasNoSkeleton() throws MarkerException {
        String text = lines("// SOLUTION FILE", "class SolutionHelper {", "}");
        Markers.Split split = Markers.split(JAVA, text);
        assertThat(split.hasMarkers()).isTrue();
        assertThat(split.skeleton()).isEmpty();
        assertThat(split.solution()).isEqualTo(lines("class SolutionHelper {", "}"));
    }

    @Test
    void windowsLineEndingsArePreserved() throws MarkerException {
        String text = "a\r\n// BEGIN SOLUTION\r\nb\r\n// END SOLUTION\r\n// STUB: c\r\nd\r\n";
        Markers.Split split = Markers.split(JAVA, text);
        assertThat(split.solution()).isEqualTo("a\r\nb\r\nd\r\n");
        assertThat(split.skeleton()).contains("a\r\nc\r\nd\r\n");
    }

    @Test
    void aMissingFinalNewlineStaysMissing() throws MarkerException {
        Markers.Split split = Markers.split(JAVA, "a\n// BEGIN SOLUTION\nb\n// END SOLUTION\nc");
        assertThat(split.solution()).isEqualTo("a\nb\nc");
        assertThat(split.skeleton()).contains("a\nc");
        assertThat(Markers.split(JAVA, "").solution()).isEmpty();
    }

    @Test
    void aFileWithoutMarkersIsTheSameInBothViews() throws MarkerException {
        String text = lines("class Plain {", "    // an ordinary comment about the solution", "}");
        Markers.Split split = Markers.split(JAVA, text);
        assertThat(split.hasMarkers()).isFalse();
        assertThat(split.solution()).isEqualTo(text);
        assertThat(split.skeleton()).contains(text);
    }

    @Test
    void filesOfUnknownTypePassThroughUnchanged() throws MarkerException {
        String text = "// BEGIN SOLUTION\nnot parsed\n";
        Markers.Split split = Markers.split(Path.of("data.bin"), text);
        assertThat(split).isEqualTo(new Markers.Split(text, Optional.of(text), false));
        assertThat(Markers.split(Path.of("Makefile"), text).solution()).isEqualTo(text);
    }

    @Test
    void nestedRegionsAreRejectedAtTheInnerBegin() {
        MarkerException e = failure(JAVA, lines("// BEGIN SOLUTION", "a", "// BEGIN SOLUTION", "// END SOLUTION"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("BEGIN SOLUTION inside the region opened on line 1");
    }

    @Test
    void anEndWithoutABeginIsRejected() {
        MarkerException e = failure(JAVA, lines("a", "// END SOLUTION"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e).hasMessage(JAVA + ":2: END SOLUTION without a BEGIN SOLUTION before it");
    }

    @Test
    void anUnclosedRegionIsReportedAtItsBegin() {
        MarkerException e = failure(JAVA, lines("a", "b", "    // BEGIN SOLUTION", "c", "d"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("BEGIN SOLUTION is never closed with END SOLUTION");
    }

    @Test
    void anEmptyStubIsRejected() {
        MarkerException e = failure(JAVA, lines("a", "// STUB:   "));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e).hasMessageContaining("STUB: has no code after it");
    }

    @Test
    void aSolutionFileMarkerInsideARegionIsRejected() {
        MarkerException e = failure(JAVA, lines("// BEGIN SOLUTION", "// SOLUTION FILE", "// END SOLUTION"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e).hasMessageContaining("SOLUTION FILE inside a solution region");
    }

    @Test
    void markersThatAreNotWholeLineCommentsAreRejected() {
        MarkerException inline = failure(JAVA, lines("int f() {", "    return 1; // BEGIN SOLUTION", "}"));
        assertThat(inline.line()).isEqualTo(2);
        assertThat(inline).hasMessageContaining("this looks like a solution marker but is not one: "
                + "\"return 1; // BEGIN SOLUTION\"")
                .hasMessageContaining("// BEGIN SOLUTION, // END SOLUTION, // STUB: code or // SOLUTION FILE");

        assertThat(failure(JAVA, lines("// END SOLUTION here")).line()).isEqualTo(1);
        assertThat(failure(JAVA, lines("a", "/* SOLUTION FILE */")).line()).isEqualTo(2);
        assertThat(failure(JAVA, lines("// STUB : return 0;")).line()).isEqualTo(1);
        assertThat(failure(JAVA, lines("//   BEGIN   SOLUTION")).line()).isEqualTo(1);
    }

    @Test
    void markerErrorsInXmlShowTheXmlSpelling() {
        MarkerException e = failure(Path.of("index.html"), lines("<p>BEGIN SOLUTION</p>"));
        assertThat(e).hasMessageContaining("<!-- BEGIN SOLUTION -->, <!-- END SOLUTION -->, "
                + "<!-- STUB: code --> or <!-- SOLUTION FILE -->");
        // In a Markdown file a "#" marker is not a comment, so it is caught too.
        assertThat(failure(Path.of("README.md"), lines("# BEGIN SOLUTION")).line()).isEqualTo(1);
    }

    @Test
    void wordsThatOnlyResembleMarkersAreLeftAlone() throws MarkerException {
        String text = lines("// BEGIN SOLUTON", "// stub: lower case", "String s = \"BEGIN SOLUTIONS\";",
                "// STUBBORN: not a stub");
        Markers.Split split = Markers.split(JAVA, text);
        assertThat(split.hasMarkers()).isFalse();
        assertThat(split.solution()).isEqualTo(text);
    }

    @Test
    void leftoverMarkerLinesFindsEveryMarkerLikeLine() {
        String text = "a\r\n// BEGIN SOLUTION\r\nb\n  # STUB: x\nreturn 1; // END SOLUTION\n<!-- SOLUTION FILE -->\nplain";
        assertThat(Markers.leftoverMarkerLines(text)).containsExactly(2, 4, 5, 6);
        assertThat(Markers.leftoverMarkerLines("class A {}\n")).isEmpty();
    }

    @Test
    void commentStylesFollowTheFileType() {
        assertThat(CommentStyle.forFile(Path.of("A.java"))).contains(CommentStyle.SLASHES);
        assertThat(CommentStyle.forFile(Path.of("dir", "STYLE.CSS"))).contains(CommentStyle.SLASHES);
        assertThat(CommentStyle.forFile(Path.of("page.xhtml"))).contains(CommentStyle.XML);
        assertThat(CommentStyle.forFile(Path.of("pom.xml"))).contains(CommentStyle.XML);
        assertThat(CommentStyle.forFile(Path.of("ci.yml"))).contains(CommentStyle.HASH);
        assertThat(CommentStyle.forFile(Path.of(".gitignore"))).contains(CommentStyle.HASH);
        assertThat(CommentStyle.forFile(Path.of("grade"))).contains(CommentStyle.HASH);
        assertThat(CommentStyle.forFile(Path.of("logo.png"))).isEmpty();
        assertThat(CommentStyle.forFile(Path.of("LICENSE"))).isEmpty();
    }

    @Test
    void commentBodyRecognisesOnlyWholeLineComments() {
        assertThat(CommentStyle.SLASHES.commentBody("   //  BEGIN SOLUTION  ")).isEqualTo("BEGIN SOLUTION");
        assertThat(CommentStyle.SLASHES.commentBody("x; // comment")).isNull();
        assertThat(CommentStyle.XML.commentBody("<!-- note -->")).isEqualTo("note");
        assertThat(CommentStyle.XML.commentBody("<!-- unclosed")).isNull();
        assertThat(CommentStyle.HASH.commentBody("#")).isEmpty();
        assertThat(CommentStyle.HASH.open()).isEqualTo("#");
        assertThat(CommentStyle.XML.close()).isEqualTo("-->");
    }

    @Test
    void markerExceptionCarriesFileAndLine() {
        MarkerException e = new MarkerException(Path.of("x", "Y.java"), 12, "broken");
        assertThat(e.file()).isEqualTo(Path.of("x", "Y.java"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e).hasMessage(Path.of("x", "Y.java") + ":12: broken");
    }
}
