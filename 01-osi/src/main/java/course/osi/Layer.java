package course.osi;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one layer added when data went down the stack: its header bytes, and how many bytes
 * it carried as payload (everything the layers above produced).
 *
 * @param protocol      the layer's protocol
 * @param header        the header bytes this layer put in front of its payload
 * @param payloadLength bytes that follow the header at this layer
 */
public record Layer(Protocol protocol, byte[] header, int payloadLength) {
    public Layer {
        Objects.requireNonNull(protocol, "protocol");
        header = header.clone();
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must not be negative: " + payloadLength);
        }
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    public int headerLength() {
        return header.length;
    }

    /** This layer's whole unit of data: header plus payload. */
    public int length() {
        return header.length + payloadLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layer l && l.protocol == protocol && l.payloadLength == payloadLength
                && Arrays.equals(l.header, header);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, payloadLength, Arrays.hashCode(header));
    }

    @Override
    public String toString() {
        return protocol.displayName() + " header " + header.length + " bytes (" + Hex.brief(header) + ") + "
                + payloadLength + " bytes of payload";
    }
}
