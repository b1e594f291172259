package course.tcpudp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The sending half of a sliding-window protocol with cumulative ACKs, as TCP does it: up to
 * {@code windowSegments} DATA segments (and never more bytes than the receiver's advertised
 * window) are in flight at once. One retransmission timer covers the oldest unacknowledged
 * segment; its timeout comes from an {@link RtoEstimator} (RFC 6298). Every ACK names in its seq
 * field the DATA segment that caused it; the time from sending that segment to its ACK is an RTT
 * sample, taken only from segments sent once (Karn's rule: an ACK that may answer a copy sent
 * again says nothing about the RTT). On a timeout the oldest segment is sent again and the
 * RTO backs off; on three duplicate ACKs it is sent again at once (fast retransmit), and while
 * recovering, an ACK that moves only part of the way sends the next hole at once too.
 * The end of the data is a FIN (seq = data length), sent every RTO (as computed from SRTT and
 * RTTVAR, without backoff) until its FIN_ACK (ack = length + 1); the receiver's linger must
 * outlast a few RTOs.
 */
public final class SlidingWindowSender {
    /** Payload bytes per DATA segment. */
    public static final int SEGMENT_SIZE = 1024;
    /** Duplicate ACKs that trigger a fast retransmit. */
    public static final int DUPLICATE_ACKS = 3;
    /** Timeouts in a row without progress before the sender gives up. */
    public static final int MAX_TIMEOUTS = 30;

    private final PacketSocket socket;
    private final SocketAddress receiver;
    private final int windowSegments;
    private final RtoEstimator rto;
    private long segmentsSent;
    private long retransmissions;
    private long fastRetransmits;
    private long timeouts;

    /**
     * @param windowSegments most segments in flight at once (1 makes it stop-and-wait)
     * @param rto            the timeout estimator; use a small minimum (20 ms) on loopback
     */
    public SlidingWindowSender(DatagramSocket socket, SocketAddress receiver, int windowSegments, RtoEstimator rto) {
        if (windowSegments < 1) {
            throw new IllegalArgumentException("windowSegments must be at least 1");
        }
        this.socket = new PacketSocket(socket);
        this.receiver = receiver;
        this.windowSegments = windowSegments;
        this.rto = rto;
    }

    /** Sends all of {@code data}; returns once every byte and the FIN are acknowledged. */
    public void send(byte[] data) throws IOException {
        // BEGIN SOLUTION
        int n = data.length;
        int segments = (n + SEGMENT_SIZE - 1) / SEGMENT_SIZE;
        long[] sentAt = new long[segments];
        boolean[] resent = new boolean[segments];
        int base = 0;              // oldest unacknowledged byte
        int next = 0;              // next byte to send for the first time
        int advertised = Integer.MAX_VALUE;
        int duplicates = 0;
        int recover = -1;          // while recovering: the highest byte sent when recovery began
        long timerStart = System.nanoTime();
        int timeoutsInARow = 0;
        while (base < n) {
            int window = Math.min(windowSegments * SEGMENT_SIZE, Math.max(SEGMENT_SIZE, advertised));
            while (next < n && next - base < window) {
                int seg = next / SEGMENT_SIZE;
                if (base == next) {
                    timerStart = System.nanoTime();
                }
                sentAt[seg] = System.nanoTime();
                transmit(data, seg);
                next = Math.min(n, next + SEGMENT_SIZE);
            }
            long waitMillis = (long) Math.ceil(rto.rtoMillis() - (System.nanoTime() - timerStart) / 1e6);
            Optional<PacketSocket.Received> in = waitMillis < 1 ? Optional.empty() : socket.receive(waitMillis);
            if (in.isEmpty()) {
                if ((System.nanoTime() - timerStart) / 1e6 < rto.rtoMillis()) {
                    continue;
                }
                // timeout: the oldest segment is sent again, the RTO backs off
                timeouts++;
                if (++timeoutsInARow > MAX_TIMEOUTS) {
                    throw new IOException("no progress after " + MAX_TIMEOUTS + " timeouts at byte " + base);
                }
                rto.backoff();
                resend(data, base / SEGMENT_SIZE, resent);
                duplicates = 0;
                recover = next;
                timerStart = System.nanoTime();
                continue;
            }
            Packet p = in.get().packet();
            if (p.type() != Packet.Type.ACK) {
                continue;
            }
            advertised = p.window();
            int ack = p.ack();
            // The ACK names in seq the DATA segment that caused it. Karn's rule: time only a segment
            // sent once, so the ACK cannot be the answer to a copy sent again; each segment once.
            int timed = p.seq() / SEGMENT_SIZE;
            if (p.seq() >= 0 && p.seq() % SEGMENT_SIZE == 0 && timed < segments && sentAt[timed] != 0
                    && !resent[timed]) {
                rto.sample((System.nanoTime() - sentAt[timed]) / 1e6);
                sentAt[timed] = 0;
            }
            if (ack > base && ack <= next) {
                base = ack;
                duplicates = 0;
                timeoutsInARow = 0;
                timerStart = System.nanoTime();
                if (recover >= 0 && base < recover && base < n) {
                    resend(data, base / SEGMENT_SIZE, resent); // partial ACK: the next hole
                } else {
                    recover = -1;
                }
            } else if (ack == base && base < next) {
                duplicates++;
                if (duplicates == DUPLICATE_ACKS && recover < 0) {
                    fastRetransmits++;
                    resend(data, base / SEGMENT_SIZE, resent);
                    recover = next;
                    timerStart = System.nanoTime();
                }
            }
        }
        finish(n);
        // END SOLUTION
        // STUB: // TODO(task 03.4): keep up to windowSegments segments in flight; slide on each cumulative ACK; one timer for the
        // STUB: // oldest segment with rto.rtoMillis(), backoff on timeout; an ACK's seq names the DATA that caused it: sample
        // STUB: // the RTT of that segment only if it was sent once (Karn);
        // STUB: // fast retransmit on DUPLICATE_ACKS duplicate ACKs; then FIN(seq = length) until FIN_ACK(ack = length + 1).
        // STUB: throw new UnsupportedOperationException("TODO(task 03.4): slide the window");
    }
    // BEGIN SOLUTION

