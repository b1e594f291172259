package course.osi;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The 24-byte global header of a classic libpcap file:
 * <pre>
 *  0  4  magic number   0xA1B2C3D4 (microsecond timestamps) or 0xA1B23C4D (nanosecond), written in
 *                       the byte order of the machine that wrote the file: read back as 0xD4C3B2A1
 *                       or 0x4D3CB2A1, it says every other field is byte-swapped too
 *  4  2  major version  2
 *  6  2  minor version  4
 *  8  4  reserved (once the time zone offset, always 0)
 * 12  4  reserved (once the timestamp accuracy, always 0)
 * 16  4  snap length    the most bytes of one packet the capture kept
 * 20  4  link type      what the frames start with: 1 Ethernet, 113 Linux cooked, ...
 *                       (the upper bits may carry FCS information; only the low 16 bits are the type)
 * </pre>
 *
 * @param byteOrder   the byte order of every number in the file
 * @param nanosecond  true for 0xA1B23C4D files: record timestamps count nanoseconds, not microseconds
 * @param snapLength  the snap length field (0 .. 2^32-1)
 * @param linkType    the low 16 bits of the link type field
 */
public record PcapHeader(ByteOrder byteOrder, boolean nanosecond, int versionMajor, int versionMinor,
                         long snapLength, int linkType) {
    public static final int LENGTH = 24;
    public static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    public static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    /** The only major version of the classic format. */
    public static final int VERSION_MAJOR = 2;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_LINUX_SLL = 113;

    public PcapHeader {
        Objects.requireNonNull(byteOrder, "byteOrder");
    }
}
