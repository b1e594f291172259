package course.sockets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
// BEGIN SOLUTION
import java.util.concurrent.LinkedBlockingQueue;
// END SOLUTION

/**
 * One connected client: its socket, its registration (nickname, user name, host), its
 * channels, and its outbound queue.
 *
 * <p>The client's reader thread runs {@link #run()}: it reads lines and hands them to the
 * server. Lines for the client are never written by the thread that produces them: they
 * go into the outbound queue with {@link #send(String)}, which returns at once, and the
 * client's own writer thread writes them to the socket. A client that stops reading only
 * fills its own queue; when more than {@link ChatServer#MAX_QUEUED_LINES} lines wait, it
 * is dropped, and its channels see it QUIT with the reason "Send queue exceeded".
 */
final class ClientConnection {
    /** How long the end of a connection waits for the writer to send the last lines (an ERROR, say). */
    static final Duration WRITER_GRACE = Duration.ofSeconds(2);
    /**
     * The kernel's send buffer for one client. Left alone, Linux grows it up to 4 MiB, so a
     * client that stops reading could hold thousands of lines in the kernel before its queue
     * even starts to fill; with a small buffer, {@link ChatServer#MAX_QUEUED_LINES} decides.
     */
    static final int SEND_BUFFER_BYTES = 64 * 1024;
    static final String DROP_REASON = "Send queue exceeded";
    static final String CLOSED_REASON = "Connection closed";
    // BEGIN SOLUTION
    /** Put in the queue to stop the writer; compared by identity, so no line can be mistaken for it. */
    private static final String END = new String("end of output");
    // END SOLUTION

    private final Socket socket;
    private final ChatServer server;
    private final String host;
    private final OutputStream out;
    // Registration and membership: read and changed only with the server's lock held.
    private String nick;
    private String user;
    private String realName;
    private boolean registered;
    private final Set<Channel> channels = new LinkedHashSet<>();
    // Set by QUIT or a drop; the reader stops and the connection ends.
    private volatile boolean closing;
    private volatile String closeReason;
    // BEGIN SOLUTION
    private final LinkedBlockingQueue<String> outbound = new LinkedBlockingQueue<>();
    private Thread writer;
    // END SOLUTION

    ClientConnection(Socket socket, ChatServer server) throws IOException {
        this.socket = socket;
        this.server = server;
        this.host = socket.getInetAddress().getHostAddress();
        socket.setTcpNoDelay(true);
        socket.setSendBufferSize(SEND_BUFFER_BYTES);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    /** The reader thread: reads lines until the client leaves, then cleans up. */
    void run() {
        String reason = CLOSED_REASON;
        try {
            // BEGIN SOLUTION
            writer = Thread.ofVirtual().name("writer-" + host).start(this::writeLoop);
            // END SOLUTION
            // STUB: // TODO(task 02.5): start this client's writer thread here (Thread.ofVirtual()).
            LineReader lines = new LineReader(socket.getInputStream(), LineReader.MAX_CONTENT_BYTES);
            String line;
            while (!closing && (line = lines.readLine()) != null) {
                server.handle(this, line);
            }
        } catch (IOException e) {
            // The connection broke (reset), or the server closed the socket to drop the client.
        } catch (RuntimeException e) {
            System.err.println("closing the connection of " + nickOrStar() + "@" + host + " after an error:");
            e.printStackTrace();
            reason = "Server error";
        } finally {
            String why = closeReason != null ? closeReason : reason;
            server.disconnected(this, why);
            // BEGIN SOLUTION
            finishWriting();
            // END SOLUTION
            // STUB: // TODO(task 02.5): let the writer send what is still queued (an ERROR after QUIT), waiting at
            // STUB: // most WRITER_GRACE, before the socket is closed.
            closeSocket();
        }
    }

    /**
     * Sends one line (without CRLF) to this client. Called with the server's lock held,
     * so it must never block.
     */
    void send(String line) {
        // BEGIN SOLUTION
        if (closing) {
            return;
        }
        outbound.add(line);
        if (outbound.size() > ChatServer.MAX_QUEUED_LINES) {
            drop(DROP_REASON);
        }
        // END SOLUTION
        // STUB: // TODO(task 02.5): put the line in this client's outbound queue (a writer thread sends it)
        // STUB: // and drop the client when more than ChatServer.MAX_QUEUED_LINES lines wait. Writing here
        // STUB: // blocks everyone as soon as one client stops reading:
        // STUB: writeNow(line);
    }

    /** Ends the connection once the lines already sent are out (after QUIT). */
    void close(String reason) {
        closeReason = reason;
        closing = true;
    }
    // BEGIN SOLUTION

    /** Disconnects a client at once; its reader wakes up with an exception and cleans up. */
    private void drop(String reason) {
        closeReason = reason;
        closing = true;
        outbound.clear();
        outbound.add(END);
        closeSocket();
    }

    /** The writer thread: takes lines from the queue and writes them, flushing when the queue runs empty. */
    private void writeLoop() {
        try {
            while (true) {
                String line = outbound.take();
                if (line == END) {
                    break;
                }
                write(line);
                if (outbound.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            closeSocket(); // the client is gone; its reader notices and cleans up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the writer send what is queued (an ERROR after QUIT), but not forever. */
    private void finishWriting() {
        outbound.add(END);
        try {
            if (writer != null && !writer.join(WRITER_GRACE)) {
                closeSocket(); // the client does not read: stop waiting for it
                writer.join(WRITER_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    // END SOLUTION

    /** Writes one line at once, waiting until the socket has taken it: blocks while the client does not read. */
    private void writeNow(String line) {
        synchronized (out) {
            try {
                write(line);
                out.flush();
            } catch (IOException e) {
                closeSocket();
            }
        }
    }

    private void write(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    String host() {
        return host;
    }

    String nick() {
        return nick;
    }

    /** The target of numeric replies: the nickname, or {@code *} before the client has one. */
    String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    void setNick(String nick) {
        this.nick = nick;
    }

    String user() {
        return user;
    }

    String realName() {
        return realName;
    }

    void setUser(String user, String realName) {
        this.user = user;
        this.realName = realName;
    }

    boolean isRegistered() {
        return registered;
    }

    void setRegistered() {
        this.registered = true;
    }

    /** The prefix of the client's messages: {@code nick!user@host}. */
    String mask() {
        return nick + "!" + user + "@" + host;
    }

    /** The channels the client is in; change it only with the server's lock held, together with the channel. */
    Set<Channel> channels() {
        return channels;
    }
}
