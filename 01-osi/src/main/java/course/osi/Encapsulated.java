package course.osi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An application payload and the frame it became, with what each layer added.
 *
 * @param flow    addresses and ports of every layer
 * @param layers  the layers that added a header, outermost first: Ethernet II, IPv4, then UDP or TCP
 * @param payload the application's bytes
 * @param frame   the whole frame: the layers' headers in order, then the payload
 */
public record Encapsulated(Flow flow, List<Layer> layers, byte[] payload, byte[] frame) {
    public Encapsulated {
        Objects.requireNonNull(flow, "flow");
        layers = List.copyOf(layers);
        payload = payload.clone();
        frame = frame.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encapsulated e && e.flow.equals(flow) && e.layers.equals(layers)
                && Arrays.equals(e.payload, payload) && Arrays.equals(e.frame, frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flow, layers, Arrays.hashCode(payload), Arrays.hashCode(frame));
    }

    @Override
    public String toString() {
        return "Encapsulated[" + flow + ", " + layers + ", payload " + Hex.brief(payload) + "]";
    }
}
