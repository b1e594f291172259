package course.osi;

import java.util.Arrays;
import java.util.Objects;

/**
 * Linux's "cooked" link-layer header (pcap link type 113, LINKTYPE_LINUX_SLL), which a capture
 * on the "any" device has instead of the real link header. 16 bytes, big-endian:
 * <pre>
 *  0  2  packet type   0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us
 *  2  2  address type  an ARPHRD_ value: 1 Ethernet, 772 loopback
 *  4  2  address length
 *  6  8  address       the sender's link-layer address, the first address-length bytes used
 * 14  2  protocol      an EtherType, 0x0800 for IPv4 (the record's etherType)
 * </pre>
 *
 * @param address the sender's address: the first min(address length, 8) bytes of the field
 */
public record LinuxCookedHeader(int packetType, int addressType, byte[] address, int etherType, byte[] payload)
        implements LinkLayer {
    public static final int HEADER_LENGTH = 16;
    /** Room for the address in the header. */
    public static final int ADDRESS_FIELD_LENGTH = 8;

    public LinuxCookedHeader {
        address = address.clone();
        payload = payload.clone();
        if (address.length > ADDRESS_FIELD_LENGTH) {
            throw new IllegalArgumentException("the address field holds 8 bytes, not " + address.length);
        }
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public int headerLength() {
        return HEADER_LENGTH;
    }

    @Override
    public Protocol protocol() {
        return Protocol.LINUX_SLL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinuxCookedHeader h && h.packetType == packetType && h.addressType == addressType
                && Arrays.equals(h.address, address) && h.etherType == etherType && Arrays.equals(h.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packetType, addressType, Arrays.hashCode(address), etherType, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "LinuxCookedHeader[packetType=" + packetType + ", addressType=" + addressType + ", address="
                + Hex.brief(address) + ", etherType=" + Hex.number(etherType, 4) + ", payload=" + Hex.brief(payload)
                + "]";
    }
}
