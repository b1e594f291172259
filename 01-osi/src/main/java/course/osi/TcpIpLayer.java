package course.osi;

import java.util.List;

/** The four layers of the Internet's own model (RFC 1122, section 1.1.3), bottom up. */
public enum TcpIpLayer {
    LINK, INTERNET, TRANSPORT, APPLICATION;

    /** The OSI layers this layer covers, bottom up (the inverse of {@link OsiLayer#tcpIpLayer()}). */
    public List<OsiLayer> osiLayers() {
        // BEGIN SOLUTION
        return switch (this) {
            case LINK -> List.of(OsiLayer.PHYSICAL, OsiLayer.DATA_LINK);
            case INTERNET -> List.of(OsiLayer.NETWORK);
            case TRANSPORT -> List.of(OsiLayer.TRANSPORT);
            case APPLICATION -> List.of(OsiLayer.SESSION, OsiLayer.PRESENTATION, OsiLayer.APPLICATION);
        };
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.1): the OSI layers inside " + this);
    }
}
