package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.ChannelConfig;
import course.tcpudp.Lifecycle;
import course.tcpudp.Link;
import course.tcpudp.LossyChannel;
import course.tcpudp.Packet;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.6, hidden: lost SYN_ACKs and handshake ACK; everything lost once on top of random loss. */
@DisplayName("03.6 Connection set-up and teardown (hidden)")
@ExtendWith(Seeded.class)
@Timeout(30)
class Task06ConnectionHiddenTest {

    @Test
    @Graded(task = "03.6", points = 3)
    @DisplayName("the first two SYN_ACKs and the handshake's ACK are lost: both sides still open and close")
    void lostSynAckAndAck() throws Exception {
        try (Link link = Link.open(ChannelConfig.perfect())) {
            link.channel.dropFirst(LossyChannel.Direction.TO_SENDER, 2, Link.ofType(Packet.Type.SYN_ACK));
            link.channel.dropFirst(LossyChannel.Direction.TO_RECEIVER, 1, Link.ofType(Packet.Type.ACK));
            Lifecycle.Outcome o = Lifecycle.run(link, Duration.ofSeconds(10));
            o.assertClean();
            assertTrue(o.server().retransmissions() >= 1, "the server should have sent its SYN_ACK again");
        }
    }

    @Test
    @Graded(task = "03.6", points = 3)
    @DisplayName("SYN, SYN_ACK, ACK, both FINs and both FIN_ACKs each lost once, on top of 10 % random loss")
    void everythingLostOnce(Random random) throws Exception {
        try (Link link = Link.open(ChannelConfig.lossy(0.10, random.nextLong()))) {
            link.channel.dropFirst(LossyChannel.Direction.TO_RECEIVER, 1, Link.ofType(Packet.Type.SYN));
            link.channel.dropFirst(LossyChannel.Direction.TO_SENDER, 1, Link.ofType(Packet.Type.SYN_ACK));
            link.channel.dropFirst(LossyChannel.Direction.TO_RECEIVER, 1, Link.ofType(Packet.Type.ACK));
            for (LossyChannel.Direction d : LossyChannel.Direction.values()) {
                link.channel.dropFirst(d, 1, Link.ofType(Packet.Type.FIN));
                link.channel.dropFirst(d, 1, Link.ofType(Packet.Type.FIN_ACK));
            }
            Lifecycle.Outcome o = Lifecycle.run(link, Duration.ofSeconds(15));
            o.assertClean();
        }
    }
}
