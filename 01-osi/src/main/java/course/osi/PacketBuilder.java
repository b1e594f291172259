package course.osi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes packets: takes a record whose length and checksum fields are placeholders and returns
 * the same packet with them computed, ready for {@link PacketWriter}. Every other field stays as
 * given, so {@code PacketParser.x(PacketWriter.x(PacketBuilder.x(p)))} equals {@code PacketBuilder.x(p)}.
 */
public final class PacketBuilder {
    private PacketBuilder() {
    }

    /**
     * The packet with total length = header length + payload length and the header checksum computed.
     *
     * @throws IllegalArgumentException when header and payload exceed 65535 bytes
     */
    public static Ipv4Packet ipv4(Ipv4Packet template) {
        // BEGIN SOLUTION
        int total = template.headerLength() + template.payload().length;
        if (total > Ipv4Packet.MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("an IPv4 packet of " + total + " bytes does not fit the 16-bit total "
                    + "length");
        }
        Ipv4Packet sized = withLengthAndChecksum(template, total, 0);
        byte[] bytes = PacketWriter.ipv4(sized);
        return withLengthAndChecksum(template, total, InternetChecksum.ipv4Header(bytes, 0, sized.headerLength()));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): compute IPv4 total length and checksum");
    }

    /**
     * The datagram with length = 8 + payload length and the checksum computed over the pseudo-header of
     * these addresses (a computed 0 becomes 0xFFFF).
     */
    public static UdpDatagram udp(Ipv4Address source, Ipv4Address destination, UdpDatagram template) {
        // BEGIN SOLUTION
        byte[] payload = template.payload();
        int length = UdpDatagram.HEADER_LENGTH + payload.length;
        if (length > 0xffff) {
            throw new IllegalArgumentException("a UDP datagram of " + length + " bytes does not fit the 16-bit length");
        }
        UdpDatagram sized = new UdpDatagram(template.sourcePort(), template.destinationPort(), length, 0, payload);
        byte[] bytes = PacketWriter.udp(sized);
        int checksum = InternetChecksum.udp(source, destination, bytes, 0, bytes.length);
        return new UdpDatagram(template.sourcePort(), template.destinationPort(), length, checksum, payload);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): compute UDP length and checksum");
    }

    /**
     * The segment with its options padded by {@link TcpOption.EndOfOptionList}s to a multiple of 4 bytes
     * (so that parsing the written segment gives the same list) and the checksum computed over the
     * pseudo-header of these addresses.
     */
    public static TcpSegment tcp(Ipv4Address source, Ipv4Address destination, TcpSegment template) {
        // BEGIN SOLUTION
        List<TcpOption> options = new ArrayList<>(template.options());
        while (TcpOption.encodedLength(options) % 4 != 0) {
            options.add(new TcpOption.EndOfOptionList());
        }
        TcpSegment padded = withChecksum(template, options, 0);
        byte[] bytes = PacketWriter.tcp(padded);
        return withChecksum(template, options, InternetChecksum.tcp(source, destination, bytes, 0, bytes.length));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): pad TCP options and compute the checksum");
    }

    /**
     * IPv4 carrying a transport segment: the segment finished with the template's addresses
     * ({@link #udp} or {@link #tcp}), written as the payload, the protocol field set to 17 or 6, and then
     * the packet finished ({@link #ipv4(Ipv4Packet)}). The template's own payload and protocol are ignored.
     */
    public static Ipv4Packet ipv4(Ipv4Packet template, TransportSegment segment) {
        // BEGIN SOLUTION
        byte[] bytes;
        int protocol;
        switch (segment) {
            case UdpDatagram u -> {
                bytes = PacketWriter.udp(udp(template.source(), template.destination(), u));
                protocol = Ipv4Packet.PROTOCOL_UDP;
            }
            case TcpSegment t -> {
                bytes = PacketWriter.tcp(tcp(template.source(), template.destination(), t));
                protocol = Ipv4Packet.PROTOCOL_TCP;
            }
        }
        return ipv4(new Ipv4Packet(template.dscp(), template.ecn(), 0, template.identification(), template.flags(),
                template.fragmentOffset(), template.ttl(), protocol, 0, template.source(), template.destination(),
                template.options(), bytes));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): IPv4 around a finished segment");
    }

    /** The bytes of an Ethernet II frame (no VLAN tag) around {@link #ipv4(Ipv4Packet, TransportSegment)}. */
    public static byte[] frame(MacAddress source, MacAddress destination, Ipv4Packet template,
                               TransportSegment segment) {
        // BEGIN SOLUTION
        return PacketWriter.ethernet(new EthernetFrame(destination, source, Optional.empty(),
                EthernetFrame.ETHERTYPE_IPV4, PacketWriter.ipv4(ipv4(template, segment))));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): a whole frame");
    }
    // BEGIN SOLUTION

    private static Ipv4Packet withLengthAndChecksum(Ipv4Packet p, int totalLength, int checksum) {
        return new Ipv4Packet(p.dscp(), p.ecn(), totalLength, p.identification(), p.flags(), p.fragmentOffset(),
                p.ttl(), p.protocol(), checksum, p.source(), p.destination(), p.options(), p.payload());
    }

    private static TcpSegment withChecksum(TcpSegment s, List<TcpOption> options, int checksum) {
        return new TcpSegment(s.sourcePort(), s.destinationPort(), s.sequenceNumber(), s.acknowledgementNumber(),
                s.flags(), s.window(), checksum, s.urgentPointer(), options, s.payload());
    }
    // END SOLUTION
}
