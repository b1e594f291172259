package course.tcpudp.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.tcpudp.StreamReassembler;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 03.5, hidden: random segmentation checked against a simple model; the end of the stream in hard cases. */
@DisplayName("03.5 Stream reassembler (hidden)")
@ExtendWith(Seeded.class)
@Timeout(30)
class Task05ReassemblerHiddenTest {

    @Test
    @Graded(task = "03.5", points = 5)
    @DisplayName("random streams cut into random, shuffled, overlapping, repeated pieces, random reads: same bytes, same counts as a model")
    void randomPieces(Random random) {
        for (int round = 0; round < 20; round++) {
            int length = 1000 + random.nextInt(60_000);
            int capacity = 100 + random.nextInt(20_000);
            byte[] stream = new byte[length];
            random.nextBytes(stream);
            StreamReassembler r = new StreamReassembler(capacity);
            // The model: which bytes are stored, the first unread and first unassembled indices.
            BitSet stored = new BitSet(length);
            int unread = 0;
            int unassembled = 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int steps = 0;
            while (unread < length) {
                if (++steps > 200_000) {
                    throw new AssertionError("the model did not finish; round " + round);
                }
                if (random.nextInt(4) == 0) {
                    int max = 1 + random.nextInt(capacity);
                    byte[] got = r.read(max);
                    int expected = Math.min(max, unassembled - unread);
                    assertEquals(expected, got.length, "read(" + max + ") with " + (unassembled - unread)
                            + " bytes assembled (round " + round + ")");
                    out.writeBytes(got);
                    unread += got.length;
                    continue;
                }
                // pieces start near the window, some before it (repeats), some beyond (discarded in part)
                int start = Math.max(0, unread - 200 + random.nextInt(capacity + 400));
                if (start >= length) {
                    continue;
                }
                int end = Math.min(length, start + 1 + random.nextInt(Math.max(1, capacity / 4)));
                r.insert(start, Arrays.copyOfRange(stream, start, end), end == length);
                int accepted = Math.min(end, unread + capacity);
                if (Math.max(start, unassembled) < accepted) {
                    stored.set(Math.max(start, unassembled), accepted);
                }
                while (unassembled < length && stored.get(unassembled)) {
                    unassembled++;
                }
                assertEquals(unassembled, r.firstUnassembled(), "first unassembled after inserting [" + start + ", "
                        + end + ") (round " + round + ", capacity " + capacity + ")");
                assertEquals(unassembled - unread, r.bytesAvailable(), "bytes available (round " + round + ")");
                int pending = stored.get(unassembled, length).cardinality();
                assertEquals(pending, r.bytesPending(), "bytes pending after inserting [" + start + ", " + end
                        + ") (round " + round + ", capacity " + capacity + ")");
            }
            assertArrayEquals(stream, out.toByteArray(), "the stream read back (round " + round + ")");
        }
    }

    @Test
    @Graded(task = "03.5", points = 3)
    @DisplayName("end of stream: a last piece cut off by the capacity does not count until it is sent again")
    void endOfStreamCases(Random random) {
        byte[] data = new byte[20];
        random.nextBytes(data);
        StreamReassembler r = new StreamReassembler(10);
        r.insert(0, data, true);
        assertFalse(r.isFinished(), "only 10 of 20 bytes fit; the end was not stored");
        assertArrayEquals(Arrays.copyOf(data, 10), r.read());
        r.insert(10, Arrays.copyOfRange(data, 10, 20), true);
        assertTrue(r.isFinished(), "the rest arrived with the end");
        assertArrayEquals(Arrays.copyOfRange(data, 10, 20), r.read());

        StreamReassembler holes = new StreamReassembler(100);
        holes.insert(15, Arrays.copyOfRange(data, 15, 20), true);
        holes.insert(15, Arrays.copyOfRange(data, 15, 20), true);
        holes.insert(0, Arrays.copyOfRange(data, 0, 5), false);
        assertFalse(holes.isFinished(), "bytes 5 to 14 are missing");
        holes.insert(5, Arrays.copyOfRange(data, 5, 15), false);
        assertTrue(holes.isFinished());
        assertArrayEquals(data, holes.read());
        assertEquals(0, holes.bytesPending());
    }
}
