package course.tcpudp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A datagram socket that sends and receives {@link Packet}s through {@link PacketCodec}.
 * Datagrams that do not decode (damaged on the way) are dropped and counted, as the kernel
 * drops a UDP datagram whose checksum fails.
 */
public final class PacketSocket {
    /** A packet and the address it came from. */
    public record Received(Packet packet, SocketAddress from) {
    }

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[65536];
    private final AtomicLong damaged = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    public PacketSocket(DatagramSocket socket) {
        this.socket = socket;
    }

    public DatagramSocket socket() {
        return socket;
    }

    public void send(Packet packet, SocketAddress to) throws IOException {
        byte[] bytes = PacketCodec.encode(packet);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        sent.incrementAndGet();
    }

    /**
     * The next intact packet, waiting at most {@code timeoutMillis} (at least 1 ms); empty when
     * none came in time. Damaged datagrams are skipped without extending the wait.
     */
    public Optional<Received> receive(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left < 1) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            Optional<Packet> p = PacketCodec.decode(in.getData(), in.getOffset(), in.getLength());
            if (p.isPresent()) {
                return Optional.of(new Received(p.get(), in.getSocketAddress()));
            }
            damaged.incrementAndGet();
        }
    }

    /** Datagrams dropped because they did not decode. */
    public long damaged() {
        return damaged.get();
    }

    /** Packets sent. */
    public long sent() {
        return sent.get();
    }
}
