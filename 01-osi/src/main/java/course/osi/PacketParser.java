package course.osi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Takes bytes apart into the records of each layer. Every parser reads {@code length} bytes of
 * {@code data} from {@code offset}, never looks outside them, and throws a {@link PacketException}
 * (never an index or buffer exception) when they are not a valid header. Offsets in errors count
 * from the start of that layer's header.
 */
public final class PacketParser {
    private PacketParser() {
    }

    /** An Ethernet II frame; see {@link #ethernet(byte[], int, int)}. */
    public static EthernetFrame ethernet(byte[] data) {
        return ethernet(data, 0, data.length);
    }

    /**
     * An Ethernet II frame: destination, source, EtherType, payload (everything after the header). A
     * type field of 0x8100 is an 802.1Q tag: the TCI and then the real EtherType follow.
     *
     * @throws PacketException.Truncated   fewer bytes than the header needs
     * @throws PacketException.Unsupported a type field below 0x0600, which is an IEEE 802.3 length
     */
    public static EthernetFrame ethernet(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        ByteReader r = ByteReader.of(Protocol.ETHERNET, data, offset, length);
        MacAddress destination = MacAddress.of(r.bytes("destination address", MacAddress.LENGTH), 0);
        MacAddress source = MacAddress.of(r.bytes("source address", MacAddress.LENGTH), 0);
        int type = r.u16("EtherType");
        Optional<VlanTag> vlan = Optional.empty();
        if (type == EthernetFrame.ETHERTYPE_VLAN) {
            int tci = r.u16("VLAN TCI");
            vlan = Optional.of(new VlanTag(tci >>> 13, (tci >>> 12 & 1) == 1, tci & 0xfff));
            type = r.u16("EtherType after the VLAN tag");
        }
        if (type < EthernetFrame.MIN_ETHERTYPE) {
            throw new PacketException.Unsupported(Protocol.ETHERNET, "the type field holds " + type
                    + ", an IEEE 802.3 length, not an EtherType (only Ethernet II frames are read)");
        }
        return new EthernetFrame(destination, source, vlan, type, r.rest());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse an Ethernet II frame");
    }

    /**
     * A Linux cooked header (16 bytes, see {@link LinuxCookedHeader}) and its payload.
     *
     * @throws PacketException.Truncated fewer than 16 bytes
     */
    public static LinuxCookedHeader linuxCooked(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        ByteReader r = ByteReader.of(Protocol.LINUX_SLL, data, offset, length);
        int packetType = r.u16("packet type");
        int addressType = r.u16("address type");
        int addressLength = r.u16("address length");
        byte[] address = r.bytes("address", LinuxCookedHeader.ADDRESS_FIELD_LENGTH);
        int protocol = r.u16("protocol");
        return new LinuxCookedHeader(packetType, addressType,
                Arrays.copyOf(address, Math.min(addressLength, LinuxCookedHeader.ADDRESS_FIELD_LENGTH)), protocol,
                r.rest());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse a Linux cooked header");
    }

    /** An IPv4 packet, strictly; see {@link #ipv4(byte[], int, int, ParseMode)}. */
    public static Ipv4Packet ipv4(byte[] data) {
        return ipv4(data, 0, data.length, ParseMode.STRICT);
    }

