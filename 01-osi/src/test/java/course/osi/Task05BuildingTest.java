package course.osi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.Seeded;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.5: records back to bytes, lengths and checksums computed, and parse(write(x)) = x. */
@DisplayName("01.5 Building packets")
@ExtendWith(Seeded.class)
@Timeout(10)
class Task05BuildingTest {

    static void sameBytes(byte[] expected, byte[] actual, String what) {
        String diff = Bytes.diff(expected, actual);
        assertEquals("", diff, what + ":\n" + diff);
    }

    @Test
    @Graded(task = "01.5", points = 2)
    @DisplayName("PacketWriter gives back the captured bytes of every layer of every frame in http.pcap and udp.pcap")
    void writeCapturedFrames() {
        for (String capture : List.of(Captures.HTTP, Captures.UDP)) {
            for (Captures.Frame frame : Captures.frames(capture)) {
                byte[] f = frame.data();
                EthernetFrame e = PacketParser.ethernet(f);
                sameBytes(f, PacketWriter.ethernet(e), frame + ", Ethernet II frame written back");
                byte[] ipBytes = e.payload();
                Ipv4Packet ip = PacketParser.ipv4(ipBytes, 0, ipBytes.length, ParseMode.CAPTURE);
                sameBytes(ipBytes, PacketWriter.ipv4(ip), frame + ", IPv4 packet written back");
                byte[] segment = ip.payload();
                byte[] written = ip.protocol() == 6 ? PacketWriter.tcp(PacketParser.tcp(segment))
                        : PacketWriter.udp(PacketParser.udp(segment));
                sameBytes(segment, written, frame + (ip.protocol() == 6 ? ", TCP" : ", UDP") + " written back");
            }
        }
    }

    @Test
    @Graded(task = "01.5", points = 2)
    @DisplayName("PacketBuilder computes IPv4 total length and checksum, UDP length and checksum, pads TCP options")
    void builderComputes() {
        Ipv4Address src = Ipv4Address.parse("10.0.0.1");
        Ipv4Address dst = Ipv4Address.parse("10.0.0.2");
        UdpDatagram u = PacketBuilder.udp(src, dst, UdpDatagram.of(5353, 53, Bytes.ascii("query")));
        assertEquals(13, u.length(), "UDP length: 8 + 5");
        byte[] uw = PacketWriter.udp(u);
        byte[] ipHeader = new byte[20];
        System.arraycopy(src.bytes(), 0, ipHeader, 12, 4);
        System.arraycopy(dst.bytes(), 0, ipHeader, 16, 4);
        assertEquals(0, Reference.transport(ipHeader, 0, 17, uw, 0, uw.length),
                "the written datagram verifies with the pseudo-header (checksum field 0x"
                        + Integer.toHexString(u.checksum()) + ")");

        TcpSegment template = new TcpSegment(40000, 443, 1, 0, TcpFlags.of(TcpFlags.SYN), 64240, 0, 0,
                List.of(new TcpOption.MaximumSegmentSize(1460), new TcpOption.WindowScale(7)), new byte[0]);
        TcpSegment t = PacketBuilder.tcp(src, dst, template);
        assertEquals(List.of(new TcpOption.MaximumSegmentSize(1460), new TcpOption.WindowScale(7),
                new TcpOption.EndOfOptionList()), t.options(), "7 bytes of options padded with one end-of-list to 8");
        assertEquals(28, t.headerLength(), "20 + 8 bytes of options");
        byte[] tw = PacketWriter.tcp(t);
        assertEquals(0x70, tw[12] & 0xf0, "data offset 7 words");
        assertEquals(0, Reference.transport(ipHeader, 0, 6, tw, 0, tw.length), "the TCP segment verifies");

        Ipv4Packet ip = PacketBuilder.ipv4(Ipv4Packet.of(src, dst, 0, new byte[0]), u);
        assertEquals(20 + 13, ip.totalLength(), "IPv4 total length: 20 + the UDP datagram");
        assertEquals(17, ip.protocol(), "protocol set from the segment: UDP");
        byte[] iw = PacketWriter.ipv4(ip);
        assertEquals(0, Reference.checksum(iw, 0, 20), "the IPv4 header verifies");
        sameBytes(uw, Arrays.copyOfRange(iw, 20, iw.length), "the finished UDP datagram is the IPv4 payload");
        assertEquals(ip, PacketBuilder.ipv4(ip), "finishing a finished packet changes nothing");

        byte[] frame = PacketBuilder.frame(MacAddress.parse("02:00:00:00:00:01"), MacAddress.parse("02:00:00:00:00:02"),
                Ipv4Packet.of(src, dst, 0, new byte[0]), template);
        DecodedFrame d = PacketParser.frame(frame, PcapHeader.LINKTYPE_ETHERNET, ParseMode.STRICT);
        assertEquals(Optional.of(t), d.transport(), "the frame's TCP segment, parsed strictly");
    }

    @Test
    @Graded(task = "01.5", points = 2)
    @DisplayName("200 random packets (seeded): parse(write(build(x))) = build(x) at every layer")
    void randomRoundTrip(Random random) {
        for (int n = 0; n < 200; n++) {
            Ipv4Packet template = RandomPackets.ipv4(random);
            TransportSegment segment = RandomPackets.segment(random);
            Ipv4Packet ip = PacketBuilder.ipv4(template, segment);
            EthernetFrame e = RandomPackets.ethernet(random, PacketWriter.ipv4(ip));
            byte[] bytes = PacketWriter.ethernet(e);
            assertEquals(e, PacketParser.ethernet(bytes), "Ethernet round trip of " + e);
            assertEquals(ip, PacketParser.ipv4(e.payload()), "IPv4 round trip of " + ip);
            TransportSegment finished = segment instanceof UdpDatagram u
                    ? PacketBuilder.udp(ip.source(), ip.destination(), u)
                    : PacketBuilder.tcp(ip.source(), ip.destination(), (TcpSegment) segment);
            TransportSegment parsed = segment instanceof UdpDatagram ? PacketParser.udp(ip.payload())
                    : PacketParser.tcp(ip.payload());
            assertEquals(finished, parsed, "transport round trip of " + finished);
            DecodedFrame d = PacketParser.frame(bytes, PcapHeader.LINKTYPE_ETHERNET, ParseMode.STRICT);
            assertEquals(ChecksumStatus.GOOD, d.ipv4Checksum(), "IPv4 checksum status of a built packet");
            assertEquals(ChecksumStatus.GOOD, d.transportChecksum(), "transport checksum status of a built packet");
        }
    }
}
