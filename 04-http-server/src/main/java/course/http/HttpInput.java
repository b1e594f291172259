package course.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Buffered reading from a socket with the two kinds of timeout HTTP needs: a limit per
 * read (an idle connection, a slow body) and a deadline for a whole part of the request
 * (the head must be complete in time, however slowly its bytes trickle in). A read that
 * runs out of time throws {@link SocketTimeoutException}.
 */
final class HttpInput {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[Limits.READ_BUFFER_BYTES];
    private byte[] line = new byte[Limits.LINE_BUFFER_START_BYTES];
    private int position;
    private int limit;
    private int readTimeoutMs;
    private long deadlineNanos;
    private boolean hasDeadline;
    private int soTimeout = -1;

    HttpInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** From now on every read waits at most {@code millis} (0: forever). */
    void timeoutPerRead(int millis) {
        hasDeadline = false;
        readTimeoutMs = millis;
    }

    /** From now on reads fail once {@link System#nanoTime()} passes {@code nanoTime}. */
    void deadline(long nanoTime) {
        hasDeadline = true;
        deadlineNanos = nanoTime;
    }

    /** Bytes already received and not read yet (no waiting). */
    int buffered() {
        return limit - position;
    }

    /** The next byte without consuming it, or -1 at end of stream. */
    int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    /** The next byte, or -1 at end of stream. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Reads exactly {@code length} bytes; the stream ending early is a malformed request. */
    void readFully(byte[] into, int offset, int length) throws IOException {
        while (length > 0) {
            if (position == limit && !fill()) {
                throw new HttpException(Status.BAD_REQUEST, "the connection ended in the middle of the body");
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /**
     * Reads one line and returns it without its line ending, decoded as ISO-8859-1 (one
     * char per byte). CRLF ends a line; a lone LF is accepted too (RFC 9112, section 2.2),
     * but a CR that is not followed by LF is a malformed request (400). A line longer than
     * {@code maxBytes} is refused with {@code whenTooLong}; so is an end of stream inside
     * the line (400).
     */
    String readLine(int maxBytes, Status whenTooLong) throws IOException {
        // BEGIN SOLUTION
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw new HttpException(Status.BAD_REQUEST, "the connection ended in the middle of a line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (position == limit && !fill()) {
                    throw new HttpException(Status.BAD_REQUEST, "the connection ended in the middle of a line");
                }
                if (buffer[position] != '\n') {
                    throw new HttpException(Status.BAD_REQUEST, "a CR must be followed by LF");
                }
                position++;
                break;
            }
            if (length == maxBytes) {
                throw new HttpException(whenTooLong, "a line is longer than " + maxBytes + " bytes");
            }
            if (length == line.length) {
                // Most lines are short; grow (up to the limit) only for the long ones.
                line = Arrays.copyOf(line, Math.min(line.length * 2, Math.max(maxBytes, line.length + 1)));
            }
            line[length++] = b;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        // END SOLUTION
        // STUB: // TODO(task 04.2): refuse lines longer than maxBytes (throw new HttpException(whenTooLong, ...)) and a CR without LF (400).
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): read one line up to CRLF (use read())");
    }

    private boolean fill() throws IOException {
        int timeout = readTimeoutMs;
        if (hasDeadline) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the deadline has passed");
            }
            timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        if (timeout != soTimeout) {
            socket.setSoTimeout(timeout);
            soTimeout = timeout;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