    /**
     * An IPv4 packet. The checks, in this order:
     * <ol>
     *   <li>the version is 4, else {@link PacketException.WrongVersion};</li>
     *   <li>IHL * 4 is at least 20, else {@link PacketException.HeaderTooShort} (field "IHL");</li>
     *   <li>the whole header (IHL * 4 bytes) is there, else {@link PacketException.Truncated};</li>
     *   <li>the total length is at least the header length, else {@link PacketException.HeaderTooShort}
     *       (field "total length");</li>
     *   <li>STRICT only: the header checksum verifies, else {@link PacketException.BadChecksum};</li>
     *   <li>STRICT only: all total length bytes are there, else {@link PacketException.Truncated}.
     *       In CAPTURE mode the payload is whatever was captured, up to the total length.</li>
     * </ol>
     * Bytes after the total length (Ethernet padding) are not part of the packet.
     */
    public static Ipv4Packet ipv4(byte[] data, int offset, int length, ParseMode mode) {
        // BEGIN SOLUTION
        ByteReader r = ByteReader.of(Protocol.IPV4, data, offset, length);
        int versionAndIhl = r.u8("version and IHL");
        int version = versionAndIhl >>> 4;
        if (version != Ipv4Packet.VERSION) {
            throw new PacketException.WrongVersion(Protocol.IPV4, version, Ipv4Packet.VERSION);
        }
        int headerLength = (versionAndIhl & 0x0f) * 4;
        if (headerLength < Ipv4Packet.MIN_HEADER_LENGTH) {
            throw new PacketException.HeaderTooShort(Protocol.IPV4, "IHL", headerLength, Ipv4Packet.MIN_HEADER_LENGTH);
        }
        if (length < headerLength) {
            throw new PacketException.Truncated(Protocol.IPV4, "header", 0, headerLength, length);
        }
        int typeOfService = r.u8("DSCP and ECN");
        int totalLength = r.u16("total length");
        int identification = r.u16("identification");
        int flagsAndOffset = r.u16("flags and fragment offset");
        int ttl = r.u8("TTL");
        int protocol = r.u8("protocol");
        int checksum = r.u16("header checksum");
        Ipv4Address source = Ipv4Address.of(r.bytes("source address", Ipv4Address.LENGTH), 0);
        Ipv4Address destination = Ipv4Address.of(r.bytes("destination address", Ipv4Address.LENGTH), 0);
        byte[] options = r.bytes("options", headerLength - Ipv4Packet.MIN_HEADER_LENGTH);
        if (totalLength < headerLength) {
            throw new PacketException.HeaderTooShort(Protocol.IPV4, "total length", totalLength, headerLength);
        }
        if (mode == ParseMode.STRICT
                && InternetChecksum.verifyIpv4Header(data, offset, headerLength) != ChecksumStatus.GOOD) {
            throw new PacketException.BadChecksum(Protocol.IPV4, checksum,
                    InternetChecksum.ipv4Header(data, offset, headerLength));
        }
        int dataLength = totalLength - headerLength;
        if (mode == ParseMode.STRICT && r.remaining() < dataLength) {
            throw new PacketException.Truncated(Protocol.IPV4, "data", headerLength, dataLength, r.remaining());
        }
        byte[] payload = r.bytes("data", Math.min(dataLength, r.remaining()));
        return new Ipv4Packet(typeOfService >>> 2, typeOfService & 3, totalLength, identification,
                flagsAndOffset >>> 13, flagsAndOffset & 0x1fff, ttl, protocol, checksum, source, destination,
                options, payload);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse an IPv4 packet");
    }

    /** A UDP datagram, strictly; see {@link #udp(byte[], int, int, ParseMode)}. */
    public static UdpDatagram udp(byte[] data) {
        return udp(data, 0, data.length, ParseMode.STRICT);
    }

    /**
     * A UDP datagram: the 8-byte header must be there ({@link PacketException.Truncated}), the length
     * field must be at least 8 ({@link PacketException.HeaderTooShort}, field "length"), and in STRICT mode
     * all length - 8 data bytes must be there ({@link PacketException.Truncated}). Bytes beyond the length
     * field are not part of the datagram. The checksum is not checked here: it needs the IPv4 addresses
     * (see {@link #frame} and {@link InternetChecksum#verifyUdp}).
     */
    public static UdpDatagram udp(byte[] data, int offset, int length, ParseMode mode) {
        // BEGIN SOLUTION
        ByteReader r = ByteReader.of(Protocol.UDP, data, offset, length);
        int sourcePort = r.u16("source port");
        int destinationPort = r.u16("destination port");
        int udpLength = r.u16("length");
        int checksum = r.u16("checksum");
        if (udpLength < UdpDatagram.HEADER_LENGTH) {
            throw new PacketException.HeaderTooShort(Protocol.UDP, "length", udpLength, UdpDatagram.HEADER_LENGTH);
        }
        int dataLength = udpLength - UdpDatagram.HEADER_LENGTH;
        if (mode == ParseMode.STRICT && r.remaining() < dataLength) {
            throw new PacketException.Truncated(Protocol.UDP, "data", UdpDatagram.HEADER_LENGTH, dataLength,
                    r.remaining());
        }
        byte[] payload = r.bytes("data", Math.min(dataLength, r.remaining()));
        return new UdpDatagram(sourcePort, destinationPort, udpLength, checksum, payload);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse a UDP datagram");
    }

    /** A TCP segment; see {@link #tcp(byte[], int, int)}. */
    public static TcpSegment tcp(byte[] data) {
        return tcp(data, 0, data.length);
    }

