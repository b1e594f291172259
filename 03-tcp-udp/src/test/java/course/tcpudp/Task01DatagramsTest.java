package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.1: datagrams keep their boundaries; UDP's size limit. */
@DisplayName("03.1 Datagrams vs streams")
@Timeout(20)
class Task01DatagramsTest {
    DatagramSocket server;
    DatagramSocket client;

    @BeforeEach
    void startEcho() throws IOException {
        server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(3000);
        Thread.ofVirtual().name("udp-echo").start(() -> UdpEcho.serve(server));
    }

    @AfterEach
    void stopEcho() {
        client.close();
        server.close();
    }

    static void assertDatagram(byte[] expected, Datagrams.Received got, String which) {
        if (!Arrays.equals(expected, got.data())) {
            throw new AssertionError(which + " should come back as one whole datagram:\n"
                    + Bytes.diff(expected, got.data()));
        }
    }

    @Test
    @Graded(task = "03.1", points = 3)
    @DisplayName("three datagrams sent to UdpEcho come back as three datagrams, each intact (TCP would hand over one stream)")
    void boundariesKept() throws Exception {
        byte[][] messages = {Bytes.ascii("one"), Bytes.ascii("two!!"), Bytes.ascii("three, with more bytes")};
        for (byte[] m : messages) {
            Datagrams.send(client, server.getLocalSocketAddress(), m);
        }
        for (int i = 0; i < messages.length; i++) {
            Datagrams.Received got = Datagrams.receive(client, 1000);
            assertDatagram(messages[i], got, "datagram " + (i + 1));
            assertEquals(server.getLocalSocketAddress(), got.from(), "the echo comes from the server's address");
        }

        // The same three writes over TCP: the reader sees one stream, with no trace of the boundaries.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> read = Link.start("tcp-reader", () -> {
                try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
                    return in.readAllBytes();
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 OutputStream out = s.getOutputStream()) {
                for (byte[] m : messages) {
                    out.write(m);
                }
            }
            assertArrayEquals(Bytes.ascii("onetwo!!three, with more bytes"),
                    Link.await("the TCP reader", read, java.time.Duration.ofSeconds(5)));
        }
    }

    @Test
    @Graded(task = "03.1", points = 2)
    @DisplayName("Datagrams.send refuses 65,508 bytes with an IllegalArgumentException that names the limit 65507")
    void refusesOversize() {
        assertEquals(65_507, Datagrams.MAX_UDP_PAYLOAD, "65535 - 20 (IPv4 header) - 8 (UDP header)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datagrams.send(client, server.getLocalSocketAddress(), new byte[65_508]));
        assertTrue(e.getMessage() != null && e.getMessage().contains("65507"),
                "the message should name the limit 65507, but was: " + e.getMessage());
    }

    @Test
    @Graded(task = "03.1", points = 2)
    @DisplayName("the largest datagram, 65,507 bytes, goes through the echo and back intact")
    void largestFits() throws Exception {
        byte[] big = Link.randomBytes(3, Datagrams.MAX_UDP_PAYLOAD);
        Datagrams.send(client, server.getLocalSocketAddress(), big);
        Datagrams.Received got = Datagrams.receive(client, Datagrams.MAX_UDP_PAYLOAD);
        assertEquals(big.length, got.data().length, "length of the echo");
        assertArrayEquals(big, got.data(), "the 65,507-byte echo differs");
    }
}
