package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Bytes;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.2: the Internet checksum and a packet format that refuses damaged datagrams. */
@DisplayName("03.2 Checksums")
@Timeout(10)
class Task02ChecksumTest {

    @Test
    @Graded(task = "03.2", points = 3)
    @DisplayName("checksum: RFC 1071's example (00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d) and an odd length")
    void rfc1071Example() {
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, PacketCodec.checksum(data, 0, data.length), "checksum of RFC 1071's example");
        assertEquals(0xfeff, PacketCodec.checksum(new byte[] {0x01}, 0, 1),
                "an odd last byte is padded with a zero byte: 0x0100, complement 0xfeff");
        assertEquals(0x220d, PacketCodec.checksum(new byte[] {9, 9, 0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4,
                (byte) 0xf5, (byte) 0xf6, (byte) 0xf7}, 2, 8), "checksum of a slice (offset 2, length 8)");
    }

    @Test
    @Graded(task = "03.2", points = 3)
    @DisplayName("encode/decode: every packet type round-trips; header is 16 bytes as documented in Packet")
    void roundTrip() {
        int seq = 0x01020304;
        for (Packet.Type type : Packet.Type.values()) {
            Packet p = new Packet(type, seq, 0x0a0b0c0d, 4321, Bytes.ascii("payload of " + type));
            byte[] wire = PacketCodec.encode(p);
            assertEquals(PacketCodec.HEADER_LENGTH + p.payload().length, wire.length, "encoded length of " + p);
            assertEquals(type.code(), wire[0] & 0xff, "byte 0 is the type code");
            assertEquals(seq, Link.seq(wire), "bytes 2..5 are seq, big-endian");
            assertEquals(0, PacketCodec.checksum(wire, 0, wire.length),
                    "summing an encoded packet with its checksum gives 0xffff, so its checksum is 0");
            assertEquals(Optional.of(p), PacketCodec.decode(wire), "decode(encode(p)) for " + p);
        }
        Packet empty = Packet.control(Packet.Type.ACK, 0, 77, 0);
        assertEquals(Optional.of(empty), PacketCodec.decode(PacketCodec.encode(empty)), "a packet without payload");
    }

    @Test
    @Graded(task = "03.2", points = 2)
    @DisplayName("a flipped bit in the header or the payload: decode returns empty, never a damaged packet")
    void flippedBitDropped() {
        Packet p = new Packet(Packet.Type.DATA, 1000, 0, 0, Bytes.ascii("Hello"));
        byte[] wire = PacketCodec.encode(p);
        assertTrue(PacketCodec.decode(wire).isPresent(), "the intact packet decodes");
        for (int bit : new int[] {3, 20, 8 * 16 + 2, 8 * (wire.length - 1)}) {
            byte[] damaged = wire.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Optional<Packet> got = PacketCodec.decode(damaged);
            assertTrue(got.isEmpty(), "bit " + bit + " flipped: decode should return empty, but returned " + got);
        }
    }
}
