package course.osi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A UDP datagram (RFC 768): an 8-byte header of four 16-bit fields (source port, destination
 * port, length of header and data, checksum), then the data. Fields are as on the wire.
 *
 * @param length   the length field as given: header and data in bytes
 * @param checksum the checksum field as given; 0 means the sender computed none
 * @param payload  the data (fewer than length - 8 bytes when a capture cut it short)
 */
public record UdpDatagram(int sourcePort, int destinationPort, int length, int checksum, byte[] payload)
        implements TransportSegment {
    public static final int HEADER_LENGTH = 8;

    public UdpDatagram {
        PortRange.check(sourcePort);
        PortRange.check(destinationPort);
        if (length < 0 || length > 0xffff || checksum < 0 || checksum > 0xffff) {
            throw new IllegalArgumentException("length and checksum are 16-bit fields: " + length + ", " + checksum);
        }
        payload = payload.clone();
    }

    /** A datagram to finish with {@link PacketBuilder#udp}: length and checksum 0 until computed. */
    public static UdpDatagram of(int sourcePort, int destinationPort, byte[] payload) {
        return new UdpDatagram(sourcePort, destinationPort, 0, 0, payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public int headerLength() {
        return HEADER_LENGTH;
    }

    @Override
    public Protocol protocol() {
        return Protocol.UDP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram d && d.sourcePort == sourcePort && d.destinationPort == destinationPort
                && d.length == length && d.checksum == checksum && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, length, checksum, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UdpDatagram[" + sourcePort + " -> " + destinationPort + ", length=" + length + ", checksum="
                + Hex.number(checksum, 4) + ", payload=" + Hex.brief(payload) + "]";
    }
}
