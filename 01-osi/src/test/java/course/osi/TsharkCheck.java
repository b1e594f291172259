package course.osi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares what the exercise's code found in a packet with what Wireshark found, field by field,
 * and lists every difference as "field: Wireshark says X, the code says Y".
 */
public final class TsharkCheck {
    /** Differences listed in one failure message before the rest is summarised. */
    public static final int MAX_LISTED = 12;

    private TsharkCheck() {
    }

    /** The link, IPv4, UDP and TCP fields of a frame parsed by {@link PacketParser#frame}. */
    public static List<String> frameDifferences(DecodedFrame ours, JsonNode layers) {
        List<String> d = new ArrayList<>();
        if (Tshark.has(layers, "eth")) {
            if (!(ours.link().orElse(null) instanceof EthernetFrame e)) {
                d.add("link layer: Wireshark read Ethernet II, the code found " + ours.link());
            } else {
                same(d, "eth.dst", Tshark.require(layers, "eth", "eth.dst"), e.destination().toString());
                same(d, "eth.src", Tshark.require(layers, "eth", "eth.src"), e.source().toString());
                same(d, "eth.type", Tshark.number(layers, "eth", "eth.type"), e.etherType());
            }
        }
        if (Tshark.has(layers, "sll")) {
            if (!(ours.link().orElse(null) instanceof LinuxCookedHeader s)) {
                d.add("link layer: Wireshark read a Linux cooked header, the code found " + ours.link());
            } else {
                same(d, "sll.pkttype", Tshark.number(layers, "sll", "sll.pkttype"), s.packetType());
                same(d, "sll.hatype", Tshark.number(layers, "sll", "sll.hatype"), s.addressType());
                same(d, "sll.etype", Tshark.number(layers, "sll", "sll.etype"), s.etherType());
            }
        }
        boolean ip = Tshark.has(layers, "ip");
        if (ip != ours.ipv4().isPresent()) {
            d.add("ip: Wireshark " + (ip ? "found" : "found no") + " IPv4 layer, the code " + (ip ? "found none" : "found "
                    + ours.ipv4().get()));
        } else if (ip) {
            Ipv4Packet p = ours.ipv4().get();
            same(d, "ip.hdr_len", Tshark.number(layers, "ip", "ip.hdr_len"), p.headerLength());
            same(d, "ip.dsfield.dscp", Tshark.number(layers, "ip", "ip.dsfield.dscp"), p.dscp());
            same(d, "ip.dsfield.ecn", Tshark.number(layers, "ip", "ip.dsfield.ecn"), p.ecn());
            same(d, "ip.len", Tshark.number(layers, "ip", "ip.len"), p.totalLength());
            same(d, "ip.id", Tshark.number(layers, "ip", "ip.id"), p.identification());
            same(d, "ip.flags.df", Tshark.number(layers, "ip", "ip.flags.df") == 1, p.dontFragment());
            same(d, "ip.flags.mf", Tshark.number(layers, "ip", "ip.flags.mf") == 1, p.moreFragments());
            // Wireshark shows the fragment offset in bytes; the header counts units of 8 bytes.
            same(d, "ip.frag_offset (bytes)", Tshark.number(layers, "ip", "ip.frag_offset"), p.fragmentOffset() * 8L);
            same(d, "ip.ttl", Tshark.number(layers, "ip", "ip.ttl"), p.ttl());
            same(d, "ip.proto", Tshark.number(layers, "ip", "ip.proto"), p.protocol());
            same(d, "ip.checksum", Tshark.number(layers, "ip", "ip.checksum"), p.headerChecksum());
            same(d, "ip.checksum.status", Tshark.require(layers, "ip", "ip.checksum.status"),
                    Tshark.status(ours.ipv4Checksum()));
            same(d, "ip.src", Tshark.require(layers, "ip", "ip.src"), p.source().toString());
            same(d, "ip.dst", Tshark.require(layers, "ip", "ip.dst"), p.destination().toString());
        }
        boolean udp = Tshark.has(layers, "udp");
        if (udp != ours.transport().filter(t -> t instanceof UdpDatagram).isPresent()) {
            d.add("udp: Wireshark " + (udp ? "found" : "found no") + " UDP layer, the code found " + ours.transport());
        } else if (udp) {
            UdpDatagram u = (UdpDatagram) ours.transport().get();
            same(d, "udp.srcport", Tshark.number(layers, "udp", "udp.srcport"), u.sourcePort());
            same(d, "udp.dstport", Tshark.number(layers, "udp", "udp.dstport"), u.destinationPort());
            same(d, "udp.length", Tshark.number(layers, "udp", "udp.length"), u.length());
            same(d, "udp.checksum", Tshark.number(layers, "udp", "udp.checksum"), u.checksum());
            same(d, "udp.checksum.status", Tshark.require(layers, "udp", "udp.checksum.status"),
                    Tshark.status(ours.transportChecksum()));
        }
        boolean tcp = Tshark.has(layers, "tcp");
        if (tcp != ours.transport().filter(t -> t instanceof TcpSegment).isPresent()) {
            d.add("tcp: Wireshark " + (tcp ? "found" : "found no") + " TCP layer, the code found " + ours.transport());
        } else if (tcp) {
            TcpSegment t = (TcpSegment) ours.transport().get();
            Ipv4Packet p = ours.ipv4().orElseThrow();
            same(d, "tcp.srcport", Tshark.number(layers, "tcp", "tcp.srcport"), t.sourcePort());
            same(d, "tcp.dstport", Tshark.number(layers, "tcp", "tcp.dstport"), t.destinationPort());
            same(d, "tcp.seq_raw", Tshark.number(layers, "tcp", "tcp.seq_raw"), t.sequenceNumber());
            same(d, "tcp.ack_raw", Tshark.number(layers, "tcp", "tcp.ack_raw"), t.acknowledgementNumber());
            same(d, "tcp.hdr_len", Tshark.number(layers, "tcp", "tcp.hdr_len"), t.headerLength());
            same(d, "tcp.flags", Tshark.number(layers, "tcp", "tcp.flags"), t.flags().bits());
            same(d, "tcp.window_size_value", Tshark.number(layers, "tcp", "tcp.window_size_value"), t.window());
            same(d, "tcp.checksum", Tshark.number(layers, "tcp", "tcp.checksum"), t.checksum());
            same(d, "tcp.checksum.status", Tshark.require(layers, "tcp", "tcp.checksum.status"),
                    Tshark.status(ours.transportChecksum()));
            same(d, "tcp.urgent_pointer", Tshark.number(layers, "tcp", "tcp.urgent_pointer"), t.urgentPointer());
            same(d, "tcp.len (IPv4 total length - both headers)", Tshark.number(layers, "tcp", "tcp.len"),
                    p.totalLength() - p.headerLength() - t.headerLength());
            option(d, layers, "tcp.options.mss_val", t.options().stream()
                    .filter(o -> o instanceof TcpOption.MaximumSegmentSize)
                    .map(o -> (long) ((TcpOption.MaximumSegmentSize) o).mss()).findFirst());
            option(d, layers, "tcp.options.wscale.shift", t.options().stream()
                    .filter(o -> o instanceof TcpOption.WindowScale)
                    .map(o -> (long) ((TcpOption.WindowScale) o).shift()).findFirst());
            option(d, layers, "tcp.options.timestamp.tsval", t.options().stream()
                    .filter(o -> o instanceof TcpOption.Timestamps)
                    .map(o -> ((TcpOption.Timestamps) o).value()).findFirst());
            option(d, layers, "tcp.options.timestamp.tsecr", t.options().stream()
                    .filter(o -> o instanceof TcpOption.Timestamps)
                    .map(o -> ((TcpOption.Timestamps) o).echoReply()).findFirst());
            same(d, "tcp.options.sack_perm (present)", Tshark.field(layers, "tcp", "tcp.options.sack_perm").isPresent(),
                    t.options().stream().anyMatch(o -> o instanceof TcpOption.SackPermitted));
        }
        return d;
    }

