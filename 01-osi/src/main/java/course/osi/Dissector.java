package course.osi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Takes every packet of a capture apart, as Wireshark's packet list does. */
public final class Dissector {
    private Dissector() {
    }

    /**
     * One {@link DissectedPacket} per record, in file order, with times relative to the first record.
     * Never throws for a damaged packet: its problem is part of its result.
     */
    public static List<DissectedPacket> dissect(PcapFile file) {
        // BEGIN SOLUTION
        List<DissectedPacket> out = new ArrayList<>();
        long first = file.records().isEmpty() ? 0 : file.records().get(0).timestampNanos();
        for (PcapRecord r : file.records()) {
            out.add(dissect(r, file.header().linkType(), first));
        }
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): dissect a capture");
    }

    /**
     * One packet: parsed in {@link ParseMode#CAPTURE} mode, and, when it is TCP with data, its HTTP
     * start line if it has one ({@link HttpStartLine}).
     *
     * @param firstTimestampNanos the first packet's timestamp, which relative times count from
     */
    public static DissectedPacket dissect(PcapRecord record, int linkType, long firstTimestampNanos) {
        // BEGIN SOLUTION
        DecodedFrame frame = PacketParser.frame(record.data(), linkType, ParseMode.CAPTURE);
        Optional<String> http = Optional.empty();
        if (frame.transport().isPresent() && frame.transport().get() instanceof TcpSegment tcp
                && tcp.payload().length > 0) {
            http = HttpStartLine.find(tcp.payload());
        }
        return new DissectedPacket(record.number(), record.timestampNanos() - firstTimestampNanos,
                record.capturedLength(), record.originalLength(), frame, http);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): dissect one packet");
    }
}
