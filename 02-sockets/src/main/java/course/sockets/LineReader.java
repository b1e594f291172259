package course.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Splits a byte stream into lines. TCP delivers a stream of bytes, not messages: one
 * read may return half a line, or three lines and the start of a fourth. A line ends with
 * CRLF or a bare LF; neither is part of the returned text.
 *
 * <ul>
 *   <li>Bytes are decoded as UTF-8 once the whole line is there, so a character whose
 *       bytes arrive in two reads is decoded correctly.</li>
 *   <li>A line with more than {@code maxContentBytes} bytes (its terminator not counted) is
 *       truncated to that many bytes, as IRC servers do; the rest of that line, up to its
 *       terminator, is read and discarded. A character cut in two at the limit is dropped.</li>
 *   <li>{@link #readLine()} returns a line as soon as its terminator has arrived; it never
 *       waits for more bytes than it needs.</li>
 *   <li>At the end of the stream, a last line without terminator is returned like any
 *       other; after that {@code readLine} returns null.</li>
 * </ul>
 */
public final class LineReader {
    /** RFC 2812: an IRC message is at most 512 bytes, its CRLF included. */
    public static final int MAX_LINE_BYTES = 512;
    /** So the text of a line, without CRLF, is at most 510 bytes. */
    public static final int MAX_CONTENT_BYTES = MAX_LINE_BYTES - 2;

    private final InputStream in;
    private final int maxContentBytes;
    // BEGIN SOLUTION
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final byte[] line;
    private boolean ended;
    // END SOLUTION

    /** Reads lines from {@code in}; lines longer than {@code maxContentBytes} bytes are truncated. */
    public LineReader(InputStream in, int maxContentBytes) {
        if (maxContentBytes < 1) {
            throw new IllegalArgumentException("maxContentBytes must be at least 1, not " + maxContentBytes);
        }
        this.in = Objects.requireNonNull(in, "in");
        this.maxContentBytes = maxContentBytes;
        // BEGIN SOLUTION
        this.line = new byte[maxContentBytes];
        // END SOLUTION
    }

    /** The next line without its terminator, or null at the end of the stream. */
    public String readLine() throws IOException {
        // BEGIN SOLUTION
        int length = 0;
        boolean truncated = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended) {
                    return any ? decode(length, truncated) : null;
                }
                // Read only when the buffer is empty: a line that is complete is returned
                // without asking the stream for more (a socket would block here).
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    ended = true;
                    continue;
                }
                position = 0;
                limit = n;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                // CRLF: the CR was stored as the last byte, unless it fell past the limit.
                if (!truncated && length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return decode(length, truncated);
            }
            any = true;
            if (length < maxContentBytes) {
                line[length++] = b;
            } else {
                truncated = true;
            }
        }
        // END SOLUTION
        // STUB: // TODO(task 02.2): collect bytes up to the next LF (drop a CR just before it), at most
        // STUB: // maxContentBytes of them; decode them as UTF-8; return null at the end of the stream.
        // STUB: throw new UnsupportedOperationException("TODO(task 02.2): LineReader.readLine");
    }
    // BEGIN SOLUTION

    private String decode(int length, boolean truncated) {
        int end = truncated ? wholeCharacters(line, length) : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /** The length of the longest prefix that does not end in the middle of a UTF-8 character. */
    static int wholeCharacters(byte[] bytes, int length) {
        int start = length - 1;
        // Step back over continuation bytes (10xxxxxx) to the first byte of the last character.
        while (start > 0 && length - start < 4 && (bytes[start] & 0xC0) == 0x80) {
            start--;
        }
        if (start < 0) {
            return length;
        }
        int lead = bytes[start] & 0xFF;
        int size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + size > length ? start : length;
    }
    // END SOLUTION
}
