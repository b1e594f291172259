package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.osi.Captures;
import course.osi.ChecksumStatus;
import course.osi.DissectedPacket;
import course.osi.Dissector;
import course.osi.PacketException;
import course.osi.PcapFile;
import course.osi.PcapFormatException;
import course.osi.PcapLimits;
import course.osi.PcapReader;
import course.osi.Reference;
import course.osi.Tshark;
import course.osi.TsharkCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Task 01.6, hidden: the hidden captures against Wireshark, limits and broken files, damaged packets. */
@DisplayName("01.6 pcap and dissector (hidden)")
@Timeout(30)
class Task06PcapHiddenTest {
    static final List<String> HIDDEN = List.of("mixed.pcap", "mixed-nsec-be.pcap");

    @Test
    @Graded(task = "01.6", points = 3)
    @DisplayName("mixed.pcap and mixed-nsec-be.pcap (404, HEAD, RST, ICMP, UDP): fields and summary lines agree with Wireshark")
    void hiddenCaptures() throws PcapFormatException {
        for (String capture : HIDDEN) {
            PcapFile file = PcapReader.read(Captures.bytes(capture));
            List<DissectedPacket> packets = Dissector.dissect(file);
            List<JsonNode> tshark = Tshark.packets(capture);
            List<Captures.Frame> frames = Captures.frames(capture);
            assertEquals(tshark.size(), packets.size(), capture + ": packets");
            for (int i = 0; i < packets.size(); i++) {
                assertEquals(Tshark.nanos(tshark.get(i), "frame", "frame.time_epoch"),
                        file.records().get(i).timestampNanos(), capture + " packet " + (i + 1) + ": timestamp");
                List<String> differences = new ArrayList<>(TsharkCheck.packetDifferences(packets.get(i), tshark.get(i)));
                String expected = TsharkCheck.expectedSummary(tshark.get(i));
                if (!expected.equals(packets.get(i).summary())) {
                    differences.add("summary line: expected \"" + expected + "\"");
                }
                if (!differences.isEmpty()) {
                    throw new AssertionError(TsharkCheck.message(capture, i + 1, differences, frames.get(i).data(),
                            packets.get(i).summary()));
                }
            }
        }
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("broken files and limits: magic, pcapng, version, lengths, packet count, file size, every truncation")
    void brokenFilesAndLimits(@TempDir Path dir) throws IOException {
        byte[] file = Captures.bytes(Captures.UDP);
        expectError(Reference.with(file, 0, 0x00), 0, "a damaged magic number");
        byte[] pcapng = file.clone();
        ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x0a0d0d0a);
        assertTrue(expectError(pcapng, 0, "a pcapng file").getMessage().toLowerCase().contains("pcapng"),
                "the message says it is pcapng");
        expectError(Reference.with(file, 4, 3), 4, "version 3.4");
        byte[] hugeRecord = file.clone();
        ByteBuffer.wrap(hugeRecord).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, 300_000).putInt(24 + 12, 300_000);
        expectError(hugeRecord, 24 + 8, "a captured length above the 262144-byte limit");
        byte[] longerThanWire = file.clone();
        ByteBuffer.wrap(longerThanWire).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 12, 10);
        expectError(longerThanWire, 24 + 8, "a captured length above the original length");

        List<Captures.Frame> frames = Captures.frames(Captures.UDP);
        long sixth = 24;
        for (int i = 0; i < 5; i++) {
            sixth += 16 + frames.get(i).data().length;
        }
        final long sixthAt = sixth;
        PcapFormatException tooMany = assertThrows(PcapFormatException.class,
                () -> PcapReader.read(file, new PcapLimits(262_144, 5, 1 << 20)), "8 packets with a limit of 5");
        assertEquals(sixthAt, tooMany.offset(), "the offset of the first packet too many: " + tooMany.getMessage());
        assertEquals(5, PcapReader.read(Arrays.copyOf(file, (int) sixthAt), new PcapLimits(262_144, 5, 1 << 20))
                .records().size(), "exactly 5 packets are within the limit");
        assertThrows(PcapFormatException.class, () -> PcapReader.read(file, new PcapLimits(100, 1000, 1 << 20)),
                "a 1044-byte packet with a snap length limit of 100");
        Path onDisk = dir.resolve("udp.pcap");
        Files.write(onDisk, file);
        assertEquals(frames.size(), PcapReader.read(onDisk).records().size(), "read(Path)");
        PcapFormatException big = assertThrows(PcapFormatException.class,
                () -> PcapReader.read(onDisk, new PcapLimits(262_144, 1000, 1000)), "a file over the size limit");
        assertEquals(1000, big.offset(), "offset: where the size limit ends");

        List<Long> boundaries = new ArrayList<>();
        long at = 24;
        boundaries.add(at);
        for (Captures.Frame f : frames) {
            at += 16 + f.data().length;
            boundaries.add(at);
        }
        for (int length = 0; length < file.length; length++) {
            byte[] cut = Arrays.copyOf(file, length);
            if (boundaries.contains((long) length)) {
                assertEquals(boundaries.indexOf((long) length), PcapReader.read(cut).records().size(),
                        "cut at a record boundary (" + length + " bytes): a valid, shorter file");
                continue;
            }
            final int l = length;
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapReader.read(cut),
                    "udp.pcap cut to " + length + " bytes");
            long start = length < 24 ? 0 : boundaries.stream().filter(b -> b <= l).max(Long::compare).orElseThrow();
            long expected = length < 24 || length < start + 16 ? start : start + 16;
            assertEquals(expected, e.offset(), "cut to " + length + " bytes: " + e.getMessage());
        }
    }

    static PcapFormatException expectError(byte[] file, long offset, String what) {
        PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapReader.read(file), what);
        assertEquals(offset, e.offset(), what + ": offset in " + e.getMessage());
        return e;
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("damaged and unusual packets are reported, never thrown: bad checksum, snap-cut, ARP, fragment, bad option, VLAN")
    void damagedPackets() throws PcapFormatException {
        List<JsonNode> tshark = Tshark.packets("mixed.pcap");
        int http = 0;
        while (!Tshark.has(tshark.get(http), "http")) {
            http++;
        }
        int syn = 0;
        while (!Tshark.require(tshark.get(syn), "tcp", "tcp.flags").equals("0x0002")) {
            syn++;
        }
        byte[] request = Captures.frame("mixed.pcap", http + 1).data();
        byte[] udp = Captures.frame(Captures.UDP_BIG_ENDIAN, 1).data();
        byte[] badIp = Reference.with(udp, 22, 1);
        byte[] arp = Reference.with(udp, 13, 0x06);
        byte[] fragment = Reference.fixIpv4Checksum(Reference.with(Reference.with(udp, 20, 0x20), 21, 0x02));
        byte[] badOption = Reference.with(Captures.frame("mixed.pcap", syn + 1).data(), 14 + 20 + 21, 9);
        byte[] tagged = Reference.insert(udp, 12, Reference.bytes(0x81, 0x00, 0x20, 0x05));
        byte[] file = PcapBytes.write(1, List.of(new PcapBytes.Packet(badIp),
                new PcapBytes.Packet(Arrays.copyOf(request, 80), request.length), new PcapBytes.Packet(arp),
                new PcapBytes.Packet(fragment), new PcapBytes.Packet(badOption), new PcapBytes.Packet(tagged)));
        List<DissectedPacket> p = Dissector.dissect(PcapReader.read(file));

        assertEquals(ChecksumStatus.BAD, p.get(0).frame().ipv4Checksum(), "TTL changed: the IPv4 checksum is bad");
        assertTrue(p.get(0).summary().endsWith(" [bad IPv4 checksum]"), "summary: " + p.get(0).summary());
        assertEquals("1 0.000000", p.get(0).summary().substring(0, 10), "number and time of the first packet");

        DissectedPacket cut = p.get(1);
        assertEquals(80, cut.capturedLength(), "captured length of the snap-cut packet");
        assertEquals(ChecksumStatus.UNVERIFIED, cut.frame().transportChecksum(), "a cut segment cannot be verified");
        assertTrue(cut.summary().startsWith("2 0.001000 "), "the second packet is 1 ms later: " + cut.summary());
        assertTrue(cut.summary().endsWith(" [captured 80 of " + request.length + " bytes]"), "summary: " + cut.summary());
        assertEquals(Optional.empty(), cut.frame().problem(), "a cut payload is not a problem in a capture");

        assertEquals("ARP", p.get(2).protocolName(), "EtherType 0x0806");
        assertTrue(p.get(2).summary().contains(" ARP " + arp.length + " ethertype=0x0806"), "summary: " + p.get(2).summary());

        DissectedPacket f = p.get(3);
        assertEquals("IPv4", f.protocolName(), "a fragment is shown as IPv4");
        assertEquals(Optional.empty(), f.frame().transport(), "no transport in a fragment");
        assertTrue(f.summary().contains("127.0.0.1 → 127.0.0.1 IPv4 "), "addresses without ports: " + f.summary());
        assertTrue(f.summary().contains(" fragment id=0x") && f.summary().contains(" offset=16 MF"),
                "fragment offset 2 (16 bytes), more fragments: " + f.summary());

        DissectedPacket o = p.get(4);
        assertTrue(o.frame().problem().orElse(null) instanceof PacketException.Malformed,
                "an MSS option of length 9 is Malformed: " + o.frame().problem());
        assertTrue(o.summary().contains(" [malformed: "), "summary: " + o.summary());
        assertTrue(o.detail().contains("\nMalformed: "), "detail: " + o.detail());
        assertTrue(o.detail().contains("\nIPv4: "), "the IPv4 layer is still shown: " + o.detail());

        DissectedPacket v = p.get(5);
        assertTrue(v.frame().transport().isPresent(), "UDP behind a VLAN tag");
        assertTrue(v.detail().contains("VLAN 5 priority 1"), "detail: " + v.detail());
        assertEquals(ChecksumStatus.GOOD, v.frame().transportChecksum(), "udp-be.pcap has good checksums");

        byte[] unknownLink = PcapBytes.write(105, List.of(new PcapBytes.Packet(udp)));
        DissectedPacket wifi = Dissector.dissect(PcapReader.read(unknownLink)).get(0);
        assertTrue(wifi.frame().problem().orElse(null) instanceof PacketException.Unsupported,
                "link type 105 is not dissected: " + wifi.frame().problem());
        assertEquals("Frame", wifi.protocolName(), "nothing but the frame");
    }

    @Test
    @Graded(task = "01.6", points = 1)
    @DisplayName("the detail view of every packet in mixed.pcap: one line per layer, in order, with Wireshark's values")
    void detailView() throws PcapFormatException {
        List<DissectedPacket> packets = Dissector.dissect(PcapReader.read(Captures.bytes("mixed.pcap")));
        List<JsonNode> tshark = Tshark.packets("mixed.pcap");
        for (int i = 0; i < packets.size(); i++) {
            DissectedPacket p = packets.get(i);
            JsonNode w = tshark.get(i);
            List<String> expected = new ArrayList<>(List.of("Frame " + (i + 1) + ":", "Ethernet II:", "IPv4:"));
            List<String> values = new ArrayList<>(List.of("ttl " + Tshark.require(w, "ip", "ip.ttl"),
                    "id " + Tshark.require(w, "ip", "ip.id"), "total length " + Tshark.require(w, "ip", "ip.len")));
            if (Tshark.has(w, "tcp")) {
                expected.add("TCP:");
                values.add("seq " + Tshark.require(w, "tcp", "tcp.seq_raw"));
                values.add("window " + Tshark.require(w, "tcp", "tcp.window_size_value"));
                values.add("checksum " + Tshark.require(w, "tcp", "tcp.checksum") + " ("
                        + (Tshark.require(w, "tcp", "tcp.checksum.status").equals("1") ? "good" : "bad") + ")");
            } else if (Tshark.has(w, "udp")) {
                expected.add("UDP:");
                values.add("length " + Tshark.require(w, "udp", "udp.length"));
            } else {
                expected.add("ICMP:");
                values.add("type " + Tshark.require(w, "icmp", "icmp.type") + ", code "
                        + Tshark.require(w, "icmp", "icmp.code"));
            }
            Tshark.httpStartLine(w).ifPresent(line -> expected.add("HTTP: " + line));
            List<String> lines = p.detail().lines().filter(l -> !l.startsWith("Data:")).toList();
            assertEquals(expected.size(), lines.size(), "packet " + (i + 1) + ": lines of\n" + p.detail());
            for (int k = 0; k < expected.size(); k++) {
                assertTrue(lines.get(k).startsWith(expected.get(k)), "packet " + (i + 1) + " line " + (k + 1)
                        + " starts with \"" + expected.get(k) + "\":\n" + p.detail());
            }
            for (String value : values) {
                assertTrue(p.detail().contains(value), "packet " + (i + 1) + " shows \"" + value + "\":\n" + p.detail());
            }
        }
    }
}
