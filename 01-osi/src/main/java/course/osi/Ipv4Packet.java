package course.osi;

import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 packet (RFC 791) with every header field as it is on the wire, so that writing it
 * back ({@link PacketWriter#ipv4}) gives the same bytes. The header:
 * <pre>
 *  0  version (4 bits, always 4) | IHL (4 bits: header length in 32-bit words, 5..15)
 *  1  DSCP (6 bits) | ECN (2 bits)
 *  2  total length (16): header and data, in bytes
 *  4  identification (16)
 *  6  flags (3 bits: reserved, DF, MF) | fragment offset (13 bits, in units of 8 bytes)
 *  8  TTL (8) | 9  protocol (8: 1 ICMP, 6 TCP, 17 UDP)
 * 10  header checksum (16)
 * 12  source address (32) | 16  destination address (32)
 * 20  options (IHL*4 - 20 bytes, a multiple of 4)
 * </pre>
 * Version and IHL are not components: the version is always 4 and the IHL follows from the options.
 *
 * @param totalLength    the total length field as given (may disagree with the bytes: see {@link #truncated()})
 * @param flags          the three flag bits as a number 0..7: {@link #FLAG_DF}, {@link #FLAG_MF}, and the reserved bit 4
 * @param fragmentOffset in units of 8 bytes, 0..8191
 * @param headerChecksum the checksum field as given
 * @param options        the option bytes as given, padding included (0 to 40 bytes, a multiple of 4)
 * @param payload        the data after the header: total length minus header length bytes, or fewer
 *                       when a capture cut the packet short
 */
public record Ipv4Packet(int dscp, int ecn, int totalLength, int identification, int flags, int fragmentOffset,
                         int ttl, int protocol, int headerChecksum, Ipv4Address source, Ipv4Address destination,
                         byte[] options, byte[] payload) {
    public static final int VERSION = 4;
    public static final int MIN_HEADER_LENGTH = 20;
    /** IHL is 4 bits: at most 15 words of 4 bytes. */
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int MAX_TOTAL_LENGTH = 0xffff;
    public static final int FLAG_RESERVED = 4;
    public static final int FLAG_DF = 2;
    public static final int FLAG_MF = 1;
    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;
    /** TTL of packets made by {@link #of}: Linux's default. */
    public static final int DEFAULT_TTL = 64;

    public Ipv4Packet {
        range("dscp", dscp, 63);
        range("ecn", ecn, 3);
        range("totalLength", totalLength, MAX_TOTAL_LENGTH);
        range("identification", identification, 0xffff);
        range("flags", flags, 7);
        range("fragmentOffset", fragmentOffset, 0x1fff);
        range("ttl", ttl, 255);
        range("protocol", protocol, 255);
        range("headerChecksum", headerChecksum, 0xffff);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        options = options.clone();
        payload = payload.clone();
        if (options.length % 4 != 0 || options.length > MAX_HEADER_LENGTH - MIN_HEADER_LENGTH) {
            throw new IllegalArgumentException("IPv4 options are 0 to 40 bytes, a multiple of 4; not "
                    + options.length);
        }
    }

    private static void range(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ", but was " + value);
        }
    }

    /**
     * A packet to finish with {@link PacketBuilder#ipv4}: no options, DSCP and ECN 0, identification 0,
     * don't fragment, TTL {@value #DEFAULT_TTL}; total length and checksum 0 until computed.
     */
    public static Ipv4Packet of(Ipv4Address source, Ipv4Address destination, int protocol, byte[] payload) {
        return new Ipv4Packet(0, 0, 0, 0, FLAG_DF, 0, DEFAULT_TTL, protocol, 0, source, destination, new byte[0],
                payload);
    }

    @Override
    public byte[] options() {
        return options.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Header length in bytes: 20 plus the options (IHL * 4). */
    public int headerLength() {
        return MIN_HEADER_LENGTH + options.length;
    }

    public boolean dontFragment() {
        return (flags & FLAG_DF) != 0;
    }

    public boolean moreFragments() {
        return (flags & FLAG_MF) != 0;
    }

    /** Part of a fragmented datagram: more fragments follow, or this one does not start at offset 0. */
    public boolean isFragment() {
        return moreFragments() || fragmentOffset != 0;
    }

    /** Fewer data bytes than the total length promises: the capture cut the packet short. */
    public boolean truncated() {
        return payload.length < totalLength - headerLength();
    }

    /** The same packet with other data, e.g. a damaged copy in a test. Lengths and checksum stay as they are. */
    public Ipv4Packet withPayload(byte[] newPayload) {
        return new Ipv4Packet(dscp, ecn, totalLength, identification, flags, fragmentOffset, ttl, protocol,
                headerChecksum, source, destination, options, newPayload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Packet p && p.dscp == dscp && p.ecn == ecn && p.totalLength == totalLength
                && p.identification == identification && p.flags == flags && p.fragmentOffset == fragmentOffset
                && p.ttl == ttl && p.protocol == protocol && p.headerChecksum == headerChecksum
                && p.source.equals(source) && p.destination.equals(destination) && Arrays.equals(p.options, options)
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dscp, ecn, totalLength, identification, flags, fragmentOffset, ttl, protocol,
                headerChecksum, source, destination, Arrays.hashCode(options), Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Ipv4Packet[" + source + " -> " + destination + ", dscp=" + dscp + ", ecn=" + ecn
                + ", totalLength=" + totalLength + ", identification=" + identification + ", flags=" + flags
                + ", fragmentOffset=" + fragmentOffset + ", ttl=" + ttl + ", protocol=" + protocol
                + ", headerChecksum=" + Hex.number(headerChecksum, 4) + ", options=" + Hex.brief(options)
                + ", payload=" + Hex.brief(payload) + "]";
    }
}
