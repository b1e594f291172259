package course.osi;

import java.util.Objects;

/**
 * A CIDR block (RFC 4632): a network address and a prefix length, written "192.168.0.0/16".
 * The first {@code prefixLength} bits name the network; the rest number the addresses in it.
 *
 * <p>Host bits must be zero: "192.168.1.5/24" is refused rather than silently read as
 * 192.168.1.0/24, because such text usually means an interface address was written where a network
 * was meant (Python's ipaddress.ip_network is strict in the same way). {@link #of} is the lenient
 * door: it clears the host bits of an address.
 */
public record Cidr(Ipv4Address network, int prefixLength) {
    public static final int MAX_PREFIX_LENGTH = 32;

    /**
     * @throws IllegalArgumentException when the prefix length is not 0..32 or the network has host bits set
     */
    public Cidr {
        Objects.requireNonNull(network, "network");
        // BEGIN SOLUTION
        if (prefixLength < 0 || prefixLength > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("a prefix length is 0..32, not " + prefixLength);
        }
        if ((network.value() & ~maskBits(prefixLength)) != 0) {
            throw new IllegalArgumentException(network + "/" + prefixLength + " has host bits set");
        }
        // END SOLUTION
        // STUB: // TODO(task 01.7): refuse a prefix length outside 0..32, and host bits set (IllegalArgumentException)
    }

    /**
     * Parses "a.b.c.d/n": an IPv4 address as {@link Ipv4Address#parse} reads it, a slash, and a prefix
     * length of 1 or 2 decimal digits, 0..32, without a leading zero.
     *
     * @throws AddressFormatException when the text is not of that form, or host bits are set (the
     *                                message then names the network that was probably meant)
     */
    public static Cidr parse(String text) {
        // BEGIN SOLUTION
        String what = "a CIDR block";
        if (text == null) {
            throw new AddressFormatException(what, "null", "no text");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new AddressFormatException(what, text, "no '/' and prefix length");
        }
        Ipv4Address address;
        try {
            address = Ipv4Address.parse(text.substring(0, slash));
        } catch (AddressFormatException e) {
            throw new AddressFormatException(what, text, "the address " + e.reason());
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("0|[1-9][0-9]?")) {
            throw new AddressFormatException(what, text, "the prefix length \"" + prefix
                    + "\" is not a number 0..32 (without leading zeros)");
        }
        int length = Integer.parseInt(prefix);
        if (length > MAX_PREFIX_LENGTH) {
            throw new AddressFormatException(what, text, "the prefix length " + length + " is larger than 32");
        }
        Cidr normalised = of(address, length);
        if (!normalised.network().equals(address)) {
            throw new AddressFormatException(what, text, "host bits are set (after the first " + length
                    + " bits); the network is " + normalised);
        }
        return normalised;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): parse a CIDR block");
    }

    /** The block of this prefix length that contains {@code address} (its host bits cleared). */
    public static Cidr of(Ipv4Address address, int prefixLength) {
        // BEGIN SOLUTION
        if (prefixLength < 0 || prefixLength > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("a prefix length is 0..32, not " + prefixLength);
        }
        return new Cidr(new Ipv4Address(address.value() & maskBits(prefixLength)), prefixLength);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the block around an address");
    }

    /** The netmask: prefixLength one bits, then zeros (/24: 255.255.255.0, /0: 0.0.0.0). */
    public Ipv4Address mask() {
        // BEGIN SOLUTION
        return new Ipv4Address(maskBits(prefixLength));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the netmask");
    }

    /** The last address of the block: all host bits one (for /32 the network itself). */
    public Ipv4Address broadcast() {
        // BEGIN SOLUTION
        return new Ipv4Address(network.value() | ~maskBits(prefixLength));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the broadcast address");
    }

    /** Whether the address is in this block. */
    public boolean contains(Ipv4Address address) {
        // BEGIN SOLUTION
        return (address.value() & maskBits(prefixLength)) == network.value();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): subnet membership");
    }

    /** Whether {@code other} lies wholly inside this block (a block contains itself). */
    public boolean contains(Cidr other) {
        // BEGIN SOLUTION
        return other.prefixLength >= prefixLength && contains(other.network);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): a block inside a block");
    }

    /** Addresses in the block: 2^(32 - prefixLength). */
    public long size() {
        // BEGIN SOLUTION
        return 1L << (MAX_PREFIX_LENGTH - prefixLength);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the block's size");
    }

    /**
     * Addresses a host can have: the size minus the network and broadcast addresses; but a /31 has 2
     * (a point-to-point link needs neither, RFC 3021) and a /32 has 1 (a single host).
     */
    public long hostCount() {
        // BEGIN SOLUTION
        return prefixLength >= 31 ? size() : size() - 2;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the number of hosts");
    }

    /** The first host address: network + 1, or the network itself for /31 and /32. */
    public Ipv4Address firstHost() {
        // BEGIN SOLUTION
        return prefixLength >= 31 ? network : new Ipv4Address(network.value() + 1);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the first host");
    }

    /** The last host address: broadcast - 1, or the broadcast (last) address for /31 and /32. */
    public Ipv4Address lastHost() {
        // BEGIN SOLUTION
        return prefixLength >= 31 ? broadcast() : new Ipv4Address(broadcast().value() - 1);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the last host");
    }

    /** "192.168.0.0/16". */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
    // BEGIN SOLUTION

    /** prefixLength one bits from the top; shifting an int by 32 would shift by 0, so /0 is special. */
    private static int maskBits(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (MAX_PREFIX_LENGTH - prefixLength);
    }
    // END SOLUTION
}
