package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.osi.AddressFormatException;
import course.osi.ByteReader;
import course.osi.Ipv4Address;
import course.osi.MacAddress;
import course.osi.PacketException;
import course.osi.Protocol;
import course.osi.Unsigned;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.2, hidden: random values against references, malformed text, reads at every boundary. */
@DisplayName("01.2 Bytes (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task02BytesHiddenTest {

    @Test
    @Graded(task = "01.2", points = 2)
    @DisplayName("1000 random MACs, IPv4 addresses and numbers: text and bytes round trips, u16/u32 vs ByteBuffer")
    void randomRoundTrips(Random random) {
        for (int n = 0; n < 1000; n++) {
            long macValue = random.nextLong() & 0xffff_ffff_ffffL;
            MacAddress mac = new MacAddress(macValue);
            String text = String.format("%02x:%02x:%02x:%02x:%02x:%02x", macValue >>> 40, macValue >>> 32 & 0xff,
                    macValue >>> 24 & 0xff, macValue >>> 16 & 0xff, macValue >>> 8 & 0xff, macValue & 0xff);
            assertEquals(text, mac.toString(), "text of MAC 0x" + Long.toHexString(macValue));
            assertEquals(mac, MacAddress.parse(text.toUpperCase(Locale.ROOT)), "parse of " + text.toUpperCase(Locale.ROOT));
            assertEquals(mac, MacAddress.of(mac.bytes(), 0), "bytes round trip of " + text);
            assertEquals((macValue >>> 40 & 1) == 1, mac.isMulticast(), "I/G bit of " + text);

            int v = random.nextInt();
            Ipv4Address ip = new Ipv4Address(v);
            String dotted = (v >>> 24) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
            assertEquals(dotted, ip.toString(), "text of 0x" + Integer.toHexString(v));
            assertEquals(ip, Ipv4Address.parse(dotted), "parse of " + dotted);
            assertArrayEquals(ByteBuffer.allocate(4).putInt(v).array(), ip.bytes(), "bytes of " + dotted);
            assertEquals(ip, Ipv4Address.of(v >>> 24, v >>> 16 & 0xff, v >>> 8 & 0xff, v & 0xff), "of(...) " + dotted);

            byte[] data = new byte[8];
            random.nextBytes(data);
            int at = random.nextInt(5);
            ByteBuffer b = ByteBuffer.wrap(data);
            assertEquals(b.getShort(at) & 0xffff, Unsigned.u16(data, at), "u16 at " + at);
            assertEquals(b.getInt(at) & 0xffff_ffffL, Unsigned.u32(data, at), "u32 at " + at);
            byte[] out = new byte[8];
            long value = random.nextLong() & 0xffff_ffffL;
            Unsigned.putU32(out, at, value);
            assertEquals(value, ByteBuffer.wrap(out).getInt(at) & 0xffff_ffffL, "putU32(" + value + ")");
        }
    }

    @Test
    @Graded(task = "01.2", points = 1)
    @DisplayName("malformed MAC and IPv4 text is refused with AddressFormatException naming the input")
    void malformedText() {
        for (String bad : List.of("", "00:11:22:33:44:55:66", "0:11:22:33:44:55", "00:11:22:33:44:5", "001122334455",
                "00.11.22.33.44.55", "00:11:22:33:44:+5", " 00:11:22:33:44:55", "gg:11:22:33:44:55",
                "00:11:22-33:44:55")) {
            AddressFormatException e = assertThrows(AddressFormatException.class, () -> MacAddress.parse(bad),
                    "\"" + bad + "\" is not a MAC address");
            assertTrue(e.getMessage().contains("\"" + bad + "\""), "message names \"" + bad + "\": " + e.getMessage());
        }
        for (String bad : List.of("", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1.2.3.-4", "1.2.3.+4", "1.2.3.0x4", "1.2.3.256",
                "1.2.3.1000", "00.1.2.3", "1.2.3.4\n", "1. 2.3.4", "one.2.3.4", "1,2,3,4", "١.2.3.4")) {
            AddressFormatException e = assertThrows(AddressFormatException.class, () -> Ipv4Address.parse(bad),
                    "\"" + bad + "\" is not an IPv4 address");
            assertTrue(e.getMessage().contains("\"" + bad + "\""), "message names \"" + bad + "\": " + e.getMessage());
        }
        assertEquals(Ipv4Address.ANY, Ipv4Address.parse("0.0.0.0"), "single zeros are fine");
    }

    @Test
    @Graded(task = "01.2", points = 1)
    @DisplayName("ByteReader over random slices of random buffers: exactly the slice is read, then Truncated")
    void readerBoundaries(Random random) {
        for (int n = 0; n < 300; n++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            int position = random.nextInt(data.length);
            int limit = position + random.nextInt(data.length - position + 1);
            ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
            buffer.position(position).limit(limit);
            ByteBuffer expected = buffer.duplicate().order(order);
            ByteReader r = new ByteReader(Protocol.TCP, buffer);
            int read = 0;
            while (true) {
                int size = new int[] {1, 2, 4, 3}[random.nextInt(4)];
                int left = limit - position - read;
                if (size > left) {
                    final int fieldSize = size;
                    PacketException.Truncated t = assertThrows(PacketException.Truncated.class, () -> {
                        switch (fieldSize) {
                            case 1 -> r.u8("f");
                            case 2 -> r.u16("f");
                            case 4 -> r.u32("f");
                            default -> r.bytes("f", fieldSize);
                        }
                    }, "a " + size + "-byte read with " + left + " left");
                    assertEquals(read, t.offset(), "offset of the failed read");
                    assertEquals(size, t.needed(), "needed");
                    assertEquals(left, t.available(), "available");
                    assertEquals(Protocol.TCP, t.protocol(), "protocol");
                    assertArrayEquals(Arrays.copyOfRange(data, position + read, limit), r.rest(),
                            "after the failed read, rest() returns the untouched remainder");
                    break;
                }
                switch (size) {
                    case 1 -> assertEquals(expected.get() & 0xff, r.u8("f"), "u8 at " + read);
                    case 2 -> assertEquals(expected.getShort() & 0xffff, r.u16("f"), "u16 (" + order + ") at " + read);
                    case 4 -> assertEquals(expected.getInt() & 0xffff_ffffL, r.u32("f"), "u32 (" + order + ") at " + read);
                    default -> {
                        byte[] three = new byte[3];
                        expected.get(three);
                        assertArrayEquals(three, r.bytes("f", 3), "bytes at " + read);
                    }
                }
                read += size;
                assertEquals(read, r.position(), "position after " + read + " bytes");
            }
            assertEquals(position, buffer.position(), "the caller's buffer position did not move");
        }
    }
}
