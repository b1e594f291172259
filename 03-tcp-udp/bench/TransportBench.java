import course.tcpudp.ChannelConfig;
import course.tcpudp.ChannelStats;
import course.tcpudp.LossyChannel;
import course.tcpudp.RtoEstimator;
import course.tcpudp.SlidingWindowReceiver;
import course.tcpudp.SlidingWindowSender;
import course.tcpudp.StopAndWaitReceiver;
import course.tcpudp.StopAndWaitSender;
import course.tcpudp.StreamReassembler;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Goodput of stop-and-wait and the sliding window through the LossyChannel on loopback at
 * several loss rates (fixed seed), their retransmission ratio, and StreamReassembler throughput.
 * Run: java -cp 03-tcp-udp/target/classes 03-tcp-udp/bench/TransportBench.java [options]
 */
public final class TransportBench {
    public static void main(String[] args) throws Exception {
        int bytes = 1 << 20;
        int window = 16;
        int timeout = 10;
        int delay = 0;
        long seed = 1;
        int reassemblerMb = 512;
        double[] losses = {0, 0.01, 0.10, 0.30};
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--bytes" -> bytes = Integer.parseInt(v);
                case "--window" -> window = Integer.parseInt(v);
                case "--timeout" -> timeout = Integer.parseInt(v);
                case "--delay" -> delay = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--reassembler-mb" -> reassemblerMb = Integer.parseInt(v);
                case "--loss" -> losses = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "TransportBench: %d bytes per transfer, segment %d bytes, window %d, "
                        + "stop-and-wait timeout %d ms, RTO min 20 ms, one-way delay %d ms, seed %d%n",
                bytes, SlidingWindowSender.SEGMENT_SIZE, window, timeout, delay, seed);
        System.out.printf(Locale.ROOT, "java %s, %d cores, %s %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"));
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        // warm-up, not reported
        run(false, Arrays.copyOf(data, 256 * 1024), window, timeout, new ChannelConfig(0.01, 0, 0, 0, 0, seed));
        run(true, Arrays.copyOf(data, 256 * 1024), window, timeout, new ChannelConfig(0.01, 0, 0, 0, 0, seed));

        System.out.println("| protocol | loss | time | goodput | data segments | retransmissions | ratio | dropped by channel |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (double loss : losses) {
            for (boolean sliding : new boolean[] {false, true}) {
                ChannelConfig config = new ChannelConfig(loss, 0, 0, 0, delay, seed);
                Result r = run(sliding, data, window, timeout, config);
                int segments = (bytes + SlidingWindowSender.SEGMENT_SIZE - 1) / SlidingWindowSender.SEGMENT_SIZE;
                System.out.printf(Locale.ROOT, "| %s | %.0f %% | %.2f s | %.1f Mbit/s | %d | %d | %.3f | %d |%n",
                        sliding ? "sliding window " + window : "stop-and-wait", loss * 100, r.millis / 1000.0,
                        bytes * 8.0 / (r.millis / 1000.0) / 1e6, segments, r.retransmissions,
                        (double) r.retransmissions / segments, r.stats.dropped());
            }
        }
        System.out.println();
        reassembler(reassemblerMb);
    }

    record Result(long millis, long retransmissions, ChannelStats stats) {
    }

    static Result run(boolean sliding, byte[] data, int window, int timeout, ChannelConfig config) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket rs = new DatagramSocket(new InetSocketAddress(lo, 0));
             DatagramSocket ss = new DatagramSocket(new InetSocketAddress(lo, 0));
             LossyChannel channel = LossyChannel.start(config, (InetSocketAddress) rs.getLocalSocketAddress())) {
            CompletableFuture<byte[]> got = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    got.complete(sliding ? new SlidingWindowReceiver(rs, 64 * 1024, 500).receive()
                            : new StopAndWaitReceiver(rs, 500).receive());
                } catch (Throwable e) {
                    got.completeExceptionally(e);
                }
            });
            long start = System.nanoTime();
            long retransmissions;
            if (sliding) {
                SlidingWindowSender s = new SlidingWindowSender(ss, channel.address(), window,
                        new RtoEstimator(100, 20, 2000));
                s.send(data);
                retransmissions = s.retransmissions();
            } else {
                StopAndWaitSender s = new StopAndWaitSender(ss, channel.address(), timeout);
                s.send(data);
                retransmissions = s.retransmissions();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!Arrays.equals(data, got.get())) {
                throw new IOException("the transfer arrived damaged");
            }
            return new Result(Math.max(1, millis), retransmissions, channel.stats());
        }
    }

    static void reassembler(int megabytes) {
        int segment = 1024;
        int capacity = 64 * 1024;
        long total = (long) megabytes << 20;
        byte[] piece = new byte[segment];
        new Random(1).nextBytes(piece);
        System.out.println("| StreamReassembler (capacity 64 KiB, 1 KiB pieces) | bytes | time | throughput |");
        System.out.println("|---|---:|---:|---:|");
        for (String order : new String[] {"warm-up", "in order", "reversed in groups of 32", "in order, again"}) {
            StreamReassembler r = new StreamReassembler(capacity);
            long count = order.equals("warm-up") ? total / 4 : total;
            long start = System.nanoTime();
            long read = 0;
            for (long base = 0; base < count; base += 32L * segment) {
                for (int k = 0; k < 32; k++) {
                    int j = order.startsWith("reversed") ? 31 - k : k;
                    long index = base + (long) j * segment;
                    r.insert(index, piece, false);
                }
                read += r.read().length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read < count) {
                throw new IllegalStateException("read " + read + " of " + count + " bytes");
            }
            if (!order.equals("warm-up")) {
                System.out.printf(Locale.ROOT, "| %s | %d MiB | %.2f s | %.2f Gbit/s |%n", order, count >> 20, seconds,
                        count * 8 / seconds / 1e9);
            }
        }
    }
}
