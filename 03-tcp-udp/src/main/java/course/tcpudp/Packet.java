package course.tcpudp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One segment of the course's transport protocol, carried in one UDP datagram.
 *
 * <p>On the wire ({@link PacketCodec}) a packet is a 16-byte header followed by the payload,
 * every number big-endian:
 * <pre>
 *  offset  size  field
 *       0     1  type       (Type.code())
 *       1     1  reserved   (0)
 *       2     4  seq        sequence number: byte offset of the payload in the stream (SYN, FIN: the ISN / final seq)
 *       6     4  ack        acknowledgement number: next byte expected from the other side
 *      10     2  window     free space in the receiver's buffer, in bytes (0..65535)
 *      12     2  length     payload length in bytes
 *      14     2  checksum   16-bit ones' complement of the ones' complement sum of all 16-bit words
 *                           of header (checksum field taken as 0) and payload (padded with a 0 byte if odd)
 *      16     n  payload
 * </pre>
 *
 * @param type    what the packet is
 * @param seq     sequence number
 * @param ack     acknowledgement number
 * @param window  advertised window, 0..65535
 * @param payload the data, never null (empty for control packets)
 */
public record Packet(Type type, int seq, int ack, int window, byte[] payload) {
    /** Packet types and their code in the header's first byte. */
    public enum Type {
        SYN(1), SYN_ACK(2), DATA(3), ACK(4), FIN(5), FIN_ACK(6);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The type with this code, or null when no type has it. */
        public static Type ofCode(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    private static final byte[] EMPTY = new byte[0];

    public Packet {
        Objects.requireNonNull(type, "type");
        payload = payload == null ? EMPTY : payload;
        if (window < 0 || window > 0xFFFF) {
            throw new IllegalArgumentException("window must be 0..65535, but was " + window);
        }
    }

    /** A packet without payload. */
    public static Packet control(Type type, int seq, int ack, int window) {
        return new Packet(type, seq, ack, window, EMPTY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && p.type == type && p.seq == seq && p.ack == ack && p.window == window
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, seq, ack, window, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return type + "(seq=" + seq + ", ack=" + ack + ", window=" + window + ", " + payload.length + " bytes)";
    }
}
