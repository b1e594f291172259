package course.osi;

/**
 * Unsigned, big-endian ("network byte order", RFC 1700) numbers in byte arrays. Java's byte,
 * short and int are signed: the byte 0xFF is -1, so every read masks, and 32-bit values come
 * back as a long so that 0xFFFFFFFF stays 4294967295.
 */
public final class Unsigned {
    private Unsigned() {
    }

    /** The byte as 0..255. */
    public static int u8(byte b) {
        // BEGIN SOLUTION
        return b & 0xff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): a byte as 0..255");
    }

    /** The byte at {@code offset} as 0..255. */
    public static int u8(byte[] data, int offset) {
        // BEGIN SOLUTION
        return data[offset] & 0xff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): u8");
    }

    /** The two bytes at {@code offset}, most significant first, as 0..65535. */
    public static int u16(byte[] data, int offset) {
        // BEGIN SOLUTION
        return (data[offset] & 0xff) << 8 | (data[offset + 1] & 0xff);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): u16, big-endian");
    }

    /** The four bytes at {@code offset}, most significant first, as 0..4294967295. */
    public static long u32(byte[] data, int offset) {
        // BEGIN SOLUTION
        return (long) u16(data, offset) << 16 | u16(data, offset + 2);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): u32, big-endian");
    }

    /** Writes 0..255 at {@code offset}. */
    public static void putU8(byte[] data, int offset, int value) {
        // BEGIN SOLUTION
        check(value, 0xffL, "u8");
        data[offset] = (byte) value;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): putU8");
    }

    /** Writes 0..65535 at {@code offset}, most significant byte first. */
    public static void putU16(byte[] data, int offset, int value) {
        // BEGIN SOLUTION
        check(value, 0xffffL, "u16");
        data[offset] = (byte) (value >>> 8);
        data[offset + 1] = (byte) value;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): putU16, big-endian");
    }

    /** Writes 0..4294967295 at {@code offset}, most significant byte first. */
    public static void putU32(byte[] data, int offset, long value) {
        // BEGIN SOLUTION
        check(value, 0xffff_ffffL, "u32");
        putU16(data, offset, (int) (value >>> 16));
        putU16(data, offset + 2, (int) (value & 0xffff));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): putU32, big-endian");
    }
    // BEGIN SOLUTION

    /** A value that does not fit would be silently cut: say so instead. */
    private static void check(long value, long max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(value + " does not fit in a " + what + " (0.." + max + ")");
        }
    }
    // END SOLUTION
}
