package course.osi;

import java.util.Optional;

/** The protocols this module takes apart, each with its place in the two layer models. */
public enum Protocol {
    /** The bytes as captured: what travelled on the medium (Wireshark's "Frame"). */
    FRAME("Frame"),
    ETHERNET("Ethernet II"),
    /** Linux's "cooked" link header (pcap link type 113), used when capturing on the "any" device. */
    LINUX_SLL("Linux cooked"),
    IPV4("IPv4"),
    ICMP("ICMP"),
    TCP("TCP"),
    UDP("UDP"),
    DNS("DNS"),
    HTTP("HTTP");

    private final String displayName;

    Protocol(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in messages and in the dissector's output, e.g. "Ethernet II". */
    public String displayName() {
        return displayName;
    }

    /**
     * The OSI layer the protocol's header belongs to: the captured frame is what the physical
     * layer carried; Ethernet II and Linux cooked are data link; IPv4 and ICMP (IP's own error
     * messages) are network; TCP and UDP transport; DNS and HTTP application.
     */
    public OsiLayer osiLayer() {
        // BEGIN SOLUTION
        return switch (this) {
            case FRAME -> OsiLayer.PHYSICAL;
            case ETHERNET, LINUX_SLL -> OsiLayer.DATA_LINK;
            case IPV4, ICMP -> OsiLayer.NETWORK;
            case TCP, UDP -> OsiLayer.TRANSPORT;
            case DNS, HTTP -> OsiLayer.APPLICATION;
        };
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): the OSI layer of " + this);
    }

    /** The TCP/IP layer of the protocol, through its OSI layer. */
    public TcpIpLayer tcpIpLayer() {
        return osiLayer().tcpIpLayer();
    }

    /** The protocol with this number in IPv4's protocol field (1 ICMP, 6 TCP, 17 UDP), if it is one of ours. */
    public static Optional<Protocol> ofIpProtocolNumber(int number) {
        return switch (number) {
            case Ipv4Packet.PROTOCOL_ICMP -> Optional.of(ICMP);
            case Ipv4Packet.PROTOCOL_TCP -> Optional.of(TCP);
            case Ipv4Packet.PROTOCOL_UDP -> Optional.of(UDP);
            default -> Optional.empty();
        };
    }
}
