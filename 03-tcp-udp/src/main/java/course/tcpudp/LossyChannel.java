package course.tcpudp;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A UDP relay on loopback that plays a bad network between a sender and a receiver.
 *
 * <p>The receiver listens on its own socket and is given to {@link #start}. The sender sends
 * to {@link #address()} instead of to the receiver; the channel passes each datagram on to
 * the receiver, and passes what the receiver sends back to the last sender it heard from.
 * On the way it drops, duplicates, holds back (reorders), corrupts (flips one bit) and delays
 * datagrams with the probabilities of its {@link ChannelConfig}. Each direction has its own
 * {@code java.util.Random} seeded from the config and consumes the same number of draws for
 * every datagram, so the same datagrams in the same order meet the same fate.
 *
 * <p>Drop rules ({@link #dropFirst}) drop chosen datagrams exactly, for example "the first
 * SYN". The channel counts what it did ({@link #stats()}) and can write the traffic it
 * delivered to a pcap file for Wireshark ({@link #writePcap}).
 */
public final class LossyChannel implements AutoCloseable {
    /** Which way a datagram travels. */
    public enum Direction { TO_RECEIVER, TO_SENDER }

    /** Most datagrams kept for {@link #writePcap}; later ones are not recorded. */
    public static final int MAX_RECORDED = 200_000;

    private final ChannelConfig config;
    private final DatagramSocket socket;
    private final InetSocketAddress receiver;
    private volatile InetSocketAddress sender;
    private final Side[] sides = {new Side(0), new Side(1)};
    private final DelayQueue<Scheduled> scheduled = new DelayQueue<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Recorded> recorded = new ArrayList<>();
    private volatile boolean recording;
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final Thread reader;
    private final Thread deliverer;
    private volatile boolean closed;

    private LossyChannel(ChannelConfig config, InetSocketAddress receiver) throws SocketException {
        this.config = config;
        this.receiver = receiver;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sides[0].random = new Random(config.seed());
        sides[1].random = new Random(config.seed() * 31 + 17);
        reader = Thread.ofPlatform().daemon().name("lossy-channel-reader").unstarted(this::readLoop);
        deliverer = Thread.ofPlatform().daemon().name("lossy-channel-delivery").unstarted(this::deliverLoop);
    }

    /** Starts a channel that relays between whoever sends to {@link #address()} and {@code receiver}. */
    public static LossyChannel start(ChannelConfig config, InetSocketAddress receiver) throws IOException {
        LossyChannel channel = new LossyChannel(config, receiver);
        channel.reader.start();
        channel.deliverer.start();
        return channel;
    }

    /** Where the sender sends its datagrams. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public ChannelConfig config() {
        return config;
    }

    /** Drops the first {@code count} datagrams going {@code direction} that {@code which} accepts. */
    public void dropFirst(Direction direction, int count, Predicate<byte[]> which) {
        synchronized (rules) {
            rules.add(new Rule(direction, which, count));
        }
    }

    /** What the channel did in both directions. */
    public ChannelStats stats() {
        return stats(Direction.TO_RECEIVER).plus(stats(Direction.TO_SENDER));
    }

    /** What the channel did in one direction. */
    public ChannelStats stats(Direction direction) {
        Side s = sides[direction.ordinal()];
        return new ChannelStats(s.received.get(), s.dropped.get(), s.duplicated.get(), s.reordered.get(),
                s.corrupted.get(), s.delivered.get());
    }

    /** Starts keeping every delivered datagram (up to {@link #MAX_RECORDED}) for {@link #writePcap}. */
    public void record() {
        recording = true;
    }

    /**
     * Writes the delivered datagrams in classic libpcap format. With {@code ethernet} each gets a
     * synthesized Ethernet, IPv4 and UDP header (LINKTYPE_ETHERNET); otherwise IPv4 and UDP only
     * (LINKTYPE_RAW). Wireshark decodes either; {@code udp.port == N, decode as} shows the payload.
     */
    public void writePcap(Path file, boolean ethernet) throws IOException {
        List<Recorded> copy;
        synchronized (recorded) {
            copy = new ArrayList<>(recorded);
        }
        try (OutputStream file_ = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file_))) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(65535).putInt(ethernet ? 1 : 101);
            out.write(header.array());
            for (Recorded r : copy) {
                byte[] frame = frame(r, ethernet);
                long micros = startMillis * 1000 + (r.nanos - startNanos) / 1000;
                ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                int shown = Math.min(frame.length, 65535);
                rec.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(shown)
                        .putInt(frame.length);
                out.write(rec.array());
                out.write(frame, 0, shown);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        deliverer.interrupt();
    }

    private void readLoop() {
        byte[] buffer = new byte[65536];
        while (!closed) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
            } catch (IOException e) {
                return;
            }
            InetSocketAddress from = (InetSocketAddress) in.getSocketAddress();
            byte[] data = Arrays.copyOfRange(in.getData(), in.getOffset(), in.getOffset() + in.getLength());
            Direction direction;
            InetSocketAddress to;
            if (from.equals(receiver)) {
                direction = Direction.TO_SENDER;
                to = sender;
                if (to == null) {
                    continue;
                }
            } else {
                direction = Direction.TO_RECEIVER;
                sender = from;
                to = receiver;
            }
            handle(direction, data, from, to);
        }
    }

    private void handle(Direction direction, byte[] data, InetSocketAddress from, InetSocketAddress to) {
        Side side = sides[direction.ordinal()];
        side.received.incrementAndGet();
        // The same draws for every datagram, whatever happens to it, keep the decisions reproducible.
        Random r = side.random;
        boolean lose = r.nextDouble() < config.loss();
        boolean duplicate = r.nextDouble() < config.duplicate();
        boolean reorder = r.nextDouble() < config.reorder();
        boolean corrupt = r.nextDouble() < config.corrupt();
        int bit = r.nextInt(Math.max(1, data.length * 8));
        int holdMillis = 2 + r.nextInt(4);
        if (matchesRule(direction, data) || lose) {
            side.dropped.incrementAndGet();
            return;
        }
        if (corrupt && data.length > 0) {
            data[bit / 8] ^= (byte) (1 << (bit % 8));
            side.corrupted.incrementAndGet();
        }
        long delay = TimeUnit.MILLISECONDS.toNanos(config.delayMillis());
        if (reorder) {
            side.reordered.incrementAndGet();
            delay += TimeUnit.MILLISECONDS.toNanos(holdMillis);
        }
        int copies = duplicate ? 2 : 1;
        if (duplicate) {
            side.duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            if (delay == 0) {
                deliver(new Scheduled(0, data, from, to, side));
            } else {
                scheduled.add(new Scheduled(System.nanoTime() + delay, data, from, to, side));
            }
        }
    }

    private boolean matchesRule(Direction direction, byte[] data) {
        synchronized (rules) {
            for (Rule rule : rules) {
                if (rule.direction == direction && rule.left > 0 && rule.which.test(data)) {
                    rule.left--;
                    return true;
                }
            }
        }
        return false;
    }

    private void deliverLoop() {
        while (!closed) {
            try {
                deliver(scheduled.take());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(Scheduled s) {
        try {
            socket.send(new DatagramPacket(s.data, s.data.length, s.to));
            s.side.delivered.incrementAndGet();
            if (recording) {
                synchronized (recorded) {
                    if (recorded.size() < MAX_RECORDED) {
                        recorded.add(new Recorded(System.nanoTime(), s.data, s.from, s.to));
                    }
                }
            }
        } catch (IOException e) {
            // closed, or the receiver is gone: the datagram is lost, as on a real network
        }
    }

    private static byte[] frame(Recorded r, boolean ethernet) {
        int udpLength = 8 + r.data.length;
        int ipLength = 20 + udpLength;
        ByteBuffer b = ByteBuffer.allocate((ethernet ? 14 : 0) + ipLength);
        if (ethernet) {
            b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        }
        int ipStart = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(r.from.getAddress().getAddress().length == 4 ? r.from.getAddress().getAddress() : new byte[] {127, 0, 0, 1})
                .put(r.to.getAddress().getAddress().length == 4 ? r.to.getAddress().getAddress() : new byte[] {127, 0, 0, 1});
        int sum = 0;
        for (int i = ipStart; i < ipStart + 20; i += 2) {
            sum += ((b.get(i) & 0xff) << 8) | (b.get(i + 1) & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        b.putShort(ipStart + 10, (short) ~sum);
        b.putShort((short) r.from.getPort()).putShort((short) r.to.getPort()).putShort((short) udpLength)
                .putShort((short) 0).put(r.data);
        return b.array();
    }

    private static final class Side {
        final int index;
        Random random;
        final AtomicLong received = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong reordered = new AtomicLong();
        final AtomicLong corrupted = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();

        Side(int index) {
            this.index = index;
        }
    }

    private static final class Rule {
        final Direction direction;
        final Predicate<byte[]> which;
        int left;

        Rule(Direction direction, Predicate<byte[]> which, int left) {
            this.direction = direction;
            this.which = which;
            this.left = left;
        }
    }

    private record Recorded(long nanos, byte[] data, InetSocketAddress from, InetSocketAddress to) {
    }

    private static final class Scheduled implements Delayed {
        private static final AtomicLong ORDER = new AtomicLong();
        final long due;
        final long order = ORDER.incrementAndGet();
        final byte[] data;
        final InetSocketAddress from;
        final InetSocketAddress to;
        final Side side;

        Scheduled(long due, byte[] data, InetSocketAddress from, InetSocketAddress to, Side side) {
            this.due = due;
            this.data = data;
            this.from = from;
            this.to = to;
            this.side = side;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Scheduled other = (Scheduled) o;
            int c = Long.compare(due, other.due);
            return c != 0 ? c : Long.compare(order, other.order);
        }
    }
}
