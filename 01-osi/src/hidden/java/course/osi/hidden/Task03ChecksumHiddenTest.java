package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.Seeded;
import course.osi.Captures;
import course.osi.ChecksumStatus;
import course.osi.InternetChecksum;
import course.osi.Ipv4Address;
import course.osi.Reference;
import course.osi.Tshark;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.3, hidden: random data against a reference, incremental updates, and every checksum in mixed.pcap. */
@DisplayName("01.3 Internet checksum (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task03ChecksumHiddenTest {
    static final List<String> HIDDEN = List.of("mixed.pcap", "mixed-nsec-be.pcap");

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("2000 random slices (odd offsets and lengths too): sum, checksum and sums in pieces match a reference")
    void randomData(Random random) {
        for (int n = 0; n < 2000; n++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = random.nextInt(data.length - from + 1);
            assertEquals(Reference.sum(data, from, from + length), InternetChecksum.sum(data, from, length),
                    "sum of " + length + " bytes at " + from);
            assertEquals(Reference.checksum(data, from, from + length), InternetChecksum.checksum(data, from, length),
                    "checksum of " + length + " bytes at " + from);
            int split = from + 2 * random.nextInt(length / 2 + 1);
            int first = InternetChecksum.sum(data, from, split - from);
            assertEquals(Reference.sum(data, from, from + length),
                    InternetChecksum.sum(first, data, split, from + length - split),
                    "the sum continued after " + (split - from) + " bytes");
        }
        byte[] zeros = new byte[6];
        assertEquals(0xffff, InternetChecksum.checksum(zeros, 0, 6), "all zeros: checksum 0xffff");
        byte[] ones = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertEquals(0xff, InternetChecksum.checksum(ones, 0, 3), "ff ff ff: sum ffff + ff00 = ff00 (+1 carry), checksum 00ff");
    }

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("incremental updates of random headers equal recomputing, including the 0x0000/0xFFFF cases")
    void incremental(Random random) {
        for (int n = 0; n < 2000; n++) {
            byte[] header = new byte[20];
            random.nextBytes(header);
            if (n % 10 == 0) {
                // Mostly zeros: sums near 0xFFFF exercise the ones' complement corner cases (a real header is
                // never all zeros: its first byte is 0x45 or so, which is why +0 never occurs).
                Arrays.fill(header, (byte) 0);
                header[0] = 0x45;
                header[1 + random.nextInt(19)] = (byte) random.nextInt(3);
            }
            Reference.put16(header, 10, 0);
            Reference.put16(header, 10, Reference.checksum(header, 0, 20));
            int at = 2 * random.nextInt(10);
            if (at == 10) {
                continue;
            }
            int oldWord = Reference.u16(header, at);
            int newWord = n % 7 == 0 ? 0 : random.nextInt(65536);
            int updated = InternetChecksum.update(Reference.u16(header, 10), oldWord, newWord);
            Reference.put16(header, at, newWord);
            byte[] data = header.clone();
            Reference.put16(data, 10, 0);
            if (Reference.sum(data, 0, 20) == 0) {
                continue; // all words zero: the one case where 0x0000 and 0xFFFF differ (never a real header)
            }
            // RFC 1624 eqn. 3, folded by hand: the reference the update must agree with.
            long sum = (~Reference.u16(header, 10) & 0xffff) + (~oldWord & 0xffff) + newWord;
            while (sum > 0xffff) {
                sum = (sum & 0xffff) + (sum >>> 16);
            }
            assertEquals(~sum & 0xffff, updated, "update of word " + at + " from 0x" + Integer.toHexString(oldWord)
                    + " to 0x" + Integer.toHexString(newWord));
            Reference.put16(header, 10, updated);
            assertEquals(0, Reference.checksum(header, 0, 20), "the updated header verifies");
        }
    }

    @Test
    @Graded(task = "01.3", points = 2)
    @DisplayName("every IPv4, UDP and TCP checksum in the hidden captures: the value and status Wireshark computed")
    void hiddenCaptures() {
        for (String capture : HIDDEN) {
            List<JsonNode> tshark = Tshark.packets(capture);
            for (Captures.Frame frame : Captures.frames(capture)) {
                JsonNode w = tshark.get(frame.number() - 1);
                byte[] f = frame.data();
                int ihl = Reference.ihl(f);
                assertEquals(Tshark.number(w, "ip", "ip.checksum_calculated"), InternetChecksum.ipv4Header(f, 14, ihl),
                        frame + ": IPv4 header checksum");
                String layer = Tshark.has(w, "tcp") ? "tcp" : Tshark.has(w, "udp") ? "udp" : null;
                if (layer == null) {
                    continue;
                }
                int start = 14 + ihl;
                int length = Reference.u16(f, 16) - ihl;
                Ipv4Address src = Ipv4Address.of(f, 26);
                Ipv4Address dst = Ipv4Address.of(f, 30);
                String status = Tshark.require(w, layer, layer + ".checksum.status");
                long expected = status.equals("1") ? Tshark.number(w, layer, layer + ".checksum")
                        : Tshark.number(w, layer, layer + ".checksum_calculated");
                boolean tcp = layer.equals("tcp");
                assertEquals(expected, tcp ? InternetChecksum.tcp(src, dst, f, start, length)
                        : InternetChecksum.udp(src, dst, f, start, length), frame + ": " + layer + " checksum");
                ChecksumStatus verified = tcp ? InternetChecksum.verifyTcp(src, dst, f, start, length)
                        : InternetChecksum.verifyUdp(src, dst, f, start, length);
                assertEquals(status, Tshark.status(verified), frame + ": " + layer + " status, yours " + verified);
            }
        }
    }
}
