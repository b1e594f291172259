package course.tcpudp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A sender socket, a receiver socket and a {@link LossyChannel} between them, all on loopback.
 * Each side runs on its own virtual thread; {@link #await} waits for it with a time limit.
 */
public final class Link implements AutoCloseable {
    /** How long a receiver lingers after the FIN: many retransmission intervals, like TCP's TIME_WAIT. */
    public static final int LINGER_MILLIS = 300;

    public final DatagramSocket senderSocket;
    public final DatagramSocket receiverSocket;
    public final LossyChannel channel;

    private Link(ChannelConfig config) throws IOException {
        receiverSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel = LossyChannel.start(config, (InetSocketAddress) receiverSocket.getLocalSocketAddress());
        senderSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public static Link open(ChannelConfig config) throws IOException {
        return new Link(config);
    }

    /** Where the sender sends: the channel. */
    public InetSocketAddress target() {
        return channel.address();
    }

    @Override
    public void close() {
        senderSocket.close();
        receiverSocket.close();
        channel.close();
    }

    /** Starts {@code work} on a virtual thread. */
    public static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The result of {@code future}, or an AssertionError saying what did not finish in time or what it threw. */
    public static <T> T await(String what, CompletableFuture<T> future, Duration limit) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not finish within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Stop-and-wait transfer of {@code data} through this link; returns what the receiver got. */
    public Transfer stopAndWait(byte[] data, int timeoutMillis, Duration limit) {
        StopAndWaitReceiver receiver = new StopAndWaitReceiver(receiverSocket, LINGER_MILLIS);
        StopAndWaitSender sender = new StopAndWaitSender(senderSocket, target(), timeoutMillis);
        CompletableFuture<byte[]> got = start("receiver", receiver::receive);
        long start = System.nanoTime();
        CompletableFuture<Long> sent = start("sender", () -> {
            sender.send(data);
            return System.nanoTime() - start;
        });
        long nanos = await("the stop-and-wait sender", sent, limit);
        byte[] received = await("the stop-and-wait receiver", got, limit);
        return new Transfer(received, nanos / 1_000_000L, sender.retransmissions(), sender.segmentsSent());
    }

    /** Sliding-window transfer of {@code data} through this link. */
    public Transfer slidingWindow(byte[] data, int window, RtoEstimator rto, Duration limit) {
        SlidingWindowReceiver receiver = new SlidingWindowReceiver(receiverSocket, 64 * 1024, LINGER_MILLIS);
        SlidingWindowSender sender = new SlidingWindowSender(senderSocket, target(), window, rto);
        CompletableFuture<byte[]> got = start("receiver", receiver::receive);
        long start = System.nanoTime();
        CompletableFuture<Long> sent = start("sender", () -> {
            sender.send(data);
            return System.nanoTime() - start;
        });
        long nanos = await("the sliding-window sender", sent, limit);
        byte[] received = await("the sliding-window receiver", got, limit);
        return new Transfer(received, nanos / 1_000_000L, sender.retransmissions(), sender.segmentsSent());
    }

    /** What one transfer did. */
    public record Transfer(byte[] received, long millis, long retransmissions, long segmentsSent) {
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless {@code got} is exactly {@code sent}, compared by SHA-256 with the first difference named. */
    public static void assertSame(byte[] sent, byte[] got, String how) {
        if (!sha256(sent).equals(sha256(got))) {
            int at = java.util.Arrays.mismatch(sent, got);
            throw new AssertionError(how + ": the receiver got " + got.length + " bytes, SHA-256 " + sha256(got)
                    + ", but " + sent.length + " bytes were sent, SHA-256 " + sha256(sent)
                    + "; first difference at byte " + at);
        }
    }

    /** Matches datagrams whose first byte is the code of {@code type} (the header layout of {@link Packet}). */
    public static Predicate<byte[]> ofType(Packet.Type type) {
        return bytes -> bytes.length >= PacketCodec.HEADER_LENGTH && (bytes[0] & 0xff) == type.code();
    }

    /** The seq field of a datagram (bytes 2 to 5, big-endian). */
    public static int seq(byte[] bytes) {
        return ((bytes[2] & 0xff) << 24) | ((bytes[3] & 0xff) << 16) | ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff);
    }

    public static byte[] randomBytes(long seed, int n) {
        byte[] data = new byte[n];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }
}
