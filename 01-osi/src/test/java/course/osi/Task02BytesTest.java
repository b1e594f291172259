package course.osi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.2: network byte order, unsigned values, MAC and IPv4 text, and reads that stop at the end. */
@DisplayName("01.2 Bytes")
@Timeout(10)
class Task02BytesTest {

    @Test
    @Graded(task = "01.2", points = 2)
    @DisplayName("u8/u16/u32 read big-endian and unsigned (0xFF is 255, not -1); put writes them back")
    void unsigned() {
        byte[] b = Reference.bytes(0xff, 0xfe, 0x80, 0x00, 0x01, 0x02, 0xff, 0xff, 0xff, 0xff);
        assertEquals(255, Unsigned.u8((byte) 0xff), "u8 of the byte 0xFF");
        assertEquals(255, Unsigned.u8(b, 0), "u8 at offset 0 of ff fe 80 ...");
        assertEquals(0xfffe, Unsigned.u16(b, 0), "u16 at offset 0: ff fe, most significant byte first");
        assertEquals(0x8000, Unsigned.u16(b, 2), "u16 at offset 2: 80 00");
        assertEquals(0x8000_0102L, Unsigned.u32(b, 2), "u32 at offset 2: 80 00 01 02");
        assertEquals(4_294_967_295L, Unsigned.u32(b, 6), "u32 at offset 6: ff ff ff ff is 4294967295");
        byte[] out = new byte[7];
        Unsigned.putU8(out, 0, 200);
        Unsigned.putU16(out, 1, 0xabcd);
        Unsigned.putU32(out, 3, 0xdead_beefL);
        assertArrayEquals(Reference.bytes(200, 0xab, 0xcd, 0xde, 0xad, 0xbe, 0xef), out,
                "putU8(200), putU16(0xabcd), putU32(0xdeadbeef), big-endian");
        assertThrows(IllegalArgumentException.class, () -> Unsigned.putU16(out, 0, 65536),
                "65536 does not fit in 16 bits: refuse it instead of writing 0");
        assertThrows(IllegalArgumentException.class, () -> Unsigned.putU8(out, 0, -1), "-1 is not unsigned");
    }

    @Test
    @Graded(task = "01.2", points = 2)
    @DisplayName("ByteReader reads named fields in the buffer's byte order and throws Truncated at the end")
    void byteReader() {
        ByteBuffer buffer = ByteBuffer.wrap(Reference.bytes(9, 9, 0x12, 0x34, 0xca, 0xfe, 0xba, 0xbe, 0x01));
        buffer.position(2);
        ByteReader r = new ByteReader(Protocol.UDP, buffer);
        assertEquals(0x1234, r.u16("source port"), "u16 from the buffer's position (2), big-endian");
        assertEquals(0xcafe_babeL, r.u32("sequence"), "u32 0xcafebabe");
        assertEquals(6, r.position(), "bytes read so far");
        assertEquals(2, buffer.position(), "the caller's buffer does not move");
        PacketException.Truncated t = assertThrows(PacketException.Truncated.class, () -> r.u16("length"),
                "a u16 with 1 byte left must throw PacketException.Truncated, not BufferUnderflowException");
        assertEquals(Protocol.UDP, t.protocol(), "Truncated.protocol()");
        assertEquals("length", t.field(), "Truncated.field()");
        assertEquals(6, t.offset(), "Truncated.offset(): where the field starts");
        assertEquals(2, t.needed(), "Truncated.needed()");
        assertEquals(1, t.available(), "Truncated.available()");
        assertEquals(1, r.remaining(), "a failed read consumes nothing");
        assertEquals(1, r.u8("flags"), "the last byte is still there");
        assertArrayEquals(new byte[0], r.rest(), "rest() at the end is empty");

        ByteBuffer little = ByteBuffer.wrap(Reference.bytes(0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00)).order(
                ByteOrder.LITTLE_ENDIAN);
        ByteReader pcap = new ByteReader(Protocol.FRAME, little);
        assertEquals(0xa1b2c3d4L, pcap.u32("magic"), "a little-endian buffer is read little-endian (pcap files)");
        assertEquals(2, pcap.u16("version"), "little-endian u16");
        assertThrows(PacketException.Truncated.class, () -> pcap.bytes("data", 1), "bytes past the end");
    }

    @Test
    @Graded(task = "01.2", points = 2)
    @DisplayName("MAC and IPv4 addresses: parse and format their text, to and from bytes, with clear errors")
    void addressText() {
        MacAddress mac = MacAddress.parse("00:1A:2b:3c:4d:5e");
        assertEquals(0x001a_2b3c_4d5eL, mac.value(), "value of 00:1A:2b:3c:4d:5e");
        assertEquals("00:1a:2b:3c:4d:5e", mac.toString(), "MAC text: lower case, colons");
        assertEquals(mac, MacAddress.parse("00-1a-2b-3c-4d-5e"), "hyphens separate groups too");
        assertArrayEquals(Reference.bytes(0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e), mac.bytes(), "MAC bytes, first group first");
        assertEquals(mac, MacAddress.of(Reference.bytes(7, 0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e), 1), "MAC from bytes");
        assertTrue(MacAddress.parse("01:00:5e:00:00:fb").isMulticast(), "01:00:5e:... is multicast (I/G bit)");
        assertTrue(MacAddress.BROADCAST.isMulticast(), "broadcast is a group address");
        assertFalse(mac.isMulticast(), "00:1a:... is unicast");
        expectBadMac("00:1a:2b:3c:4d");
        expectBadMac("00:1a:2b:3c:4d:5g");
        expectBadMac("00:1a-2b:3c:4d:5e");

        Ipv4Address ip = Ipv4Address.parse("192.168.0.1");
        assertEquals(0xc0a8_0001, ip.value(), "value of 192.168.0.1");
        assertEquals("192.168.0.1", ip.toString(), "dotted decimal");
        assertEquals("255.255.255.255", new Ipv4Address(-1).toString(), "the int -1 is 255.255.255.255");
        assertEquals(Ipv4Address.of(10, 0, 0, 254), Ipv4Address.parse("10.0.0.254"), "of(10, 0, 0, 254)");
        assertArrayEquals(Reference.bytes(192, 168, 0, 1), ip.bytes(), "IPv4 bytes");
        assertEquals(ip, Ipv4Address.of(Reference.bytes(0, 192, 168, 0, 1), 1), "IPv4 from bytes at offset 1");
        expectBadIpv4("256.0.0.1");
        expectBadIpv4("1.2.3");
        expectBadIpv4("01.2.3.4");
        expectBadIpv4("1.2.3.4 ");
        expectBadIpv4("1..3.4");
    }

    static void expectBadMac(String text) {
        AddressFormatException e = assertThrows(AddressFormatException.class, () -> MacAddress.parse(text),
                "\"" + text + "\" is not a MAC address: expect AddressFormatException");
        assertTrue(e.getMessage().contains(text), "the message names the input \"" + text + "\": " + e.getMessage());
    }

    static void expectBadIpv4(String text) {
        AddressFormatException e = assertThrows(AddressFormatException.class, () -> Ipv4Address.parse(text),
                "\"" + text + "\" is not an IPv4 address: expect AddressFormatException");
        assertTrue(e.getMessage().contains(text), "the message names the input \"" + text + "\": " + e.getMessage());
    }
}
