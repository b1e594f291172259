package course.osi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.6: a classic pcap reader and a dissector, checked against Wireshark on real loopback captures. */
@DisplayName("01.6 pcap and dissector")
@Timeout(20)
class Task06PcapTest {

    static PcapFile read(String capture) throws PcapFormatException {
        return PcapReader.read(Captures.bytes(capture));
    }

    /** Every record matches the test's own reading of the file and Wireshark's frame fields. */
    static void checkRecords(String capture, PcapFile file) {
        List<Captures.Frame> frames = Captures.frames(capture);
        List<JsonNode> tshark = Tshark.packets(capture);
        assertEquals(frames.size(), file.records().size(), capture + ": number of records");
        long offset = PcapHeader.LENGTH;
        for (int i = 0; i < frames.size(); i++) {
            PcapRecord r = file.records().get(i);
            Captures.Frame f = frames.get(i);
            JsonNode w = tshark.get(i);
            String where = capture + " record " + (i + 1);
            assertEquals(i + 1, r.number(), where + ": number");
            assertEquals(offset, r.fileOffset(), where + ": byte offset of its header");
            assertEquals(Tshark.nanos(w, "frame", "frame.time_epoch"), r.timestampNanos(),
                    where + ": timestamp in ns (Wireshark's frame.time_epoch)");
            assertEquals(Tshark.number(w, "frame", "frame.len"), r.originalLength(), where + ": original length");
            assertEquals(Tshark.number(w, "frame", "frame.cap_len"), r.capturedLength(), where + ": captured length");
            assertArrayEquals(f.data(), r.data(), where + ": data");
            offset += PcapRecord.HEADER_LENGTH + r.capturedLength();
        }
    }

