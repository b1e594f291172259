package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Bytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 03.5: a byte-stream reassembler with a capacity (as in CS144). */
@DisplayName("03.5 Stream reassembler")
@Timeout(10)
class Task05ReassemblerTest {

    static byte[] b(String s) {
        return Bytes.ascii(s);
    }

    static void assertRead(String expected, StreamReassembler r) {
        byte[] got = r.read();
        if (!java.util.Arrays.equals(b(expected), got)) {
            throw new AssertionError("read() returned the wrong bytes:\n" + Bytes.diff(b(expected), got));
        }
    }

    @Test
    @Graded(task = "03.5", points = 2)
    @DisplayName("in-order pieces are available at once and read in order")
    void inOrder() {
        StreamReassembler r = new StreamReassembler(64);
        r.insert(0, b("abc"), false);
        assertEquals(3, r.bytesAvailable());
        assertRead("abc", r);
        r.insert(3, b("def"), false);
        assertEquals(6, r.firstUnassembled(), "first byte not assembled yet");
        assertRead("def", r);
        assertEquals(0, r.bytesAvailable());
    }

    @Test
    @Graded(task = "03.5", points = 3)
    @DisplayName("out-of-order pieces wait behind a hole and are released when it is filled")
    void outOfOrderHoles() {
        StreamReassembler r = new StreamReassembler(64);
        r.insert(6, b("ghi"), false);
        r.insert(3, b("def"), false);
        assertEquals(0, r.bytesAvailable(), "nothing is available while byte 0 is missing");
        assertEquals(6, r.bytesPending(), "6 bytes wait behind the hole");
        r.insert(0, b("abc"), false);
        assertEquals(0, r.bytesPending());
        assertRead("abcdefghi", r);
        r.insert(12, b("mn"), false);
        r.insert(9, b("j"), false);
        assertRead("j", r);
        r.insert(10, b("kl"), false);
        assertRead("klmn", r);
    }

    @Test
    @Graded(task = "03.5", points = 3)
    @DisplayName("overlapping and repeated pieces: every byte once, pending bytes counted once")
    void overlapsAndDuplicates() {
        StreamReassembler r = new StreamReassembler(64);
        r.insert(0, b("abcd"), false);
        r.insert(2, b("cdef"), false);
        r.insert(1, b("bc"), false);
        assertRead("abcdef", r);
        r.insert(10, b("kl"), false);
        r.insert(10, b("kl"), false);
        assertEquals(2, r.bytesPending(), "a repeated piece is stored once");
        r.insert(9, b("jklm"), false);
        assertEquals(4, r.bytesPending(), "an overlapping piece adds only its new bytes");
        r.insert(4, b("efghi"), false);
        assertEquals(0, r.bytesPending());
        assertRead("ghijklm", r);
    }

    @Test
    @Graded(task = "03.5", points = 2)
    @DisplayName("capacity: bytes beyond first unread + capacity are discarded, and accepted once space is read free")
    void capacity() {
        StreamReassembler r = new StreamReassembler(8);
        r.insert(0, b("abcdefghijkl"), false);
        assertEquals(8, r.bytesAvailable(), "only 8 bytes fit");
        r.insert(9, b("x"), false);
        assertEquals(0, r.bytesPending(), "byte 9 is beyond capacity while nothing has been read");
        assertRead("abcdefgh", r);
        r.insert(8, b("ijkl"), false);
        assertRead("ijkl", r);
        r.insert(20, b("uvwx"), false);
        assertEquals(0, r.bytesPending(), "bytes 20.. are beyond first unread (12) + capacity (8)");
    }

    @Test
    @Graded(task = "03.5", points = 2)
    @DisplayName("end of stream: finished once the last piece and every byte before it are assembled")
    void endOfStream() {
        StreamReassembler r = new StreamReassembler(16);
        r.insert(2, b("cd"), true);
        assertFalse(r.isFinished(), "bytes 0 and 1 are still missing");
        r.insert(0, b("ab"), false);
        assertTrue(r.isFinished(), "all four bytes are assembled and the last piece was seen");
        assertRead("abcd", r);

        StreamReassembler empty = new StreamReassembler(16);
        empty.insert(0, new byte[0], true);
        assertTrue(empty.isFinished(), "an empty last piece at index 0 ends an empty stream");
        assertArrayEquals(new byte[0], empty.read());
    }
}
