package course.sockets;

import course.grader.support.Transcript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * The student's ChatClient, started as a process, connected to a server the test plays:
 * {@link #server()} is the server's side of the connection, {@link #client()} the process
 * (its keyboard and screen).
 */
public final class ClientSession implements AutoCloseable {
    public static final String SERVER_NAME = "irc.test";

    private final ServerSocket listener;
    private final JavaProcess client;
    private final IrcTestClient server;
    private final String nick;

    private ClientSession(ServerSocket listener, JavaProcess client, IrcTestClient server, String nick) {
        this.listener = listener;
        this.client = client;
        this.server = server;
        this.nick = nick;
    }

    /** Starts the client for {@code nick} and accepts its connection. */
    public static ClientSession start(Transcript t, String nick) {
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw t.failure("could not listen for the client: " + e, e);
        }
        t.step("the test plays an IRC server on port " + listener.getLocalPort());
        JavaProcess client = null;
        boolean started = false;
        try {
            client = JavaProcess.start(t, ChatSupport.CHAT_CLIENT, "127.0.0.1",
                    Integer.toString(listener.getLocalPort()), nick);
            IrcTestClient server = IrcTestClient.accept(listener, t, "server", Duration.ofSeconds(20));
            server.serverName(SERVER_NAME);
            started = true;
            return new ClientSession(listener, client, server, nick);
        } finally {
            if (!started) {
                if (client != null) {
                    client.close();
                }
                try {
                    listener.close();
                } catch (IOException ignored) {
                    // nothing to add
                }
            }
        }
    }

    public JavaProcess client() {
        return client;
    }

    public IrcTestClient server() {
        return server;
    }

    public String nick() {
        return nick;
    }

    public Transcript transcript() {
        return client.transcript();
    }

    /** Reads the client's NICK and USER (in either order) and checks them. */
    public ClientSession expectRegistration() {
        Irc.Msg nickLine = null;
        Irc.Msg userLine = null;
        for (int i = 0; i < 2; i++) {
            Irc.Msg m = next("NICK and USER");
            if (m.is("NICK") && nickLine == null) {
                nickLine = m;
            } else if (m.is("USER") && userLine == null) {
                userLine = m;
            } else {
                throw fail("the client should first register with NICK " + nick + " and USER <user> 0 * :<real name>, "
                        + "but it sent: " + m.raw());
            }
        }
        if (!nickLine.params().equals(List.of(nick))) {
            throw fail("the client should send NICK " + nick + ", but it sent: " + nickLine.raw());
        }
        if (userLine.params().size() != 4 || userLine.param(0).isEmpty()) {
            throw fail("USER takes 4 parameters (USER <user> 0 * :<real name>), but the client sent: " + userLine.raw());
        }
        return this;
    }

    /** Registration, then the welcome from the server; waits until the client printed it. */
    public ClientSession registered() {
        expectRegistration();
        String welcome = ":" + SERVER_NAME + " 001 " + nick + " :Welcome to the test network " + nick + "!" + nick + "@127.0.0.1";
        server.send(welcome);
        client.awaitLine("the welcome line printed as it came: " + welcome, welcome::equals);
        return this;
    }

    /** The next line the client sent; fails clearly when the client sent nothing. */
    public Irc.Msg next(String what) {
        try {
            return server.next();
        } catch (AssertionError e) {
            throw client.failure(e.getMessage() + "\n(the test was waiting for the client to send " + what + ")");
        }
    }

    /** The next line the client sent must be this command with these parameters. */
    public Irc.Msg expectSent(String command, String... params) {
        String shown = Irc.show(null, command, List.of(params));
        Irc.Msg m = next(shown);
        if (!m.is(command) || !m.params().equals(List.of(params))) {
            throw fail("the client should have sent \"" + shown + "\", but it sent \"" + m.raw() + "\"");
        }
        return m;
    }

    public AssertionError fail(String message) {
        return client.failure(message);
    }

    @Override
    public void close() {
        server.close();
        client.close();
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing to report
        }
    }
}
