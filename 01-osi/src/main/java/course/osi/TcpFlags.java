package course.osi;

import java.util.ArrayList;
import java.util.List;

/**
 * The 12 bits after TCP's data offset: 3 reserved bits, then AE (formerly NS, RFC 9768), CWR,
 * ECE, URG, ACK, PSH, RST, SYN, FIN. As a number this is what Wireshark shows as tcp.flags
 * (e.g. 0x012 for SYN+ACK).
 *
 * @param bits 0..0xFFF
 */
public record TcpFlags(int bits) {
    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    public static final int AE = 0x100;
    /** The flags in the order {@link #names()} lists them (Wireshark's order). */
    public static final List<Integer> ORDER = List.of(FIN, SYN, RST, PSH, ACK, URG, ECE, CWR, AE);

    public TcpFlags {
        if (bits < 0 || bits > 0xfff) {
            throw new IllegalArgumentException("TCP flags are 12 bits, not " + Integer.toHexString(bits));
        }
    }

    public static TcpFlags of(int... flags) {
        int bits = 0;
        for (int f : flags) {
            bits |= f;
        }
        return new TcpFlags(bits);
    }

    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    /**
     * The names of the set flags in the order FIN, SYN, RST, PSH, ACK, URG, ECE, CWR, AE, e.g.
     * ["SYN", "ACK"]; a set reserved bit is listed as "RES".
     */
    public List<String> names() {
        // BEGIN SOLUTION
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (has(ORDER.get(i))) {
                out.add(names[i]);
            }
        }
        if ((bits & 0xe00) != 0) {
            out.add("RES");
        }
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): the names of the set flags");
    }

    /** "[SYN, ACK]" (empty brackets when none is set). */
    @Override
    public String toString() {
        return names().toString();
    }
}
