package course.osi;

/**
 * The seven layers of the OSI reference model (ISO/IEC 7498-1), bottom up. Each layer offers
 * a service to the one above it and uses the one below; on the wire, a lower layer's header
 * wraps the data handed down from above (encapsulation, see {@link Encapsulation}).
 */
public enum OsiLayer {
    PHYSICAL, DATA_LINK, NETWORK, TRANSPORT, SESSION, PRESENTATION, APPLICATION;

    /** The layer's number: 1 for {@link #PHYSICAL} up to 7 for {@link #APPLICATION}. */
    public int number() {
        // BEGIN SOLUTION
        return ordinal() + 1;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): the layer's number, 1..7");
    }

    /**
     * The usual name of one unit of data at this layer (its protocol data unit): "bit",
     * "frame", "packet", "segment" (UDP calls its unit a datagram), and "data" for 5 to 7.
     */
    public String pdu() {
        // BEGIN SOLUTION
        return switch (this) {
            case PHYSICAL -> "bit";
            case DATA_LINK -> "frame";
            case NETWORK -> "packet";
            case TRANSPORT -> "segment";
            case SESSION, PRESENTATION, APPLICATION -> "data";
        };
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): the PDU name of " + this);
    }

    /**
     * The layer of the TCP/IP model (RFC 1122) that does this layer's job: physical and data
     * link are its link layer, session and presentation fold into its application layer.
     */
    public TcpIpLayer tcpIpLayer() {
        // BEGIN SOLUTION
        return switch (this) {
            case PHYSICAL, DATA_LINK -> TcpIpLayer.LINK;
            case NETWORK -> TcpIpLayer.INTERNET;
            case TRANSPORT -> TcpIpLayer.TRANSPORT;
            case SESSION, PRESENTATION, APPLICATION -> TcpIpLayer.APPLICATION;
        };
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): map " + this + " to the TCP/IP model");
    }

    /** The layer with this number (1..7). */
    public static OsiLayer ofNumber(int number) {
        // BEGIN SOLUTION
        if (number < 1 || number > 7) {
            throw new IllegalArgumentException("OSI layers are numbered 1 to 7, not " + number);
        }
        return values()[number - 1];
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): the OSI layer numbered " + number);
    }
}
