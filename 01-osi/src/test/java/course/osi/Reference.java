package course.osi;

import java.util.Arrays;

/**
 * Independent implementations the tests compare with: the Internet checksum, the TCP/UDP
 * pseudo-header checksum, and small edits of real frames (each edit returns a copy).
 * Frames here are Ethernet II without a VLAN tag, so IPv4 starts at byte 14.
 */
public final class Reference {
    public static final int IP = 14;

    private Reference() {
    }

    /** The folded ones' complement sum of bytes [from, to). */
    public static int sum(byte[] d, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i += 2) {
            sum += (d[i] & 0xff) << 8 | (i + 1 < to ? d[i + 1] & 0xff : 0);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    public static int checksum(byte[] d, int from, int to) {
        return ~sum(d, from, to) & 0xffff;
    }

    /** The checksum over pseudo-header (addresses from an IPv4 header) and the segment bytes as they are. */
    public static int transport(byte[] ipHeader, int ipOffset, int protocol, byte[] segment, int from, int to) {
        byte[] all = new byte[12 + (to - from)];
        System.arraycopy(ipHeader, ipOffset + 12, all, 0, 8);
        all[9] = (byte) protocol;
        all[10] = (byte) ((to - from) >>> 8);
        all[11] = (byte) (to - from);
        System.arraycopy(segment, from, all, 12, to - from);
        return checksum(all, 0, all.length);
    }

    public static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    public static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    public static int ihl(byte[] frame) {
        return (frame[IP] & 0x0f) * 4;
    }

    /** A copy with the IPv4 header checksum recomputed. */
    public static byte[] fixIpv4Checksum(byte[] frame) {
        byte[] f = frame.clone();
        put16(f, IP + 10, 0);
        put16(f, IP + 10, checksum(f, IP, IP + ihl(f)));
        return f;
    }

    /** A copy with the UDP or TCP checksum recomputed (as a network card would), IPv4 total length trusted. */
    public static byte[] fixTransportChecksum(byte[] frame) {
        byte[] f = frame.clone();
        int protocol = f[IP + 9] & 0xff;
        int start = IP + ihl(f);
        int end = IP + u16(f, IP + 2);
        int field = start + (protocol == 6 ? 16 : 6);
        put16(f, field, 0);
        int c = transport(f, IP, protocol, f, start, end);
        put16(f, field, protocol == 17 && c == 0 ? 0xffff : c);
        return f;
    }

    /** A copy with {@code bytes} inserted at {@code at}. */
    public static byte[] insert(byte[] data, int at, byte... bytes) {
        byte[] out = new byte[data.length + bytes.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(data, at, out, at + bytes.length, data.length - at);
        return out;
    }

    /** A copy with byte {@code at} set to {@code value}. */
    public static byte[] with(byte[] data, int at, int value) {
        byte[] out = data.clone();
        out[at] = (byte) value;
        return out;
    }

    /** The first {@code length} bytes. */
    public static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
