package course.osi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A TCP segment (RFC 9293 section 3.1) with its header fields as on the wire:
 * <pre>
 *  0  source port (16) | 2  destination port (16)
 *  4  sequence number (32)
 *  8  acknowledgement number (32)
 * 12  data offset (4 bits: header length in 32-bit words, 5..15) | flags (12 bits, see {@link TcpFlags})
 * 14  window (16)
 * 16  checksum (16) | 18  urgent pointer (16)
 * 20  options (data offset * 4 - 20 bytes), then the data
 * </pre>
 * The data offset is not a component: it follows from the options (see {@link #headerLength()}).
 *
 * @param options the options in order, as parsed; {@link PacketWriter} pads them with zero bytes to a
 *                multiple of 4 (and {@link PacketBuilder#tcp} adds those as {@link TcpOption.EndOfOptionList}s)
 * @param payload the data (as far as it was captured)
 */
public record TcpSegment(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgementNumber,
                         TcpFlags flags, int window, int checksum, int urgentPointer, List<TcpOption> options,
                         byte[] payload) implements TransportSegment {
    public static final int MIN_HEADER_LENGTH = 20;
    /** The data offset is 4 bits: at most 15 words of 4 bytes. */
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int MAX_OPTIONS_LENGTH = MAX_HEADER_LENGTH - MIN_HEADER_LENGTH;

    public TcpSegment {
        PortRange.check(sourcePort);
        PortRange.check(destinationPort);
        if (sequenceNumber < 0 || sequenceNumber > 0xffff_ffffL || acknowledgementNumber < 0
                || acknowledgementNumber > 0xffff_ffffL) {
            throw new IllegalArgumentException("sequence and acknowledgement numbers are 32 bits: " + sequenceNumber
                    + ", " + acknowledgementNumber);
        }
        Objects.requireNonNull(flags, "flags");
        if (window < 0 || window > 0xffff || checksum < 0 || checksum > 0xffff || urgentPointer < 0
                || urgentPointer > 0xffff) {
            throw new IllegalArgumentException("window, checksum and urgent pointer are 16 bits: " + window + ", "
                    + checksum + ", " + urgentPointer);
        }
        options = List.copyOf(options);
        if (TcpOption.encodedLength(options) > MAX_OPTIONS_LENGTH) {
            throw new IllegalArgumentException("TCP options take at most 40 bytes, these take "
                    + TcpOption.encodedLength(options));
        }
        payload = payload.clone();
    }

    /** A segment without options to finish with {@link PacketBuilder#tcp}: urgent pointer 0, checksum 0 until computed. */
    public static TcpSegment of(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgementNumber,
                                TcpFlags flags, int window, byte[] payload) {
        return new TcpSegment(sourcePort, destinationPort, sequenceNumber, acknowledgementNumber, flags, window, 0, 0,
                List.of(), payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** 20 plus the options rounded up to a multiple of 4: data offset * 4. */
    @Override
    public int headerLength() {
        return MIN_HEADER_LENGTH + (TcpOption.encodedLength(options) + 3) / 4 * 4;
    }

    @Override
    public Protocol protocol() {
        return Protocol.TCP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpSegment s && s.sourcePort == sourcePort && s.destinationPort == destinationPort
                && s.sequenceNumber == sequenceNumber && s.acknowledgementNumber == acknowledgementNumber
                && s.flags.equals(flags) && s.window == window && s.checksum == checksum
                && s.urgentPointer == urgentPointer && s.options.equals(options) && Arrays.equals(s.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, sequenceNumber, acknowledgementNumber, flags, window, checksum,
                urgentPointer, options, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "TcpSegment[" + sourcePort + " -> " + destinationPort + ", seq=" + sequenceNumber + ", ack="
                + acknowledgementNumber + ", flags=" + Hex.number(flags.bits(), 3) + ", window=" + window
                + ", checksum=" + Hex.number(checksum, 4) + ", urgentPointer=" + urgentPointer + ", options=" + options
                + ", payload=" + Hex.brief(payload) + "]";
    }
}
