package course.tcpudp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** Encodes {@link Packet}s to bytes and back, with the checksum that catches damaged datagrams. */
public final class PacketCodec {
    /** Bytes in the header (see {@link Packet}). */
    public static final int HEADER_LENGTH = 16;
    /** Offset of the checksum field in the header. */
    public static final int CHECKSUM_OFFSET = 14;

    private PacketCodec() {
    }

    /**
     * The Internet checksum (RFC 1071) of {@code length} bytes: the ones' complement of the
     * ones' complement sum of the 16-bit big-endian words, an odd last byte padded with 0.
     * Returns a value 0..0xFFFF.
     */
    public static int checksum(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        long sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
        // END SOLUTION
        // STUB: // TODO(task 03.2): add the 16-bit words, fold the carries back in, return the complement.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.2): ones' complement checksum");
    }

    /** The packet in the wire format of {@link Packet}, checksum filled in. */
    public static byte[] encode(Packet p) {
        // BEGIN SOLUTION
        byte[] payload = p.payload();
        if (payload.length > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("payload too large: " + payload.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        b.put((byte) p.type().code()).put((byte) 0).putInt(p.seq()).putInt(p.ack()).putShort((short) p.window())
                .putShort((short) payload.length).putShort((short) 0).put(payload);
        byte[] bytes = b.array();
        int sum = checksum(bytes, 0, bytes.length);
        bytes[CHECKSUM_OFFSET] = (byte) (sum >>> 8);
        bytes[CHECKSUM_OFFSET + 1] = (byte) sum;
        return bytes;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 03.2): encode a packet");
    }

    /** Decodes a whole datagram; see {@link #decode(byte[], int, int)}. */
    public static Optional<Packet> decode(byte[] datagram) {
        return decode(datagram, 0, datagram.length);
    }

    /**
     * The packet in {@code length} bytes at {@code offset}, or empty when they are not a valid
     * packet: shorter than the header, a length field that disagrees with the datagram, an
     * unknown type, or a checksum that does not verify. Never a damaged packet.
     */
    public static Optional<Packet> decode(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        if (length < HEADER_LENGTH) {
            return Optional.empty();
        }
        // Summing everything, checksum included, gives 0xFFFF (complement 0) for an intact packet.
        if (checksum(data, offset, length) != 0) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        Packet.Type type = Packet.Type.ofCode(b.get() & 0xff);
        b.get();
        int seq = b.getInt();
        int ack = b.getInt();
        int window = b.getShort() & 0xffff;
        int payloadLength = b.getShort() & 0xffff;
        if (type == null || payloadLength != length - HEADER_LENGTH) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(data, offset + HEADER_LENGTH, offset + length);
        return Optional.of(new Packet(type, seq, ack, window, payload));
        // END SOLUTION
        // STUB: // TODO(task 03.2): check the length, the checksum and the type; Optional.empty() for anything damaged.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.2): decode a packet");
    }
}