    /**
     * A TCP segment: the 20-byte fixed header must be there ({@link PacketException.Truncated}), the data
     * offset must be at least 5 words ({@link PacketException.HeaderTooShort}, field "data offset"), the
     * options it announces must be there ({@link PacketException.Truncated}) and well formed
     * ({@link #tcpOptions}). Everything after the header is the data: TCP has no length field, IPv4's
     * total length says where the segment ends. The checksum is not checked here (see {@link #frame}).
     */
    public static TcpSegment tcp(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        ByteReader r = ByteReader.of(Protocol.TCP, data, offset, length);
        int sourcePort = r.u16("source port");
        int destinationPort = r.u16("destination port");
        long sequence = r.u32("sequence number");
        long acknowledgement = r.u32("acknowledgement number");
        int offsetAndFlags = r.u16("data offset and flags");
        int window = r.u16("window");
        int checksum = r.u16("checksum");
        int urgent = r.u16("urgent pointer");
        int headerLength = (offsetAndFlags >>> 12) * 4;
        if (headerLength < TcpSegment.MIN_HEADER_LENGTH) {
            throw new PacketException.HeaderTooShort(Protocol.TCP, "data offset", headerLength,
                    TcpSegment.MIN_HEADER_LENGTH);
        }
        int optionsLength = headerLength - TcpSegment.MIN_HEADER_LENGTH;
        if (r.remaining() < optionsLength) {
            throw new PacketException.Truncated(Protocol.TCP, "options", TcpSegment.MIN_HEADER_LENGTH, optionsLength,
                    r.remaining());
        }
        List<TcpOption> options = tcpOptions(data, offset + TcpSegment.MIN_HEADER_LENGTH, optionsLength);
        r.skip("options", optionsLength);
        return new TcpSegment(sourcePort, destinationPort, sequence, acknowledgement,
                new TcpFlags(offsetAndFlags & 0xfff), window, checksum, urgent, options, r.rest());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse a TCP segment");
    }

    /**
     * The TCP options in {@code length} bytes (the whole option area): kinds 0 and 1 are one byte each;
     * every other option has a length byte of at least 2 that must not run past the area, and MSS (4),
     * window scale (3), SACK permitted (2), timestamps (10) and SACK (2 + 8n, n = 1..4) must have
     * exactly their length, else {@link PacketException.Malformed} with the option's offset from the
     * start of the TCP header (the area starts at 20).
     */
    public static List<TcpOption> tcpOptions(byte[] data, int offset, int length) {
        // BEGIN SOLUTION
        List<TcpOption> options = new ArrayList<>();
        int i = 0;
        while (i < length) {
            int at = TcpSegment.MIN_HEADER_LENGTH + i;
            int kind = data[offset + i] & 0xff;
            if (kind == TcpOption.KIND_END) {
                options.add(new TcpOption.EndOfOptionList());
                i++;
                continue;
            }
            if (kind == TcpOption.KIND_NOP) {
                options.add(new TcpOption.NoOperation());
                i++;
                continue;
            }
            if (i + 1 >= length) {
                throw new PacketException.Malformed(Protocol.TCP, "option " + kind, at,
                        "its length byte is past the end of the options");
            }
            int optionLength = data[offset + i + 1] & 0xff;
            if (optionLength < 2 || i + optionLength > length) {
                throw new PacketException.Malformed(Protocol.TCP, "option " + kind, at, "length " + optionLength
                        + (optionLength < 2 ? " is less than 2" : " runs past the end of the options ("
                        + (length - i) + " bytes left)"));
            }
            int body = offset + i + 2;
            options.add(switch (kind) {
                case TcpOption.KIND_MSS -> {
                    expectLength(kind, at, optionLength, 4);
                    yield new TcpOption.MaximumSegmentSize(Unsigned.u16(data, body));
                }
                case TcpOption.KIND_WINDOW_SCALE -> {
                    expectLength(kind, at, optionLength, 3);
                    yield new TcpOption.WindowScale(data[body] & 0xff);
                }
                case TcpOption.KIND_SACK_PERMITTED -> {
                    expectLength(kind, at, optionLength, 2);
                    yield new TcpOption.SackPermitted();
                }
                case TcpOption.KIND_TIMESTAMPS -> {
                    expectLength(kind, at, optionLength, 10);
                    yield new TcpOption.Timestamps(Unsigned.u32(data, body), Unsigned.u32(data, body + 4));
                }
                case TcpOption.KIND_SACK -> {
                    int blocks = (optionLength - 2) / 8;
                    if ((optionLength - 2) % 8 != 0 || blocks < 1 || blocks > TcpOption.MAX_SACK_BLOCKS) {
                        throw new PacketException.Malformed(Protocol.TCP, "option 5 (SACK)", at, "length "
                                + optionLength + " is not 2 + 8 per block for 1 to 4 blocks");
                    }
                    List<TcpOption.SackBlock> list = new ArrayList<>();
                    for (int b = 0; b < blocks; b++) {
                        list.add(new TcpOption.SackBlock(Unsigned.u32(data, body + 8 * b),
                                Unsigned.u32(data, body + 8 * b + 4)));
                    }
                    yield new TcpOption.Sack(list);
                }
                default -> new TcpOption.Unknown(kind, Arrays.copyOfRange(data, body, offset + i + optionLength));
            });
            i += optionLength;
        }
        return options;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse TCP options");
    }
    // BEGIN SOLUTION

