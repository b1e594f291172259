package course.osi;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads named fields from a {@link ByteBuffer}, in the buffer's byte order, without ever
 * running past its end: a read that needs more bytes than remain throws
 * {@link PacketException.Truncated} naming the protocol, the field, the offset and how many
 * bytes were needed and available, and consumes nothing. A {@code BufferUnderflowException}
 * never escapes.
 *
 * <p>Offsets are counted from where the reader started (the buffer's position when it was made).
 */
public final class ByteReader {
    private final Protocol protocol;
    private final ByteBuffer buffer;

    /**
     * Reads {@code buffer} from its position to its limit, in its byte order. The reader works on
     * its own view, so the caller's buffer position does not move.
     */
    public ByteReader(Protocol protocol, ByteBuffer buffer) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        // slice() starts a view at the position but resets the byte order to big-endian: keep the caller's.
        this.buffer = buffer.slice().order(buffer.order());
    }

    /** Reads {@code length} bytes of {@code data} from {@code offset}, big-endian. */
    public static ByteReader of(Protocol protocol, byte[] data, int offset, int length) {
        return new ByteReader(protocol, ByteBuffer.wrap(data, offset, length));
    }

    /** Bytes read (or skipped) so far. */
    public int position() {
        return buffer.position();
    }

    /** Bytes left to read. */
    public int remaining() {
        return buffer.remaining();
    }

    /** An unsigned byte. */
    public int u8(String field) {
        // BEGIN SOLUTION
        need(field, 1);
        return buffer.get() & 0xff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): read " + field + " as u8");
    }

    /** An unsigned 16-bit number. */
    public int u16(String field) {
        // BEGIN SOLUTION
        need(field, 2);
        return buffer.getShort() & 0xffff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): read " + field + " as u16");
    }

    /** An unsigned 32-bit number. */
    public long u32(String field) {
        // BEGIN SOLUTION
        need(field, 4);
        return buffer.getInt() & 0xffff_ffffL;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): read " + field + " as u32");
    }

    /** The next {@code length} bytes, copied. */
    public byte[] bytes(String field, int length) {
        // BEGIN SOLUTION
        need(field, length);
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): read " + length + " bytes of " + field);
    }

    /** Everything that is left, copied (may be empty). */
    public byte[] rest() {
        // BEGIN SOLUTION
        return bytes("rest", buffer.remaining());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): the remaining bytes");
    }

    /** Moves past {@code length} bytes. */
    public void skip(String field, int length) {
        // BEGIN SOLUTION
        need(field, length);
        buffer.position(buffer.position() + length);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): skip " + length + " bytes of " + field);
    }
    // BEGIN SOLUTION

    private void need(String field, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a length of " + length + " bytes for " + field);
        }
        if (buffer.remaining() < length) {
            throw new PacketException.Truncated(protocol, field, buffer.position(), length, buffer.remaining());
        }
    }
    // END SOLUTION
}