    private void transmit(byte[] data, int seg) throws IOException {
        int from = seg * SEGMENT_SIZE;
        byte[] payload = Arrays.copyOfRange(data, from, Math.min(data.length, from + SEGMENT_SIZE));
        socket.send(new Packet(Packet.Type.DATA, from, 0, 0, payload), receiver);
        segmentsSent++;
    }

    private void resend(byte[] data, int seg, boolean[] resent) throws IOException {
        resent[seg] = true;
        retransmissions++;
        transmit(data, seg);
    }

    private void finish(int n) throws IOException {
        Packet fin = Packet.control(Packet.Type.FIN, n, 0, 0);
        for (int attempt = 0; attempt <= MAX_TIMEOUTS; attempt++) {
            if (attempt > 0) {
                retransmissions++;
                timeouts++;
            }
            socket.send(fin, receiver);
            segmentsSent++;
            // The FIN is new: it is timed with the RTO computed from SRTT and RTTVAR, not with a
            // timeout still backed off by the last holes of the data.
            double interval = rto.srttMillis() < 0 ? rto.rtoMillis()
                    : Math.max(rto.minMillis(), Math.min(rto.rtoMillis(),
                    rto.srttMillis() + RtoEstimator.K * rto.rttvarMillis()));
            long deadline = System.nanoTime() + (long) (interval * 1e6);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                Optional<PacketSocket.Received> in = left < 1 ? Optional.empty() : socket.receive(left);
                if (in.isEmpty()) {
                    break;
                }
                Packet p = in.get().packet();
                if (p.type() == Packet.Type.FIN_ACK && p.ack() == n + 1) {
                    return;
                }
            }
        }
        throw new IOException("the FIN was never acknowledged");
    }
    // END SOLUTION

    /** The estimator this sender uses. */
    public RtoEstimator rto() {
        return rto;
    }

    /** Segments sent, retransmissions and the FIN included. */
    public long segmentsSent() {
        return segmentsSent;
    }

    /** Segments sent more than once (after a timeout or a fast retransmit). */
    public long retransmissions() {
        return retransmissions;
    }

    /** Retransmissions caused by duplicate ACKs. */
    public long fastRetransmits() {
        return fastRetransmits;
    }

    /** Retransmission timer expiries. */
    public long timeouts() {
        return timeouts;
    }
}
