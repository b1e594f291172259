package course.osi;

/**
 * The three ranges IANA divides the 16-bit port numbers into (RFC 6335 section 6): system or
 * well-known ports, assigned by IETF review and on many systems only open to privileged
 * programs; registered (user) ports; and dynamic (private, ephemeral) ports, never assigned,
 * for clients' ends of connections.
 */
public enum PortRange {
    WELL_KNOWN(0, 1023),
    REGISTERED(1024, 49151),
    DYNAMIC(49152, 65535);

    public static final int MAX_PORT = 65535;

    private final int first;
    private final int last;

    PortRange(int first, int last) {
        this.first = first;
        this.last = last;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    /**
     * The range {@code port} is in.
     *
     * @throws IllegalArgumentException when the port is not 0..65535
     */
    public static PortRange of(int port) {
        // BEGIN SOLUTION
        check(port);
        return port <= WELL_KNOWN.last ? WELL_KNOWN : port <= REGISTERED.last ? REGISTERED : DYNAMIC;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the IANA range of port " + port);
    }

    /** Refuses a number that is not a port: ports are 16 bits, 0..65535. */
    public static int check(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("a port is 0.." + MAX_PORT + ", not " + port);
        }
        return port;
    }
}
