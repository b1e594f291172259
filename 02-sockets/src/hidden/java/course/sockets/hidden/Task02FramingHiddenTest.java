package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.sockets.LineReader;
import course.sockets.Pieces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 02.2, hidden: random lines, random pieces, random limits, and the edges. */
@DisplayName("02.2 Framing (hidden)")
@ExtendWith(Seeded.class)
class Task02FramingHiddenTest {
    static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :#!@.,-_";
    static final String MIXED = ASCII + "éüßñλπ한국어日本😀🎉";

    static List<String> readAll(InputStream in, int limit) {
        LineReader reader = new LineReader(in, limit);
        List<String> lines = new ArrayList<>();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (lines.size() > 1_000_000) {
                    throw new AssertionError("readLine never returned null");
                }
            }
        } catch (IOException e) {
            throw new AssertionError("readLine threw " + e, e);
        }
        return lines;
    }

    static String randomText(Random random, String alphabet, int maxCodePoints) {
        int count = alphabet.codePointCount(0, alphabet.length());
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxCodePoints + 1);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(count))));
        }
        return out.toString();
    }

    static void compare(List<String> expected, List<String> actual, String context) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError(context + ": line " + i + " should be \"" + expected.get(i) + "\" but was \""
                        + actual.get(i) + "\"");
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError(context + ": expected " + expected.size() + " lines, but readLine returned "
                    + actual.size() + " before null");
        }
    }

    /** The longest prefix of the text whose UTF-8 form has at most {@code limit} bytes, in whole characters. */
    static String cut(String text, int limit) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > limit) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    @Test
    @Graded(task = "02.2", points = 2)
    @DisplayName("200 random UTF-8 lines with random terminators, in random pieces, come out exactly")
    void randomLinesInRandomPieces(Random random) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            String line = randomText(random, MIXED, 60);
            lines.add(line);
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        for (int maxPiece : new int[] {1, 3, 17, 4096}) {
            List<String> got = readAll(Pieces.random(bytes.toByteArray(), random, maxPiece), 10_000);
            compare(lines, got, "with pieces of 1 to " + maxPiece + " bytes");
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("random limits: every line is cut to exactly the limit, and the following lines are intact")
    void randomLimits(Random random) {
        for (int round = 0; round < 20; round++) {
            int limit = 1 + random.nextInt(64);
            List<String> expected = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < 50; i++) {
                String line = randomText(random, ASCII, 3 * limit);
                expected.add(line.substring(0, Math.min(line.length(), limit)));
                bytes.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
                bytes.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            }
            List<String> got = readAll(Pieces.random(bytes.toByteArray(), random, 1 + random.nextInt(100)), limit);
            compare(expected, got, "with a limit of " + limit + " bytes");
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("a character cut in two by the limit is dropped whole (é, 한, 😀 at the edge)")
    void utf8AtTheLimit(Random random) {
        for (int round = 0; round < 20; round++) {
            int limit = 4 + random.nextInt(40);
            List<String> expected = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < 40; i++) {
                String line = randomText(random, "a한é😀", 2 * limit);
                expected.add(cut(line, limit));
                bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(new byte[] {'\r', '\n'});
            }
            List<String> got = readAll(Pieces.random(bytes.toByteArray(), random, 1 + random.nextInt(30)), limit);
            compare(expected, got, "with a limit of " + limit + " bytes");
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("edges: empty lines, CRLF right at the limit, and null again after the end")
    void edges() throws IOException {
        List<String> got = readAll(Pieces.ofText("\r\n\n\r\n", "abcde\r\n", "abcd\r", "\n", "abcdef\r\nz"), 5);
        compare(List.of("", "", "", "abcde", "abcd", "abcde", "z"), got,
                "from \\r\\n \\n \\r\\n abcde\\r\\n abcd\\r|\\n abcdef\\r\\n z with a limit of 5 bytes");
        LineReader reader = new LineReader(Pieces.ofText("only\n"), 10);
        String first = reader.readLine();
        String second = reader.readLine();
        String third = reader.readLine();
        if (!"only".equals(first) || second != null || third != null) {
            throw new AssertionError("\"only\\n\" should give \"only\", then null, and null again; but gave " + first + ", "
                    + second + ", " + third);
        }
    }

    @Test
    @Graded(task = "02.2", points = 1)
    @DisplayName("a 5 MB line is cut to the limit without storing it, and the next line comes out whole")
    void hugeLine() {
        byte[] huge = new byte[5_000_000];
        java.util.Arrays.fill(huge, (byte) 'h');
        InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(huge),
                new java.io.ByteArrayInputStream("\r\nnext line\r\n".getBytes(StandardCharsets.US_ASCII)));
        List<String> got = readAll(in, LineReader.MAX_CONTENT_BYTES);
        compare(List.of("h".repeat(LineReader.MAX_CONTENT_BYTES), "next line"), got, "a 5 MB line, then \"next line\"");
    }
}
