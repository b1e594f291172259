package course.osi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads classic libpcap files (not pcapng): either byte order, microsecond or nanosecond
 * timestamps, any link type (the dissector understands 1 and 113). Every problem is a
 * {@link PcapFormatException} that names the byte offset where the file went wrong.
 */
public final class PcapReader {
    /** What a pcapng file starts with (its Section Header Block type), to give a helpful error. */
    public static final int PCAPNG_MAGIC = 0x0a0d0d0a;

    private PcapReader() {
    }

    /** Reads a file with the default limits. */
    public static PcapFile read(Path file) throws IOException {
        return read(file, PcapLimits.DEFAULT);
    }

    /**
     * Reads a file; one larger than {@code limits.maxFileBytes()} is refused before it is read
     * (a {@link PcapFormatException} at offset {@code maxFileBytes}).
     */
    public static PcapFile read(Path file, PcapLimits limits) throws IOException {
        // BEGIN SOLUTION
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw tooBig(size, limits);
        }
        return read(Files.readAllBytes(file), limits);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): read a pcap file");
    }

    /** Reads the bytes of a whole file with the default limits. */
    public static PcapFile read(byte[] file) throws PcapFormatException {
        return read(file, PcapLimits.DEFAULT);
    }

    /**
     * Reads the bytes of a whole file: the 24-byte header (see {@link PcapHeader}), then records until
     * the end. Refused, each with the offset of the bad bytes:
     * <ul>
     *   <li>fewer than 24 bytes (offset 0, where the incomplete header starts); a magic number that is none of the four (pcapng files are named as such);
     *       a major version other than 2;</li>
     *   <li>a file that ends inside a record header (offset: where that header starts), or before the captured
     *       bytes a record header announces (offset: where those bytes start);</li>
     *   <li>a captured length above the original length or above {@code limits.maxSnapLength()}
     *       (offset: the record's captured length field);</li>
     *   <li>more than {@code limits.maxPackets()} records (offset: the first record too many);</li>
     *   <li>more than {@code limits.maxFileBytes()} bytes.</li>
     * </ul>
     */
    public static PcapFile read(byte[] file, PcapLimits limits) throws PcapFormatException {
        // BEGIN SOLUTION
        if (file.length > limits.maxFileBytes()) {
            throw tooBig(file.length, limits);
        }
        if (file.length < PcapHeader.LENGTH) {
            throw new PcapFormatException(0, "the file ends after " + file.length
                    + " bytes, inside the 24-byte pcap file header");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (!isMagic(magic)) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
        }
        if (!isMagic(magic)) {
            throw new PcapFormatException(0, magic == PCAPNG_MAGIC
                    ? "this is a pcapng file; this reader reads classic pcap (convert it: editcap -F pcap in out)"
                    : "the magic number " + HexFormat.of().toHexDigits(magic) + " is not one of a classic pcap file");
        }
        int major = b.getShort(4) & 0xffff;
        int minor = b.getShort(6) & 0xffff;
        if (major != PcapHeader.VERSION_MAJOR) {
            throw new PcapFormatException(4, "version " + major + "." + minor + "; only version 2.x is read");
        }
        PcapHeader header = new PcapHeader(b.order(), magic == PcapHeader.MAGIC_NANOSECONDS, major, minor,
                b.getInt(16) & 0xffff_ffffL, b.getInt(20) & 0xffff);
        List<PcapRecord> records = new ArrayList<>();
        int at = PcapHeader.LENGTH;
        while (at < file.length) {
            int number = records.size() + 1;
            if (number > limits.maxPackets()) {
                throw new PcapFormatException(at, "record " + number + " is one more than the limit of "
                        + limits.maxPackets() + " packets");
            }
            if (file.length - at < PcapRecord.HEADER_LENGTH) {
                throw new PcapFormatException(at, "record " + number + ": the file ends inside its 16-byte header ("
                        + (file.length - at) + " bytes left): the file is truncated");
            }
            long seconds = b.getInt(at) & 0xffff_ffffL;
            long fraction = b.getInt(at + 4) & 0xffff_ffffL;
            long captured = b.getInt(at + 8) & 0xffff_ffffL;
            long original = b.getInt(at + 12) & 0xffff_ffffL;
            if (captured > limits.maxSnapLength()) {
                throw new PcapFormatException(at + 8, "record " + number + ": a captured length of " + captured
                        + " bytes is more than the limit of " + limits.maxSnapLength());
            }
            if (captured > original) {
                throw new PcapFormatException(at + 8, "record " + number + ": the captured length " + captured
                        + " is more than the original length " + original);
            }
            int data = at + PcapRecord.HEADER_LENGTH;
            if (file.length - data < captured) {
                throw new PcapFormatException(data, "record " + number + " (header at byte offset " + at
                        + ") needs " + captured + " bytes of packet data, but the file has only " + (file.length - data)
                        + " left: the file is truncated");
            }
            long nanos = seconds * 1_000_000_000L + (header.nanosecond() ? fraction : fraction * 1_000L);
            byte[] bytes = new byte[(int) captured];
            System.arraycopy(file, data, bytes, 0, bytes.length);
            records.add(new PcapRecord(number, at, nanos, (int) Math.min(original, Integer.MAX_VALUE), bytes));
            at = data + (int) captured;
        }
        return new PcapFile(header, records);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): read pcap bytes");
    }
    // BEGIN SOLUTION

    private static boolean isMagic(int magic) {
        return magic == PcapHeader.MAGIC_MICROSECONDS || magic == PcapHeader.MAGIC_NANOSECONDS;
    }

    private static PcapFormatException tooBig(long size, PcapLimits limits) {
        return new PcapFormatException(limits.maxFileBytes(), "the file has " + size + " bytes, more than the limit of "
                + limits.maxFileBytes());
    }
    // END SOLUTION
}
