package course.osi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One captured packet, taken apart: what {@link Dissector} found, and its two views, the one-line
 * {@link #summary()} and the layer-by-layer {@link #detail()}.
 *
 * @param number            1 for the first packet of the capture
 * @param relativeTimeNanos time since the first packet of the capture
 * @param capturedLength    bytes in the capture
 * @param originalLength    bytes on the wire
 * @param frame             the layers
 * @param httpStartLine     the HTTP request or status line the TCP data starts with, if any
 */
public record DissectedPacket(int number, long relativeTimeNanos, int capturedLength, int originalLength,
                              DecodedFrame frame, Optional<String> httpStartLine) {
    public DissectedPacket {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(httpStartLine, "httpStartLine");
    }

    /**
     * The name in the summary's protocol column: "HTTP" with a start line, else "TCP" or "UDP" with a
     * transport, else "ICMP" for IPv4 protocol 1 or "IPv4" for other IPv4 packets (fragments included),
     * else for other EtherTypes "ARP" (0x0806), "IPv6" (0x86DD) or the EtherType as "0x88cc"; "Frame"
     * when not even the link layer could be read.
     */
    public String protocolName() {
        // BEGIN SOLUTION
        if (httpStartLine.isPresent()) {
            return Protocol.HTTP.displayName();
        }
        if (frame.transport().isPresent()) {
            return frame.transport().get().protocol().displayName();
        }
        if (frame.ipv4().isPresent()) {
            Ipv4Packet ip = frame.ipv4().get();
            return ip.protocol() == Ipv4Packet.PROTOCOL_ICMP && !ip.isFragment() ? Protocol.ICMP.displayName()
                    : Protocol.IPV4.displayName();
        }
        if (frame.link().isPresent()) {
            return switch (frame.link().get().etherType()) {
                case EthernetFrame.ETHERTYPE_ARP -> "ARP";
                case EthernetFrame.ETHERTYPE_IPV6 -> "IPv6";
                default -> Hex.number(frame.link().get().etherType(), 4);
            };
        }
        return Protocol.FRAME.displayName();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): the protocol column");
    }

    /**
     * One line, fields separated by single spaces:
     * <pre>number time source → destination protocol length info[ notes]</pre>
     * <ul>
     *   <li>time: seconds since the first packet with exactly 6 decimals, cut (not rounded) to the
     *       microsecond: "0.015109";</li>
     *   <li>source and destination: "address:port" with UDP or TCP, the IPv4 address for other IPv4
     *       packets, the MAC addresses of an Ethernet frame otherwise, "-" where nothing is known;</li>
     *   <li>protocol: {@link #protocolName()}; length: the original length (bytes on the wire);</li>
     *   <li>info: HTTP: the start line; TCP: "[SYN, ACK] seq=S ack=A win=W len=L" (raw sequence
     *       numbers, L the TCP data length that the IPv4 total length gives); UDP: "len=L" (the length
     *       field minus 8); ICMP: "type=T code=C"; an IPv4 fragment: "fragment id=0xhhhh offset=O"
     *       (O in bytes) followed by " MF" when more fragments follow; other IPv4: "protocol=P"; other
     *       EtherTypes: "ethertype=0xhhhh"; nothing read: "-";</li>
     *   <li>notes, each after a space, in this order when they apply: "[bad IPv4 checksum]",
     *       "[bad TCP checksum]" or "[bad UDP checksum]", "[captured C of O bytes]",
     *       "[malformed: message of the problem]".</li>
     * </ul>
     * For example:
     * <pre>4 0.001728 127.0.0.1:36094 → 127.0.0.1:8088 HTTP 159 GET /hello HTTP/1.1 [bad TCP checksum]</pre>
     */
    public String summary() {
        // BEGIN SOLUTION
        StringBuilder line = new StringBuilder();
        line.append(number).append(' ').append(time()).append(' ').append(endpoint(true)).append(" → ")
                .append(endpoint(false)).append(' ').append(protocolName()).append(' ').append(originalLength)
                .append(' ').append(info());
        if (frame.ipv4Checksum() == ChecksumStatus.BAD) {
            line.append(" [bad IPv4 checksum]");
        }
        if (frame.transportChecksum() == ChecksumStatus.BAD) {
            line.append(" [bad ").append(frame.transport().orElseThrow().protocol().displayName()).append(" checksum]");
        }
        if (capturedLength < originalLength) {
            line.append(" [captured ").append(capturedLength).append(" of ").append(originalLength).append(" bytes]");
        }
        frame.problem().ifPresent(p -> line.append(" [malformed: ").append(p.getMessage()).append(']'));
        return line.toString();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): the summary line");
    }

    /**
     * The packet layer by layer, one line per layer, each starting with the layer's name and a colon:
     * <pre>
     * Frame 4: 159 bytes on the wire, 159 bytes captured, time 0.001728 s
     * Ethernet II: 00:00:00:00:00:00 → 00:00:00:00:00:00, type 0x0800
     * IPv4: 127.0.0.1 → 127.0.0.1, header 20 bytes, total length 145, dscp 0, ecn 0, id 0xd08a, flags [DF],
     *       fragment offset 0, ttl 64, protocol 6, checksum 0x6bda (good)
     * TCP: 36094 → 8088, seq 443688040, ack 1921182888, header 32 bytes, flags [PSH, ACK], window 64,
     *       checksum 0xfe85 (bad), urgent 0, options [NOP, NOP, TS 2882171235 3606943639]
     * HTTP: GET /hello HTTP/1.1
     * Data: 93 bytes
     * </pre>
     * (the IPv4 and TCP lines are one line each). Variants: an Ethernet line has ", VLAN V priority P"
     * before ", type" when tagged; "Linux cooked: packet type 0, address type 772, address 000000000000, type 0x0800";
     * "UDP: 40454 → 5005, length 12, checksum 0xfe1f (bad)"; "ICMP: type 3, code 3"; IPv4 options as
     * ", options HEX" after the checksum. Checksum statuses are the {@link ChecksumStatus} names in lower
     * case. TCP options: EOL, NOP, "MSS n", "WS n", SACK_PERM, "SACK l-r l-r", "TS value echo",
     * "kind k len n". "Data: N bytes" (the captured data above the last layer read) appears when N &gt; 0;
     * a last line "Malformed: message" when parsing stopped on a problem.
     */
    public String detail() {
        // BEGIN SOLUTION
        List<String> lines = new ArrayList<>();
        lines.add("Frame " + number + ": " + originalLength + " bytes on the wire, " + capturedLength
                + " bytes captured, time " + time() + " s");
        byte[] data = new byte[0];
        if (frame.link().isPresent()) {
            LinkLayer link = frame.link().get();
            switch (link) {
                case EthernetFrame e -> lines.add("Ethernet II: " + e.source() + " → " + e.destination()
                        + e.vlan().map(v -> ", VLAN " + v.vlanId() + " priority " + v.priority()).orElse("")
                        + ", type " + Hex.number(e.etherType(), 4));
                case LinuxCookedHeader s -> lines.add("Linux cooked: packet type " + s.packetType() + ", address type "
                        + s.addressType() + ", address " + Hex.brief(s.address()) + ", type "
                        + Hex.number(s.etherType(), 4));
            }
            data = link.payload();
        }
        if (frame.ipv4().isPresent()) {
            Ipv4Packet ip = frame.ipv4().get();
            List<String> flags = new ArrayList<>();
            if ((ip.flags() & Ipv4Packet.FLAG_RESERVED) != 0) {
                flags.add("RES");
            }
            if (ip.dontFragment()) {
                flags.add("DF");
            }
            if (ip.moreFragments()) {
                flags.add("MF");
            }
            lines.add("IPv4: " + ip.source() + " → " + ip.destination() + ", header " + ip.headerLength()
                    + " bytes, total length " + ip.totalLength() + ", dscp " + ip.dscp() + ", ecn " + ip.ecn() + ", id "
                    + Hex.number(ip.identification(), 4) + ", flags " + flags + ", fragment offset "
                    + ip.fragmentOffset() + ", ttl " + ip.ttl() + ", protocol " + ip.protocol() + ", checksum "
                    + Hex.number(ip.headerChecksum(), 4) + " (" + status(frame.ipv4Checksum()) + ")"
                    + (ip.options().length > 0 ? ", options " + Hex.brief(ip.options()) : ""));
            data = ip.payload();
            if (ip.protocol() == Ipv4Packet.PROTOCOL_ICMP && !ip.isFragment() && data.length >= 2) {
                lines.add("ICMP: type " + (data[0] & 0xff) + ", code " + (data[1] & 0xff));
                data = new byte[0];
            }
        }
        if (frame.transport().isPresent()) {
            TransportSegment t = frame.transport().get();
            switch (t) {
                case UdpDatagram u -> lines.add("UDP: " + u.sourcePort() + " → " + u.destinationPort() + ", length "
                        + u.length() + ", checksum " + Hex.number(u.checksum(), 4) + " ("
                        + status(frame.transportChecksum()) + ")");
                case TcpSegment s -> lines.add("TCP: " + s.sourcePort() + " → " + s.destinationPort() + ", seq "
                        + s.sequenceNumber() + ", ack " + s.acknowledgementNumber() + ", header " + s.headerLength()
                        + " bytes, flags " + s.flags() + ", window " + s.window() + ", checksum "
                        + Hex.number(s.checksum(), 4) + " (" + status(frame.transportChecksum()) + "), urgent "
                        + s.urgentPointer() + ", options " + options(s.options()));
            }
            data = t.payload();
        }
        httpStartLine.ifPresent(line -> lines.add("HTTP: " + line));
        if (data.length > 0) {
            lines.add("Data: " + data.length + " bytes");
        }
        frame.problem().ifPresent(p -> lines.add("Malformed: " + p.getMessage()));
        return String.join("\n", lines);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.6): the detail view");
    }
    // BEGIN SOLUTION

    private String time() {
        long micros = Math.abs(relativeTimeNanos) / 1_000;
        return (relativeTimeNanos < 0 ? "-" : "") + micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private String endpoint(boolean source) {
        if (frame.ipv4().isPresent()) {
            Ipv4Packet ip = frame.ipv4().get();
            String address = (source ? ip.source() : ip.destination()).toString();
            return frame.transport()
                    .map(t -> address + ":" + (source ? t.sourcePort() : t.destinationPort()))
                    .orElse(address);
        }
        if (frame.link().isPresent() && frame.link().get() instanceof EthernetFrame e) {
            return (source ? e.source() : e.destination()).toString();
        }
        return "-";
    }

    private String info() {
        if (httpStartLine.isPresent()) {
            return httpStartLine.get();
        }
        if (frame.transport().isPresent()) {
            Ipv4Packet ip = frame.ipv4().orElseThrow();
            return switch (frame.transport().get()) {
                case TcpSegment t -> t.flags() + " seq=" + t.sequenceNumber() + " ack=" + t.acknowledgementNumber()
                        + " win=" + t.window() + " len=" + (ip.totalLength() - ip.headerLength() - t.headerLength());
                case UdpDatagram u -> "len=" + (u.length() - UdpDatagram.HEADER_LENGTH);
            };
        }
        if (frame.ipv4().isPresent()) {
            Ipv4Packet ip = frame.ipv4().get();
            byte[] payload = ip.payload();
            if (ip.isFragment()) {
                return "fragment id=" + Hex.number(ip.identification(), 4) + " offset=" + ip.fragmentOffset() * 8
                        + (ip.moreFragments() ? " MF" : "");
            }
            if (ip.protocol() == Ipv4Packet.PROTOCOL_ICMP && payload.length >= 2) {
                return "type=" + (payload[0] & 0xff) + " code=" + (payload[1] & 0xff);
            }
            return "protocol=" + ip.protocol();
        }
        if (frame.link().isPresent()) {
            return "ethertype=" + Hex.number(frame.link().get().etherType(), 4);
        }
        return "-";
    }

    private static String status(ChecksumStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String options(List<TcpOption> options) {
        List<String> out = new ArrayList<>();
        for (TcpOption o : options) {
            out.add(switch (o) {
                case TcpOption.EndOfOptionList e -> "EOL";
                case TcpOption.NoOperation n -> "NOP";
                case TcpOption.MaximumSegmentSize m -> "MSS " + m.mss();
                case TcpOption.WindowScale w -> "WS " + w.shift();
                case TcpOption.SackPermitted p -> "SACK_PERM";
                case TcpOption.Sack s -> "SACK " + String.join(" ",
                        s.blocks().stream().map(b -> b.left() + "-" + b.right()).toList());
                case TcpOption.Timestamps t -> "TS " + t.value() + " " + t.echoReply();
                case TcpOption.Unknown u -> "kind " + u.kind() + " len " + u.length();
            });
        }
        return out.toString();
    }
    // END SOLUTION
}
