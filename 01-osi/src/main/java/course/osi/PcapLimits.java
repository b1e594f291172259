package course.osi;

/**
 * What {@link PcapReader} accepts before it calls a file broken or too big. A capture file is
 * input from outside: a corrupt length field must not make the reader allocate gigabytes.
 *
 * @param maxSnapLength most captured bytes one record may hold
 * @param maxPackets    most records one file may hold
 * @param maxFileBytes  largest file read (the whole file is read into memory)
 */
public record PcapLimits(int maxSnapLength, int maxPackets, long maxFileBytes) {
    /** 262144 bytes is the largest snap length tcpdump and dumpcap use (libpcap's MAXIMUM_SNAPLEN). */
    public static final int DEFAULT_MAX_SNAP_LENGTH = 262_144;
    public static final int DEFAULT_MAX_PACKETS = 100_000;
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final PcapLimits DEFAULT = new PcapLimits(DEFAULT_MAX_SNAP_LENGTH, DEFAULT_MAX_PACKETS,
            DEFAULT_MAX_FILE_BYTES);

    public PcapLimits {
        if (maxSnapLength < 1 || maxPackets < 0 || maxFileBytes < PcapHeader.LENGTH) {
            throw new IllegalArgumentException("limits must be positive (and a file may hold at least a header)");
        }
    }
}
