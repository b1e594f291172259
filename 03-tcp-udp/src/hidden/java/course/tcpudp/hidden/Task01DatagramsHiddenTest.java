package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.Datagrams;
import course.tcpudp.TruncatedDatagramException;
import course.tcpudp.UdpEcho;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.1, hidden: truncation is noticed; random datagrams keep size and content. */
@DisplayName("03.1 Datagrams vs streams (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task01DatagramsHiddenTest {

    static DatagramSocket loopback() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(3000);
        return s;
    }

    @Test
    @Graded(task = "03.1", points = 3)
    @DisplayName("receive(socket, 100) throws TruncatedDatagramException for 101 bytes and returns 100 bytes whole")
    void truncationDetected(Random random) throws Exception {
        try (DatagramSocket a = loopback(); DatagramSocket b = loopback()) {
            byte[] big = new byte[101];
            random.nextBytes(big);
            a.send(new DatagramPacket(big, big.length, b.getLocalSocketAddress()));
            assertThrows(TruncatedDatagramException.class, () -> Datagrams.receive(b, 100),
                    "a 101-byte datagram does not fit a 100-byte buffer");
            byte[] exact = new byte[100];
            random.nextBytes(exact);
            a.send(new DatagramPacket(exact, exact.length, b.getLocalSocketAddress()));
            Datagrams.Received got = Datagrams.receive(b, 100);
            assertArrayEquals(exact, got.data(), "a 100-byte datagram fits a 100-byte buffer");
            assertEquals(a.getLocalSocketAddress(), got.from(), "the sender's address");
        }
    }

    @Test
    @Graded(task = "03.1", points = 2)
    @DisplayName("40 datagrams of random size (0 to 9000 bytes, the empty one included) come back one for one")
    void randomDatagrams(Random random) throws Exception {
        try (DatagramSocket server = loopback(); DatagramSocket client = loopback()) {
            Thread.ofVirtual().start(() -> UdpEcho.serve(server));
            for (int i = 0; i < 40; i++) {
                byte[] data = new byte[i == 7 ? 0 : random.nextInt(9001)];
                random.nextBytes(data);
                Datagrams.send(client, server.getLocalSocketAddress(), data);
                Datagrams.Received got = Datagrams.receive(client, 9000);
                assertArrayEquals(data, got.data(), "datagram " + i + " of " + data.length + " bytes");
            }
        }
    }
}
