package course.tcpudp;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts pieces of a byte stream (substrings with their index in the stream) back in order, as
 * the receiving side of TCP does. Pieces may arrive in any order, overlap, repeat, and leave
 * holes. The reassembler holds at most {@code capacity} bytes: those assembled but not yet
 * read, plus those waiting for a hole before them. So it accepts stream indices from the first
 * unread byte up to (not including) first unread + capacity; bytes beyond are discarded (the
 * sender has to send them again later), as are bytes already assembled.
 */
public final class StreamReassembler {
    private final int capacity;
    // BEGIN SOLUTION
    private final byte[] ring;
    private long firstUnread;
    private long firstUnassembled;
    /** Pieces waiting behind a hole: start index to end index (exclusive), disjoint, not touching. */
    private final TreeMap<Long, Long> pending = new TreeMap<>();
    private long pendingBytes;
    private long end = -1;
    // END SOLUTION

    public StreamReassembler(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        this.capacity = capacity;
        // BEGIN SOLUTION
        this.ring = new byte[capacity];
        // END SOLUTION
    }

    public int capacity() {
        return capacity;
    }

    /** Inserts a whole array; see {@link #insert(long, byte[], int, int, boolean)}. */
    public void insert(long index, byte[] data, boolean last) {
        insert(index, data, 0, data.length, last);
    }

    /**
     * Inserts {@code length} bytes of {@code data} from {@code offset}, which are the stream's
     * bytes from {@code index} on. {@code last} says the piece ends the stream; that is only
     * believed when the piece's end fits in the capacity (otherwise its end is not stored).
     */
    public void insert(long index, byte[] data, int offset, int length, boolean last) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, but was " + index);
        }
        // BEGIN SOLUTION
        long windowEnd = firstUnread + capacity;
        long pieceEnd = index + length;
        if (last && pieceEnd <= windowEnd) {
            end = pieceEnd;
        }
        long from = Math.max(index, firstUnassembled);
        long to = Math.min(pieceEnd, windowEnd);
        if (from >= to) {
            return;
        }
        copyIn(data, offset + (int) (from - index), from, (int) (to - from));
        if (from == firstUnassembled) {
            firstUnassembled = to;
            Map.Entry<Long, Long> e;
            while ((e = pending.firstEntry()) != null && e.getKey() <= firstUnassembled) {
                pending.pollFirstEntry();
                pendingBytes -= e.getValue() - e.getKey();
                firstUnassembled = Math.max(firstUnassembled, e.getValue());
            }
        } else {
            Map.Entry<Long, Long> before = pending.floorEntry(from);
            if (before != null && before.getValue() >= from) {
                from = before.getKey();
                to = Math.max(to, before.getValue());
                pending.remove(before.getKey());
                pendingBytes -= before.getValue() - before.getKey();
            }
            Map.Entry<Long, Long> after;
            while ((after = pending.ceilingEntry(from)) != null && after.getKey() <= to) {
                to = Math.max(to, after.getValue());
                pending.remove(after.getKey());
                pendingBytes -= after.getValue() - after.getKey();
            }
            pending.put(from, to);
            pendingBytes += to - from;
        }
        // END SOLUTION
        // STUB: // TODO(task 03.5): keep the bytes that fall in [first unassembled, first unread + capacity); assemble what
        // STUB: // joins the in-order prefix, remember the rest (holes, overlaps, duplicates) and the end of the stream.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.5): reassemble the stream");
    }
    // BEGIN SOLUTION

    private void copyIn(byte[] data, int offset, long index, int length) {
        int at = (int) (index % capacity);
        int first = Math.min(length, capacity - at);
        System.arraycopy(data, offset, ring, at, first);
        if (first < length) {
            System.arraycopy(data, offset + first, ring, 0, length - first);
        }
    }
    // END SOLUTION

    /** Reads every assembled byte not read yet (possibly none), freeing its space. */
    public byte[] read() {
        return read(Integer.MAX_VALUE);
    }

    /** Reads at most {@code max} assembled bytes, freeing their space. */
    public byte[] read(int max) {
        // BEGIN SOLUTION
        int n = (int) Math.min(max, firstUnassembled - firstUnread);
        byte[] out = new byte[n];
        int at = (int) (firstUnread % capacity);
        int first = Math.min(n, capacity - at);
        System.arraycopy(ring, at, out, 0, first);
        if (first < n) {
            System.arraycopy(ring, 0, out, first, n - first);
        }
        firstUnread += n;
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 03.5): read assembled bytes");
    }

    /** Assembled bytes that {@link #read()} would return now. */
    public long bytesAvailable() {
        // BEGIN SOLUTION
        return firstUnassembled - firstUnread;
        // END SOLUTION
        // STUB: return 0;
    }

    /** Bytes stored behind a hole, each counted once however often it arrived. */
    public long bytesPending() {
        // BEGIN SOLUTION
        return pendingBytes;
        // END SOLUTION
        // STUB: return 0;
    }

    /** Index of the first byte not assembled yet: the cumulative ACK number. */
    public long firstUnassembled() {
        // BEGIN SOLUTION
        return firstUnassembled;
        // END SOLUTION
        // STUB: return 0;
    }

    /** Stream bytes that can still be accepted beyond the assembled ones: capacity - bytesAvailable(). */
    public long window() {
        return capacity - bytesAvailable();
    }

    /** True when the end of the stream is known and every byte up to it has been assembled. */
    public boolean isFinished() {
        // BEGIN SOLUTION
        return end >= 0 && firstUnassembled == end;
        // END SOLUTION
        // STUB: return false;
    }
}
