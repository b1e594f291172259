package course.osi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.grader.Graded;
import course.grader.support.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task 01.1: the two layer models, and a payload wrapped layer by layer and unwrapped again. */
@DisplayName("01.1 Layers and encapsulation")
@Timeout(10)
class Task01LayersTest {
    static final MacAddress CLIENT_MAC = new MacAddress(0x02_00_00_00_00_01L);
    static final MacAddress SERVER_MAC = new MacAddress(0x02_00_00_00_00_02L);
    static final Ipv4Address CLIENT = new Ipv4Address(0xc0a8_000a); // 192.168.0.10
    static final Ipv4Address SERVER = new Ipv4Address(0xc0a8_0001); // 192.168.0.1

    @Test
    @Graded(task = "01.1", points = 2)
    @DisplayName("OSI layers are numbered 1..7 with their PDUs, and map onto TCP/IP's four layers both ways")
    void layerModels() {
        OsiLayer[] osi = OsiLayer.values();
        for (int i = 0; i < osi.length; i++) {
            assertEquals(i + 1, osi[i].number(), osi[i] + ".number()");
            assertEquals(osi[i], OsiLayer.ofNumber(i + 1), "OsiLayer.ofNumber(" + (i + 1) + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> OsiLayer.ofNumber(8), "there is no OSI layer 8");
        assertEquals("bit", OsiLayer.PHYSICAL.pdu(), "PDU of the physical layer");
        assertEquals("frame", OsiLayer.DATA_LINK.pdu(), "PDU of the data link layer");
        assertEquals("packet", OsiLayer.NETWORK.pdu(), "PDU of the network layer");
        assertEquals("segment", OsiLayer.TRANSPORT.pdu(), "PDU of the transport layer");
        assertEquals("data", OsiLayer.APPLICATION.pdu(), "PDU of the application layer");
        assertEquals(TcpIpLayer.LINK, OsiLayer.PHYSICAL.tcpIpLayer(), "the physical layer in TCP/IP");
        assertEquals(TcpIpLayer.LINK, OsiLayer.DATA_LINK.tcpIpLayer(), "the data link layer in TCP/IP");
        assertEquals(TcpIpLayer.INTERNET, OsiLayer.NETWORK.tcpIpLayer(), "the network layer in TCP/IP");
        assertEquals(TcpIpLayer.TRANSPORT, OsiLayer.TRANSPORT.tcpIpLayer(), "the transport layer in TCP/IP");
        for (OsiLayer upper : List.of(OsiLayer.SESSION, OsiLayer.PRESENTATION, OsiLayer.APPLICATION)) {
            assertEquals(TcpIpLayer.APPLICATION, upper.tcpIpLayer(), upper + " in TCP/IP");
        }
        for (TcpIpLayer layer : TcpIpLayer.values()) {
            List<OsiLayer> expected = new ArrayList<>();
            for (OsiLayer o : osi) {
                if (o.tcpIpLayer() == layer) {
                    expected.add(o);
                }
            }
            assertEquals(expected, layer.osiLayers(), layer + ".osiLayers(), bottom up");
        }
    }

    @Test
    @Graded(task = "01.1", points = 1)
    @DisplayName("each protocol's header belongs to one layer: Ethernet II to data link, IPv4 to network, ...")
    void protocolLayers() {
        assertEquals(OsiLayer.PHYSICAL, Protocol.FRAME.osiLayer(), "the captured frame");
        assertEquals(OsiLayer.DATA_LINK, Protocol.ETHERNET.osiLayer(), "Ethernet II");
        assertEquals(OsiLayer.DATA_LINK, Protocol.LINUX_SLL.osiLayer(), "Linux cooked header");
        assertEquals(OsiLayer.NETWORK, Protocol.IPV4.osiLayer(), "IPv4");
        assertEquals(OsiLayer.NETWORK, Protocol.ICMP.osiLayer(), "ICMP");
        assertEquals(OsiLayer.TRANSPORT, Protocol.TCP.osiLayer(), "TCP");
        assertEquals(OsiLayer.TRANSPORT, Protocol.UDP.osiLayer(), "UDP");
        assertEquals(OsiLayer.APPLICATION, Protocol.HTTP.osiLayer(), "HTTP");
        assertEquals(OsiLayer.APPLICATION, Protocol.DNS.osiLayer(), "DNS");
        assertEquals(TcpIpLayer.INTERNET, Protocol.IPV4.tcpIpLayer(), "IPv4 in TCP/IP");
    }

    @Test
    @Graded(task = "01.1", points = 2)
    @DisplayName("encapsulate a DNS-like payload in UDP, IPv4 and Ethernet II: each layer's header, in order")
    void encapsulateUdp() {
        byte[] payload = Bytes.ascii("hello, layers");
        Flow flow = new Flow(CLIENT_MAC, SERVER_MAC, CLIENT, SERVER, Protocol.UDP, 40000, 53);
        Encapsulated e = Encapsulation.encapsulate(flow, payload);
        int n = payload.length;
        checkLayers(e, List.of(Protocol.ETHERNET, Protocol.IPV4, Protocol.UDP), List.of(14, 20, 8));
        byte[] f = e.frame();
        assertEquals(14 + 20 + 8 + n, f.length, "frame length: 14 (Ethernet) + 20 (IPv4) + 8 (UDP) + " + n);
        assertArrayEquals(SERVER_MAC.bytes(), Arrays.copyOfRange(f, 0, 6), "bytes 0-5: destination MAC");
        assertArrayEquals(CLIENT_MAC.bytes(), Arrays.copyOfRange(f, 6, 12), "bytes 6-11: source MAC");
        assertEquals(0x0800, Reference.u16(f, 12), "EtherType: IPv4");
        assertEquals(0x45, f[14] & 0xff, "IPv4 version 4, IHL 5");
        assertEquals(20 + 8 + n, Reference.u16(f, 16), "IPv4 total length");
        assertEquals(Encapsulation.TTL, f[22] & 0xff, "IPv4 TTL");
        assertEquals(17, f[23], "IPv4 protocol: UDP");
        assertEquals(0, Reference.checksum(f, 14, 34), "the IPv4 header with its checksum sums to 0xFFFF");
        assertEquals(40000, Reference.u16(f, 34), "UDP source port");
        assertEquals(53, Reference.u16(f, 36), "UDP destination port");
        assertEquals(8 + n, Reference.u16(f, 38), "UDP length");
        assertEquals(0, Reference.transport(f, 14, 17, f, 34, f.length),
                "the UDP datagram with pseudo-header and checksum sums to 0xFFFF");
        assertArrayEquals(payload, e.payload(), "the payload");
    }

    @Test
    @Graded(task = "01.1", points = 1)
    @DisplayName("encapsulate in TCP, then decapsulate the frame: the same flow, layers and payload come back")
    void encapsulateTcpAndBack() {
        byte[] payload = Bytes.ascii("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
        Flow flow = new Flow(CLIENT_MAC, SERVER_MAC, CLIENT, SERVER, Protocol.TCP, 51000, 80);
        Encapsulated e = Encapsulation.encapsulate(flow, payload);
        checkLayers(e, List.of(Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP), List.of(14, 20, 20));
        byte[] f = e.frame();
        assertEquals(6, f[23], "IPv4 protocol: TCP");
        assertEquals(0x50, f[14 + 20 + 12] & 0xf0, "TCP data offset: 5 words, no options");
        assertEquals(TcpFlags.PSH | TcpFlags.ACK, f[14 + 20 + 13] & 0xff, "TCP flags PSH and ACK");
        Encapsulated back = Encapsulation.decapsulate(f);
        assertEquals(flow, back.flow(), "the flow read back from the frame");
        assertEquals(e.layers(), back.layers(), "the layers read back from the frame");
        assertArrayEquals(payload, back.payload(), "the payload read back from the frame");
    }

    /** The layers are as expected, and the frame is exactly their headers in order, then the payload. */
    static void checkLayers(Encapsulated e, List<Protocol> protocols, List<Integer> headerLengths) {
        List<Layer> layers = e.layers();
        assertEquals(protocols, layers.stream().map(Layer::protocol).toList(), "the layers, outermost first");
        int below = e.payload().length;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            assertEquals(headerLengths.get(i), l.headerLength(), l.protocol() + " header length");
            assertEquals(below, l.payloadLength(), l.protocol() + " carries everything above it");
            below += l.headerLength();
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        layers.forEach(l -> expected.writeBytes(l.header()));
        expected.writeBytes(e.payload());
        byte[] frame = e.frame();
        String diff = Bytes.diff(expected.toByteArray(), frame);
        assertEquals("", diff, "the frame must be the layers' headers in order, then the payload:\n" + diff);
    }
}
