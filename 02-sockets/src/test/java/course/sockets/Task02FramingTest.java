package course.sockets;

import course.grader.Graded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Task 02.2: LineReader turns a byte stream into lines, whatever pieces the bytes come in. */
@DisplayName("02.2 Framing: lines from a byte stream")
class Task02FramingTest {

    /** Reads every line until null; fails clearly when readLine throws. */
    static List<String> readAll(LineReader reader) {
        List<String> lines = new ArrayList<>();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (lines.size() > 100_000) {
                    throw new AssertionError("readLine never returned null at the end of the stream");
                }
            }
        } catch (IOException e) {
            throw new AssertionError("readLine threw " + e, e);
        }
        return lines;
    }

    static void expectLines(String input, List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("from the bytes " + show(input) + "\nexpected the lines " + showAll(expected)
                    + "\nbut readLine returned " + showAll(actual) + " (then null)");
        }
    }

    static String show(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    static String showAll(List<String> lines) {
        return lines.stream().map(Task02FramingTest::show).toList().toString();
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("lines ending in LF come out without the LF; then null at the end of the stream")
    void lfLines() {
        String input = "hello\nworld\n\nlast one\n";
        List<String> lines = readAll(new LineReader(Pieces.ofText(input), 100));
        expectLines(input, List.of("hello", "world", "", "last one"), lines);
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("CRLF ends a line too (and the CR is not part of it); CRLF and LF may be mixed")
    void crlfLines() {
        String input = "NICK alice\r\nUSER alice 0 * :Alice\nPING :x\r\n";
        List<String> lines = readAll(new LineReader(Pieces.ofText(input), 100));
        expectLines(input, List.of("NICK alice", "USER alice 0 * :Alice", "PING :x"), lines);
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("several lines in one read come out one by one")
    void severalLinesInOneRead() {
        String input = "one\r\ntwo\r\nthree\r\nfour\r\n";
        Pieces stream = Pieces.ofText(input);
        List<String> lines = readAll(new LineReader(stream, 100));
        expectLines(input + " (all in one read)", List.of("one", "two", "three", "four"), lines);
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("one line that arrives a byte at a time comes out whole")
    void oneLineOverManyReads() {
        String input = "PRIVMSG #java :split into single bytes\r\nnext\n";
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        int[] everyByte = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            everyByte[i] = i;
        }
        List<String> lines = readAll(new LineReader(Pieces.cut(bytes, everyByte), 100));
        expectLines(input + " (one byte per read)", List.of("PRIVMSG #java :split into single bytes", "next"), lines);
    }

    @Test
    @Graded(task = "02.2", points = 2)
    @DisplayName("UTF-8 characters split across reads are decoded correctly (é, 한, 😀)")
    void utf8SplitAcrossReads() {
        String text = "café 한국어 😀!";
        byte[] bytes = (text + "\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        // Cut inside é (2 bytes), inside 한 (3 bytes) and inside 😀 (4 bytes).
        int e = "caf".getBytes(StandardCharsets.UTF_8).length + 1;
        int han = "café ".getBytes(StandardCharsets.UTF_8).length + 2;
        int smile = "café 한국어 ".getBytes(StandardCharsets.UTF_8).length + 3;
        int second = (text + "\n").getBytes(StandardCharsets.UTF_8).length;
        List<String> lines = readAll(new LineReader(Pieces.cut(bytes, e, han, smile, second + 1, second + 7), 100));
        expectLines(text + "\\n" + text + "\\r\\n (cut inside characters)", List.of(text, text), lines);
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("a line longer than the limit is cut to the limit, the rest of it skipped; the next line is whole")
    void truncatesLongLines() {
        String input = "0123456789abcdefghij\r\nshort\n" + "x".repeat(5000) + "\nend\n";
        List<String> lines = readAll(new LineReader(Pieces.cut(input.getBytes(StandardCharsets.UTF_8), 7, 30, 1000), 10));
        expectLines("0123456789abcdefghij\\r\\nshort\\n" + "x".repeat(20) + "...(5000 x)\\nend\\n with a limit of 10 bytes",
                List.of("0123456789", "short", "x".repeat(10), "end"), lines);
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("IRC's limit: MAX_LINE_BYTES is 512 with CRLF, so a line of 510 bytes passes whole and 511 are cut to 510")
    void ircLimit() {
        if (LineReader.MAX_LINE_BYTES != 512 || LineReader.MAX_CONTENT_BYTES != 510) {
            throw new AssertionError("LineReader.MAX_LINE_BYTES should be 512 (RFC 2812) and MAX_CONTENT_BYTES 510, but they are "
                    + LineReader.MAX_LINE_BYTES + " and " + LineReader.MAX_CONTENT_BYTES);
        }
        String fits = "PRIVMSG #c :" + "a".repeat(510 - 12);
        String tooLong = "PRIVMSG #c :" + "b".repeat(511 - 12);
        String input = fits + "\r\n" + tooLong + "\r\n";
        List<String> lines = readAll(new LineReader(Pieces.ofText(input), LineReader.MAX_CONTENT_BYTES));
        List<String> expected = List.of(fits, tooLong.substring(0, 510));
        if (!expected.equals(lines)) {
            throw new AssertionError("with MAX_CONTENT_BYTES a 510-byte line should come out whole and a 511-byte line as its "
                    + "first 510 bytes, but the lengths were " + lines.stream().map(String::length).toList());
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("readLine returns a complete line at once, without waiting for more bytes")
    void returnsWithoutWaiting() throws IOException {
        // After these bytes the stream behaves like a quiet socket: another read would block.
        LineReader reader = new LineReader(Pieces.ofText("PING :1\r\nPING", " :2\r\n").thenSilence(), 100);
        String first = reader.readLine();
        String second = reader.readLine();
        if (!"PING :1".equals(first) || !"PING :2".equals(second)) {
            throw new AssertionError("expected \"PING :1\" and \"PING :2\", but readLine returned " + show(String.valueOf(first))
                    + " and " + show(String.valueOf(second)));
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("at the end of the stream a last line without terminator is returned, then null")
    void lastLineWithoutTerminator() {
        String input = "QUIT :bye\r\nno newline here";
        List<String> lines = readAll(new LineReader(Pieces.ofText("QUIT :bye\r\nno new", "line here"), 100));
        expectLines(input, List.of("QUIT :bye", "no newline here"), lines);
    }
}
