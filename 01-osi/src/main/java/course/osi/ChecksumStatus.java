package course.osi;

/** What a receiver learns from a checksum field. */
public enum ChecksumStatus {
    /** The data sums to the checksum. */
    GOOD,
    /** It does not: the data, or the checksum, was damaged (or, on loopback captures, never finished: see the lesson). */
    BAD,
    /** UDP over IPv4 only: the sender put 0 in the field, which means "no checksum computed". */
    NONE,
    /** Not checked: the bytes are not all there (the capture cut the packet short), or there is no such layer. */
    UNVERIFIED
}
