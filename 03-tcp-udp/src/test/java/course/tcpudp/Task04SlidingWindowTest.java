package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.grader.Graded;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.4: sliding window with cumulative ACKs and an RFC 6298 retransmission timer. */
@DisplayName("03.4 Sliding window")
@Timeout(60)
class Task04SlidingWindowTest {
    static final double EPSILON = 1e-9;

    @Test
    @Graded(task = "03.4", points = 4)
    @DisplayName("RtoEstimator follows RFC 6298: first sample, later samples (alpha 1/8, beta 1/4, K 4), minimum")
    void rfc6298() {
        RtoEstimator rto = new RtoEstimator(1000, 20, 60_000);
        assertEquals(1000, rto.rtoMillis(), EPSILON, "before any sample the RTO is the initial one");
        rto.sample(100);
        assertEquals(100, rto.srttMillis(), EPSILON, "first sample: SRTT = R");
        assertEquals(50, rto.rttvarMillis(), EPSILON, "first sample: RTTVAR = R / 2");
        assertEquals(300, rto.rtoMillis(), EPSILON, "RTO = SRTT + 4 * RTTVAR");
        rto.sample(200);
        assertEquals(62.5, rto.rttvarMillis(), EPSILON, "RTTVAR = 3/4 * 50 + 1/4 * |100 - 200|");
        assertEquals(112.5, rto.srttMillis(), EPSILON, "SRTT = 7/8 * 100 + 1/8 * 200");
        assertEquals(362.5, rto.rtoMillis(), EPSILON, "RTO = 112.5 + 4 * 62.5");
        for (int i = 0; i < 200; i++) {
            rto.sample(1);
        }
        assertEquals(20, rto.rtoMillis(), EPSILON, "the RTO never goes below the minimum");
    }

    @Test
    @Graded(task = "03.4", points = 2)
    @DisplayName("RtoEstimator backs off: each timeout doubles the RTO up to the maximum; a new sample recomputes it")
    void backoff() {
        RtoEstimator rto = new RtoEstimator(100, 20, 500);
        rto.backoff();
        assertEquals(200, rto.rtoMillis(), EPSILON, "one timeout");
        rto.backoff();
        assertEquals(400, rto.rtoMillis(), EPSILON, "two timeouts");
        rto.backoff();
        assertEquals(500, rto.rtoMillis(), EPSILON, "three timeouts: capped at the maximum");
        rto.sample(10);
        assertEquals(30, rto.rtoMillis(), EPSILON, "a sample recomputes the RTO: 10 + 4 * 5");
    }

    @Test
    @Graded(task = "03.4", points = 3)
    @DisplayName("256 KB with window 16 over a perfect channel arrive byte-identical, with no retransmission")
    void perfectChannel() throws Exception {
        byte[] data = Link.randomBytes(3, 256 * 1024);
        try (Link link = Link.open(ChannelConfig.perfect())) {
            Link.Transfer t = link.slidingWindow(data, 16, new RtoEstimator(200, 50, 2000), Duration.ofSeconds(20));
            Link.assertSame(data, t.received(), "perfect channel");
            assertEquals(0, t.retransmissions(), "nothing is lost, so nothing should be sent again");
        }
    }

    @Test
    @Graded(task = "03.4", points = 4)
    @DisplayName("256 KB through 10 % loss, duplication, reordering and corruption arrive byte-identical (SHA-256)")
    void lossyChannel() throws Exception {
        byte[] data = Link.randomBytes(4, 256 * 1024);
        try (Link link = Link.open(new ChannelConfig(0.10, 0.05, 0.05, 0.05, 0, 7))) {
            Link.Transfer t = link.slidingWindow(data, 16, new RtoEstimator(100, 20, 2000), Duration.ofSeconds(30));
            Link.assertSame(data, t.received(), "10 % loss, duplicates, reordering, corruption");
        }
    }
}
