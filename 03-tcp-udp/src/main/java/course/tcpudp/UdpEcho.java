package course.tcpudp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A UDP echo server: {@code java course.tcpudp.UdpEcho --port 7007}. Every datagram goes back
 * to its sender as one datagram with the same bytes.
 */
public final class UdpEcho {
    public static final String USAGE = "usage: java course.tcpudp.UdpEcho --port N";

    private UdpEcho() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--port")) {
            System.err.println(USAGE);
            return;
        }
        int port;
        try {
            port = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("error: the port must be a number, but was \"" + args[1] + "\"");
            System.err.println(USAGE);
            return;
        }
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(port));
        } catch (SocketException e) {
            System.err.println("port " + port + " is already in use");
            return;
        }
        try (socket) {
            System.out.println("UDP echo listening on port " + port);
            serve(socket);
        }
    }

    /** Echoes every datagram to its sender until the socket is closed. */
    public static void serve(DatagramSocket socket) {
        // BEGIN SOLUTION
        while (!socket.isClosed()) {
            try {
                Datagrams.Received d = Datagrams.receive(socket, Datagrams.MAX_UDP_PAYLOAD);
                Datagrams.send(socket, d.from(), d.data());
            } catch (TruncatedDatagramException e) {
                // cannot happen with a buffer of the largest size; skip it
            } catch (IOException e) {
                return; // socket closed
            }
        }
        // END SOLUTION
        // STUB: // TODO(task 03.1): loop: receive a datagram (Datagrams.receive) and send its bytes back to where it came from.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.1): echo datagrams");
    }
}
