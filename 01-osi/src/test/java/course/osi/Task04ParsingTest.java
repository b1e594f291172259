package course.osi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.4: Ethernet II, IPv4, UDP and TCP headers into records, and typed errors for bad bytes. */
@DisplayName("01.4 Parsing")
@Timeout(10)
class Task04ParsingTest {
    static final int IP = Reference.IP;

    static byte[] udpFrame(int number) {
        return Captures.frame(Captures.UDP, number).data();
    }

    static byte[] httpFrame(int number) {
        return Captures.frame(Captures.HTTP, number).data();
    }

    static JsonNode tshark(String capture, int number) {
        return Tshark.packets(capture).get(number - 1);
    }

    /** The first packet of http.pcap that carries HTTP data (Wireshark's view decides). */
    static int firstHttp() {
        List<JsonNode> packets = Tshark.packets(Captures.HTTP);
        for (int i = 0; i < packets.size(); i++) {
            if (Tshark.has(packets.get(i), "http")) {
                return i + 1;
            }
        }
        throw new AssertionError("http.pcap has no HTTP packet");
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("Ethernet II: addresses, EtherType and payload; an 802.1Q tag; an 802.3 length is Unsupported")
    void ethernet() {
        byte[] f = udpFrame(1);
        EthernetFrame e = PacketParser.ethernet(f);
        assertEquals(MacAddress.ZERO, e.destination(), "loopback frames carry zero MAC addresses");
        assertEquals(MacAddress.ZERO, e.source(), "source address");
        assertEquals(Optional.empty(), e.vlan(), "no VLAN tag");
        assertEquals(0x0800, e.etherType(), "EtherType IPv4");
        assertArrayEquals(Arrays.copyOfRange(f, 14, f.length), e.payload(), "the payload: everything after byte 14");

        byte[] tagged = Reference.insert(f, 12, Reference.bytes(0x81, 0x00, 0xa0, 0x2a));
        tagged[0] = 0x02;
        EthernetFrame t = PacketParser.ethernet(tagged);
        assertEquals(MacAddress.parse("02:00:00:00:00:00"), t.destination(), "destination of the tagged frame");
        assertEquals(Optional.of(new VlanTag(5, false, 42)), t.vlan(), "TCI 0xa02a: priority 5, DEI 0, VLAN 42");
        assertEquals(0x0800, t.etherType(), "the EtherType after the tag");
        assertEquals(18, t.headerLength(), "header with tag");
        assertArrayEquals(e.payload(), t.payload(), "the same payload after the tag");

        byte[] ieee8023 = Reference.with(Reference.with(f, 12, 0x05), 13, 0xdc);
        PacketException.Unsupported u = assertThrows(PacketException.Unsupported.class,
                () -> PacketParser.ethernet(ieee8023), "type field 0x05dc (1500) is an 802.3 length");
        assertEquals(Protocol.ETHERNET, u.protocol(), "the protocol of the error");
    }

    @Test
    @Graded(task = "01.4", points = 3)
    @DisplayName("IPv4: every header field as Wireshark reads it; options and IHL; Ethernet padding is not data")
    void ipv4() {
        byte[] f = httpFrame(1);
        JsonNode w = tshark(Captures.HTTP, 1);
        Ipv4Packet p = PacketParser.ipv4(Arrays.copyOfRange(f, IP, f.length));
        assertEquals(Tshark.number(w, "ip", "ip.hdr_len"), p.headerLength(), "header length");
        assertEquals(Tshark.number(w, "ip", "ip.len"), p.totalLength(), "total length");
        assertEquals(Tshark.number(w, "ip", "ip.id"), p.identification(), "identification");
        assertTrue(p.dontFragment(), "Wireshark: ip.flags.df = 1");
        assertFalse(p.moreFragments(), "no more fragments");
        assertEquals(0, p.fragmentOffset(), "fragment offset");
        assertEquals(Tshark.number(w, "ip", "ip.ttl"), p.ttl(), "TTL");
        assertEquals(6, p.protocol(), "protocol: TCP");
        assertEquals(Tshark.number(w, "ip", "ip.checksum"), p.headerChecksum(), "header checksum field");
        assertEquals("127.0.0.1", p.source().toString(), "source");
        assertEquals(Ipv4Address.LOOPBACK, p.destination(), "destination");
        assertEquals(p.totalLength() - 20, p.payload().length, "the data: total length - header length bytes");

        // Four bytes of options (three no-ops and an end of list): IHL 6, total length + 4.
        byte[] withOptions = Reference.insert(f, IP + 20, Reference.bytes(1, 1, 1, 0));
        withOptions[IP] = 0x46;
        Reference.put16(withOptions, IP + 2, Reference.u16(f, IP + 2) + 4);
        withOptions = Reference.fixIpv4Checksum(withOptions);
        Ipv4Packet o = PacketParser.ipv4(Arrays.copyOfRange(withOptions, IP, withOptions.length));
        assertEquals(24, o.headerLength(), "IHL 6: a 24-byte header");
        assertArrayEquals(Reference.bytes(1, 1, 1, 0), o.options(), "the option bytes");
        assertArrayEquals(p.payload(), o.payload(), "the data after the options");

        byte[] padded = Arrays.copyOf(Arrays.copyOfRange(f, IP, f.length), f.length - IP + 10);
        assertArrayEquals(p.payload(), PacketParser.ipv4(padded).payload(),
                "10 bytes of Ethernet padding after the packet are not part of it (the total length says where it ends)");
    }

    @Test
    @Graded(task = "01.4", points = 3)
    @DisplayName("UDP fields and data; TCP flags, data offset and the SYN's options (MSS, SACK permitted, timestamps, window scale)")
    void udpAndTcp() {
        byte[] f = udpFrame(3);
        UdpDatagram u = PacketParser.udp(Arrays.copyOfRange(f, 34, f.length));
        JsonNode w = tshark(Captures.UDP, 3);
        assertEquals(Tshark.number(w, "udp", "udp.srcport"), u.sourcePort(), "UDP source port");
        assertEquals(Tshark.number(w, "udp", "udp.dstport"), u.destinationPort(), "UDP destination port");
        assertEquals(13, u.length(), "UDP length: 8 + \"hello\"");
        assertEquals(Tshark.number(w, "udp", "udp.checksum"), u.checksum(), "UDP checksum field");
        assertArrayEquals("hello".getBytes(), u.payload(), "UDP data");

        byte[] syn = httpFrame(1);
        JsonNode s = tshark(Captures.HTTP, 1);
        TcpSegment t = PacketParser.tcp(Arrays.copyOfRange(syn, 34, syn.length));
        assertEquals(Tshark.number(s, "tcp", "tcp.seq_raw"), t.sequenceNumber(), "sequence number (unsigned 32 bits)");
        assertEquals(0, t.acknowledgementNumber(), "a SYN acknowledges nothing");
        assertEquals(List.of("SYN"), t.flags().names(), "flags of the first packet");
        assertEquals(40, t.headerLength(), "data offset 10: 40 bytes");
        assertEquals(Tshark.number(s, "tcp", "tcp.window_size_value"), t.window(), "window");
        // Linux sends its SYN options in this order (the captures are made on Linux, see captures/record.sh).
        assertEquals(List.of(
                        new TcpOption.MaximumSegmentSize((int) Tshark.number(s, "tcp", "tcp.options.mss_val")),
                        new TcpOption.SackPermitted(),
                        new TcpOption.Timestamps(Tshark.number(s, "tcp", "tcp.options.timestamp.tsval"), 0),
                        new TcpOption.NoOperation(),
                        new TcpOption.WindowScale((int) Tshark.number(s, "tcp", "tcp.options.wscale.shift"))),
                t.options(), "the options of Linux's SYN, in order");
        assertEquals(0, t.payload().length, "a SYN carries no data here");

        int n = firstHttp();
        byte[] data = httpFrame(n);
        TcpSegment d = PacketParser.tcp(Arrays.copyOfRange(data, 34, data.length));
        assertEquals(List.of("PSH", "ACK"), d.flags().names(), "flags of packet " + n + " (HTTP data)");
        assertEquals(3, d.options().size(), "NOP, NOP, timestamps: " + d.options());
        assertEquals(new TcpOption.NoOperation(), d.options().get(0), "first option");
        assertTrue(new String(d.payload(), StandardCharsets.ISO_8859_1).startsWith("GET "),
                "the data is the HTTP request");
        assertEquals(List.of("SYN", "ACK"), new TcpFlags(0x012).names(), "names of 0x012");
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("typed errors: Truncated for missing bytes, HeaderTooShort for IHL, data offset or UDP length below the minimum")
    void truncatedAndTooShort() {
        byte[] f = httpFrame(1);
        byte[] ip = Arrays.copyOfRange(f, IP, f.length);
        PacketException.Truncated t = assertThrows(PacketException.Truncated.class,
                () -> PacketParser.ipv4(Arrays.copyOf(ip, 15)), "15 bytes of an IPv4 header");
        assertEquals(Protocol.IPV4, t.protocol(), "protocol of the error");
        PacketException.Truncated data = assertThrows(PacketException.Truncated.class,
                () -> PacketParser.ipv4(Arrays.copyOf(ip, ip.length - 1)), "the last byte of the data is missing");
        assertEquals(1, data.needed() - data.available(), "one byte short: " + data.getMessage());
        byte[] tcp = Arrays.copyOfRange(f, 34, f.length);
        PacketException.Truncated options = assertThrows(PacketException.Truncated.class,
                () -> PacketParser.tcp(Arrays.copyOf(tcp, 24)), "data offset 10 but only 24 bytes");
        assertEquals(Protocol.TCP, options.protocol(), "protocol of the error");
        assertEquals(20, options.offset(), "the options start at offset 20");
        assertThrows(PacketException.Truncated.class, () -> PacketParser.udp(new byte[5]), "5 bytes of UDP");

        PacketException.HeaderTooShort ihl = assertThrows(PacketException.HeaderTooShort.class,
                () -> PacketParser.ipv4(Reference.with(ip, 0, 0x44)), "IHL 4: a 16-byte header");
        assertEquals(16, ihl.value(), "IHL 4 gives 16 bytes");
        assertEquals(20, ihl.minimum(), "the minimum IPv4 header");
        PacketException.HeaderTooShort offset = assertThrows(PacketException.HeaderTooShort.class,
                () -> PacketParser.tcp(Reference.with(tcp, 12, 0x40)), "TCP data offset 4");
        assertEquals(Protocol.TCP, offset.protocol(), "protocol of the error");
        byte[] udp = Arrays.copyOfRange(udpFrame(1), 34, udpFrame(1).length);
        PacketException.HeaderTooShort length = assertThrows(PacketException.HeaderTooShort.class,
                () -> PacketParser.udp(Reference.with(udp, 5, 7)), "UDP length 7");
        assertEquals(Protocol.UDP, length.protocol(), "protocol of the error");
    }

    @Test
    @Graded(task = "01.4", points = 2)
    @DisplayName("typed errors: WrongVersion, BadChecksum (strict), Malformed TCP options; a capture reports a bad checksum")
    void versionChecksumOptions() {
        byte[] f = httpFrame(1);
        byte[] ip = Arrays.copyOfRange(f, IP, f.length);
        PacketException.WrongVersion v = assertThrows(PacketException.WrongVersion.class,
                () -> PacketParser.ipv4(Reference.with(ip, 0, 0x65)), "version 6 in an IPv4 parser");
        assertEquals(6, v.found(), "found version");
        assertEquals(4, v.expected(), "expected version");

        int good = Reference.u16(ip, 10);
        byte[] damaged = Reference.with(ip, 8, 0x01); // TTL 1, checksum unchanged
        PacketException.BadChecksum c = assertThrows(PacketException.BadChecksum.class,
                () -> PacketParser.ipv4(damaged), "TTL changed but not the checksum (strict mode)");
        assertEquals(good, c.found(), "found: the field as it is");
        assertEquals(Reference.u16(Reference.fixIpv4Checksum(Reference.with(f, IP + 8, 0x01)), IP + 10), c.expected(),
                "expected: what the header needs");
        Ipv4Packet captured = PacketParser.ipv4(damaged, 0, damaged.length, ParseMode.CAPTURE);
        assertEquals(1, captured.ttl(), "CAPTURE mode parses it anyway");
        DecodedFrame frame = PacketParser.frame(Reference.with(f, IP + 8, 0x01), 1, ParseMode.CAPTURE);
        assertEquals(ChecksumStatus.BAD, frame.ipv4Checksum(), "and reports the checksum as BAD");
        assertEquals(Optional.empty(), frame.problem(), "a bad checksum is reported, not a problem that stops parsing");

        byte[] tcp = Arrays.copyOfRange(f, 34, f.length);
        PacketException.Malformed m = assertThrows(PacketException.Malformed.class,
                () -> PacketParser.tcp(Reference.with(tcp, 21, 5)), "an MSS option of length 5");
        assertEquals(Protocol.TCP, m.protocol(), "protocol of the error");
        assertEquals(20, m.offset(), "offset of the option in the TCP header");
    }
}
