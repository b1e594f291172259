package course.osi;

import java.util.Arrays;
import java.util.Objects;

/**
 * One packet of a pcap file. On disk a 16-byte record header (timestamp seconds, timestamp
 * microseconds or nanoseconds, captured length, original length) precedes the captured bytes.
 *
 * @param number          1 for the first packet, as Wireshark counts
 * @param fileOffset      the byte offset of the record header in the file
 * @param timestampNanos  the timestamp in nanoseconds since 1970-01-01T00:00:00Z
 * @param originalLength  the packet's length on the wire
 * @param data            the captured bytes (at most the snap length; fewer than originalLength when cut)
 */
public record PcapRecord(int number, long fileOffset, long timestampNanos, int originalLength, byte[] data) {
    /** Bytes in a record header. */
    public static final int HEADER_LENGTH = 16;

    public PcapRecord {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int capturedLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcapRecord r && r.number == number && r.fileOffset == fileOffset
                && r.timestampNanos == timestampNanos && r.originalLength == originalLength
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, fileOffset, timestampNanos, originalLength, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "PcapRecord[#" + number + " at byte " + fileOffset + ", time " + timestampNanos + " ns, "
                + data.length + " of " + originalLength + " bytes: " + Hex.brief(data) + "]";
    }
}
