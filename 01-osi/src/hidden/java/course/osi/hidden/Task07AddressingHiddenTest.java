package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.osi.AddressFormatException;
import course.osi.AddressScope;
import course.osi.Cidr;
import course.osi.Ipv4Address;
import course.osi.PortRange;
import course.osi.Service;
import course.osi.WellKnownPorts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.7, hidden: random blocks against arithmetic, malformed text, every range boundary, the port table. */
@DisplayName("01.7 Addressing (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task07AddressingHiddenTest {

    static String dotted(long v) {
        return (v >>> 24 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
    }

    @Test
    @Graded(task = "01.7", points = 2)
    @DisplayName("2000 random blocks: network, mask, broadcast, size, hosts, membership and nesting by plain arithmetic")
    void randomBlocks(Random random) {
        for (int n = 0; n < 2000; n++) {
            long address = random.nextLong() & 0xffff_ffffL;
            int prefix = random.nextInt(33);
            long size = 1L << (32 - prefix);
            long network = address / size * size;
            long broadcast = network + size - 1;
            Cidr c = Cidr.of(new Ipv4Address((int) address), prefix);
            String text = dotted(network) + "/" + prefix;
            assertEquals(text, c.toString(), "the /" + prefix + " around " + dotted(address));
            assertEquals(c, Cidr.parse(text), "parse of " + text);
            assertEquals(dotted(broadcast), c.broadcast().toString(), "broadcast of " + text);
            assertEquals(dotted(0xffff_ffffL - (size - 1)), c.mask().toString(), "mask of /" + prefix);
            assertEquals(size, c.size(), "size of " + text);
            assertEquals(prefix == 32 ? 1 : prefix == 31 ? 2 : size - 2, c.hostCount(), "hosts in " + text);
            assertEquals(dotted(prefix >= 31 ? network : network + 1), c.firstHost().toString(), "first host of " + text);
            assertEquals(dotted(prefix >= 31 ? broadcast : broadcast - 1), c.lastHost().toString(), "last host of " + text);
            long other = random.nextLong() & 0xffff_ffffL;
            boolean inside = other >= network && other <= broadcast;
            assertEquals(inside, c.contains(new Ipv4Address((int) other)), dotted(other) + " in " + text);
            assertTrue(c.contains(new Ipv4Address((int) broadcast)), "the last address is inside " + text);
            if (prefix < 32) {
                Cidr half = Cidr.of(new Ipv4Address((int) broadcast), prefix + 1);
                assertTrue(c.contains(half), text + " contains " + half);
                assertEquals(false, half.contains(c), half + " does not contain the larger " + text);
            }
            if (prefix < 32 && network != address) {
                String hostBits = dotted(address) + "/" + prefix;
                AddressFormatException e = assertThrows(AddressFormatException.class, () -> Cidr.parse(hostBits),
                        hostBits + " has host bits set");
                assertTrue(e.getMessage().contains(text), "the message suggests " + text + ": " + e.getMessage());
            }
        }
    }

    @Test
    @Graded(task = "01.7", points = 1)
    @DisplayName("malformed CIDR text is refused with AddressFormatException naming the input")
    void malformedCidr() {
        for (String bad : List.of("", "/24", "10.0.0.0/", "10.0.0.0//8", "10.0.0.0/8/8", "10.0.0/8", "10.0.0.0/8 ",
                " 10.0.0.0/8", "10.0.0.0/+8", "10.0.0.0/100", "10.0.0.0/3 2", "10.0.0.0/x", "10.0.0.256/32",
                "10.0.0.0\\8", "10.0.0.0/000")) {
            AddressFormatException e = assertThrows(AddressFormatException.class, () -> Cidr.parse(bad),
                    "\"" + bad + "\" is not a CIDR block");
            assertTrue(e.getMessage().contains("\"" + bad + "\""), "message names \"" + bad + "\": " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Cidr.of(Ipv4Address.ANY, 33), "prefix 33");
        assertThrows(IllegalArgumentException.class, () -> new Cidr(Ipv4Address.ANY, -1), "prefix -1");
    }

    @Test
    @Graded(task = "01.7", points = 2)
    @DisplayName("classification at every range boundary, and just outside it")
    void boundaries() {
        Map<String, AddressScope> expected = Map.ofEntries(
                Map.entry("0.255.255.255", AddressScope.UNSPECIFIED), Map.entry("1.0.0.0", AddressScope.PUBLIC),
                Map.entry("9.255.255.255", AddressScope.PUBLIC), Map.entry("10.0.0.0", AddressScope.PRIVATE),
                Map.entry("10.255.255.255", AddressScope.PRIVATE), Map.entry("11.0.0.0", AddressScope.PUBLIC),
                Map.entry("100.63.255.255", AddressScope.PUBLIC), Map.entry("100.64.0.0", AddressScope.SHARED),
                Map.entry("100.127.255.255", AddressScope.SHARED), Map.entry("100.128.0.0", AddressScope.PUBLIC),
                Map.entry("126.255.255.255", AddressScope.PUBLIC), Map.entry("127.255.255.255", AddressScope.LOOPBACK),
                Map.entry("128.0.0.0", AddressScope.PUBLIC), Map.entry("169.253.255.255", AddressScope.PUBLIC),
                Map.entry("169.254.0.0", AddressScope.LINK_LOCAL), Map.entry("169.254.255.255", AddressScope.LINK_LOCAL),
                Map.entry("169.255.0.0", AddressScope.PUBLIC), Map.entry("172.15.255.255", AddressScope.PUBLIC),
                Map.entry("172.31.255.255", AddressScope.PRIVATE), Map.entry("192.0.1.255", AddressScope.PUBLIC),
                Map.entry("192.0.2.0", AddressScope.DOCUMENTATION), Map.entry("192.0.3.0", AddressScope.PUBLIC),
                Map.entry("192.167.255.255", AddressScope.PUBLIC), Map.entry("192.168.0.0", AddressScope.PRIVATE),
                Map.entry("192.169.0.0", AddressScope.PUBLIC), Map.entry("198.51.100.255", AddressScope.DOCUMENTATION),
                Map.entry("203.0.113.7", AddressScope.DOCUMENTATION), Map.entry("223.255.255.255", AddressScope.PUBLIC),
                Map.entry("224.0.0.0", AddressScope.MULTICAST), Map.entry("239.255.255.255", AddressScope.MULTICAST),
                Map.entry("240.0.0.0", AddressScope.RESERVED), Map.entry("255.255.255.254", AddressScope.RESERVED),
                Map.entry("255.255.255.255", AddressScope.BROADCAST));
        expected.forEach((address, scope) -> assertEquals(scope, AddressScope.of(Ipv4Address.parse(address)), address));
    }

    @Test
    @Graded(task = "01.7", points = 1)
    @DisplayName("the whole port table, in order, and every port's IANA range")
    void portTable() {
        List<Integer> ports = List.of(20, 21, 22, 23, 25, 53, 67, 68, 69, 80, 110, 123, 143, 161, 443, 993, 995);
        List<String> names = List.of("ftp-data", "ftp", "ssh", "telnet", "smtp", "domain", "bootps", "bootpc", "tftp",
                "http", "pop3", "ntp", "imap", "snmp", "https", "imaps", "pop3s");
        assertEquals(ports, WellKnownPorts.all().stream().map(Service::port).toList(), "the table's ports, in order");
        assertEquals(names, WellKnownPorts.all().stream().map(Service::name).toList(), "the IANA service names");
        for (int i = 0; i < ports.size(); i++) {
            assertEquals(Optional.of(ports.get(i)), WellKnownPorts.byName(names.get(i)).map(Service::port),
                    "port of " + names.get(i));
        }
        assertEquals(Optional.empty(), WellKnownPorts.byName("gopher"), "not in the table");
        for (int port = 0; port <= 65535; port++) {
            PortRange expected = port < 1024 ? PortRange.WELL_KNOWN : port < 49152 ? PortRange.REGISTERED
                    : PortRange.DYNAMIC;
            if (PortRange.of(port) != expected) {
                throw new AssertionError("port " + port + ": expected " + expected + ", got " + PortRange.of(port));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> WellKnownPorts.lookup(70000), "70000 is not a port");
    }
}
