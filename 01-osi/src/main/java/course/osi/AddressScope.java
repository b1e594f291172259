package course.osi;

import java.util.List;

/**
 * What kind of address an IPv4 address is, after the IANA IPv4 Special-Purpose Address Registry
 * (RFC 6890) and the multicast and private-use RFCs. {@link #of} checks in the order listed here.
 */
public enum AddressScope {
    /** 255.255.255.255, the limited broadcast (RFC 919): every host on this link. */
    BROADCAST,
    /** 0.0.0.0/8, "this network" (RFC 791); 0.0.0.0 itself means "no address yet" or "any". */
    UNSPECIFIED,
    /** 127.0.0.0/8: this host (RFC 1122). */
    LOOPBACK,
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16: private use, not routed on the Internet (RFC 1918). */
    PRIVATE,
    /** 100.64.0.0/10: shared address space behind carrier-grade NAT (RFC 6598). */
    SHARED,
    /** 169.254.0.0/16: link-local, self-assigned when no DHCP server answers (RFC 3927). */
    LINK_LOCAL,
    /** 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24: for examples in documentation (RFC 5737). */
    DOCUMENTATION,
    /** 224.0.0.0/4: multicast groups (RFC 5771). */
    MULTICAST,
    /** 240.0.0.0/4 except the broadcast address: reserved for future use (RFC 1112). */
    RESERVED,
    /** Everything else: an ordinary, globally routed unicast address. */
    PUBLIC;

    /** The scope of {@code address}. */
    public static AddressScope of(Ipv4Address address) {
        // BEGIN SOLUTION
        if (address.equals(Ipv4Address.BROADCAST)) {
            return BROADCAST;
        }
        for (Block b : BLOCKS) {
            if (b.cidr().contains(address)) {
                return b.scope();
            }
        }
        return PUBLIC;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): classify " + address.value());
    }
    // BEGIN SOLUTION

    /** Each scope's blocks, in the order they are checked. */
    private record Block(AddressScope scope, Cidr cidr) {
        Block(AddressScope scope, int a, int b, int c, int prefixLength) {
            this(scope, new Cidr(new Ipv4Address(a << 24 | b << 16 | c << 8), prefixLength));
        }
    }

    private static final List<Block> BLOCKS = List.of(
            new Block(UNSPECIFIED, 0, 0, 0, 8),
            new Block(LOOPBACK, 127, 0, 0, 8),
            new Block(PRIVATE, 10, 0, 0, 8), new Block(PRIVATE, 172, 16, 0, 12), new Block(PRIVATE, 192, 168, 0, 16),
            new Block(SHARED, 100, 64, 0, 10),
            new Block(LINK_LOCAL, 169, 254, 0, 16),
            new Block(DOCUMENTATION, 192, 0, 2, 24), new Block(DOCUMENTATION, 198, 51, 100, 24),
            new Block(DOCUMENTATION, 203, 0, 113, 24),
            new Block(MULTICAST, 224, 0, 0, 4),
            new Block(RESERVED, 240, 0, 0, 4));
    // END SOLUTION
}
