package course.osi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One TCP option. Kinds 0 (end of option list) and 1 (no-operation) are a single byte; every
 * other option is kind, length (of the whole option, in bytes), then data. The parser reads the
 * whole option area, so the zero bytes that pad a header after an end-of-list appear as more
 * {@link EndOfOptionList}s, and writing the list back gives the same bytes.
 */
public sealed interface TcpOption {
    int KIND_END = 0;
    int KIND_NOP = 1;
    int KIND_MSS = 2;
    int KIND_WINDOW_SCALE = 3;
    int KIND_SACK_PERMITTED = 4;
    int KIND_SACK = 5;
    int KIND_TIMESTAMPS = 8;
    /** Most SACK blocks that fit in the 40 bytes of options (RFC 2018). */
    int MAX_SACK_BLOCKS = 4;

    /** The option's kind byte. */
    int kind();

    /** Bytes the option takes in the header. */
    int length();

    /** Kind 0, one byte: no options follow. */
    record EndOfOptionList() implements TcpOption {
        public int kind() {
            return KIND_END;
        }

        public int length() {
            return 1;
        }
    }

    /** Kind 1, one byte: used to align the next option. */
    record NoOperation() implements TcpOption {
        public int kind() {
            return KIND_NOP;
        }

        public int length() {
            return 1;
        }
    }

    /** Kind 2, length 4: the largest segment the sender will receive (RFC 9293 section 3.7.1); SYN only. */
    record MaximumSegmentSize(int mss) implements TcpOption {
        public MaximumSegmentSize {
            check(mss, 0xffff, "mss");
        }

        public int kind() {
            return KIND_MSS;
        }

        public int length() {
            return 4;
        }
    }

    /** Kind 3, length 3: the window field is shifted left by this many bits (RFC 7323); SYN only. */
    record WindowScale(int shift) implements TcpOption {
        public WindowScale {
            check(shift, 0xff, "shift");
        }

        public int kind() {
            return KIND_WINDOW_SCALE;
        }

        public int length() {
            return 3;
        }
    }

    /** Kind 4, length 2: the sender understands selective acknowledgements (RFC 2018); SYN only. */
    record SackPermitted() implements TcpOption {
        public int kind() {
            return KIND_SACK_PERMITTED;
        }

        public int length() {
            return 2;
        }
    }

    /** One block of received bytes, from left edge up to (not including) right edge. */
    record SackBlock(long left, long right) {
        public SackBlock {
            check(left, 0xffff_ffffL, "left");
            check(right, 0xffff_ffffL, "right");
        }
    }

    /** Kind 5, length 2 + 8 per block: blocks received beyond the acknowledged data (RFC 2018). */
    record Sack(List<SackBlock> blocks) implements TcpOption {
        public Sack {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > MAX_SACK_BLOCKS) {
                throw new IllegalArgumentException("a SACK option has 1 to 4 blocks, not " + blocks.size());
            }
        }

        public int kind() {
            return KIND_SACK;
        }

        public int length() {
            return 2 + 8 * blocks.size();
        }
    }

    /** Kind 8, length 10: TSval and TSecr (RFC 7323). */
    record Timestamps(long value, long echoReply) implements TcpOption {
        public Timestamps {
            check(value, 0xffff_ffffL, "value");
            check(echoReply, 0xffff_ffffL, "echoReply");
        }

        public int kind() {
            return KIND_TIMESTAMPS;
        }

        public int length() {
            return 10;
        }
    }

    /** Any other kind, with its data (the bytes after kind and length). */
    record Unknown(int kind, byte[] data) implements TcpOption {
        public Unknown {
            check(kind, 0xff, "kind");
            data = data.clone();
            if (kind == KIND_END || kind == KIND_NOP || data.length > 253) {
                throw new IllegalArgumentException("an option of kind " + kind + " with " + data.length
                        + " data bytes cannot be written as kind, length, data");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return 2 + data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.kind == kind && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Unknown[kind=" + kind + ", data=" + Hex.brief(data) + "]";
        }
    }

    private static void check(long value, long max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ", but was " + value);
        }
    }

    /** Bytes the options take, before padding. */
    static int encodedLength(List<TcpOption> options) {
        int n = 0;
        for (TcpOption o : options) {
            n += o.length();
        }
        return n;
    }
}
