package course.osi.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.osi.Captures;
import course.osi.Encapsulated;
import course.osi.Encapsulation;
import course.osi.Flow;
import course.osi.Ipv4Address;
import course.osi.Layer;
import course.osi.MacAddress;
import course.osi.PacketException;
import course.osi.Protocol;
import course.osi.RandomPackets;
import course.osi.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 01.1, hidden: random flows and payloads, real frames, and frames that cannot be decapsulated. */
@DisplayName("01.1 Layers and encapsulation (hidden)")
@ExtendWith(Seeded.class)
@Timeout(20)
class Task01LayersHiddenTest {

    static Flow randomFlow(Random r) {
        return new Flow(RandomPackets.mac(r), RandomPackets.mac(r), RandomPackets.address(r), RandomPackets.address(r),
                r.nextBoolean() ? Protocol.UDP : Protocol.TCP, r.nextInt(65536), r.nextInt(65536));
    }

    @Test
    @Graded(task = "01.1", points = 2)
    @DisplayName("300 random flows and payloads (0..1500 bytes): headers carry the flow, decapsulate gives it all back")
    void randomRoundTrips(Random random) {
        for (int n = 0; n < 300; n++) {
            Flow flow = randomFlow(random);
            byte[] payload = RandomPackets.bytes(random, RandomPackets.MAX_PAYLOAD);
            Encapsulated e = Encapsulation.encapsulate(flow, payload);
            byte[] f = e.frame();
            int transportHeader = flow.transport() == Protocol.UDP ? 8 : 20;
            assertEquals(34 + transportHeader + payload.length, f.length, "frame length for " + flow);
            List<Layer> layers = e.layers();
            assertEquals(List.of(14, 20, transportHeader), layers.stream().map(Layer::headerLength).toList(),
                    "header lengths for " + flow);
            assertEquals(f.length, layers.get(0).length(), "the Ethernet layer is the whole frame");
            assertArrayEquals(flow.destinationMac().bytes(), Arrays.copyOf(f, 6), "destination MAC of " + flow);
            assertArrayEquals(flow.source().bytes(), Arrays.copyOfRange(f, 26, 30), "source address of " + flow);
            assertArrayEquals(flow.destination().bytes(), Arrays.copyOfRange(f, 30, 34), "destination address");
            assertEquals(flow.sourcePort(), Reference.u16(f, 34), "source port of " + flow);
            assertEquals(flow.destinationPort(), Reference.u16(f, 36), "destination port of " + flow);
            assertEquals(0, Reference.checksum(f, 14, 34), "IPv4 header checksum of " + flow);
            assertEquals(0, Reference.transport(f, 14, flow.transport() == Protocol.UDP ? 17 : 6, f, 34, f.length),
                    "transport checksum of " + flow);
            Encapsulated back = Encapsulation.decapsulate(f);
            assertEquals(flow, back.flow(), "flow after decapsulation");
            assertEquals(layers, back.layers(), "layers after decapsulation of " + flow);
            assertArrayEquals(payload, back.payload(), "payload after decapsulation of " + flow);
        }
    }

    @Test
    @Graded(task = "01.1", points = 1)
    @DisplayName("real frames (udp-be.pcap, good checksums) decapsulate to their datagrams' payloads")
    void realFrames() {
        for (Captures.Frame frame : Captures.frames(Captures.UDP_BIG_ENDIAN)) {
            byte[] f = frame.data();
            Encapsulated e = Encapsulation.decapsulate(f);
            assertEquals(Protocol.UDP, e.flow().transport(), frame + ": transport");
            assertEquals(MacAddress.ZERO, e.flow().sourceMac(), frame + ": loopback MAC");
            assertEquals(Ipv4Address.LOOPBACK, e.flow().source(), frame + ": source");
            assertEquals(Reference.u16(f, 34), e.flow().sourcePort(), frame + ": source port");
            assertArrayEquals(Arrays.copyOfRange(f, 42, f.length), e.payload(), frame + ": payload");
            assertArrayEquals(f, e.frame(), frame + ": frame");
        }
    }

    @Test
    @Graded(task = "01.1", points = 1)
    @DisplayName("decapsulate refuses ARP, ICMP, damaged and cut frames with typed errors; payload size limits")
    void refusals() {
        byte[] udp = Captures.frame(Captures.UDP_BIG_ENDIAN, 1).data();
        assertEquals(Protocol.ETHERNET, assertThrows(PacketException.Unsupported.class,
                () -> Encapsulation.decapsulate(Reference.with(udp, 13, 0x06)), "an ARP frame (EtherType 0x0806)")
                .protocol(), "protocol of the error");
        byte[] icmp = Reference.fixIpv4Checksum(Reference.with(udp, 23, 1));
        assertThrows(PacketException.Unsupported.class, () -> Encapsulation.decapsulate(icmp), "IPv4 protocol 1 (ICMP)");
        PacketException.BadChecksum bad = assertThrows(PacketException.BadChecksum.class,
                () -> Encapsulation.decapsulate(Reference.with(udp, udp.length - 1, udp[udp.length - 1] ^ 0x20)),
                "a payload bit flipped: the UDP checksum no longer matches");
        assertEquals(Protocol.UDP, bad.protocol(), "protocol of the bad checksum");
        assertThrows(PacketException.Truncated.class, () -> Encapsulation.decapsulate(Arrays.copyOf(udp, 30)),
                "a frame cut inside the IPv4 header");
        Flow flow = new Flow(MacAddress.ZERO, MacAddress.ZERO, Ipv4Address.LOOPBACK, Ipv4Address.LOOPBACK, Protocol.UDP,
                1, 2);
        assertEquals(65_535 + 14, Encapsulation.encapsulate(flow, new byte[Encapsulation.MAX_UDP_PAYLOAD]).frame().length,
                "the largest UDP payload fills IPv4's 65535 bytes");
        assertThrows(IllegalArgumentException.class,
                () -> Encapsulation.encapsulate(flow, new byte[Encapsulation.MAX_UDP_PAYLOAD + 1]),
                "one byte more does not fit");
    }
}