    /** Frame number, lengths, relative time and HTTP start line, and everything {@link #frameDifferences} checks. */
    public static List<String> packetDifferences(DissectedPacket ours, JsonNode layers) {
        List<String> d = new ArrayList<>();
        same(d, "frame.number", Tshark.number(layers, "frame", "frame.number"), ours.number());
        same(d, "frame.len", Tshark.number(layers, "frame", "frame.len"), ours.originalLength());
        same(d, "frame.cap_len", Tshark.number(layers, "frame", "frame.cap_len"), ours.capturedLength());
        same(d, "frame.time_relative (ns)", Tshark.nanos(layers, "frame", "frame.time_relative"),
                ours.relativeTimeNanos());
        d.addAll(frameDifferences(ours.frame(), layers));
        same(d, "HTTP start line", Tshark.httpStartLine(layers), ours.httpStartLine());
        if (Tshark.has(layers, "icmp")) {
            same(d, "protocol column of an ICMP packet", "ICMP", ours.protocolName());
        }
        return d;
    }

    /**
     * The summary line {@link DissectedPacket#summary()} should print for this packet, built from
     * Wireshark's fields by the rules documented there.
     */
    public static String expectedSummary(JsonNode w) {
        long nanos = Tshark.nanos(w, "frame", "frame.time_relative");
        String time = (nanos / 1_000) / 1_000_000 + "." + String.format("%06d", (nanos / 1_000) % 1_000_000);
        String transport = Tshark.has(w, "tcp") ? "tcp" : Tshark.has(w, "udp") ? "udp" : null;
        String source;
        String destination;
        if (Tshark.has(w, "ip")) {
            source = Tshark.require(w, "ip", "ip.src");
            destination = Tshark.require(w, "ip", "ip.dst");
            if (transport != null) {
                source += ":" + Tshark.require(w, transport, transport + ".srcport");
                destination += ":" + Tshark.require(w, transport, transport + ".dstport");
            }
        } else {
            source = Tshark.require(w, "eth", "eth.src");
            destination = Tshark.require(w, "eth", "eth.dst");
        }
        Optional<String> http = Tshark.httpStartLine(w);
        String protocol;
        String info;
        if (http.isPresent()) {
            protocol = "HTTP";
            info = http.get();
        } else if ("tcp".equals(transport)) {
            protocol = "TCP";
            info = new TcpFlags((int) Tshark.number(w, "tcp", "tcp.flags")).names() + " seq="
                    + Tshark.number(w, "tcp", "tcp.seq_raw") + " ack=" + Tshark.number(w, "tcp", "tcp.ack_raw")
                    + " win=" + Tshark.number(w, "tcp", "tcp.window_size_value") + " len="
                    + Tshark.number(w, "tcp", "tcp.len");
        } else if ("udp".equals(transport)) {
            protocol = "UDP";
            info = "len=" + (Tshark.number(w, "udp", "udp.length") - 8);
        } else if (Tshark.has(w, "icmp")) {
            protocol = "ICMP";
            info = "type=" + Tshark.require(w, "icmp", "icmp.type") + " code=" + Tshark.require(w, "icmp", "icmp.code");
        } else {
            throw new AssertionError("no expected summary for a packet with layers " + w.path("frame")
                    .path("frame.protocols"));
        }
        StringBuilder line = new StringBuilder(Tshark.require(w, "frame", "frame.number") + " " + time + " " + source
                + " → " + destination + " " + protocol + " " + Tshark.require(w, "frame", "frame.len") + " " + info);
        if (Tshark.field(w, "ip", "ip.checksum.status").orElse("").equals("0")) {
            line.append(" [bad IPv4 checksum]");
        }
        if (transport != null && Tshark.require(w, transport, transport + ".checksum.status").equals("0")) {
            line.append(" [bad ").append(transport.toUpperCase()).append(" checksum]");
        }
        long captured = Tshark.number(w, "frame", "frame.cap_len");
        long original = Tshark.number(w, "frame", "frame.len");
        if (captured < original) {
            line.append(" [captured ").append(captured).append(" of ").append(original).append(" bytes]");
        }
        return line.toString();
    }

