package course.osi;

import java.util.List;
import java.util.Objects;

/** A whole classic pcap file: its global header and its packets in file order. */
public record PcapFile(PcapHeader header, List<PcapRecord> records) {
    public PcapFile {
        Objects.requireNonNull(header, "header");
        records = List.copyOf(records);
    }
}
