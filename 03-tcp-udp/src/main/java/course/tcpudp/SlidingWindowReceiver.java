package course.tcpudp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.Optional;

/**
 * The receiving half of the sliding window. DATA goes into a {@link StreamReassembler} (so
 * segments that arrive early are kept, not dropped), every DATA is answered with a cumulative
 * ACK(seq = the DATA's seq, ack = first byte not yet assembled, window = free space), and the FIN whose seq is the
 * end of the stream is answered with FIN_ACK(ack = seq + 1). Then the receiver lingers as
 * {@link StopAndWaitReceiver} does.
 */
public final class SlidingWindowReceiver {
    private final PacketSocket socket;
    private final int capacity;
    private final int lingerMillis;

    /**
     * @param capacity     bytes the reassembler holds (the most the sender may have in flight)
     * @param lingerMillis quiet time after the FIN before {@link #receive()} returns
     */
    public SlidingWindowReceiver(DatagramSocket socket, int capacity, int lingerMillis) {
        this.socket = new PacketSocket(socket);
        this.capacity = capacity;
        this.lingerMillis = lingerMillis;
    }

    /** Receives one whole transfer and returns its bytes in order. */
    public byte[] receive() throws IOException {
        // BEGIN SOLUTION
        StreamReassembler stream = new StreamReassembler(capacity);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean finished = false;
        while (true) {
            Optional<PacketSocket.Received> in =
                    socket.receive(finished ? lingerMillis : StopAndWaitReceiver.IDLE_LIMIT_MILLIS);
            if (in.isEmpty()) {
                if (finished) {
                    return out.toByteArray();
                }
                throw new IOException("no segment for " + StopAndWaitReceiver.IDLE_LIMIT_MILLIS + " ms");
            }
            Packet p = in.get().packet();
            if (p.type() == Packet.Type.DATA) {
                stream.insert(p.seq() & 0xffffffffL, p.payload(), false);
            } else if (p.type() == Packet.Type.FIN) {
                stream.insert(p.seq() & 0xffffffffL, new byte[0], true);
            } else {
                continue;
            }
            out.write(stream.read());
            int ack = (int) stream.firstUnassembled();
            int window = (int) Math.min(0xFFFF, stream.window());
            if (p.type() == Packet.Type.FIN && stream.isFinished() && p.seq() == ack) {
                finished = true;
                socket.send(Packet.control(Packet.Type.FIN_ACK, 0, ack + 1, window), in.get().from());
            } else {
                // seq names the segment this ACK answers, so the sender can time it
                socket.send(Packet.control(Packet.Type.ACK, p.seq(), ack, window), in.get().from());
            }
        }
        // END SOLUTION
        // STUB: // TODO(task 03.4): insert each DATA into a StreamReassembler, read what is assembled, answer ACK(seq = the
        // STUB: // DATA's seq, ack = firstUnassembled, window = free space); FIN at the end of the stream: FIN_ACK(ack = seq + 1), then linger.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.4): sliding window receiver");
    }
}
