package course.osi;

/** What IPv4 carries for the transport layer here: a UDP datagram or a TCP segment. */
public sealed interface TransportSegment permits UdpDatagram, TcpSegment {
    int sourcePort();

    int destinationPort();

    /** The application's bytes (as far as they were captured). */
    byte[] payload();

    /** Bytes in the transport header. */
    int headerLength();

    /** {@link Protocol#UDP} or {@link Protocol#TCP}. */
    Protocol protocol();
}
