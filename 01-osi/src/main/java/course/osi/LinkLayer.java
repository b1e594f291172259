package course.osi;

/** The link-layer header of a captured frame: Ethernet II, or Linux's cooked header. */
public sealed interface LinkLayer permits EthernetFrame, LinuxCookedHeader {
    /** The protocol of the payload, as an EtherType (0x0800 IPv4, 0x0806 ARP, 0x86DD IPv6, ...). */
    int etherType();

    /** The bytes after the link-layer header. */
    byte[] payload();

    /** Bytes in the link-layer header. */
    int headerLength();

    Protocol protocol();
}
