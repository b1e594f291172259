package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.Packet;
import course.tcpudp.PacketCodec;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.2, hidden: every single-bit error caught; malformed packets refused; random round trips. */
@DisplayName("03.2 Checksums (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task02ChecksumHiddenTest {

    static Packet randomPacket(Random random) {
        Packet.Type[] types = Packet.Type.values();
        byte[] payload = new byte[random.nextInt(301)];
        random.nextBytes(payload);
        return new Packet(types[random.nextInt(types.length)], random.nextInt(), random.nextInt(),
                random.nextInt(65536), payload);
    }

    /** An independent RFC 1071 sum, for comparison. */
    static int reference(byte[] d, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i += 2) {
            int word = (d[i] & 0xff) << 8 | (i + 1 < to ? d[i + 1] & 0xff : 0);
            sum += word;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** Sets the checksum field so that a hand-made header verifies. */
    static byte[] withValidChecksum(byte[] wire) {
        wire[14] = 0;
        wire[15] = 0;
        int c = reference(wire, 0, wire.length);
        wire[14] = (byte) (c >>> 8);
        wire[15] = (byte) c;
        return wire;
    }

    @Test
    @Graded(task = "03.2", points = 2)
    @DisplayName("every single-bit flip of random packets is caught: decode returns empty")
    void everySingleBitFlip(Random random) {
        for (int n = 0; n < 5; n++) {
            Packet p = randomPacket(random);
            byte[] wire = PacketCodec.encode(p);
            for (int bit = 0; bit < wire.length * 8; bit++) {
                wire[bit / 8] ^= (byte) (1 << (bit % 8));
                Optional<Packet> got = PacketCodec.decode(wire);
                wire[bit / 8] ^= (byte) (1 << (bit % 8));
                if (got.isPresent()) {
                    throw new AssertionError("bit " + bit + " of " + p + " flipped, yet decode returned " + got.get());
                }
            }
            assertEquals(Optional.of(p), PacketCodec.decode(wire), "the intact packet still decodes");
        }
    }

    @Test
    @Graded(task = "03.2", points = 2)
    @DisplayName("short datagrams, a wrong length field, an unknown type and extra bytes are refused even with a valid checksum")
    void malformedRefused(Random random) {
        byte[] wire = PacketCodec.encode(new Packet(Packet.Type.DATA, 5, 6, 7, new byte[] {1, 2, 3, 4, 5}));
        for (int len = 0; len < PacketCodec.HEADER_LENGTH; len++) {
            assertTrue(PacketCodec.decode(Arrays.copyOf(wire, len)).isEmpty(), len + " bytes are too short for a header");
        }
        byte[] wrongLength = wire.clone();
        wrongLength[13] = 4;
        assertTrue(PacketCodec.decode(withValidChecksum(wrongLength)).isEmpty(),
                "the length field says 4 but 5 payload bytes follow");
        byte[] unknownType = wire.clone();
        unknownType[0] = (byte) (60 + random.nextInt(100));
        assertTrue(PacketCodec.decode(withValidChecksum(unknownType)).isEmpty(), "type " + unknownType[0] + " is unknown");
        byte[] extra = withValidChecksum(Arrays.copyOf(wire, wire.length + 2));
        assertTrue(PacketCodec.decode(extra).isEmpty(), "two bytes more than the length field says");
        byte[] framed = new byte[wire.length + 10];
        System.arraycopy(wire, 0, framed, 3, wire.length);
        assertTrue(PacketCodec.decode(framed, 3, wire.length).isPresent(), "decode(data, offset, length) of a slice");
    }

    @Test
    @Graded(task = "03.2", points = 2)
    @DisplayName("200 random packets (odd payload lengths too) round-trip and carry the RFC 1071 checksum")
    void randomRoundTrip(Random random) {
        for (int n = 0; n < 200; n++) {
            Packet p = randomPacket(random);
            byte[] wire = PacketCodec.encode(p);
            byte[] zeroed = wire.clone();
            zeroed[14] = 0;
            zeroed[15] = 0;
            int expected = reference(zeroed, 0, zeroed.length);
            assertEquals(expected, ((wire[14] & 0xff) << 8) | (wire[15] & 0xff), "checksum field of " + p);
            assertEquals(reference(wire, 3, wire.length), PacketCodec.checksum(wire, 3, wire.length - 3),
                    "checksum of an odd-offset slice");
            assertEquals(Optional.of(p), PacketCodec.decode(wire), "round trip of " + p);
        }
    }
}
