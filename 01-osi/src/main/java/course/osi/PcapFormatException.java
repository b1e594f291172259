package course.osi;

import java.io.IOException;

/** A file that is not a valid classic pcap file, or breaks a {@link PcapLimits} limit. */
public final class PcapFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /** @param offset the byte offset in the file where the problem is; the message starts with it */
    public PcapFormatException(long offset, String message) {
        super("at byte offset " + offset + ": " + message);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
