package course.sockets;

import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * A sender floods a channel while one member reads every message and another member
 * never reads. The reader checks, batch by batch, that each message arrives in time and
 * in order; the flood stops when the reader sees the non-reader QUIT (dropped), or after
 * more data than any kernel buffers and {@link ChatServer#MAX_QUEUED_LINES} can hold.
 */
public final class Flood {
    /** Bytes of text per message. */
    public static final int TEXT_BYTES = 400;
    /** Messages per write of the sender; the reader reads them before the next batch. */
    public static final int BATCH = 100;
    /** Receive buffer of the client that does not read, so its buffers fill up soon. */
    public static final int SMALL_BUFFER = 4096;
    /** The flood gives up after this many bytes per member: far more than socket buffers hold. */
    public static final long MAX_BYTES = 24L * 1024 * 1024;

    /** What happened: how many messages went out, and whether (and after how many) the non-reader was dropped. */
    public record Result(int sent, int droppedAfter, Irc.Msg quit, IrcTestClient sender, IrcTestClient reader,
                         IrcTestClient stalled) {
        public boolean dropped() {
            return quit != null;
        }
    }

    private Flood() {
    }

    public static int maxMessages() {
        return (int) (ChatServer.MAX_QUEUED_LINES + MAX_BYTES / TEXT_BYTES);
    }

    /**
     * Runs the flood with a sender and a reader in the same channel as a client that never
     * reads after joining. The caller closes the three clients (they are in the result).
     */
    public static Result run(StudentServer server, Transcript t, String channel) {
        IrcTestClient sender = null;
        IrcTestClient reader = null;
        IrcTestClient stalled = null;
        try {
            String senderNick = Names.nick("send");
            String readerNick = Names.nick("read");
            String stalledNick = Names.nick("stuck");
            sender = IrcTestClient.connect(server, t, senderNick).register(senderNick);
            reader = IrcTestClient.connect(server, t, readerNick).register(readerNick);
            stalled = IrcTestClient.connect(server.port(), t, stalledNick, SMALL_BUFFER).register(stalledNick);
            sender.join(channel);
            reader.join(channel);
            stalled.join(channel);
            sender.sync();
            reader.sync();
            stalled.sync();
            t.step(stalledNick + " stops reading from now on");
            sender.quiet();
            reader.quiet();
            String padding = "x".repeat(TEXT_BYTES - 16);
            int max = maxMessages();
            int sent = 0;
            while (sent < max) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add("PRIVMSG " + channel + " :" + String.format("%010d ", sent + i) + padding);
                }
                sender.sendAll(batch);
                int first = sent;
                sent += BATCH;
                for (int i = first; i < sent; i++) {
                    Irc.Msg m;
                    try {
                        m = reader.next();
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\n" + readerNick + " was waiting for flood message "
                                + i + " (" + first + " were delivered in time): while " + stalledNick
                                + " does not read, the others must still get their messages at once. Do not write to "
                                + "a client in the thread that handles another one: queue the line for the client's "
                                + "own writer thread", e.getCause());
                    }
                    if (m.is("QUIT") && stalledNick.equals(m.fromNick())) {
                        t.step(readerNick + " saw " + stalledNick + " QUIT after " + i + " messages: " + m.raw());
                        return new Result(sent, i, m, sender, reader, stalled);
                    }
                    String expected = String.format("%010d ", i);
                    if (!m.is("PRIVMSG") || m.last() == null || !m.last().startsWith(expected)) {
                        throw t.failure(readerNick + " expected flood message " + i + " (PRIVMSG " + channel + " :"
                                + expected + "xxx...), but received: " + abbreviate(m.raw()));
                    }
                }
            }
            t.step("sent " + sent + " messages of " + TEXT_BYTES + " bytes; " + stalledNick + " is still in " + channel);
            return new Result(sent, -1, null, sender, reader, stalled);
        } catch (RuntimeException | Error e) {
            close(sender, reader, stalled);
            throw e;
        }
    }

    static String abbreviate(String line) {
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    public static void close(IrcTestClient... clients) {
        for (IrcTestClient c : clients) {
            if (c != null) {
                c.close();
            }
        }
    }
}
