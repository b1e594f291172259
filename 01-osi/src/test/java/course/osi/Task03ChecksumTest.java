package course.osi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.3: the Internet checksum, its incremental update, and the UDP/TCP pseudo-header. */
@DisplayName("01.3 Internet checksum")
@Timeout(10)
class Task03ChecksumTest {

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("RFC 1071's example (00 01 f2 03 f4 f5 f6 f7: sum ddf2, checksum 220d), an odd length, a slice")
    void rfc1071() {
        byte[] data = Reference.bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
        assertEquals(0xddf2, InternetChecksum.sum(data, 0, data.length), "sum of RFC 1071's example");
        assertEquals(0x220d, InternetChecksum.checksum(data, 0, data.length), "checksum of RFC 1071's example");
        assertEquals(0xfeff, InternetChecksum.checksum(Reference.bytes(0x01), 0, 1),
                "an odd last byte is padded with a zero byte: 0x0100, complement 0xfeff");
        byte[] framed = Reference.bytes(9, 9, 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7, 9);
        assertEquals(0x220d, InternetChecksum.checksum(framed, 2, 8), "checksum of a slice (offset 2, length 8)");
        int firstHalf = InternetChecksum.sum(data, 0, 4);
        assertEquals(0xddf2, InternetChecksum.sum(firstHalf, data, 4, 4),
                "sum(initial = sum of the first 4 bytes, the last 4 bytes) is the sum of all 8");
        assertEquals(0, InternetChecksum.checksum(Reference.bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7,
                0x22, 0x0d)), "data followed by its checksum sums to 0xFFFF: checksum 0");
    }

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), e.g. 0xdd2f with 0x5555 -> 0x3285 gives 0x0000; a TTL decrement")
    void incrementalUpdate() {
        assertEquals(0x0000, InternetChecksum.update(0xdd2f, 0x5555, 0x3285),
                "RFC 1624 section 4's example: ~(0x22d0 + 0xaaaa + 0x3285) = ~0xffff = 0x0000");
        for (Captures.Frame frame : Captures.frames(Captures.HTTP)) {
            byte[] f = frame.data();
            int oldWord = Reference.u16(f, Reference.IP + 8); // TTL and protocol
            int newWord = oldWord - 0x100; // TTL - 1, as a router forwards the packet
            int updated = InternetChecksum.update(Reference.u16(f, Reference.IP + 10), oldWord, newWord);
            Reference.put16(f, Reference.IP + 8, newWord);
            int recomputed = Reference.u16(Reference.fixIpv4Checksum(f), Reference.IP + 10);
            assertEquals(recomputed, updated, frame + ": TTL decremented, incremental update vs recomputing");
        }
    }

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("IPv4 header checksum: a textbook header (b861) and every header in http.pcap, as Wireshark says")
    void ipv4Header() {
        byte[] header = Reference.bytes(0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xb8, 0x61, 0xc0,
                0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7);
        assertEquals(0xb861, InternetChecksum.ipv4Header(header, 0, 20), "checksum of 45 00 00 73 ... c0 a8 00 c7");
        assertEquals(ChecksumStatus.GOOD, InternetChecksum.verifyIpv4Header(header, 0, 20), "the header verifies");
        assertEquals(0xb861, InternetChecksum.ipv4Header(Reference.with(header, 11, 0x99), 0, 20),
                "the value for the field does not depend on what the field holds now");
        assertEquals(ChecksumStatus.BAD, InternetChecksum.verifyIpv4Header(Reference.with(header, 8, 0x3f), 0, 20),
                "a changed TTL no longer verifies");
        List<JsonNode> tshark = Tshark.packets(Captures.HTTP);
        for (Captures.Frame frame : Captures.frames(Captures.HTTP)) {
            JsonNode layers = tshark.get(frame.number() - 1);
            byte[] f = frame.data();
            int ihl = Reference.ihl(f);
            assertEquals(Tshark.number(layers, "ip", "ip.checksum_calculated"),
                    InternetChecksum.ipv4Header(f, Reference.IP, ihl), frame + ": IPv4 checksum, Wireshark's value");
            assertEquals(ChecksumStatus.GOOD, InternetChecksum.verifyIpv4Header(f, Reference.IP, ihl),
                    frame + ": Wireshark says the IPv4 header checksum is good");
        }
    }

    @Test
    @Graded(task = "01.3", points = 3)
    @DisplayName("UDP and TCP checksums with the pseudo-header match Wireshark's; a computed 0 is sent as 0xFFFF")
    void pseudoHeader() {
        Ipv4Address a = Ipv4Address.parse("192.168.0.1");
        Ipv4Address b = Ipv4Address.parse("192.168.0.199");
        assertEquals(0x8236, InternetChecksum.pseudoHeaderSum(a, b, 17, 12),
                "pseudo-header sum of 192.168.0.1 -> 192.168.0.199, protocol 17, length 12 (c0a8+0001+c0a8+00c7+0011+000c)");
        // udp.pcap: loopback left the checksums unfinished (Wireshark: bad); udp-be.pcap has them completed (good).
        for (String capture : List.of(Captures.UDP, Captures.UDP_BIG_ENDIAN)) {
            checkTransport(capture, 17, "udp");
        }
        checkTransport(Captures.HTTP, 6, "tcp");

        // A datagram whose checksum comes out as 0: the field must then carry 0xFFFF.
        byte[] d = Reference.bytes(0x30, 0x39, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, 'a', 'b', 0, 0);
        byte[] pseudo = new byte[12 + d.length];
        System.arraycopy(a.bytes(), 0, pseudo, 0, 4);
        System.arraycopy(b.bytes(), 0, pseudo, 4, 4);
        pseudo[9] = 17;
        pseudo[11] = (byte) d.length;
        System.arraycopy(d, 0, pseudo, 12, d.length);
        Reference.put16(d, 10, Reference.checksum(pseudo, 0, pseudo.length)); // makes the whole sum 0xFFFF
        assertEquals(0xffff, InternetChecksum.udp(a, b, d, 0, d.length),
                "this datagram's checksum computes to 0, which UDP sends as 0xFFFF (0 means \"no checksum\")");
        assertEquals(ChecksumStatus.NONE, InternetChecksum.verifyUdp(a, b, d, 0, d.length),
                "a UDP checksum field of 0 means the sender computed none");
        Reference.put16(d, 6, 0xffff);
        assertEquals(ChecksumStatus.GOOD, InternetChecksum.verifyUdp(a, b, d, 0, d.length), "0xFFFF verifies");
    }

    /** Each segment's computed checksum equals Wireshark's calculated one, and the status agrees. */
    static void checkTransport(String capture, int protocol, String layer) {
        List<JsonNode> tshark = Tshark.packets(capture);
        for (Captures.Frame frame : Captures.frames(capture)) {
            JsonNode layers = tshark.get(frame.number() - 1);
            byte[] f = frame.data();
            int ip = Captures.linkType(capture) == 113 ? 16 : 14;
            int start = ip + (f[ip] & 0x0f) * 4;
            int end = ip + Reference.u16(f, ip + 2);
            Ipv4Address src = Ipv4Address.of(f, ip + 12);
            Ipv4Address dst = Ipv4Address.of(f, ip + 16);
            int field = Reference.u16(f, start + (protocol == 6 ? 16 : 6));
            String status = Tshark.require(layers, layer, layer + ".checksum.status");
            long expected = status.equals("1") ? field : Tshark.number(layers, layer, layer + ".checksum_calculated");
            int computed = protocol == 6 ? InternetChecksum.tcp(src, dst, f, start, end - start)
                    : InternetChecksum.udp(src, dst, f, start, end - start);
            assertEquals(expected, computed, frame + ": " + layer + " checksum (Wireshark's calculated value)");
            ChecksumStatus verified = protocol == 6 ? InternetChecksum.verifyTcp(src, dst, f, start, end - start)
                    : InternetChecksum.verifyUdp(src, dst, f, start, end - start);
            assertEquals(status, Tshark.status(verified), frame + ": " + layer
                    + " checksum status (Wireshark: 1 good, 0 bad), yours: " + verified);
        }
    }
}
