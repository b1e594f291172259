package course.notebook.kernel;

import course.notebook.domain.OutputChunk;
import course.notebook.domain.OutputListener;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The output of one cell: bytes from the kernel's JVM, decoded as UTF-8 and passed on to the cell's listener
 * as they come, until the cell's byte budget is spent. The rest is counted, not kept (a cell printing in a loop
 * must not fill the server's memory), and {@link #finish()} reports the count in one last stderr chunk.
 */
final class CellOutput {
    // BEGIN SOLUTION
    private final OutputListener listener;
    private final int limit;
    private final Utf8 stdout = new Utf8();
    private final Utf8 stderr = new Utf8();
    private long accepted;
    private long dropped;
    private boolean finished;
    // END SOLUTION

    CellOutput(OutputListener listener, int maxBytes) {
        // BEGIN SOLUTION
        this.listener = listener;
        this.limit = maxBytes;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): a cell's output with a byte budget");
    }

    /** Bytes the cell wrote to one stream; called by JShell's reader thread. */
    synchronized void write(OutputChunk.Stream stream, byte[] bytes, int offset, int length) {
        // BEGIN SOLUTION
        if (finished) {
            return; // written after the cell ended, by a thread it left running
        }
        int take = (int) Math.max(0, Math.min(length, limit - accepted));
        accepted += take;
        dropped += length - take;
        if (take > 0) {
            emit(stream, (stream == OutputChunk.Stream.STDOUT ? stdout : stderr).decode(bytes, offset, take));
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): pass output on, within the limit");
    }

    /** The cell is over: ends the decoding and reports dropped bytes, if any. Later writes are ignored. */
    synchronized void finish() {
        // BEGIN SOLUTION
        if (finished) {
            return;
        }
        finished = true;
        emit(OutputChunk.Stream.STDOUT, stdout.end());
        emit(OutputChunk.Stream.STDERR, stderr.end());
        if (dropped > 0) {
            emit(OutputChunk.Stream.STDERR, "[" + dropped + " bytes of output dropped: a cell may print at most "
                    + limit + " bytes]\n");
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): report dropped bytes");
    }

    // BEGIN SOLUTION
    private void emit(OutputChunk.Stream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            listener.output(new OutputChunk(stream, text));
        } catch (RuntimeException e) {
            // A failing listener (its client went away) must not stop the kernel's output reader.
        }
    }

    /** A UTF-8 decoder that keeps a character split across two writes until its last byte arrives. */
    private static final class Utf8 {
        /** The longest UTF-8 sequence; at most this many bytes wait for the rest of their character. */
        private static final int MAX_SEQUENCE = 4;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer carry = ByteBuffer.allocate(MAX_SEQUENCE);

        String decode(byte[] bytes, int offset, int length) {
            ByteBuffer in = ByteBuffer.allocate(carry.position() + length);
            in.put(carry.flip()).put(bytes, offset, length).flip();
            carry.clear();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            carry.put(in); // an unfinished character, fewer than MAX_SEQUENCE bytes
            return out.flip().toString();
        }

        String end() {
            CharBuffer out = CharBuffer.allocate(2 * MAX_SEQUENCE);
            decoder.decode(carry.flip(), out, true);
            decoder.flush(out);
            carry.clear();
            decoder.reset();
            return out.flip().toString();
        }
    }
    // END SOLUTION
}
