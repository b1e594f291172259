package course.osi;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ethernet II frame as captured: destination and source address, an optional 802.1Q VLAN
 * tag, the EtherType, and the payload (the frame check sequence is not captured on Linux).
 * A payload shorter than 46 bytes is padded on the wire; the padding is part of the payload
 * here, and IPv4's total length tells where the packet really ends.
 */
public record EthernetFrame(MacAddress destination, MacAddress source, Optional<VlanTag> vlan, int etherType,
                            byte[] payload) implements LinkLayer {
    /** Bytes in the header without a VLAN tag: two addresses and the EtherType. */
    public static final int HEADER_LENGTH = 14;
    /** Bytes a VLAN tag adds (TPID and TCI). */
    public static final int VLAN_TAG_LENGTH = 4;
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    /** Values below this in the type field are IEEE 802.3 lengths, not EtherTypes. */
    public static final int MIN_ETHERTYPE = 0x0600;

    public EthernetFrame {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vlan, "vlan");
        if (etherType < 0 || etherType > 0xffff) {
            throw new IllegalArgumentException("the EtherType is 16 bits, not " + etherType);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public int headerLength() {
        return HEADER_LENGTH + (vlan.isPresent() ? VLAN_TAG_LENGTH : 0);
    }

    @Override
    public Protocol protocol() {
        return Protocol.ETHERNET;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthernetFrame f && f.destination.equals(destination) && f.source.equals(source)
                && f.vlan.equals(vlan) && f.etherType == etherType && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, source, vlan, etherType, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EthernetFrame[destination=" + destination + ", source=" + source + ", vlan=" + vlan + ", etherType="
                + Hex.number(etherType, 4) + ", payload=" + Hex.brief(payload) + "]";
    }
}
