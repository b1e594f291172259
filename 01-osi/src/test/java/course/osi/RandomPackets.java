package course.osi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random valid packets for round-trip tests (templates: lengths and checksums still to compute). */
public final class RandomPackets {
    /** Largest random payload: a typical Ethernet MTU's worth. */
    public static final int MAX_PAYLOAD = 1500;
    private static final int[] UNKNOWN_KINDS = {6, 7, 9, 14, 19, 28, 29, 30, 34, 253, 254};

    private RandomPackets() {
    }

    public static Ipv4Address address(Random r) {
        return new Ipv4Address(r.nextInt());
    }

    public static MacAddress mac(Random r) {
        return new MacAddress(r.nextLong() & 0xffff_ffff_ffffL);
    }

    public static byte[] bytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** An IPv4 template: random DSCP, ECN, id, DF or not, TTL, addresses and options; never a fragment. */
    public static Ipv4Packet ipv4(Random r) {
        byte[] options = new byte[4 * (r.nextInt(3) == 0 ? r.nextInt(11) : 0)];
        r.nextBytes(options);
        return new Ipv4Packet(r.nextInt(64), r.nextInt(4), 0, r.nextInt(65536), r.nextBoolean() ? Ipv4Packet.FLAG_DF : 0,
                0, 1 + r.nextInt(255), 0, 0, address(r), address(r), options, new byte[0]);
    }

    public static UdpDatagram udp(Random r) {
        return UdpDatagram.of(r.nextInt(65536), r.nextInt(65536), bytes(r, MAX_PAYLOAD));
    }

    public static TcpSegment tcp(Random r) {
        return new TcpSegment(r.nextInt(65536), r.nextInt(65536), r.nextLong() & 0xffff_ffffL,
                r.nextLong() & 0xffff_ffffL, new TcpFlags(r.nextInt(0x200)), r.nextInt(65536), 0, r.nextInt(65536),
                tcpOptions(r), bytes(r, MAX_PAYLOAD));
    }

    public static TransportSegment segment(Random r) {
        return r.nextBoolean() ? udp(r) : tcp(r);
    }

    /** Options that fit in 40 bytes, each kind with a valid length, sometimes ending with end-of-list. */
    public static List<TcpOption> tcpOptions(Random r) {
        List<TcpOption> options = new ArrayList<>();
        int wanted = r.nextInt(6);
        for (int i = 0; i < wanted; i++) {
            TcpOption o = switch (r.nextInt(8)) {
                case 0 -> new TcpOption.NoOperation();
                case 1 -> new TcpOption.MaximumSegmentSize(r.nextInt(65536));
                case 2 -> new TcpOption.WindowScale(r.nextInt(15));
                case 3 -> new TcpOption.SackPermitted();
                case 4 -> new TcpOption.Timestamps(r.nextLong() & 0xffff_ffffL, r.nextLong() & 0xffff_ffffL);
                case 5 -> {
                    List<TcpOption.SackBlock> blocks = new ArrayList<>();
                    for (int b = 0; b < 1 + r.nextInt(3); b++) {
                        blocks.add(new TcpOption.SackBlock(r.nextLong() & 0xffff_ffffL, r.nextLong() & 0xffff_ffffL));
                    }
                    yield new TcpOption.Sack(blocks);
                }
                case 6 -> new TcpOption.Unknown(UNKNOWN_KINDS[r.nextInt(UNKNOWN_KINDS.length)], bytes(r, 6));
                default -> new TcpOption.NoOperation();
            };
            if (TcpOption.encodedLength(options) + o.length() <= TcpSegment.MAX_OPTIONS_LENGTH) {
                options.add(o);
            }
        }
        if (r.nextInt(4) == 0 && TcpOption.encodedLength(options) < TcpSegment.MAX_OPTIONS_LENGTH) {
            options.add(new TcpOption.EndOfOptionList());
        }
        return options;
    }

    /** An Ethernet frame around {@code payload}, tagged with a random VLAN one time in three. */
    public static EthernetFrame ethernet(Random r, byte[] payload) {
        Optional<VlanTag> vlan = r.nextInt(3) == 0
                ? Optional.of(new VlanTag(r.nextInt(8), r.nextBoolean(), r.nextInt(4096))) : Optional.empty();
        return new EthernetFrame(mac(r), mac(r), vlan, EthernetFrame.ETHERTYPE_IPV4, payload);
    }
}
