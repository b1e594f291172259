package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.Seeded;
import course.osi.DecodedFrame;
import course.osi.EthernetFrame;
import course.osi.Ipv4Packet;
import course.osi.PacketBuilder;
import course.osi.PacketException;
import course.osi.PacketParser;
import course.osi.PacketWriter;
import course.osi.ParseMode;
import course.osi.PcapHeader;
import course.osi.RandomPackets;
import course.osi.Reference;
import course.osi.TcpSegment;
import course.osi.TransportSegment;
import course.osi.TsharkCheck;
import course.osi.UdpDatagram;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.5, hidden: many random packets against an independent encoder, and damage that must not pass. */
@DisplayName("01.5 Building packets (hidden)")
@ExtendWith(Seeded.class)
@Timeout(30)
class Task05BuildingHiddenTest {

    static void sameBytes(byte[] expected, byte[] actual, String what) {
        String diff = Bytes.diff(expected, actual);
        assertEquals("", diff, what + ":\n" + diff);
    }

    /** A random finished frame: IPv4 (maybe with options, maybe tagged) carrying UDP or TCP. */
    static byte[] randomFrame(Random random) {
        Ipv4Packet ip = PacketBuilder.ipv4(RandomPackets.ipv4(random), RandomPackets.segment(random));
        return PacketWriter.ethernet(RandomPackets.ethernet(random, PacketWriter.ipv4(ip)));
    }

    @Test
    @Graded(task = "01.5", points = 2)
    @DisplayName("1000 random packets: written bytes equal an independent encoder's, checksums verify, parse gives them back")
    void manyRandomPackets(Random random) {
        for (int n = 0; n < 1000; n++) {
            Ipv4Packet template = RandomPackets.ipv4(random);
            TransportSegment segment = RandomPackets.segment(random);
            TransportSegment finished = segment instanceof UdpDatagram u
                    ? PacketBuilder.udp(template.source(), template.destination(), u)
                    : PacketBuilder.tcp(template.source(), template.destination(), (TcpSegment) segment);
            byte[] written = finished instanceof UdpDatagram u ? PacketWriter.udp(u) : PacketWriter.tcp((TcpSegment) finished);
            sameBytes(finished instanceof UdpDatagram u ? WireReference.udp(u) : WireReference.tcp((TcpSegment) finished),
                    written, "the written " + finished);
            Ipv4Packet ip = PacketBuilder.ipv4(template, segment);
            byte[] ipBytes = PacketWriter.ipv4(ip);
            sameBytes(WireReference.ipv4(ip), ipBytes, "the written " + ip);
            sameBytes(written, ip.payload(), "the IPv4 payload is the finished segment");
            assertEquals(ipBytes.length, ip.totalLength(), "total length of " + ip);
            assertEquals(0, Reference.checksum(ipBytes, 0, ip.headerLength()), "IPv4 header checksum of " + ip);
            int protocol = finished instanceof UdpDatagram ? 17 : 6;
            assertEquals(protocol, ip.protocol(), "protocol field");
            assertEquals(0, Reference.transport(ipBytes, 0, protocol, ipBytes, ip.headerLength(), ipBytes.length),
                    "transport checksum of " + finished);
            assertEquals(ip, PacketParser.ipv4(ipBytes), "IPv4 round trip");
            EthernetFrame e = RandomPackets.ethernet(random, ipBytes);
            byte[] frame = PacketWriter.ethernet(e);
            sameBytes(WireReference.ethernet(e), frame, "the written " + e);
            DecodedFrame d = PacketParser.frame(frame, PcapHeader.LINKTYPE_ETHERNET, ParseMode.STRICT);
            assertEquals(finished, d.transport().orElseThrow(), "transport round trip through a whole frame");
        }
    }

    @Test
    @Graded(task = "01.5", points = 2)
    @DisplayName("one flipped bit anywhere in the IPv4 header, the transport header or the data: STRICT parsing refuses it")
    void damageIsRefused(Random random) {
        for (int n = 0; n < 25; n++) {
            byte[] frame = randomFrame(random);
            int ip = (frame[12] & 0xff) == 0x81 ? 18 : 14;
            // Every bit of the headers (the first 120 bytes from IPv4 on), then a sample of the data's bits.
            int headers = Math.min(frame.length, ip + 120) * 8;
            List<Integer> bits = new ArrayList<>();
            for (int bit = ip * 8; bit < headers; bit++) {
                bits.add(bit);
            }
            for (int k = 0; k < 64 && headers < frame.length * 8; k++) {
                bits.add(headers + random.nextInt(frame.length * 8 - headers));
            }
            for (int bit : bits) {
                byte[] damaged = frame.clone();
                damaged[bit / 8] ^= (byte) (1 << (bit % 8));
                int udpChecksum = ip + (frame[ip] & 0x0f) * 4 + 6;
                if (frame[ip + 9] == 17 && Reference.u16(damaged, udpChecksum) == 0) {
                    continue; // a checksum field flipped to 0 means "no checksum": legitimately accepted
                }
                try {
                    DecodedFrame d = PacketParser.frame(damaged, PcapHeader.LINKTYPE_ETHERNET, ParseMode.STRICT);
                    throw new AssertionError("bit " + (bit - ip * 8) + " of the IPv4 packet flipped, yet STRICT "
                            + "parsing accepted it: " + d.ipv4() + ", " + d.transport() + "\nframe: "
                            + TsharkCheck.hex(damaged));
                } catch (PacketException expected) {
                    // a checksum, a length or the version caught it
                }
            }
        }
    }
}
