package course.tcpudp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The sending half of stop-and-wait (rdt 3.0): one DATA segment at a time, each sent again
 * after a fixed timeout until the ACK for it arrives. Sequence numbers are byte offsets, so
 * an old or duplicated ACK can never be taken for the current one. After the last segment a
 * FIN (seq = data length) is sent until its FIN_ACK (ack = length + 1) comes back.
 */
public final class StopAndWaitSender {
    /** Payload bytes per DATA segment. */
    public static final int SEGMENT_SIZE = 1024;
    /** Transmissions of one segment before the sender gives up. */
    public static final int MAX_TRIES = 100;

    private final PacketSocket socket;
    private final SocketAddress receiver;
    private final int timeoutMillis;
    private long segmentsSent;
    private long retransmissions;

    /**
     * @param socket        the sender's socket
     * @param receiver      where segments go (the receiver, or a {@link LossyChannel} in between)
     * @param timeoutMillis how long to wait for an ACK before sending the segment again
     */
    public StopAndWaitSender(DatagramSocket socket, SocketAddress receiver, int timeoutMillis) {
        this.socket = new PacketSocket(socket);
        this.receiver = receiver;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends all of {@code data} and returns once the receiver has acknowledged every byte and the FIN. */
    public void send(byte[] data) throws IOException {
        // BEGIN SOLUTION
        for (int offset = 0; offset < data.length; offset += SEGMENT_SIZE) {
            byte[] payload = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + SEGMENT_SIZE));
            Packet segment = new Packet(Packet.Type.DATA, offset, 0, 0, payload);
            deliver(segment, Packet.Type.ACK, offset + payload.length);
        }
        deliver(Packet.control(Packet.Type.FIN, data.length, 0, 0), Packet.Type.FIN_ACK, data.length + 1);
        // END SOLUTION
        // STUB: // TODO(task 03.3): for each segment of SEGMENT_SIZE bytes: send DATA(seq = offset), wait timeoutMillis for
        // STUB: // ACK(ack = offset + length), send again on timeout; ignore every other ACK. Then FIN(seq = length) until FIN_ACK.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.3): stop-and-wait sender");
    }
    // BEGIN SOLUTION

    /** Sends {@code packet} until a packet of type {@code answer} with ack {@code ack} arrives. */
    private void deliver(Packet packet, Packet.Type answer, int ack) throws IOException {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            if (attempt > 0) {
                retransmissions++;
            }
            socket.send(packet, receiver);
            segmentsSent++;
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left < 1) {
                    break; // timeout: send again
                }
                Optional<PacketSocket.Received> in = socket.receive(left);
                if (in.isEmpty()) {
                    break;
                }
                Packet p = in.get().packet();
                if (p.type() == answer && p.ack() == ack) {
                    return;
                }
                // an old or duplicated acknowledgement: keep waiting for the right one
            }
        }
        throw new IOException("no acknowledgement for " + packet + " after " + MAX_TRIES + " tries");
    }
    // END SOLUTION

    /** Segments sent, retransmissions and FIN included. */
    public long segmentsSent() {
        return segmentsSent;
    }

    /** Segments sent again after a timeout. */
    public long retransmissions() {
        return retransmissions;
    }
}
