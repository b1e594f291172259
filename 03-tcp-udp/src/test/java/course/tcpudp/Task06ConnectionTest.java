package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.6: opening and closing a connection over a channel that loses the packets that matter. */
@DisplayName("03.6 Connection set-up and teardown")
@Timeout(30)
class Task06ConnectionTest {

    @Test
    @Graded(task = "03.6", points = 3)
    @DisplayName("perfect channel: SYN, SYN_ACK, ACK open the connection; FIN and FIN_ACK both ways close it")
    void perfect() throws Exception {
        try (Link link = Link.open(ChannelConfig.perfect())) {
            Lifecycle.Outcome o = Lifecycle.run(link, Duration.ofSeconds(10));
            o.assertClean();
            assertEquals(0, link.channel.stats().dropped(), "a perfect channel drops nothing");
        }
    }

    @Test
    @Graded(task = "03.6", points = 3)
    @DisplayName("the first SYN is lost: the client sends it again and both sides open and close")
    void lostSyn() throws Exception {
        try (Link link = Link.open(ChannelConfig.perfect())) {
            link.channel.dropFirst(LossyChannel.Direction.TO_RECEIVER, 1, Link.ofType(Packet.Type.SYN));
            Lifecycle.Outcome o = Lifecycle.run(link, Duration.ofSeconds(10));
            o.assertClean();
            assertEquals(1, link.channel.stats().dropped(), "the channel dropped the first SYN");
            assertTrue(o.client().retransmissions() >= 1, "the client should have sent the SYN again");
        }
    }

    @Test
    @Graded(task = "03.6", points = 2)
    @DisplayName("the first FIN and the first FIN_ACK of each side are lost: both sides still close")
    void lostFinAndLastAck() throws Exception {
        try (Link link = Link.open(ChannelConfig.perfect())) {
            for (LossyChannel.Direction d : LossyChannel.Direction.values()) {
                link.channel.dropFirst(d, 1, Link.ofType(Packet.Type.FIN));
                link.channel.dropFirst(d, 1, Link.ofType(Packet.Type.FIN_ACK));
            }
            Lifecycle.Outcome o = Lifecycle.run(link, Duration.ofSeconds(10));
            o.assertClean();
            assertEquals(4, link.channel.stats().dropped(), "two FINs and two FIN_ACKs dropped");
        }
    }
}