    private static void expectLength(int kind, int at, int length, int expected) {
        if (length != expected) {
            throw new PacketException.Malformed(Protocol.TCP, "option " + kind, at, "length " + length
                    + ", but this option is always " + expected + " bytes");
        }
    }
    // END SOLUTION

    /**
     * A whole captured frame, layer by layer: the link layer as {@code linkType} says
     * ({@link PcapHeader#LINKTYPE_ETHERNET} or {@link PcapHeader#LINKTYPE_LINUX_SLL}; others are
     * {@link PacketException.Unsupported} with protocol {@link Protocol#FRAME}); IPv4 when the EtherType
     * is 0x0800; UDP (17) or TCP (6) when IPv4 carries one and the packet is not a fragment. The
     * checksums are verified: in STRICT mode a bad one throws {@link PacketException.BadChecksum}, in
     * CAPTURE mode it is reported as {@link ChecksumStatus#BAD}. A UDP or TCP checksum is
     * {@link ChecksumStatus#UNVERIFIED} when the capture cut the segment short, and a UDP checksum field
     * of 0 is {@link ChecksumStatus#NONE}.
     *
     * <p>STRICT mode throws the first problem. CAPTURE mode never throws a {@link PacketException}: it
     * returns the layers that parsed, and the problem that stopped it.
     */
    public static DecodedFrame frame(byte[] frame, int linkType, ParseMode mode) {
        // BEGIN SOLUTION
        Optional<LinkLayer> link = Optional.empty();
        Optional<Ipv4Packet> ipv4 = Optional.empty();
        ChecksumStatus ipv4Checksum = ChecksumStatus.UNVERIFIED;
        Optional<TransportSegment> transport = Optional.empty();
        ChecksumStatus transportChecksum = ChecksumStatus.UNVERIFIED;
        try {
            LinkLayer l = switch (linkType) {
                case PcapHeader.LINKTYPE_ETHERNET -> ethernet(frame, 0, frame.length);
                case PcapHeader.LINKTYPE_LINUX_SLL -> linuxCooked(frame, 0, frame.length);
                default -> throw new PacketException.Unsupported(Protocol.FRAME, "pcap link type " + linkType
                        + " (read are 1, Ethernet, and 113, Linux cooked)");
            };
            link = Optional.of(l);
            if (l.etherType() == EthernetFrame.ETHERTYPE_IPV4) {
                byte[] ipBytes = l.payload();
                Ipv4Packet ip = ipv4(ipBytes, 0, ipBytes.length, mode);
                ipv4 = Optional.of(ip);
                ipv4Checksum = InternetChecksum.verifyIpv4Header(ipBytes, 0, ip.headerLength());
                if (!ip.isFragment()) {
                    byte[] segment = ip.payload();
                    if (ip.protocol() == Ipv4Packet.PROTOCOL_UDP) {
                        UdpDatagram udp = udp(segment, 0, segment.length, mode);
                        transport = Optional.of(udp);
                        boolean whole = !ip.truncated() && segment.length >= udp.length();
                        transportChecksum = whole ? InternetChecksum.verifyUdp(ip.source(), ip.destination(), segment,
                                0, udp.length()) : ChecksumStatus.UNVERIFIED;
                        if (mode == ParseMode.STRICT && transportChecksum == ChecksumStatus.BAD) {
                            throw new PacketException.BadChecksum(Protocol.UDP, udp.checksum(),
                                    InternetChecksum.udp(ip.source(), ip.destination(), segment, 0, udp.length()));
                        }
                    } else if (ip.protocol() == Ipv4Packet.PROTOCOL_TCP) {
                        TcpSegment tcp = tcp(segment, 0, segment.length);
                        transport = Optional.of(tcp);
                        transportChecksum = ip.truncated() ? ChecksumStatus.UNVERIFIED
                                : InternetChecksum.verifyTcp(ip.source(), ip.destination(), segment, 0, segment.length);
                        if (mode == ParseMode.STRICT && transportChecksum == ChecksumStatus.BAD) {
                            throw new PacketException.BadChecksum(Protocol.TCP, tcp.checksum(),
                                    InternetChecksum.tcp(ip.source(), ip.destination(), segment, 0, segment.length));
                        }
                    }
                }
            }
            return new DecodedFrame(linkType, link, ipv4, ipv4Checksum, transport, transportChecksum,
                    Optional.empty());
        } catch (PacketException e) {
            if (mode == ParseMode.STRICT) {
                throw e;
            }
            return new DecodedFrame(linkType, link, ipv4, ipv4Checksum, transport, transportChecksum, Optional.of(e));
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.4): parse a whole frame");
    }
}
