package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.ChannelConfig;
import course.tcpudp.Link;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.3, hidden: heavier damage with random seeds; sizes around the segment boundary. */
@DisplayName("03.3 Stop-and-wait (hidden)")
@ExtendWith(Seeded.class)
@Timeout(60)
class Task03StopAndWaitHiddenTest {

    @Test
    @Graded(task = "03.3", points = 4)
    @DisplayName("128 KB through 20 % loss and 10 % duplication, reordering and corruption, random seed")
    void heavyDamage(Random random) throws Exception {
        byte[] data = new byte[128 * 1024];
        random.nextBytes(data);
        try (Link link = Link.open(new ChannelConfig(0.20, 0.10, 0.10, 0.10, 0, random.nextLong()))) {
            Link.Transfer t = link.stopAndWait(data, 10, Duration.ofSeconds(40));
            Link.assertSame(data, t.received(), "20 % loss, 10 % duplicates, reordering and corruption");
            assertTrue(t.retransmissions() > 0, "lost segments are sent again");
        }
    }

    @Test
    @Graded(task = "03.3", points = 3)
    @DisplayName("0, 1, 1023, 1024, 1025 and 5000 bytes through 10 % loss arrive exactly")
    void sizesAroundASegment(Random random) throws Exception {
        for (int size : new int[] {0, 1, 1023, 1024, 1025, 5000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            try (Link link = Link.open(new ChannelConfig(0.10, 0.05, 0.05, 0.05, 0, random.nextLong()))) {
                Link.Transfer t = link.stopAndWait(data, 10, Duration.ofSeconds(10));
                Link.assertSame(data, t.received(), size + " bytes");
            }
        }
    }
}
