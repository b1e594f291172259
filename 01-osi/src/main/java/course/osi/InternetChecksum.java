package course.osi;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum of
 * the data taken as 16-bit big-endian words, an odd last byte padded with a zero byte. IPv4
 * protects its header with it; UDP and TCP protect their header, their data and a
 * "pseudo-header" of IP fields (RFC 768, RFC 9293 section 3.1) with it.
 *
 * <p>Methods that produce the value for a checksum field ({@link #ipv4Header}, {@link #udp},
 * {@link #tcp}) treat the field as zero, whatever it holds. Methods that verify sum everything,
 * field included: intact data then sums to 0xFFFF, whose complement is 0.
 */
public final class InternetChecksum {
    /** Offset of the checksum field in an IPv4 header, a UDP header and a TCP header. */
    public static final int IPV4_CHECKSUM_OFFSET = 10;
    public static final int UDP_CHECKSUM_OFFSET = 6;
    public static final int TCP_CHECKSUM_OFFSET = 16;

    private InternetChecksum() {
    }

    /**
     * The ones' complement sum of {@code length} bytes, carries folded back in: 0..0xFFFF, not
     * complemented. RFC 1071's example bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2.
     */
    public static int sum(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        return sum(0, data, offset, length);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): the ones' complement sum");
    }

    /**
     * Continues a sum: {@code initial} (0..0xFFFF, e.g. a pseudo-header's sum) plus the words of
     * the data. Summing in pieces gives the same result as summing at once as long as every piece
     * but the last has an even length.
     */
    public static int sum(int initial, byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        // A long cannot overflow here: 32767 words of at most 0xFFFF each stay far below 2^63.
        long sum = initial;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += (data[i] & 0xff) << 8 | (data[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        return fold(sum);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): continue a ones' complement sum");
    }

    /** The checksum of {@code length} bytes: the complement of {@link #sum}, 0..0xFFFF. */
    public static int checksum(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        return ~sum(data, offset, length) & 0xffff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): RFC 1071 checksum");
    }

    /** The checksum of all of {@code data}. */
    public static int checksum(byte[] data) {
        return checksum(data, 0, data.length);
    }

    /**
     * Updates a checksum after one 16-bit word of the data changed from {@code oldWord} to
     * {@code newWord}, without summing the data again (RFC 1624, equation 3:
     * HC' = ~(~HC + ~m + m')). A router that decrements the TTL does this.
     */
    public static int update(int checksum, int oldWord, int newWord) {
        // BEGIN SOLUTION
        long sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        return ~fold(sum) & 0xffff;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): RFC 1624 incremental update");
    }

    /**
     * The ones' complement sum of the IPv4 pseudo-header that UDP and TCP include in their
     * checksum: source address, destination address, a zero byte, the protocol number and the
     * UDP or TCP length (header plus data).
     */
    public static int pseudoHeaderSum(Ipv4Address source, Ipv4Address destination, int protocol, int length) {
        // BEGIN SOLUTION
        byte[] pseudo = new byte[12];
        Unsigned.putU32(pseudo, 0, source.toUnsignedLong());
        Unsigned.putU32(pseudo, 4, destination.toUnsignedLong());
        Unsigned.putU8(pseudo, 9, protocol);
        Unsigned.putU16(pseudo, 10, length);
        return sum(pseudo, 0, pseudo.length);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): the pseudo-header's sum");
    }

    /** The value for the checksum field of the IPv4 header in {@code data} (its bytes 10-11 taken as zero). */
    public static int ipv4Header(byte[] data, int offset, int headerLength) {
        // BEGIN SOLUTION
        return withFieldZero(0, data, offset, headerLength, IPV4_CHECKSUM_OFFSET);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): IPv4 header checksum");
    }

    /**
     * The value for the checksum field of the UDP datagram (header and data, {@code length} bytes)
     * in {@code data}, between these addresses. A computed 0 is sent as 0xFFFF, because 0 in the
     * field means "no checksum" (RFC 768).
     */
    public static int udp(Ipv4Address source, Ipv4Address destination, byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        int initial = pseudoHeaderSum(source, destination, Ipv4Packet.PROTOCOL_UDP, length);
        int checksum = withFieldZero(initial, data, offset, length, UDP_CHECKSUM_OFFSET);
        return checksum == 0 ? 0xffff : checksum;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): UDP checksum with the pseudo-header");
    }

    /** The value for the checksum field of the TCP segment (header and data, {@code length} bytes) in {@code data}. */
    public static int tcp(Ipv4Address source, Ipv4Address destination, byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        int initial = pseudoHeaderSum(source, destination, Ipv4Packet.PROTOCOL_TCP, length);
        return withFieldZero(initial, data, offset, length, TCP_CHECKSUM_OFFSET);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): TCP checksum with the pseudo-header");
    }

    /** GOOD when the IPv4 header in {@code data}, checksum field included, sums to 0xFFFF; else BAD. */
    public static ChecksumStatus verifyIpv4Header(byte[] data, int offset, int headerLength) {
        // BEGIN SOLUTION
        return checksum(data, offset, headerLength) == 0 ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): verify an IPv4 header");
    }

    /** NONE when the UDP checksum field is 0; otherwise GOOD or BAD for the whole datagram and pseudo-header. */
    public static ChecksumStatus verifyUdp(Ipv4Address source, Ipv4Address destination, byte[] data, int offset,
                                           int length) {
        // BEGIN SOLUTION
        if (Unsigned.u16(data, offset + UDP_CHECKSUM_OFFSET) == 0) {
            return ChecksumStatus.NONE;
        }
        int initial = pseudoHeaderSum(source, destination, Ipv4Packet.PROTOCOL_UDP, length);
        return sum(initial, data, offset, length) == 0xffff ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): verify a UDP checksum");
    }

    /** GOOD or BAD for the whole TCP segment and pseudo-header. */
    public static ChecksumStatus verifyTcp(Ipv4Address source, Ipv4Address destination, byte[] data, int offset,
                                           int length) {
        // BEGIN SOLUTION
        int initial = pseudoHeaderSum(source, destination, Ipv4Packet.PROTOCOL_TCP, length);
        return sum(initial, data, offset, length) == 0xffff ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.3): verify a TCP checksum");
    }
    // BEGIN SOLUTION

    /** Adds the carries back in until the sum fits 16 bits (end-around carry). */
    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum of {@code length} bytes after {@code initial}, the 16-bit field at {@code field} counted as 0. */
    private static int withFieldZero(int initial, byte[] data, int offset, int length, int field) {
        // Sum the bytes before and after the field; both pieces before the end have even length.
        int before = sum(initial, data, offset, field);
        int after = sum(before, data, offset + field + 2, length - field - 2);
        return ~after & 0xffff;
    }
    // END SOLUTION
}
