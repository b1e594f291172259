package course.osi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recorded captures (see 01-osi/captures/record.sh) as test input. The tests read the pcap
 * files with this small reader of their own, so a test of checksums or parsing does not depend on
 * the exercise's own {@link PcapReader}.
 */
public final class Captures {
    /** Captures every test may read (src/test/resources/captures). */
    public static final String HTTP = "http.pcap";
    public static final String HTTP_NANOSECONDS = "http-nsec.pcap";
    public static final String UDP = "udp.pcap";
    /** udp.pcap rewritten big-endian, with the checksums loopback leaves unfinished completed. */
    public static final String UDP_BIG_ENDIAN = "udp-be.pcap";
    /** The same kind of traffic captured on Linux's "any" device: link type 113. */
    public static final String UDP_ANY = "udp-any.pcap";
    public static final List<String> PUBLIC = List.of(HTTP, HTTP_NANOSECONDS, UDP, UDP_BIG_ENDIAN, UDP_ANY);

    /** One record of a capture. */
    public record Frame(String capture, int number, long timestampNanos, int originalLength, byte[] data) {
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public String toString() {
            return capture + " packet " + number;
        }
    }

    private Captures() {
    }

    /** The bytes of a capture file on the test classpath, under captures/. */
    public static byte[] bytes(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new AssertionError("test resource captures/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pcap's link type (low 16 bits of the header field). */
    public static int linkType(String name) {
        return header(bytes(name)).getInt(20) & 0xffff;
    }

    /** Every record, independent of the code under test. */
    public static List<Frame> frames(String name) {
        byte[] file = bytes(name);
        ByteBuffer b = header(file);
        boolean nanos = b.getInt(0) == 0xa1b23c4d;
        List<Frame> frames = new ArrayList<>();
        int at = 24;
        while (at < file.length) {
            long seconds = b.getInt(at) & 0xffffffffL;
            long fraction = b.getInt(at + 4) & 0xffffffffL;
            int captured = b.getInt(at + 8);
            int original = b.getInt(at + 12);
            frames.add(new Frame(name, frames.size() + 1, seconds * 1_000_000_000L + fraction * (nanos ? 1 : 1000),
                    original, Arrays.copyOfRange(file, at + 16, at + 16 + captured)));
            at += 16 + captured;
        }
        return frames;
    }

    /** Packet {@code number} (1-based) of a capture. */
    public static Frame frame(String name, int number) {
        return frames(name).get(number - 1);
    }

    private static ByteBuffer header(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 && b.getInt(0) != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        return b;
    }
}
