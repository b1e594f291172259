package course.tcpudp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.Optional;

/**
 * The receiving half of stop-and-wait. It keeps the segment whose seq is the next byte it
 * expects, and answers every DATA with ACK(ack = next byte expected), so a lost ACK is
 * repaired by the duplicate that follows. On the FIN it answers FIN_ACK, then lingers until
 * the sender has been quiet for {@code lingerMillis}, answering any FIN sent again (its
 * FIN_ACK may have been lost).
 */
public final class StopAndWaitReceiver {
    /** How long the receiver waits for a first or next segment before giving up. */
    public static final int IDLE_LIMIT_MILLIS = 30_000;

    private final PacketSocket socket;
    private final int lingerMillis;

    public StopAndWaitReceiver(DatagramSocket socket, int lingerMillis) {
        this.socket = new PacketSocket(socket);
        this.lingerMillis = lingerMillis;
    }

    /** Receives one whole transfer and returns its bytes, in order, once the FIN has come and the linger is over. */
    public byte[] receive() throws IOException {
        // BEGIN SOLUTION
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int expected = 0;
        boolean finished = false;
        while (true) {
            Optional<PacketSocket.Received> in = socket.receive(finished ? lingerMillis : IDLE_LIMIT_MILLIS);
            if (in.isEmpty()) {
                if (finished) {
                    return data.toByteArray();
                }
                throw new IOException("no segment for " + IDLE_LIMIT_MILLIS + " ms; " + expected + " bytes received");
            }
            Packet p = in.get().packet();
            switch (p.type()) {
                case DATA -> {
                    if (!finished && p.seq() == expected) {
                        data.write(p.payload());
                        expected += p.payload().length;
                    }
                    socket.send(Packet.control(Packet.Type.ACK, 0, expected, 0), in.get().from());
                }
                case FIN -> {
                    if (p.seq() == expected) {
                        finished = true;
                        socket.send(Packet.control(Packet.Type.FIN_ACK, 0, expected + 1, 0), in.get().from());
                    } else {
                        socket.send(Packet.control(Packet.Type.ACK, 0, expected, 0), in.get().from());
                    }
                }
                default -> {
                    // not part of a transfer: ignore
                }
            }
        }
        // END SOLUTION
        // STUB: // TODO(task 03.3): keep DATA whose seq is the next byte expected; answer every DATA with ACK(ack = next expected);
        // STUB: // on FIN(seq = next expected) answer FIN_ACK(ack = seq + 1) and linger, answering FINs sent again.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.3): stop-and-wait receiver");
    }
}
