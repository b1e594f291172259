package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void asciiMapsEachCharToOneByte() {
        assertThat(Bytes.ascii("A\r\n\u00e9")).containsExactly(0x41, 0x0D, 0x0A, 0xE9);
    }

    @Test
    void escapeMakesInvisibleBytesVisible() {
        byte[] bytes = {'a', '\r', '\n', '\t', '\\', 0x00, 0x1F, 0x7F, (byte) 0xFF, ' ', '~'};
        assertThat(Bytes.escape(bytes)).isEqualTo("a\\r\\n\\t\\\\\\x00\\x1F\\x7F\\xFF ~");
    }

    @Test
    void escapeOfARangeShowsOnlyThatRange() {
        assertThat(Bytes.escape(Bytes.ascii("hello world"), 6, 11)).isEqualTo("world");
        assertThat(Bytes.escape(new byte[0])).isEmpty();
    }

    @Test
    void escapeCutsLongInputAndCountsTheRest() {
        byte[] bytes = new byte[Bytes.MAX_SHOWN + 25];
        java.util.Arrays.fill(bytes, (byte) 'x');
        String shown = Bytes.escape(bytes);
        assertThat(shown).startsWith("x".repeat(Bytes.MAX_SHOWN) + "...")
                .endsWith("... (25 more bytes)")
                .hasSize(Bytes.MAX_SHOWN + "... (25 more bytes)".length());

        byte[] exact = new byte[Bytes.MAX_SHOWN];
        java.util.Arrays.fill(exact, (byte) 'y');
        assertThat(Bytes.escape(exact)).isEqualTo("y".repeat(Bytes.MAX_SHOWN));
    }

    @Test
    void firstDifferenceFindsTheIndexOrMinusOne() {
        assertThat(Bytes.firstDifference(Bytes.ascii("abc"), Bytes.ascii("abc"))).isEqualTo(-1);
        assertThat(Bytes.firstDifference(Bytes.ascii("abc"), Bytes.ascii("abX"))).isEqualTo(2);
        assertThat(Bytes.firstDifference(Bytes.ascii("abc"), Bytes.ascii("ab"))).isEqualTo(2);
        assertThat(Bytes.firstDifference(Bytes.ascii(""), Bytes.ascii("a"))).isZero();
    }

    @Test
    void diffOfEqualArraysIsEmpty() {
        assertThat(Bytes.diff(Bytes.ascii("same\r\n"), Bytes.ascii("same\r\n"))).isEmpty();
        assertThat(Bytes.diff(new byte[0], new byte[0])).isEmpty();
    }

    @Test
    void diffPutsTheCaretUnderTheFirstDifferentByte() {
        String diff = Bytes.diff(Bytes.ascii("HTTP/1.1 200 OK\r\n"), Bytes.ascii("HTTP/1.1 404 OK\r\n"));
        String[] lines = diff.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("expected: \"HTTP/1.1 200 OK\\r\\n\"");
        assertThat(lines[1]).isEqualTo("but was:  \"HTTP/1.1 404 OK\\r\\n\"");
        assertThat(lines[2]).endsWith("^ byte 9 differs: expected 2 but was 4");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('4'));
    }

    @Test
    void diffCaretAccountsForEscapedBytesBeforeTheDifference() {
        String diff = Bytes.diff(Bytes.ascii("a\r\nb"), Bytes.ascii("a\r\nc"));
        String[] lines = diff.split("\n");
        assertThat(lines[1]).isEqualTo("but was:  \"a\\r\\nc\"");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('c'));
        assertThat(lines[2]).endsWith("byte 3 differs: expected b but was c");
    }

    @Test
    void diffNamesEscapedBytesInTheExplanation() {
        String diff = Bytes.diff(Bytes.ascii("a\r\n"), Bytes.ascii("a\n"));
        String[] lines = diff.split("\n");
        assertThat(lines[2]).endsWith("^ byte 1 differs: expected \\r but was \\n");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('\\'));
    }

    @Test
    void diffSaysWhenTheResponseEndedEarly() {
        String diff = Bytes.diff(Bytes.ascii("abcdef"), Bytes.ascii("abc"));
        String[] lines = diff.split("\n");
        assertThat(lines[0]).isEqualTo("expected: \"abcdef\"");
        assertThat(lines[1]).isEqualTo("but was:  \"abc\"");
        assertThat(lines[2]).endsWith("^ the response ended early");
        // The caret stands just after the last byte that arrived.
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].lastIndexOf('"'));
    }

    @Test
    void diffSaysWhenThereAreExtraBytes() {
        String diff = Bytes.diff(Bytes.ascii("abc"), Bytes.ascii("abcXY"));
        String[] lines = diff.split("\n");
        assertThat(lines[2]).endsWith("^ extra bytes after the expected end");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('X'));
    }

    @Test
    void diffOfLongInputsShowsAWindowAroundTheDifference() {
        String common = "0123456789".repeat(10);
        String diff = Bytes.diff(Bytes.ascii(common + "expected-tail"), Bytes.ascii(common + "EXPECTED-tail"));
        String[] lines = diff.split("\n");
        assertThat(lines[0]).startsWith("expected: \"...").doesNotContain(common).endsWith("expected-tail\"");
        assertThat(lines[1]).startsWith("but was:  \"...").endsWith("EXPECTED-tail\"");
        // A window of 40 bytes before the difference is kept.
        assertThat(lines[1]).contains("\"..." + common.substring(60) + "EXPECTED");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('E'));
        assertThat(lines[2]).endsWith("byte 100 differs: expected e but was E");
    }
}
