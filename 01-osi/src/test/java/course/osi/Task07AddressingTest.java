package course.osi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.7: CIDR blocks, address classification, and port numbers. */
@DisplayName("01.7 Addressing")
@Timeout(10)
class Task07AddressingTest {

    static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    static void expectBadCidr(String text) {
        AddressFormatException e = assertThrows(AddressFormatException.class, () -> Cidr.parse(text),
                "\"" + text + "\" is not a CIDR block: expect AddressFormatException");
        assertTrue(e.getMessage().contains(text), "the message names the input \"" + text + "\": " + e.getMessage());
    }

    @Test
    @Graded(task = "01.7", points = 2)
    @DisplayName("CIDR text: parse and format; host bits set, a prefix above 32 or a malformed text are errors")
    void parseCidr() {
        Cidr c = Cidr.parse("192.168.0.0/16");
        assertEquals(ip("192.168.0.0"), c.network(), "network of 192.168.0.0/16");
        assertEquals(16, c.prefixLength(), "prefix length of 192.168.0.0/16");
        assertEquals("192.168.0.0/16", c.toString(), "text form");
        assertEquals(new Cidr(Ipv4Address.ANY, 0), Cidr.parse("0.0.0.0/0"), "the whole address space");
        assertEquals(32, Cidr.parse("8.8.8.8/32").prefixLength(), "a single address");
        AddressFormatException hostBits = assertThrows(AddressFormatException.class,
                () -> Cidr.parse("192.168.1.5/24"), "host bits set: an error, not silently 192.168.1.0/24");
        assertTrue(hostBits.getMessage().contains("192.168.1.0/24"),
                "the message names the network that was probably meant: " + hostBits.getMessage());
        expectBadCidr("10.0.0.0/33");
        expectBadCidr("10.0.0.0");
        expectBadCidr("10.0.0.0/-1");
        expectBadCidr("10.0.0.0/08");
        expectBadCidr("300.0.0.0/8");
        assertEquals(Cidr.parse("192.168.1.0/24"), Cidr.of(ip("192.168.1.5"), 24), "Cidr.of clears the host bits");
        assertThrows(IllegalArgumentException.class, () -> new Cidr(ip("192.168.1.5"), 24),
                "the record itself refuses host bits");
    }

    @Test
    @Graded(task = "01.7", points = 3)
    @DisplayName("mask, broadcast, membership, size and hosts; /31 has 2 hosts (RFC 3021), /32 one, /0 all")
    void blocks() {
        Cidr c = Cidr.parse("192.168.1.0/24");
        assertEquals(ip("255.255.255.0"), c.mask(), "mask of /24");
        assertEquals(ip("192.168.1.255"), c.broadcast(), "broadcast of 192.168.1.0/24");
        assertTrue(c.contains(ip("192.168.1.77")), "192.168.1.77 is in 192.168.1.0/24");
        assertFalse(c.contains(ip("192.168.2.1")), "192.168.2.1 is not");
        assertEquals(256, c.size(), "addresses in a /24");
        assertEquals(254, c.hostCount(), "hosts in a /24: without network and broadcast");
        assertEquals(ip("192.168.1.1"), c.firstHost(), "first host");
        assertEquals(ip("192.168.1.254"), c.lastHost(), "last host");
        assertTrue(c.contains(Cidr.parse("192.168.1.128/25")), "a /25 inside the /24");
        assertFalse(c.contains(Cidr.parse("192.168.0.0/23")), "a /23 is larger than the /24");

        Cidr p2p = Cidr.parse("10.0.0.0/31");
        assertEquals(2, p2p.hostCount(), "a /31 point-to-point link has 2 hosts (RFC 3021)");
        assertEquals(ip("10.0.0.0"), p2p.firstHost(), "first host of a /31");
        assertEquals(ip("10.0.0.1"), p2p.lastHost(), "last host of a /31");
        Cidr single = Cidr.parse("10.0.0.7/32");
        assertEquals(1, single.hostCount(), "a /32 is one host");
        assertEquals(ip("10.0.0.7"), single.broadcast(), "the last address of a /32 is itself");
        Cidr all = Cidr.parse("0.0.0.0/0");
        assertEquals(Ipv4Address.ANY, all.mask(), "mask of /0");
        assertEquals(1L << 32, all.size(), "addresses in /0");
        assertTrue(all.contains(ip("203.0.113.9")), "/0 contains everything");
        assertEquals(ip("255.255.255.255"), all.broadcast(), "last address of /0");
    }

    @Test
    @Graded(task = "01.7", points = 2)
    @DisplayName("classification: loopback, private (RFC 1918), link-local, multicast, broadcast, public, ...")
    void classification() {
        Map<String, AddressScope> expected = Map.ofEntries(
                Map.entry("127.0.0.1", AddressScope.LOOPBACK),
                Map.entry("10.1.2.3", AddressScope.PRIVATE),
                Map.entry("172.16.0.1", AddressScope.PRIVATE),
                Map.entry("172.32.0.1", AddressScope.PUBLIC),
                Map.entry("192.168.255.255", AddressScope.PRIVATE),
                Map.entry("169.254.1.1", AddressScope.LINK_LOCAL),
                Map.entry("224.0.0.251", AddressScope.MULTICAST),
                Map.entry("255.255.255.255", AddressScope.BROADCAST),
                Map.entry("0.0.0.0", AddressScope.UNSPECIFIED),
                Map.entry("8.8.8.8", AddressScope.PUBLIC));
        expected.forEach((address, scope) -> assertEquals(scope, AddressScope.of(ip(address)), address));
    }

    @Test
    @Graded(task = "01.7", points = 2)
    @DisplayName("well-known ports by IANA name, and the well-known / registered / dynamic ranges")
    void ports() {
        Map<Integer, String> names = Map.of(20, "ftp-data", 21, "ftp", 22, "ssh", 25, "smtp", 53, "domain", 67, "bootps",
                68, "bootpc", 80, "http", 123, "ntp", 443, "https");
        names.forEach((port, name) -> assertEquals(Optional.of(name), WellKnownPorts.lookup(port).map(Service::name),
                "service on port " + port));
        assertEquals(Optional.empty(), WellKnownPorts.lookup(8080), "8080 is not in the table");
        assertEquals(Optional.of(443), WellKnownPorts.byName("HTTPS").map(Service::port), "port of \"HTTPS\"");
        for (int port : List.of(0, 80, 1023)) {
            assertEquals(PortRange.WELL_KNOWN, PortRange.of(port), "range of port " + port);
        }
        for (int port : List.of(1024, 8080, 49151)) {
            assertEquals(PortRange.REGISTERED, PortRange.of(port), "range of port " + port);
        }
        for (int port : List.of(49152, 60000, 65535)) {
            assertEquals(PortRange.DYNAMIC, PortRange.of(port), "range of port " + port);
        }
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(65536), "65536 is not a port");
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(-1), "-1 is not a port");
    }
}
