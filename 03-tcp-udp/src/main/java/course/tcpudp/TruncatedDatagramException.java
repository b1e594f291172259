package course.tcpudp;

import java.io.IOException;

/** A datagram arrived that was larger than the buffer it was received into, so its end was cut off. */
public class TruncatedDatagramException extends IOException {
    private static final long serialVersionUID = 1L;

    public TruncatedDatagramException(String message) {
        super(message);
    }
}