    /** A failure message: the capture and packet, the differences, and the frame in hex. */
    public static String message(String capture, int number, List<String> differences, byte[] frame, String summary) {
        StringBuilder m = new StringBuilder(capture + " packet " + number + " differs from Wireshark's view ("
                + differences.size() + " field" + (differences.size() == 1 ? "" : "s") + "):");
        differences.stream().limit(MAX_LISTED).forEach(x -> m.append("\n  ").append(x));
        if (differences.size() > MAX_LISTED) {
            m.append("\n  ... and ").append(differences.size() - MAX_LISTED).append(" more");
        }
        if (summary != null) {
            m.append("\n  summary line: ").append(summary);
        }
        m.append("\n  frame: ").append(hex(frame));
        return m.toString();
    }

    /** The frame in hex, 16 bytes a group, so offsets can be counted. */
    public static String hex(byte[] frame) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < frame.length; i += 16) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(HexFormat.of().formatHex(frame, i, Math.min(frame.length, i + 16)));
        }
        return out.toString();
    }

    private static void option(List<String> d, JsonNode layers, String field, Optional<Long> ours) {
        same(d, field, Tshark.field(layers, "tcp", field).map(Long::parseLong), ours);
    }

    private static void same(List<String> d, String field, Object wireshark, Object ours) {
        Object normalisedOurs = ours instanceof Integer i ? Long.valueOf(i) : ours;
        Object normalisedTheirs = wireshark instanceof Integer i ? Long.valueOf(i) : wireshark;
        if (!Objects.equals(normalisedTheirs, normalisedOurs)) {
            d.add(field + ": Wireshark says " + normalisedTheirs + ", the code says " + normalisedOurs);
        }
    }
}
