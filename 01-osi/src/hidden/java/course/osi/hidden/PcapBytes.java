package course.osi.hidden;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Writes small classic pcap files for tests: one record per frame, a millisecond apart. */
final class PcapBytes {
    /** A frame and how long it was on the wire (more than its bytes when a snap length cut it). */
    record Packet(byte[] data, int originalLength) {
        Packet(byte[] data) {
            this(data, data.length);
        }
    }

    private PcapBytes() {
    }

    static byte[] write(int linkType, List<Packet> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(linkType).array());
        long micros = 1_700_000_000_000_000L;
        for (Packet p : packets) {
            out.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000))
                    .putInt((int) (micros % 1_000_000)).putInt(p.data().length).putInt(p.originalLength()).array());
            out.writeBytes(p.data());
            micros += 1_000;
        }
        return out.toByteArray();
    }
}
