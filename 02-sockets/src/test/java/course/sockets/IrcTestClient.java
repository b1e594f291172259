package course.sockets;

import course.grader.support.Bytes;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One side of an IRC conversation in a test: a client of the student's chat server, or
 * (for the console client tests) the server side of a connection. Every line sent and
 * received goes to a {@link Transcript} that several clients of one test share, labelled
 * with the client's name, so a failure shows who said what in which order.
 */
public final class IrcTestClient implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Lines a wait may skip before it gives up looking for the one it wants. */
    public static final int MAX_SKIPPED = 100_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final boolean strictCrlf;
    private String label;
    private String nick;
    private String serverName = ChatServer.DEFAULT_SERVER_NAME;
    private boolean logReceived = true;
    private int syncs;

    private IrcTestClient(Socket socket, Transcript transcript, String label, boolean strictCrlf) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.label = label;
        this.strictCrlf = strictCrlf;
    }

    /** Connects to the student's chat server. */
    public static IrcTestClient connect(StudentServer server, Transcript transcript, String label) {
        return connect(server.port(), transcript, label, 0);
    }

    /** Connects with a small receive buffer (0: the default), for a client that will stop reading. */
    public static IrcTestClient connect(int port, Transcript transcript, String label, int receiveBuffer) {
        transcript.step(label + ": connect to " + HOST + ":" + port);
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(HOST, port), (int) READ_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            return new IrcTestClient(socket, transcript, label, true);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to add
            }
            throw transcript.failure(label + ": could not connect to " + HOST + ":" + port + ": " + e, e);
        }
    }

    /** Accepts a connection on a test's own server socket (the console client tests play the server). */
    public static IrcTestClient accept(ServerSocket listener, Transcript transcript, String label, Duration within) {
        try {
            listener.setSoTimeout((int) within.toMillis());
            Socket socket = listener.accept();
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            transcript.step(label + ": accepted a connection from " + socket.getRemoteSocketAddress());
            return new IrcTestClient(socket, transcript, label, false);
        } catch (SocketTimeoutException e) {
            throw transcript.failure("the client did not connect within " + within.toMillis() + " ms");
        } catch (IOException e) {
            throw transcript.failure("accepting the client's connection failed: " + e, e);
        }
    }

    public Transcript transcript() {
        return transcript;
    }

    public Socket socket() {
        return socket;
    }

    public String nick() {
        return nick;
    }

    /** {@code nick!nick@127.0.0.1}: the prefix the server puts on this client's messages (USER is sent with the nickname). */
    public String mask() {
        return nick + "!" + nick + "@" + HOST;
    }

    public IrcTestClient serverName(String name) {
        this.serverName = name;
        return this;
    }

    public String serverName() {
        return serverName;
    }

    /** Stops logging every received line (floods), keeping the transcript short. */
    public IrcTestClient quiet() {
        this.logReceived = false;
        return this;
    }

    public IrcTestClient readTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            throw transcript.failure(label + ": could not set the read timeout: " + e, e);
        }
        return this;
    }

    // ---- sending -------------------------------------------------------------------------

    /** Sends one line with CRLF. */
    public IrcTestClient send(String line) {
        return sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends several lines in one write. */
    public IrcTestClient sendAll(List<String> lines) {
        StringBuilder all = new StringBuilder();
        lines.forEach(l -> all.append(l).append("\r\n"));
        return sendBytes(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    public IrcTestClient sendBytes(byte[] bytes) {
        if (logReceived || bytes.length < 600) {
            transcript.step(label + ": sent \"" + Bytes.escape(bytes) + "\"");
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw transcript.failure(label + ": sending failed (did the server close the connection?): " + e, e);
        }
        return this;
    }

    /** Sends the bytes in pieces ending at the given offsets, each written and flushed on its own. */
    public IrcTestClient sendSplit(byte[] bytes, int... cuts) {
        int[] sorted = cuts.clone();
        Arrays.sort(sorted);
        int from = 0;
        for (int cut : sorted) {
            if (cut > from && cut < bytes.length) {
                sendBytes(Arrays.copyOfRange(bytes, from, cut));
                from = cut;
            }
        }
        return sendBytes(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    // ---- receiving -----------------------------------------------------------------------

    /** The next line, without CRLF. Fails on timeout or close, and (talking to a server) on a line not ending in CRLF. */
    public String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw transcript.failure(label + ": the connection closed"
                            + (line.size() > 0 ? " in the middle of a line: \"" + Bytes.escape(line.toByteArray()) + "\""
                            : " while a line was expected"));
                }
                if (b == '\n') {
                    break;
                }
                line.write(b);
                if (line.size() > 1 << 20) {
                    throw transcript.failure(label + ": a line longer than 1 MiB arrived");
                }
            }
        } catch (SocketTimeoutException e) {
            throw transcript.failure(label + ": no line arrived within " + timeoutMillis() + " ms"
                    + (line.size() > 0 ? "; a line began: \"" + Bytes.escape(line.toByteArray()) + "\"" : ""));
        } catch (IOException e) {
            throw transcript.failure(label + ": reading failed: " + e, e);
        }
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        if (logReceived) {
            transcript.step(label + ": received \"" + Bytes.escape(bytes) + "\\n\"");
        }
        if (strictCrlf && !crlf) {
            throw transcript.failure(label + ": the line \"" + Bytes.escape(bytes) + "\\n\" ends in a bare LF; "
                    + "IRC lines end in CRLF (\\r\\n)");
        }
        return new String(bytes, 0, crlf ? bytes.length - 1 : bytes.length, StandardCharsets.UTF_8);
    }

    public Irc.Msg next() {
        return Irc.parse(readLine());
    }

    /** The next line must match. */
    public Irc.Msg expect(String what, Predicate<Irc.Msg> test) {
        Irc.Msg m = next();
        if (!test.test(m)) {
            throw transcript.failure(label + ": expected " + what + "\nbut received: " + m.raw());
        }
        return m;
    }

    /** The next line must be exactly this message (prefix, command and parameters; the colon before the last one is free). */
    public Irc.Msg expectMessage(String prefix, String command, String... params) {
        String shown = Irc.show(prefix, command, List.of(params));
        return expect(shown, m -> same(m, prefix, command, params));
    }

    /** The next line must be the numeric {@code code} from the server to {@code target}, whose first parameters after the target are {@code leading}. */
    public Irc.Msg expectNumeric(String code, String target, String... leading) {
        String shown = ":" + serverName + " " + code + " " + target + (leading.length > 0 ? " " + String.join(" ", leading) : "")
                + " ...";
        return expect(shown, m -> isNumeric(m, code, target, leading));
    }

    /** Skips lines until one matches; fails when none does in time. */
    public Irc.Msg await(String what, Predicate<Irc.Msg> test) {
        List<String> skipped = new ArrayList<>();
        while (true) {
            Irc.Msg m;
            try {
                m = next();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + label + " was waiting for " + what
                        + skippedText(skipped), e.getCause());
            }
            if (test.test(m)) {
                return m;
            }
            if (skipped.size() < 5) {
                skipped.add(m.raw());
            } else if (skipped.size() == 5) {
                skipped.add("...");
            }
            if (skipped.size() > MAX_SKIPPED) {
                throw transcript.failure(label + ": " + MAX_SKIPPED + " lines arrived, but not " + what);
            }
        }
    }

    public Irc.Msg awaitNumeric(String code) {
        return await("the numeric reply " + code, m -> m.is(code) && serverName.equals(m.prefix()));
    }

    private static String skippedText(List<String> skipped) {
        return skipped.isEmpty() ? "" : "\n(lines skipped while waiting: " + String.join(" | ", skipped) + ")";
    }

    /**
     * Sends {@code PING :<token>} and returns every line received before the matching PONG.
     * The server runs one client's commands in order, so everything the client's earlier
     * commands caused for it has arrived once the PONG is there.
     */
    public List<Irc.Msg> sync() {
        String token = "sync-" + (++syncs) + "-" + label;
        send("PING :" + token);
        List<Irc.Msg> before = new ArrayList<>();
        while (true) {
            Irc.Msg m;
            try {
                m = next();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + label + " was waiting for the answer to PING :" + token
                        + " (:" + serverName + " PONG " + serverName + " :" + token + ")", e.getCause());
            }
            if (m.is("PONG") && token.equals(m.last())) {
                if (!serverName.equals(m.param(0))) {
                    throw transcript.failure(label + ": PONG should name the server first (PONG " + serverName + " :"
                            + token + "), but it was: " + m.raw());
                }
                return before;
            }
            before.add(m);
            if (before.size() > MAX_SKIPPED) {
                throw transcript.failure(label + ": no PONG for " + token + " after " + MAX_SKIPPED + " lines");
            }
        }
    }

    /** Nothing must have arrived for this client (checked with a PING round trip). */
    public void expectNothingMore(String because) {
        List<Irc.Msg> extra = sync();
        if (!extra.isEmpty()) {
            List<String> lines = extra.stream().map(Irc.Msg::raw).limit(5).toList();
            throw transcript.failure(label + ": expected no other line (" + because + "), but received:\n  "
                    + String.join("\n  ", lines) + (extra.size() > 5 ? "\n  ... (" + (extra.size() - 5) + " more)" : ""));
        }
    }

    /** No byte at all may arrive within the window. */
    public void expectSilence(Duration window) {
        int previous = timeoutMillis();
        try {
            socket.setSoTimeout((int) window.toMillis());
            int b = in.read();
            if (b < 0) {
                throw transcript.failure(label + ": expected the connection to stay open and silent, but the server closed it");
            }
            byte[] more = new byte[Math.min(in.available(), 300)];
            int n = in.read(more);
            byte[] got = new byte[Math.max(n, 0) + 1];
            got[0] = (byte) b;
            System.arraycopy(more, 0, got, 1, Math.max(n, 0));
            throw transcript.failure(label + ": expected nothing for " + window.toMillis() + " ms, but received: \""
                    + Bytes.escape(got) + "\"");
        } catch (SocketTimeoutException e) {
            transcript.step(label + ": silent for " + window.toMillis() + " ms, as expected");
        } catch (IOException e) {
            throw transcript.failure(label + ": expected silence, but reading failed: " + e, e);
        } finally {
            try {
                socket.setSoTimeout(previous);
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Reads (and discards) until the peer closes; fails if it stays open past the read timeout. Returns the bytes read. */
    public long expectClosed() {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw transcript.failure(label + ": expected the server to close the connection, but it stayed open for "
                    + timeoutMillis() + " ms");
        } catch (IOException e) {
            // a reset also ends the connection
        }
        transcript.step(label + ": connection closed by the peer");
        return total;
    }

    // ---- conversations -------------------------------------------------------------------

    /** Sends NICK and USER (user name = nickname) and waits for the welcome: 001 first, then up to 004. */
    public IrcTestClient register(String nickname) {
        this.nick = nickname;
        this.label = nickname;
        send("NICK " + nickname);
        send("USER " + nickname + " 0 * :Test User " + nickname);
        Irc.Msg first = next();
        if (!isNumeric(first, Numerics.RPL_WELCOME, nickname)) {
            throw transcript.failure(label + ": after NICK and USER the first reply should be :" + serverName + " 001 "
                    + nickname + " :Welcome ..., but it was: " + first.raw());
        }
        await("004 (RPL_MYINFO), the end of the welcome", m -> isNumeric(m, Numerics.RPL_MYINFO, nickname));
        return this;
    }

    /** Joins a channel and reads the replies up to 366; returns the nicknames the 353 lines listed. */
    public List<String> join(String channel) {
        send("JOIN " + channel);
        await("its own JOIN " + channel, m -> m.is("JOIN") && mask().equals(m.prefix())
                && channel.equalsIgnoreCase(m.param(0)));
        return readNames(channel);
    }

    /** Reads 353 lines up to 366 for the channel; returns the names (without @ or + marks). */
    public List<String> readNames(String channel) {
        List<String> names = new ArrayList<>();
        while (true) {
            Irc.Msg m = next();
            if (isNumeric(m, Numerics.RPL_ENDOFNAMES, nick) && channel.equalsIgnoreCase(m.param(1))) {
                return names;
            }
            if (isNumeric(m, Numerics.RPL_NAMREPLY, nick) && m.params().size() >= 4
                    && channel.equalsIgnoreCase(m.param(2))) {
                for (String n : m.last().trim().split(" +")) {
                    if (!n.isEmpty()) {
                        names.add(n.replaceFirst("^[@+]", ""));
                    }
                }
            } else if (m.is(Numerics.RPL_TOPIC) || m.is(Numerics.RPL_NOTOPIC)) {
                // the topic comes before the names
            } else {
                throw transcript.failure(label + ": while reading the names of " + channel
                        + " (353 lines, then 366) this line arrived: " + m.raw());
            }
        }
    }

    // ---- matching ------------------------------------------------------------------------

    public static boolean same(Irc.Msg m, String prefix, String command, String... params) {
        return java.util.Objects.equals(prefix, m.prefix()) && command.equals(m.command())
                && m.params().equals(List.of(params));
    }

    public boolean isNumeric(Irc.Msg m, String code, String target, String... leading) {
        if (!m.is(code) || !serverName.equals(m.prefix()) || m.params().size() < 1 + leading.length
                || !target.equals(m.param(0))) {
            return false;
        }
        for (int i = 0; i < leading.length; i++) {
            if (!leading[i].equals(m.param(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private int timeoutMillis() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return (int) READ_TIMEOUT.toMillis();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to report
        }
    }
}
