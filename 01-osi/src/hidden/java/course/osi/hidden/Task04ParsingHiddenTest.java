package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.Seeded;
import course.osi.Captures;
import course.osi.ChecksumStatus;
import course.osi.DecodedFrame;
import course.osi.EthernetFrame;
import course.osi.Ipv4Packet;
import course.osi.PacketException;
import course.osi.PacketParser;
import course.osi.ParseMode;
import course.osi.PcapHeader;
import course.osi.Protocol;
import course.osi.Reference;
import course.osi.TcpOption;
import course.osi.TcpSegment;
import course.osi.Tshark;
import course.osi.TsharkCheck;
import course.osi.UdpDatagram;
import course.osi.VlanTag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.4, hidden: the hidden captures against Wireshark, every truncation, options, fragments and odd lengths. */
@DisplayName("01.4 Parsing (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task04ParsingHiddenTest {
    static final int ETH = PcapHeader.LINKTYPE_ETHERNET;

    static byte[] mixed(int number) {
        return Captures.frame("mixed.pcap", number).data();
    }

    /** A packet of mixed.pcap chosen by Wireshark's view. */
    static int find(String protocol, String field, String value) {
        List<JsonNode> packets = Tshark.packets("mixed.pcap");
        for (int i = 0; i < packets.size(); i++) {
            if (Tshark.has(packets.get(i), protocol) && (field == null
                    || Tshark.field(packets.get(i), protocol, field).orElse("").equals(value))) {
                return i + 1;
            }
        }
        throw new AssertionError("mixed.pcap has no " + protocol + " packet with " + field + " = " + value);
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("mixed.pcap and mixed-nsec-be.pcap (HTTP, RST, UDP, ICMP): PacketParser.frame agrees with Wireshark")
    void hiddenCaptures() {
        for (String capture : List.of("mixed.pcap", "mixed-nsec-be.pcap")) {
            List<JsonNode> tshark = Tshark.packets(capture);
            for (Captures.Frame frame : Captures.frames(capture)) {
                DecodedFrame d = PacketParser.frame(frame.data(), Captures.linkType(capture), ParseMode.CAPTURE);
                List<String> differences = TsharkCheck.frameDifferences(d, tshark.get(frame.number() - 1));
                if (!differences.isEmpty()) {
                    throw new AssertionError(TsharkCheck.message(capture, frame.number(), differences, frame.data(),
                            null));
                }
                assertEquals(Optional.empty(), d.problem(), frame + ": nothing wrong with it");
            }
        }
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("real frames cut at every length: STRICT throws Truncated, CAPTURE never throws and keeps what is there")
    void everyCut() {
        int syn = find("tcp", "tcp.flags", "0x0002");
        int http = find("http", null, null);
        int udp = find("udp", null, null);
        for (int number : List.of(syn, http, udp)) {
            byte[] f = mixed(number);
            for (int length = 0; length < f.length; length++) {
                byte[] cut = Arrays.copyOf(f, length);
                final int l = length;
                PacketException.Truncated t = assertThrows(PacketException.Truncated.class,
                        () -> PacketParser.frame(cut, ETH, ParseMode.STRICT), "mixed.pcap packet " + number + " cut to "
                                + l + " bytes, STRICT");
                assertTrue(t.available() < t.needed(), "Truncated says fewer bytes were available than needed: "
                        + t.getMessage());
                DecodedFrame d = PacketParser.frame(cut, ETH, ParseMode.CAPTURE);
                int transportHeader = f[23] == 6 ? 14 + 20 + (f[46] >>> 4 & 0x0f) * 4 : 14 + 20 + 8;
                if (length >= transportHeader) {
                    assertTrue(d.transport().isPresent(), "cut to " + l + " bytes, the whole transport header is still "
                            + "there: CAPTURE mode parses it (" + d.problem() + ")");
                    assertEquals(ChecksumStatus.UNVERIFIED, d.transportChecksum(),
                            "cut to " + l + " bytes, the transport checksum cannot be verified");
                    assertTrue(d.ipv4().get().truncated(), "the IPv4 packet knows it was cut");
                } else {
                    assertTrue(d.problem().orElse(null) instanceof PacketException.Truncated,
                            "cut to " + l + " bytes inside a header: the problem is Truncated, not " + d.problem());
                }
            }
        }
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("IPv4 options and fragments; TCP SACK, unknown and padded options; malformed options with offsets")
    void optionsAndFragments() {
        byte[] f = mixed(find("udp", null, null));
        // Record route (7), length 7, pointer 4, one empty slot; then end of list: 8 bytes of options.
        byte[] rr = Reference.bytes(7, 7, 4, 0, 0, 0, 0, 0);
        byte[] withOptions = Reference.insert(f, 34, rr);
        withOptions[14] = 0x47;
        Reference.put16(withOptions, 16, Reference.u16(f, 16) + 8);
        withOptions = Reference.fixIpv4Checksum(withOptions);
        DecodedFrame d = PacketParser.frame(withOptions, ETH, ParseMode.CAPTURE);
        assertArrayEquals(rr, d.ipv4().get().options(), "IPv4 options (IHL 7)");
        assertTrue(d.transport().get() instanceof UdpDatagram, "UDP after the options");

        byte[] fragment = Reference.fixIpv4Checksum(Reference.with(f, 20, 0x20)); // MF set, DF cleared
        DecodedFrame first = PacketParser.frame(fragment, ETH, ParseMode.STRICT);
        assertTrue(first.ipv4().get().moreFragments(), "MF set");
        assertEquals(Optional.empty(), first.transport(), "a fragment's transport is left to reassembly");
        byte[] later = Reference.fixIpv4Checksum(Reference.with(Reference.with(f, 20, 0x00), 21, 0xb9));
        Ipv4Packet l = PacketParser.frame(later, ETH, ParseMode.STRICT).ipv4().get();
        assertEquals(185, l.fragmentOffset(), "fragment offset 185 (1480 bytes)");
        assertTrue(l.isFragment(), "offset > 0: a fragment");

        byte[] tcp = Reference.bytes(0x1f, 0x90, 0xc3, 0x50, 0, 0, 0, 1, 0, 0, 0, 2, 0xc2, 0x90, 0x01, 0x00, 0, 0, 0, 0,
                1, 1, 5, 18, 0, 0, 0, 10, 0, 0, 0, 20, 0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xff, 0xff, 30, 4, 0xab, 0xcd,
                0, 0, 0, 0, 'x');
        TcpSegment s = PacketParser.tcp(tcp);
        assertEquals(List.of(new TcpOption.NoOperation(), new TcpOption.NoOperation(),
                new TcpOption.Sack(List.of(new TcpOption.SackBlock(10, 20),
                        new TcpOption.SackBlock(0xfffffff0L, 0xffffffffL))),
                new TcpOption.Unknown(30, Reference.bytes(0xab, 0xcd)), new TcpOption.EndOfOptionList(),
                new TcpOption.EndOfOptionList(), new TcpOption.EndOfOptionList(), new TcpOption.EndOfOptionList()),
                s.options(), "NOP, NOP, SACK with 2 blocks, kind 30, end of list and its padding");
        assertEquals(48, s.headerLength(), "data offset 12");
        assertEquals(0x290, s.flags().bits(), "CWR, ACK and a reserved bit");
        assertArrayEquals(Reference.bytes('x'), s.payload(), "the data");
        assertEquals(0xfffffff0L, ((TcpOption.Sack) s.options().get(2)).blocks().get(1).left(), "unsigned edges");

        malformed(tcp, 23, 1, 22, "option length 1");
        malformed(tcp, 23, 40, 22, "SACK running past the end");
        malformed(tcp, 23, 11, 22, "SACK length 11");
        byte[] ws = Reference.bytes(0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0x02, 0xff, 0xff, 0, 0, 0, 0, 3, 4, 7, 0);
        malformed(ws, 0, 0, 20, "window scale of length 4");
        byte[] lone = Reference.bytes(0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0x02, 0xff, 0xff, 0, 0, 0, 0, 1, 1, 1, 2);
        malformed(lone, 0, 0, 23, "kind 2 in the last byte, without a length");
    }

    /** Sets byte {@code at} (if {@code at} > 0) and expects Malformed at {@code offset}. */
    static void malformed(byte[] tcp, int at, int value, int offset, String what) {
        byte[] bad = at > 0 ? Reference.with(tcp, at, value) : tcp;
        PacketException.Malformed m = assertThrows(PacketException.Malformed.class, () -> PacketParser.tcp(bad), what);
        assertEquals(offset, m.offset(), what + ": offset of the option, " + m.getMessage());
        assertEquals(Protocol.TCP, m.protocol(), what + ": protocol");
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("length fields at their edges, VLAN-tagged capture frames, and 3000 random damaged frames: only PacketExceptions")
    void edgesAndGarbage(Random random) {
        byte[] udp = mixed(find("udp", null, null));
        byte[] tagged = Reference.insert(udp, 12, Reference.bytes(0x81, 0x00, 0x00, 0x07));
        DecodedFrame d = PacketParser.frame(tagged, ETH, ParseMode.CAPTURE);
        assertEquals(Optional.of(new VlanTag(0, false, 7)), ((EthernetFrame) d.link().get()).vlan(), "VLAN 7");
        assertTrue(d.transport().isPresent(), "UDP behind a VLAN tag");

        byte[] ip = Arrays.copyOfRange(udp, 14, udp.length);
        byte[] shortTotal = Reference.with(Reference.with(ip, 2, 0), 3, 19);
        PacketException.HeaderTooShort h = assertThrows(PacketException.HeaderTooShort.class,
                () -> PacketParser.ipv4(shortTotal, 0, shortTotal.length, ParseMode.CAPTURE),
                "total length 19 < header length 20");
        assertEquals(20, h.minimum(), "the minimum is the header length");
        assertEquals(19, h.value(), "the total length given");

        byte[] segment = Arrays.copyOfRange(udp, 34, udp.length);
        byte[] longer = Reference.with(segment, 5, segment[5] + 4);
        assertThrows(PacketException.Truncated.class, () -> PacketParser.udp(longer), "UDP length 4 more than there is");
        UdpDatagram partial = PacketParser.udp(longer, 0, longer.length, ParseMode.CAPTURE);
        assertEquals(segment.length - 8, partial.payload().length, "CAPTURE: the data that is there");
        byte[] header = Reference.with(Reference.with(segment, 4, 0), 5, 8);
        assertEquals(0, PacketParser.udp(header).payload().length, "UDP length 8: no data, the rest is not the datagram's");
        assertThrows(PacketException.Truncated.class, () -> PacketParser.ethernet(new byte[13]), "13 bytes of Ethernet");
        byte[] fullOptions = new byte[60];
        fullOptions[12] = (byte) 0xf0;
        Arrays.fill(fullOptions, 20, 60, (byte) 1);
        assertEquals(40, PacketParser.tcp(fullOptions).options().size(), "data offset 15: 40 no-operations");
        byte[] ihl15 = new byte[60];
        ihl15[0] = 0x4f;
        ihl15[3] = 60;
        assertEquals(40, PacketParser.ipv4(ihl15, 0, 60, ParseMode.CAPTURE).options().length, "IHL 15: 40 bytes of options");

        List<byte[]> seeds = List.of(udp, mixed(find("tcp", "tcp.flags", "0x0002")), mixed(find("http", null, null)),
                mixed(find("icmp", null, null)));
        for (int n = 0; n < 3000; n++) {
            byte[] f = seeds.get(random.nextInt(seeds.size())).clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = 12 + random.nextInt(f.length - 12);
                f[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : f[at] ^ (1 << random.nextInt(8)));
            }
            byte[] damaged = random.nextBoolean() ? f : Arrays.copyOf(f, random.nextInt(f.length + 1));
            try {
                PacketParser.frame(damaged, ETH, ParseMode.STRICT);
            } catch (PacketException expected) {
                // any kind of PacketException is fine for damaged bytes
            } catch (RuntimeException e) {
                throw new AssertionError("STRICT parsing of damaged bytes threw " + e + " instead of a PacketException; "
                        + "frame: " + TsharkCheck.hex(damaged), e);
            }
            try {
                PacketParser.frame(damaged, ETH, ParseMode.CAPTURE);
            } catch (RuntimeException e) {
                throw new AssertionError("CAPTURE mode must not throw, but threw " + e + "; frame: "
                        + TsharkCheck.hex(damaged), e);
            }
        }
    }
}
