package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.ChannelConfig;
import course.tcpudp.Link;
import course.tcpudp.LossyChannel;
import course.tcpudp.Packet;
import course.tcpudp.RtoEstimator;
import course.tcpudp.SlidingWindowSender;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.4, hidden: efficiency. Retransmissions near what the loss needs; faster than stop-and-wait; fast retransmit. */
@DisplayName("03.4 Sliding window (hidden)")
@ExtendWith(Seeded.class)
@Timeout(60)
class Task04SlidingWindowHiddenTest {

    @Test
    @Graded(task = "03.4", points = 3)
    @DisplayName("5 % loss: retransmissions stay within 3 x the expected number + 10 (no go-back-N floods)")
    void retransmissionsBounded(Random random) throws Exception {
        byte[] data = new byte[256 * 1024];
        random.nextBytes(data);
        double loss = 0.05;
        try (Link link = Link.open(ChannelConfig.lossy(loss, random.nextLong()))) {
            Link.Transfer t = link.slidingWindow(data, 16, new RtoEstimator(100, 20, 2000), Duration.ofSeconds(30));
            Link.assertSame(data, t.received(), "5 % loss");
            int segments = data.length / SlidingWindowSender.SEGMENT_SIZE;
            double expected = segments * loss / (1 - loss);
            long bound = (long) (3 * expected) + 10;
            assertTrue(t.retransmissions() <= bound, "a 5 % loss of " + segments + " segments needs about "
                    + Math.round(expected) + " retransmissions; " + t.retransmissions() + " is more than " + bound
                    + " (channel: " + link.channel.stats() + ")");
        }
    }

    @Test
    @Graded(task = "03.4", points = 3)
    @DisplayName("5 ms delay each way, 1 % loss: window 16 is at least 3 x faster than stop-and-wait on the same channel")
    void beatsStopAndWait(Random random) throws Exception {
        byte[] data = new byte[64 * 1024];
        random.nextBytes(data);
        long seed = random.nextLong();
        ChannelConfig config = ChannelConfig.lossy(0.01, seed).withDelay(5);
        long stopAndWait;
        try (Link link = Link.open(config)) {
            Link.Transfer t = link.stopAndWait(data, 40, Duration.ofSeconds(30));
            Link.assertSame(data, t.received(), "stop-and-wait");
            stopAndWait = t.millis();
        }
        long window;
        try (Link link = Link.open(config)) {
            Link.Transfer t = link.slidingWindow(data, 16, new RtoEstimator(100, 20, 2000), Duration.ofSeconds(30));
            Link.assertSame(data, t.received(), "sliding window");
            window = t.millis();
        }
        assertTrue(window * 3 <= stopAndWait, "64 KB took " + window + " ms with window 16 and " + stopAndWait
                + " ms with stop-and-wait; the window should be at least 3 x faster");
    }

    @Test
    @Graded(task = "03.4", points = 3)
    @DisplayName("one lost segment with RTO 1 s is repaired by fast retransmit (3 duplicate ACKs), well before the timeout")
    void fastRetransmit(Random random) throws Exception {
        byte[] data = new byte[64 * 1024];
        random.nextBytes(data);
        int lostSeq = (8 + random.nextInt(40)) * SlidingWindowSender.SEGMENT_SIZE;
        try (Link link = Link.open(ChannelConfig.perfect())) {
            link.channel.dropFirst(LossyChannel.Direction.TO_RECEIVER, 1, bytes -> Link.ofType(Packet.Type.DATA)
                    .test(bytes) && Link.seq(bytes) == lostSeq);
            Link.Transfer t = link.slidingWindow(data, 16, new RtoEstimator(1000, 1000, 60_000),
                    Duration.ofSeconds(20));
            Link.assertSame(data, t.received(), "one lost segment");
            assertEquals(1, link.channel.stats().dropped(), "the channel dropped the segment at " + lostSeq);
            assertTrue(t.millis() < 700, "the transfer took " + t.millis() + " ms: waiting for the 1 s timeout "
                    + "instead of sending the lost segment again after 3 duplicate ACKs");
            assertEquals(1, t.retransmissions(), "only the lost segment should be sent again");
        }
    }
}
