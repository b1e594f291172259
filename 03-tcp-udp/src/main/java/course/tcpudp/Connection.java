package course.tcpudp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opening and closing a connection over an unreliable datagram channel, as TCP does.
 *
 * <p>Opening: the client sends SYN(seq = its ISN); the server answers SYN_ACK(seq = its ISN,
 * ack = client ISN + 1); the client answers ACK(ack = server ISN + 1). Each side sends its
 * packet again after {@code timeoutMillis} until the answer comes: a lost SYN or SYN_ACK is
 * resent by whoever waits for its answer, and a lost final ACK by the server resending its
 * SYN_ACK, which the client answers again. A client that has already started to close proves
 * that it saw the SYN_ACK, so its FIN also completes the server's handshake.
 *
 * <p>Closing ({@link #close()}, both sides): each side sends FIN(seq = ISN + 1) until the
 * FIN_ACK(ack = seq + 1) for it arrives, and answers every FIN of the other side with a
 * FIN_ACK. When its FIN is acknowledged and it has seen the other side's FIN, it lingers
 * (like TCP's TIME_WAIT) until nothing has arrived for {@code lingerMillis}, answering a FIN
 * sent again because its FIN_ACK was lost; then it is CLOSED.
 */
public final class Connection {
    /** Where a connection is in its life. */
    public enum State { CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT, TIME_WAIT }

    /** Times a packet is sent before the side gives up. */
    public static final int MAX_TRIES = 50;
    /** How long a side waits for the other side's first packet or its FIN. */
    public static final int IDLE_LIMIT_MILLIS = 30_000;

    private final PacketSocket socket;
    private final int timeoutMillis;
    private final int lingerMillis;
    private SocketAddress peer;
    private volatile State state = State.CLOSED;
    private int localIsn;
    private int remoteIsn;
    private int retransmissions;
    private Packet earlyFin;

    private Connection(DatagramSocket socket, int timeoutMillis, int lingerMillis) {
        this.socket = new PacketSocket(socket);
        this.timeoutMillis = timeoutMillis;
        this.lingerMillis = lingerMillis;
    }

    /** Opens a connection to {@code server} (SYN, SYN_ACK, ACK); returns when ESTABLISHED. */
    public static Connection connect(DatagramSocket socket, SocketAddress server, int timeoutMillis,
                                     int lingerMillis) throws IOException {
        Connection c = new Connection(socket, timeoutMillis, lingerMillis);
        c.peer = server;
        c.localIsn = ThreadLocalRandom.current().nextInt(1, 1 << 30);
        // BEGIN SOLUTION
        c.state = State.SYN_SENT;
        Packet syn = Packet.control(Packet.Type.SYN, c.localIsn, 0, 0xFFFF);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            if (attempt > 0) {
                c.retransmissions++;
            }
            c.socket.send(syn, server);
            Optional<Packet> answer = c.await(c.timeoutMillis, p -> p.type() == Packet.Type.SYN_ACK
                    && p.ack() == c.localIsn + 1);
            if (answer.isPresent()) {
                c.remoteIsn = answer.get().seq();
                c.sendAck();
                c.state = State.ESTABLISHED;
                return c;
            }
        }
        c.state = State.CLOSED;
        throw new IOException("no SYN_ACK from " + server + " after " + MAX_TRIES + " SYNs");
        // END SOLUTION
        // STUB: // TODO(task 03.6): send SYN(seq = localIsn) until SYN_ACK(ack = localIsn + 1) arrives (timeoutMillis each),
        // STUB: // note its seq as remoteIsn, answer ACK(ack = remoteIsn + 1); then the state is ESTABLISHED.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.6): open a connection");
    }

    /** Waits for one client's SYN and completes the handshake; returns when ESTABLISHED. */
    public static Connection accept(DatagramSocket socket, int timeoutMillis, int lingerMillis) throws IOException {
        Connection c = new Connection(socket, timeoutMillis, lingerMillis);
        c.state = State.LISTEN;
        c.localIsn = ThreadLocalRandom.current().nextInt(1, 1 << 30);
        // BEGIN SOLUTION
        Optional<PacketSocket.Received> first;
        do {
            first = c.socket.receive(IDLE_LIMIT_MILLIS);
            if (first.isEmpty()) {
                throw new IOException("no SYN within " + IDLE_LIMIT_MILLIS + " ms");
            }
        } while (first.get().packet().type() != Packet.Type.SYN);
        c.peer = first.get().from();
        c.remoteIsn = first.get().packet().seq();
        c.state = State.SYN_RECEIVED;
        Packet synAck = Packet.control(Packet.Type.SYN_ACK, c.localIsn, c.remoteIsn + 1, 0xFFFF);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            if (attempt > 0) {
                c.retransmissions++;
            }
            c.socket.send(synAck, c.peer);
            long deadline = System.nanoTime() + c.timeoutMillis * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                Optional<PacketSocket.Received> in = left < 1 ? Optional.empty() : c.socket.receive(left);
                if (in.isEmpty()) {
                    break;
                }
                Packet p = in.get().packet();
                if (p.type() == Packet.Type.SYN && p.seq() == c.remoteIsn) {
                    break; // our SYN_ACK was lost: send it again now
                }
                if ((p.type() == Packet.Type.ACK || p.type() == Packet.Type.FIN) && p.ack() == c.localIsn + 1) {
                    if (p.type() == Packet.Type.FIN) {
                        c.earlyFin = p;
                    }
                    c.state = State.ESTABLISHED;
                    return c;
                }
            }
        }
        c.state = State.CLOSED;
        throw new IOException("the handshake with " + c.peer + " never completed");
        // END SOLUTION
        // STUB: // TODO(task 03.6): wait for a SYN; answer SYN_ACK(seq = localIsn, ack = its seq + 1) until the ACK(ack = localIsn + 1)
        // STUB: // comes (or a FIN with that ack: the client already closes); send SYN_ACK again for a repeated SYN and on timeout.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.6): accept a connection");
    }

    /** Closes both directions (FIN and FIN_ACK each way), lingers, and returns when CLOSED. */
    public void close() throws IOException {
        // BEGIN SOLUTION
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("close needs an ESTABLISHED connection, but it is " + state);
        }
        state = State.FIN_WAIT;
        int finSeq = localIsn + 1;
        Packet fin = Packet.control(Packet.Type.FIN, finSeq, remoteIsn + 1, 0xFFFF);
        boolean finAcked = false;
        boolean peerFin = false;
        if (earlyFin != null) {
            peerFin = true;
            socket.send(Packet.control(Packet.Type.FIN_ACK, finSeq, earlyFin.seq() + 1, 0xFFFF), peer);
        }
        socket.send(fin, peer);
        int tries = 1;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long idleSince = System.nanoTime();
        while (!(finAcked && peerFin)) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            Optional<PacketSocket.Received> in = left < 1 ? Optional.empty() : socket.receive(left);
            if (in.isEmpty()) {
                if (!finAcked) {
                    if (tries++ >= MAX_TRIES) {
                        state = State.CLOSED;
                        throw new IOException("the FIN was never acknowledged by " + peer);
                    }
                    retransmissions++;
                    socket.send(fin, peer);
                } else if ((System.nanoTime() - idleSince) / 1_000_000L > IDLE_LIMIT_MILLIS) {
                    state = State.CLOSED;
                    throw new IOException("the other side never sent its FIN");
                }
                deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
                continue;
            }
            idleSince = System.nanoTime();
            peerFin |= answer(in.get().packet());
            Packet p = in.get().packet();
            if (p.type() == Packet.Type.FIN_ACK && p.ack() == finSeq + 1) {
                finAcked = true;
            }
        }
        state = State.TIME_WAIT;
        while (true) {
            Optional<PacketSocket.Received> in = socket.receive(lingerMillis);
            if (in.isEmpty()) {
                break;
            }
            answer(in.get().packet());
        }
        state = State.CLOSED;
        // END SOLUTION
        // STUB: // TODO(task 03.6): send FIN(seq = localIsn + 1) until FIN_ACK(ack = seq + 1); answer each FIN of the other side
        // STUB: // with FIN_ACK; when both are done, linger (TIME_WAIT) until quiet for lingerMillis, answering FINs again.
        // STUB: throw new UnsupportedOperationException("TODO(task 03.6): close the connection");
    }
    // BEGIN SOLUTION

    /** Answers what the other side may send again late; true when it was the other side's FIN. */
    private boolean answer(Packet p) throws IOException {
        if (p.type() == Packet.Type.FIN) {
            socket.send(Packet.control(Packet.Type.FIN_ACK, localIsn + 1, p.seq() + 1, 0xFFFF), peer);
            return true;
        }
        if (p.type() == Packet.Type.SYN_ACK && p.seq() == remoteIsn) {
            sendAck(); // our handshake ACK was lost
        }
        return false;
    }

    private void sendAck() throws IOException {
        socket.send(Packet.control(Packet.Type.ACK, localIsn + 1, remoteIsn + 1, 0xFFFF), peer);
    }

    private Optional<Packet> await(long millis, java.util.function.Predicate<Packet> wanted) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            Optional<PacketSocket.Received> in = left < 1 ? Optional.empty() : socket.receive(left);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            if (wanted.test(in.get().packet())) {
                return Optional.of(in.get().packet());
            }
        }
    }
    // END SOLUTION

    public State state() {
        return state;
    }

    /** The other side's address. */
    public SocketAddress peer() {
        return peer;
    }

    public int localIsn() {
        return localIsn;
    }

    public int remoteIsn() {
        return remoteIsn;
    }

    /** Packets this side sent again (SYN, SYN_ACK, FIN). */
    public int retransmissions() {
        return retransmissions;
    }
}