    /** Every dissected packet agrees with Wireshark. */
    static void checkDissection(String capture) throws PcapFormatException {
        List<DissectedPacket> packets = Dissector.dissect(read(capture));
        List<JsonNode> tshark = Tshark.packets(capture);
        List<Captures.Frame> frames = Captures.frames(capture);
        assertEquals(tshark.size(), packets.size(), capture + ": one dissected packet per record");
        for (int i = 0; i < packets.size(); i++) {
            List<String> differences = TsharkCheck.packetDifferences(packets.get(i), tshark.get(i));
            if (!differences.isEmpty()) {
                throw new AssertionError(TsharkCheck.message(capture, i + 1, differences, frames.get(i).data(), null));
            }
        }
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("http.pcap: the file header (little-endian, microseconds, snap length, link type) and every record")
    void headerAndRecords() throws PcapFormatException {
        PcapFile file = read(Captures.HTTP);
        PcapHeader h = file.header();
        assertEquals(ByteOrder.LITTLE_ENDIAN, h.byteOrder(), "dumpcap on x86 writes little-endian");
        assertFalse(h.nanosecond(), "magic 0xa1b2c3d4: microsecond timestamps");
        assertEquals(2, h.versionMajor(), "major version");
        assertEquals(4, h.versionMinor(), "minor version");
        assertEquals(262_144, h.snapLength(), "snap length");
        assertEquals(PcapHeader.LINKTYPE_ETHERNET, h.linkType(), "loopback captures are Ethernet (link type 1)");
        checkRecords(Captures.HTTP, file);
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("the nanosecond (0xa1b23c4d), big-endian and Linux cooked (link type 113) variants read alike")
    void variants() throws PcapFormatException {
        PcapFile nanos = read(Captures.HTTP_NANOSECONDS);
        assertTrue(nanos.header().nanosecond(), "http-nsec.pcap has nanosecond timestamps");
        checkRecords(Captures.HTTP_NANOSECONDS, nanos);
        PcapFile big = read(Captures.UDP_BIG_ENDIAN);
        assertEquals(ByteOrder.BIG_ENDIAN, big.header().byteOrder(), "udp-be.pcap is big-endian");
        checkRecords(Captures.UDP_BIG_ENDIAN, big);
        PcapFile any = read(Captures.UDP_ANY);
        assertEquals(PcapHeader.LINKTYPE_LINUX_SLL, any.header().linkType(), "a capture on \"any\": link type 113");
        checkRecords(Captures.UDP_ANY, any);
    }

    @Test
    @Graded(task = "01.6", points = 3)
    @DisplayName("dissecting http.pcap: every field of every packet agrees with Wireshark (addresses, ports, seq/ack, flags, checksums, HTTP)")
    void dissectHttp() throws PcapFormatException {
        checkDissection(Captures.HTTP);
        checkDissection(Captures.HTTP_NANOSECONDS);
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("dissecting udp.pcap, udp-be.pcap (good checksums) and udp-any.pcap (Linux cooked) agrees with Wireshark")
    void dissectUdp() throws PcapFormatException {
        checkDissection(Captures.UDP);
        checkDissection(Captures.UDP_BIG_ENDIAN);
        checkDissection(Captures.UDP_ANY);
    }

    @Test
    @Graded(task = "01.6", points = 2)
    @DisplayName("summary lines as documented in DissectedPacket.summary(); the detail view shows every layer")
    void summaryAndDetail() throws PcapFormatException {
        for (String capture : List.of(Captures.HTTP, Captures.UDP_ANY)) {
            List<DissectedPacket> packets = Dissector.dissect(read(capture));
            List<JsonNode> tshark = Tshark.packets(capture);
            for (int i = 0; i < packets.size(); i++) {
                assertEquals(TsharkCheck.expectedSummary(tshark.get(i)), packets.get(i).summary(),
                        capture + " packet " + (i + 1) + ": summary line");
            }
        }
        List<DissectedPacket> packets = Dissector.dissect(read(Captures.HTTP));
        DissectedPacket http = packets.stream().filter(p -> p.httpStartLine().isPresent()).findFirst().orElseThrow();
        JsonNode w = Tshark.packets(Captures.HTTP).get(http.number() - 1);
        List<String> lines = http.detail().lines().toList();
        List<String> starts = List.of("Frame " + http.number() + ":", "Ethernet II:", "IPv4:", "TCP:", "HTTP:", "Data:");
        assertEquals(starts.size(), lines.size(), "detail of packet " + http.number() + ", one line per layer:\n"
                + http.detail());
        for (int i = 0; i < starts.size(); i++) {
            assertTrue(lines.get(i).startsWith(starts.get(i)), "line " + (i + 1) + " starts with \"" + starts.get(i)
                    + "\":\n" + http.detail());
        }
        for (String expected : List.of("ttl " + Tshark.require(w, "ip", "ip.ttl"), "id " + Tshark.require(w, "ip", "ip.id"),
                "seq " + Tshark.require(w, "tcp", "tcp.seq_raw"), "flags [PSH, ACK]",
                "checksum " + Tshark.require(w, "tcp", "tcp.checksum") + " (bad)", "Data: "
                        + Tshark.require(w, "tcp", "tcp.len") + " bytes")) {
            assertTrue(http.detail().contains(expected), "the detail view shows \"" + expected + "\":\n" + http.detail());
        }
    }

    @Test
    @Graded(task = "01.6", points = 1)
    @DisplayName("a truncated file is a PcapFormatException naming the byte offset: in the header, a record header, a record's data")
    void truncatedFile() {
        byte[] file = Captures.bytes(Captures.HTTP);
        int firstLength = Captures.frame(Captures.HTTP, 1).data().length;
        int[][] cuts = {{10, 0}, {24 + 8, 24}, {24 + 16 + 5, 24 + 16}, {24 + 16 + firstLength + 3, 24 + 16 + firstLength}};
        for (int[] cut : cuts) {
            byte[] cutFile = Arrays.copyOf(file, cut[0]);
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapReader.read(cutFile),
                    "http.pcap cut to " + cut[0] + " bytes");
            assertEquals(cut[1], e.offset(), "the offset of the incomplete part, for a file cut to " + cut[0]
                    + " bytes: " + e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(cut[1])), "the message names the offset: "
                    + e.getMessage());
        }
    }
}
