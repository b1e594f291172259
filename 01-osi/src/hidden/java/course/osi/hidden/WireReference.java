package course.osi.hidden;

import course.osi.EthernetFrame;
import course.osi.Ipv4Packet;
import course.osi.TcpOption;
import course.osi.TcpSegment;
import course.osi.UdpDatagram;
import course.osi.VlanTag;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** An independent encoder of the records, field by field with a ByteBuffer, for comparison. */
final class WireReference {
    private WireReference() {
    }

    static byte[] ethernet(EthernetFrame f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(f.destination().bytes());
        out.writeBytes(f.source().bytes());
        if (f.vlan().isPresent()) {
            VlanTag t = f.vlan().get();
            out.writeBytes(ByteBuffer.allocate(4).putShort((short) 0x8100)
                    .putShort((short) (t.priority() << 13 | (t.dropEligible() ? 0x1000 : 0) | t.vlanId())).array());
        }
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) f.etherType()).array());
        out.writeBytes(f.payload());
        return out.toByteArray();
    }

    static byte[] ipv4(Ipv4Packet p) {
        ByteBuffer b = ByteBuffer.allocate(p.headerLength() + p.payload().length);
        b.put((byte) (0x40 | p.headerLength() / 4)).put((byte) (p.dscp() << 2 | p.ecn()))
                .putShort((short) p.totalLength()).putShort((short) p.identification())
                .putShort((short) (p.flags() << 13 | p.fragmentOffset())).put((byte) p.ttl()).put((byte) p.protocol())
                .putShort((short) p.headerChecksum()).putInt(p.source().value()).putInt(p.destination().value())
                .put(p.options()).put(p.payload());
        return b.array();
    }

    static byte[] udp(UdpDatagram d) {
        return ByteBuffer.allocate(8 + d.payload().length).putShort((short) d.sourcePort())
                .putShort((short) d.destinationPort()).putShort((short) d.length()).putShort((short) d.checksum())
                .put(d.payload()).array();
    }

    static byte[] tcp(TcpSegment s) {
        ByteBuffer options = ByteBuffer.allocate(40);
        for (TcpOption o : s.options()) {
            options.put((byte) o.kind());
            if (o.length() > 1) {
                options.put((byte) o.length());
            }
            if (o instanceof TcpOption.MaximumSegmentSize m) {
                options.putShort((short) m.mss());
            } else if (o instanceof TcpOption.WindowScale w) {
                options.put((byte) w.shift());
            } else if (o instanceof TcpOption.Timestamps t) {
                options.putInt((int) t.value()).putInt((int) t.echoReply());
            } else if (o instanceof TcpOption.Sack sack) {
                sack.blocks().forEach(block -> options.putInt((int) block.left()).putInt((int) block.right()));
            } else if (o instanceof TcpOption.Unknown u) {
                options.put(u.data());
            }
        }
        int optionLength = (options.position() + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(20 + optionLength + s.payload().length);
        b.putShort((short) s.sourcePort()).putShort((short) s.destinationPort()).putInt((int) s.sequenceNumber())
                .putInt((int) s.acknowledgementNumber())
                .putShort((short) ((20 + optionLength) / 4 << 12 | s.flags().bits())).putShort((short) s.window())
                .putShort((short) s.checksum()).putShort((short) s.urgentPointer())
                .put(options.array(), 0, optionLength).put(s.payload());
        return b.array();
    }
}
