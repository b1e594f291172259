package course.osi;

import java.util.Objects;

/**
 * Why bytes are not a valid packet. The kinds are a closed set, so a caller can handle each
 * with a {@code switch} over the subclasses; every kind names the protocol whose header was
 * wrong and says in its message which field, at which offset, expected what.
 *
 * <p>Offsets count from the start of that protocol's header.
 */
public abstract sealed class PacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Protocol protocol;

    PacketException(Protocol protocol, String message) {
        super(Objects.requireNonNull(protocol, "protocol").displayName() + ": " + message);
        this.protocol = protocol;
    }

    /** The protocol whose header or data is at fault. */
    public Protocol protocol() {
        return protocol;
    }

    /** The bytes end before a field, or before the data a length field promised. */
    public static final class Truncated extends PacketException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final int offset;
        private final int needed;
        private final int available;

        public Truncated(Protocol protocol, String field, int offset, int needed, int available) {
            super(protocol, "truncated: " + field + " needs " + needed + " byte" + (needed == 1 ? "" : "s")
                    + " at offset " + offset + ", but only " + available + " remain");
            this.field = field;
            this.offset = offset;
            this.needed = needed;
            this.available = available;
        }

        public String field() {
            return field;
        }

        public int offset() {
            return offset;
        }

        public int needed() {
            return needed;
        }

        public int available() {
            return available;
        }
    }

    /** A header length field (IPv4's IHL or total length, TCP's data offset, UDP's length) below the minimum. */
    public static final class HeaderTooShort extends PacketException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final int value;
        private final int minimum;

        /** @param value the length the field gives, in bytes; {@code minimum} the least that is valid */
        public HeaderTooShort(Protocol protocol, String field, int value, int minimum) {
            super(protocol, "header too short: " + field + " gives " + value + " bytes, the minimum is " + minimum);
            this.field = field;
            this.value = value;
            this.minimum = minimum;
        }

        public String field() {
            return field;
        }

        public int value() {
            return value;
        }

        public int minimum() {
            return minimum;
        }
    }

    /** The version field is not the version this parser reads (IPv4: 4). */
    public static final class WrongVersion extends PacketException {
        private static final long serialVersionUID = 1L;
        private final int found;
        private final int expected;

        public WrongVersion(Protocol protocol, int found, int expected) {
            super(protocol, "wrong version: " + found + ", expected " + expected);
            this.found = found;
            this.expected = expected;
        }

        public int found() {
            return found;
        }

        public int expected() {
            return expected;
        }
    }

    /** The checksum field does not match the data. */
    public static final class BadChecksum extends PacketException {
        private static final long serialVersionUID = 1L;
        private final int found;
        private final int expected;

        /** @param found the field's value; {@code expected} the value the data needs there */
        public BadChecksum(Protocol protocol, int found, int expected) {
            super(protocol, String.format("bad checksum: the field is 0x%04x, the data needs 0x%04x", found,
                    expected));
            this.found = found;
            this.expected = expected;
        }

        public int found() {
            return found;
        }

        public int expected() {
            return expected;
        }
    }

    /** A field whose value makes no sense where it is (a TCP option running past the header, a length of 1, ...). */
    public static final class Malformed extends PacketException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final int offset;

        public Malformed(Protocol protocol, String field, int offset, String reason) {
            super(protocol, "malformed " + field + " at offset " + offset + ": " + reason);
            this.field = field;
            this.offset = offset;
        }

        public String field() {
            return field;
        }

        public int offset() {
            return offset;
        }
    }

    /** Valid, perhaps, but not something this module reads (a pcap link type, an 802.3 length field, ...). */
    public static final class Unsupported extends PacketException {
        private static final long serialVersionUID = 1L;

        public Unsupported(Protocol protocol, String what) {
            super(protocol, "not supported: " + what);
        }
    }
}
