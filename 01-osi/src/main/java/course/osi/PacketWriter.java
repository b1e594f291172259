package course.osi;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes records back to bytes exactly as they are: every field, lengths and checksums included,
 * goes out as the record holds it, so a parsed packet written back gives the captured bytes, and a
 * test can write a deliberately wrong length or checksum. {@link PacketBuilder} computes the
 * lengths and checksums of a packet before it is written.
 */
public final class PacketWriter {
    private PacketWriter() {
    }

    /** Destination, source, the VLAN tag if there is one (0x8100 and the TCI), the EtherType, the payload. */
    public static byte[] ethernet(EthernetFrame frame) {
        // BEGIN SOLUTION
        byte[] payload = frame.payload();
        byte[] out = new byte[frame.headerLength() + payload.length];
        System.arraycopy(frame.destination().bytes(), 0, out, 0, MacAddress.LENGTH);
        System.arraycopy(frame.source().bytes(), 0, out, MacAddress.LENGTH, MacAddress.LENGTH);
        int at = 2 * MacAddress.LENGTH;
        if (frame.vlan().isPresent()) {
            VlanTag tag = frame.vlan().get();
            Unsigned.putU16(out, at, EthernetFrame.ETHERTYPE_VLAN);
            Unsigned.putU16(out, at + 2, tag.priority() << 13 | (tag.dropEligible() ? 1 << 12 : 0) | tag.vlanId());
            at += EthernetFrame.VLAN_TAG_LENGTH;
        }
        Unsigned.putU16(out, at, frame.etherType());
        System.arraycopy(payload, 0, out, at + 2, payload.length);
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): write an Ethernet II frame");
    }

    /** The 20-byte header (version 4, IHL from the options), the options, then the payload. */
    public static byte[] ipv4(Ipv4Packet p) {
        // BEGIN SOLUTION
        byte[] options = p.options();
        byte[] payload = p.payload();
        int headerLength = p.headerLength();
        byte[] out = new byte[headerLength + payload.length];
        Unsigned.putU8(out, 0, Ipv4Packet.VERSION << 4 | headerLength / 4);
        Unsigned.putU8(out, 1, p.dscp() << 2 | p.ecn());
        Unsigned.putU16(out, 2, p.totalLength());
        Unsigned.putU16(out, 4, p.identification());
        Unsigned.putU16(out, 6, p.flags() << 13 | p.fragmentOffset());
        Unsigned.putU8(out, 8, p.ttl());
        Unsigned.putU8(out, 9, p.protocol());
        Unsigned.putU16(out, 10, p.headerChecksum());
        System.arraycopy(p.source().bytes(), 0, out, 12, Ipv4Address.LENGTH);
        System.arraycopy(p.destination().bytes(), 0, out, 16, Ipv4Address.LENGTH);
        System.arraycopy(options, 0, out, Ipv4Packet.MIN_HEADER_LENGTH, options.length);
        System.arraycopy(payload, 0, out, headerLength, payload.length);
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): write an IPv4 packet");
    }

    /** Source port, destination port, length, checksum, then the payload. */
    public static byte[] udp(UdpDatagram d) {
        // BEGIN SOLUTION
        byte[] payload = d.payload();
        byte[] out = new byte[UdpDatagram.HEADER_LENGTH + payload.length];
        Unsigned.putU16(out, 0, d.sourcePort());
        Unsigned.putU16(out, 2, d.destinationPort());
        Unsigned.putU16(out, 4, d.length());
        Unsigned.putU16(out, 6, d.checksum());
        System.arraycopy(payload, 0, out, UdpDatagram.HEADER_LENGTH, payload.length);
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): write a UDP datagram");
    }

    /** The 20-byte header (data offset from the options), the options padded with zeros, then the payload. */
    public static byte[] tcp(TcpSegment s) {
        // BEGIN SOLUTION
        byte[] options = tcpOptions(s.options());
        byte[] payload = s.payload();
        int headerLength = TcpSegment.MIN_HEADER_LENGTH + options.length;
        byte[] out = new byte[headerLength + payload.length];
        Unsigned.putU16(out, 0, s.sourcePort());
        Unsigned.putU16(out, 2, s.destinationPort());
        Unsigned.putU32(out, 4, s.sequenceNumber());
        Unsigned.putU32(out, 8, s.acknowledgementNumber());
        Unsigned.putU16(out, 12, headerLength / 4 << 12 | s.flags().bits());
        Unsigned.putU16(out, 14, s.window());
        Unsigned.putU16(out, 16, s.checksum());
        Unsigned.putU16(out, 18, s.urgentPointer());
        System.arraycopy(options, 0, out, TcpSegment.MIN_HEADER_LENGTH, options.length);
        System.arraycopy(payload, 0, out, headerLength, payload.length);
        return out;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): write a TCP segment");
    }

    /** The options in order, then zero bytes up to the next multiple of 4. */
    public static byte[] tcpOptions(List<TcpOption> options) {
        // BEGIN SOLUTION
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TcpOption o : options) {
            out.write(o.kind());
            switch (o) {
                case TcpOption.EndOfOptionList e -> {
                }
                case TcpOption.NoOperation n -> {
                }
                case TcpOption.MaximumSegmentSize m -> {
                    out.write(o.length());
                    out.write(m.mss() >>> 8);
                    out.write(m.mss());
                }
                case TcpOption.WindowScale w -> {
                    out.write(o.length());
                    out.write(w.shift());
                }
                case TcpOption.SackPermitted p -> out.write(o.length());
                case TcpOption.Sack sack -> {
                    out.write(o.length());
                    for (TcpOption.SackBlock b : sack.blocks()) {
                        writeU32(out, b.left());
                        writeU32(out, b.right());
                    }
                }
                case TcpOption.Timestamps t -> {
                    out.write(o.length());
                    writeU32(out, t.value());
                    writeU32(out, t.echoReply());
                }
                case TcpOption.Unknown u -> {
                    out.write(o.length());
                    out.writeBytes(u.data());
                }
            }
        }
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return out.toByteArray();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.5): write TCP options");
    }
    // BEGIN SOLUTION

    private static void writeU32(ByteArrayOutputStream out, long value) {
        byte[] b = new byte[4];
        Unsigned.putU32(b, 0, value);
        out.writeBytes(b);
    }
    // END SOLUTION
}
