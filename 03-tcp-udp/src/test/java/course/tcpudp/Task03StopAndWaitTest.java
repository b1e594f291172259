package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.3: stop-and-wait (rdt 3.0) over a channel that loses, duplicates, reorders and corrupts. */
@DisplayName("03.3 Stop-and-wait")
@Timeout(60)
class Task03StopAndWaitTest {

    @Test
    @Graded(task = "03.3", points = 4)
    @DisplayName("64 KB over a perfect channel arrive byte-identical, with no retransmission")
    void perfectChannel() throws Exception {
        byte[] data = Link.randomBytes(1, 64 * 1024);
        try (Link link = Link.open(ChannelConfig.perfect())) {
            Link.Transfer t = link.stopAndWait(data, 200, Duration.ofSeconds(20));
            Link.assertSame(data, t.received(), "perfect channel");
            assertEquals(0, t.retransmissions(), "nothing is lost, so nothing should be sent again");
            assertEquals(64 + 1, t.segmentsSent(), "64 DATA segments of 1024 bytes and one FIN");
        }
    }

    @Test
    @Graded(task = "03.3", points = 7)
    @DisplayName("1 MB through 10 % loss, 5 % duplication, reordering and corruption arrives byte-identical (SHA-256)")
    void lossyMegabyte() throws Exception {
        byte[] data = Link.randomBytes(2, 1 << 20);
        try (Link link = Link.open(new ChannelConfig(0.10, 0.05, 0.05, 0.05, 0, 42))) {
            Link.Transfer t = link.stopAndWait(data, 10, Duration.ofSeconds(45));
            Link.assertSame(data, t.received(), "10 % loss, duplicates, reordering, corruption");
            ChannelStats s = link.channel.stats();
            assertTrue(s.dropped() > 0 && s.corrupted() > 0 && s.duplicated() > 0,
                    "the channel should have done its worst: " + s);
            assertTrue(t.retransmissions() > 0, "lost segments are sent again");
        }
    }
}
