package course.osi;

/**
 * An IPv4 address: 32 bits, held in an int (so addresses from 128.0.0.0 up are negative ints;
 * compare with {@link Integer#compareUnsigned} or use {@link #toUnsignedLong()}). Its text form
 * is four decimal numbers 0..255 separated by dots ("dotted decimal").
 *
 * @param value the 32 bits, first octet in the most significant byte
 */
public record Ipv4Address(int value) {
    /** Bytes in an IPv4 address. */
    public static final int LENGTH = 4;
    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7f00_0001);
    /** The limited broadcast address, 255.255.255.255. */
    public static final Ipv4Address BROADCAST = new Ipv4Address(-1);

    /**
     * Parses dotted decimal strictly: exactly four parts, each 1 to 3 decimal digits with a value
     * of at most 255, and no leading zeros ("010" is refused: some parsers, like inet_aton, read it
     * as octal 8, others as decimal 10, so it is ambiguous). No spaces, signs or other characters.
     *
     * @throws AddressFormatException naming the input and what is wrong with it
     */
    public static Ipv4Address parse(String text) {
        // BEGIN SOLUTION
        String what = "an IPv4 address";
        if (text == null) {
            throw new AddressFormatException(what, "null", "no text");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new AddressFormatException(what, text, "expected four parts separated by dots, found "
                    + parts.length);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            String which = "part " + (i + 1) + " (\"" + part + "\")";
            if (part.isEmpty() || part.length() > 3) {
                throw new AddressFormatException(what, text, which + " must have 1 to 3 digits");
            }
            for (int c = 0; c < part.length(); c++) {
                if (part.charAt(c) < '0' || part.charAt(c) > '9') {
                    throw new AddressFormatException(what, text, which + " is not a decimal number");
                }
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new AddressFormatException(what, text, which + " has a leading zero (octal or decimal?)");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new AddressFormatException(what, text, which + " is larger than 255");
            }
            value = value << 8 | octet;
        }
        return new Ipv4Address(value);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): parse dotted decimal");
    }

    /** The address a.b.c.d; each part 0..255. */
    public static Ipv4Address of(int a, int b, int c, int d) {
        // BEGIN SOLUTION
        for (int part : new int[] {a, b, c, d}) {
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("each part of an IPv4 address is 0..255, not " + part);
            }
        }
        return new Ipv4Address(a << 24 | b << 16 | c << 8 | d);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): an address from four parts");
    }

    /** The address in the 4 bytes of {@code data} at {@code offset}, network byte order. */
    public static Ipv4Address of(byte[] data, int offset) {
        // BEGIN SOLUTION
        return new Ipv4Address((int) Unsigned.u32(data, offset));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): an address from 4 bytes");
    }

    /** The 4 bytes as they go on the wire. */
    public byte[] bytes() {
        // BEGIN SOLUTION
        byte[] out = new byte[LENGTH];
        Unsigned.putU32(out, 0, toUnsignedLong());
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): the 4 bytes of an address");
    }

    /** The 32 bits as a number 0 .. 4294967295. */
    public long toUnsignedLong() {
        return Integer.toUnsignedLong(value);
    }

    /** Dotted decimal, e.g. "192.168.0.1". */
    @Override
    public String toString() {
        // BEGIN SOLUTION
        return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.2): format dotted decimal");
    }
}
