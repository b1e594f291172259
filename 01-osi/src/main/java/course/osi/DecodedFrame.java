package course.osi;

import java.util.Objects;
import java.util.Optional;

/**
 * A captured frame taken apart as far as it goes: the link layer, IPv4 if the frame carries it,
 * UDP or TCP if the packet carries one (and is not a fragment), the checksum statuses, and in
 * {@link ParseMode#CAPTURE} mode the first problem that stopped the parse.
 *
 * @param linkType          the pcap link type the frame was read as
 * @param ipv4Checksum      the IPv4 header checksum; {@link ChecksumStatus#UNVERIFIED} without IPv4
 * @param transportChecksum the UDP or TCP checksum; {@link ChecksumStatus#UNVERIFIED} without a transport or when
 *                          the capture cut the segment short
 * @param problem           why parsing stopped early (CAPTURE mode only; STRICT mode throws it)
 */
public record DecodedFrame(int linkType, Optional<LinkLayer> link, Optional<Ipv4Packet> ipv4,
                           ChecksumStatus ipv4Checksum, Optional<TransportSegment> transport,
                           ChecksumStatus transportChecksum, Optional<PacketException> problem) {
    public DecodedFrame {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv4Checksum, "ipv4Checksum");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(transportChecksum, "transportChecksum");
        Objects.requireNonNull(problem, "problem");
    }
}
