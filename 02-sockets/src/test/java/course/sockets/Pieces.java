package course.sockets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * An input stream that hands out its bytes in given pieces, the way a socket does: one
 * read never returns more than the rest of the current piece. It can also behave like a
 * socket whose peer is still connected but silent: reading past the last piece then fails
 * the test instead of returning end of stream ({@link #thenSilence()}).
 */
public final class Pieces extends InputStream {
    private final List<byte[]> pieces;
    private int piece;
    private int offset;
    private boolean silentAtEnd;
    private int reads;

    private Pieces(List<byte[]> pieces) {
        this.pieces = pieces;
    }

    public static Pieces of(byte[]... pieces) {
        return new Pieces(List.of(pieces));
    }

    public static Pieces ofText(String... pieces) {
        return new Pieces(Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** The bytes cut at the given offsets. */
    public static Pieces cut(byte[] bytes, int... cuts) {
        List<byte[]> list = new ArrayList<>();
        int from = 0;
        for (int cut : Arrays.stream(cuts).sorted().toArray()) {
            if (cut > from && cut < bytes.length) {
                list.add(Arrays.copyOfRange(bytes, from, cut));
                from = cut;
            }
        }
        list.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return new Pieces(list);
    }

    /** The bytes in pieces of random sizes from 1 to {@code maxPiece}. */
    public static Pieces random(byte[] bytes, Random random, int maxPiece) {
        List<byte[]> list = new ArrayList<>();
        int from = 0;
        while (from < bytes.length) {
            int size = Math.min(bytes.length - from, 1 + random.nextInt(maxPiece));
            list.add(Arrays.copyOfRange(bytes, from, from + size));
            from += size;
        }
        return new Pieces(list);
    }

    /** After the last piece, a read fails the test (a socket would block there) instead of returning -1. */
    public Pieces thenSilence() {
        silentAtEnd = true;
        return this;
    }

    /** How many times read was called. */
    public int reads() {
        return reads;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        reads++;
        if (len == 0) {
            return 0;
        }
        while (piece < pieces.size() && offset == pieces.get(piece).length) {
            piece++;
            offset = 0;
        }
        if (piece == pieces.size()) {
            if (silentAtEnd) {
                throw new AssertionError("readLine read from the stream again although the line it returns was "
                        + "complete; on a socket this read would wait until the peer sends more, maybe forever");
            }
            return -1;
        }
        byte[] current = pieces.get(piece);
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return piece < pieces.size() ? pieces.get(piece).length - offset : 0;
    }
}
