package course.osi;

/**
 * A 48-bit IEEE 802 MAC address, held as the low 48 bits of a long. Its text form is six
 * two-digit hex groups, "00:1a:2b:3c:4d:5e"; the first byte on the wire is the first group.
 *
 * @param value the address, 0 .. 2^48-1
 */
public record MacAddress(long value) {
    /** Bytes in a MAC address. */
    public static final int LENGTH = 6;
    /** All zeros: what Linux puts in both addresses of a frame captured on the loopback interface. */
    public static final MacAddress ZERO = new MacAddress(0);
    /** All ones: every station on the link. */
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if (value < 0 || value > 0xffff_ffff_ffffL) {
            throw new IllegalArgumentException("a MAC address has 48 bits; " + Long.toHexString(value) + " has more");
        }
    }

    /**
     * Parses six groups of exactly two hex digits (either case), separated all by ':' or all by
     * '-': "00:1A:2b:3c:4d:5e" or "00-1a-2b-3c-4d-5e".
     *
     * @throws AddressFormatException naming the input and what is wrong with it
     */
    public static MacAddress parse(String text) {
        // BEGIN SOLUTION
        if (text == null) {
            throw new AddressFormatException("a MAC address", "null", "no text");
        }
        if (text.length() != 17) {
            throw new AddressFormatException("a MAC address", text,
                    "expected 17 characters (six two-digit hex groups and five separators), got " + text.length());
        }
        char separator = text.charAt(2);
        if (separator != ':' && separator != '-') {
            throw new AddressFormatException("a MAC address", text, "the groups are separated by ':' or '-'");
        }
        long value = 0;
        for (int group = 0; group < LENGTH; group++) {
            int at = group * 3;
            if (group > 0 && text.charAt(at - 1) != separator) {
                throw new AddressFormatException("a MAC address", text,
                        "expected '" + separator + "' at index " + (at - 1) + ", found '" + text.charAt(at - 1) + "'");
            }
            int hi = Character.digit(text.charAt(at), 16);
            int lo = Character.digit(text.charAt(at + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new AddressFormatException("a MAC address", text,
                        "group " + (group + 1) + " (\"" + text.substring(at, at + 2) + "\") is not two hex digits");
            }
            value = value << 8 | hi << 4 | lo;
        }
        return new MacAddress(value);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): parse a MAC address");
    }

    /** The address in the 6 bytes of {@code data} at {@code offset} (first byte = first group). */
    public static MacAddress of(byte[] data, int offset) {
        // BEGIN SOLUTION
        long value = 0;
        for (int i = 0; i < LENGTH; i++) {
            value = value << 8 | (data[offset + i] & 0xff);
        }
        return new MacAddress(value);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): a MAC address from 6 bytes");
    }

    /** The 6 bytes as they go on the wire. */
    public byte[] bytes() {
        // BEGIN SOLUTION
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): the 6 bytes of a MAC address");
    }

    /** A group address (multicast or broadcast): the lowest bit of the first byte, the I/G bit, is 1. */
    public boolean isMulticast() {
        // BEGIN SOLUTION
        return (value >>> 40 & 1) == 1;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): the I/G bit");
    }

    /** Lower-case, colon-separated: "00:1a:2b:3c:4d:5e" (the form Wireshark prints). */
    @Override
    public String toString() {
        // BEGIN SOLUTION
        StringBuilder out = new StringBuilder(17);
        for (int i = LENGTH - 1; i >= 0; i--) {
            out.append(String.format("%02x", value >>> (8 * i) & 0xff));
            if (i > 0) {
                out.append(':');
            }
        }
        return out.toString();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): format a MAC address");
    }
}
