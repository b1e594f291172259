package course.tcpudp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;

/** Sending and receiving whole datagrams, with the size limits of UDP over IPv4 checked. */
public final class Datagrams {
    /**
     * Largest UDP payload over IPv4: the IPv4 total length field allows 65,535 bytes, minus
     * 20 bytes of IPv4 header and 8 bytes of UDP header.
     */
    public static final int MAX_UDP_PAYLOAD = 65_535 - 20 - 8;

    private Datagrams() {
    }

    /** One datagram and where it came from. */
    public record Received(byte[] data, SocketAddress from) {
    }

    /**
     * Sends {@code data} as one datagram to {@code to}.
     *
     * @throws IllegalArgumentException when data is larger than {@link #MAX_UDP_PAYLOAD}; the
     *                                  message names the size and the limit 65507
     */
    public static void send(DatagramSocket socket, SocketAddress to, byte[] data) throws IOException {
        // BEGIN SOLUTION
        if (data.length > MAX_UDP_PAYLOAD) {
            throw new IllegalArgumentException("a UDP datagram over IPv4 carries at most " + MAX_UDP_PAYLOAD
                    + " bytes (65535 - 20 IP - 8 UDP), but " + data.length + " were given");
        }
        socket.send(new DatagramPacket(data, data.length, to));
        // END SOLUTION
        // STUB: // TODO(task 03.1): refuse more than MAX_UDP_PAYLOAD bytes with an IllegalArgumentException, then send one DatagramPacket.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.1): send a datagram");
    }

    /**
     * Receives one datagram of at most {@code bufferSize} bytes.
     *
     * @throws TruncatedDatagramException when the datagram was larger than bufferSize (receive
     *                                    into bufferSize + 1 bytes to notice: Java silently cuts
     *                                    a datagram to the buffer)
     */
    public static Received receive(DatagramSocket socket, int bufferSize) throws IOException {
        // BEGIN SOLUTION
        byte[] buffer = new byte[bufferSize + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        if (packet.getLength() > bufferSize) {
            throw new TruncatedDatagramException("a datagram from " + packet.getSocketAddress()
                    + " was larger than the " + bufferSize + "-byte buffer; its end was cut off");
        }
        return new Received(Arrays.copyOf(buffer, packet.getLength()), packet.getSocketAddress());
        // END SOLUTION
        // STUB: // TODO(task 03.1): receive into bufferSize + 1 bytes; more than bufferSize means the datagram was truncated.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.1): receive a datagram");
    }
}
