package course.osi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Encapsulation made concrete: an application payload goes down the stack (UDP or TCP, then
 * IPv4, then Ethernet II), each layer putting its header in front; decapsulation takes the
 * headers off again, outermost first.
 */
public final class Encapsulation {
    /** Hops an encapsulated packet may take: Linux's default (net.ipv4.ip_default_ttl). */
    public static final int TTL = 64;
    /** TCP fields that a single segment without a connection still needs: first sequence and ack number... */
    public static final long TCP_SEQUENCE = 1;
    public static final long TCP_ACKNOWLEDGEMENT = 1;
    /** ...a window of 64 KiB - 1 (the most without window scaling), and PSH+ACK as for data in an open connection. */
    public static final int TCP_WINDOW = 65_535;
    public static final TcpFlags TCP_FLAGS = TcpFlags.of(TcpFlags.PSH, TcpFlags.ACK);
    /** The largest payload: IPv4's 16-bit total length minus a 20-byte IPv4 header and the transport header. */
    public static final int MAX_UDP_PAYLOAD = 65_535 - Ipv4Packet.MIN_HEADER_LENGTH - UdpDatagram.HEADER_LENGTH;
    public static final int MAX_TCP_PAYLOAD = 65_535 - Ipv4Packet.MIN_HEADER_LENGTH - TcpSegment.MIN_HEADER_LENGTH;

    private Encapsulation() {
    }

    /**
     * Wraps {@code payload} in a UDP datagram or TCP segment (as {@code flow.transport()} says),
     * an IPv4 packet (TTL {@value #TTL}, don't fragment, identification 0, no options) and an
     * Ethernet II frame (no VLAN tag), with every length and checksum filled in. TCP segments carry
     * the constants above and no options.
     *
     * @throws IllegalArgumentException when the payload does not fit in one IPv4 packet
     */
    public static Encapsulated encapsulate(Flow flow, byte[] payload) {
        // BEGIN SOLUTION
        int max = flow.transport() == Protocol.UDP ? MAX_UDP_PAYLOAD : MAX_TCP_PAYLOAD;
        if (payload.length > max) {
            throw new IllegalArgumentException("a " + flow.transport().displayName() + " payload of " + payload.length
                    + " bytes does not fit in one IPv4 packet (at most " + max + ")");
        }
        TransportSegment segment = flow.transport() == Protocol.UDP
                ? UdpDatagram.of(flow.sourcePort(), flow.destinationPort(), payload)
                : TcpSegment.of(flow.sourcePort(), flow.destinationPort(), TCP_SEQUENCE, TCP_ACKNOWLEDGEMENT,
                        TCP_FLAGS, TCP_WINDOW, payload);
        Ipv4Packet ip = PacketBuilder.ipv4(Ipv4Packet.of(flow.source(), flow.destination(), 0, new byte[0]), segment);
        EthernetFrame ethernet = new EthernetFrame(flow.destinationMac(), flow.sourceMac(), Optional.empty(),
                EthernetFrame.ETHERTYPE_IPV4, PacketWriter.ipv4(ip));
        return describe(flow, ethernet, ip, payload);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): encapsulate a payload");
    }

    /**
     * Takes an Ethernet II frame apart (strictly: every length and checksum must be right) and
     * returns the flow, the layers and the application payload it carried.
     *
     * @throws PacketException when the frame is damaged, or is not IPv4 with UDP or TCP
     *                         ({@link PacketException.Unsupported})
     */
    public static Encapsulated decapsulate(byte[] frame) {
        // BEGIN SOLUTION
        DecodedFrame decoded = PacketParser.frame(frame, PcapHeader.LINKTYPE_ETHERNET, ParseMode.STRICT);
        EthernetFrame ethernet = (EthernetFrame) decoded.link().orElseThrow();
        Ipv4Packet ip = decoded.ipv4().orElseThrow(() -> new PacketException.Unsupported(Protocol.ETHERNET,
                "EtherType " + Hex.number(ethernet.etherType(), 4) + " (only IPv4 is decapsulated)"));
        TransportSegment segment = decoded.transport().orElseThrow(() -> new PacketException.Unsupported(
                Protocol.IPV4, "protocol " + ip.protocol() + " (only UDP and TCP are decapsulated)"));
        Flow flow = new Flow(ethernet.source(), ethernet.destination(), ip.source(), ip.destination(),
                segment.protocol(), segment.sourcePort(), segment.destinationPort());
        return describe(flow, ethernet, ip, segment.payload());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): decapsulate a frame");
    }
    // BEGIN SOLUTION

    private static Encapsulated describe(Flow flow, EthernetFrame ethernet, Ipv4Packet ip, byte[] payload) {
        byte[] frame = PacketWriter.ethernet(ethernet);
        byte[] ipBytes = ethernet.payload();
        int transportLength = ipBytes.length - ip.headerLength();
        int transportHeader = transportLength - payload.length;
        List<Layer> layers = List.of(
                new Layer(Protocol.ETHERNET, Arrays.copyOf(frame, ethernet.headerLength()), ipBytes.length),
                new Layer(Protocol.IPV4, Arrays.copyOf(ipBytes, ip.headerLength()), transportLength),
                new Layer(flow.transport(), Arrays.copyOfRange(ipBytes, ip.headerLength(),
                        ip.headerLength() + transportHeader), payload.length));
        return new Encapsulated(flow, layers, payload, frame);
    }
    // END SOLUTION
}
