package course.sockets;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A chat server that speaks a subset of IRC (RFC 2812):
 * {@code java course.sockets.ChatServer --port 6667 [--server-name irc.course.local]}.
 * Real IRC clients (irssi, WeeChat, HexChat) can connect to it.
 *
 * <p>Threads: each client has a virtual thread that reads its lines and runs its commands
 * ({@link ClientConnection#run()}), and a second one that writes its outbound queue. All
 * shared state (nicknames, channels, memberships) is read and changed only while holding
 * {@link #lock}, and commands never block while they hold it: they only put lines in
 * queues. So every member of a channel sees its messages in the order the server took
 * them, and a client that stops reading holds up nobody.
 */
public final class ChatServer {
    public static final String DEFAULT_SERVER_NAME = "irc.course.local";
    public static final String VERSION = "course-irc-1.0";
    /** A client with more lines than this waiting in its outbound queue is disconnected. */
    public static final int MAX_QUEUED_LINES = 1000;
    /** Connections the operating system may hold for us before we accept them. */
    public static final int ACCEPT_BACKLOG = 256;
    public static final String USAGE = "usage: java course.sockets.ChatServer --port N [--server-name NAME]";

    private final String serverName;
    private final ZonedDateTime created = ZonedDateTime.now(ZoneOffset.UTC);
    private final ReentrantLock lock = new ReentrantLock();
    /** Clients by folded nickname (see {@link #fold}); also those that sent NICK but not yet USER. */
    final Map<String, ClientConnection> nicknames = new HashMap<>();
    /** Channels by folded name. A channel exists while it has members. */
    final Map<String, Channel> channels = new HashMap<>();
    private final Registration registration = new Registration(this);
    private final ChannelCommands channelCommands = new ChannelCommands(this);

    public ChatServer(String serverName) {
        this.serverName = serverName;
    }

    public static void main(String[] args) throws IOException {
        int port;
        String name;
        try {
            Arguments arguments = Arguments.parse(args, Set.of("--port", "--server-name"));
            port = arguments.port();
            name = arguments.get("--server-name", DEFAULT_SERVER_NAME);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return;
        }
        ChatServer server = new ChatServer(name);
        try (ServerSocket listener = new ServerSocket()) {
            try {
                listener.bind(new InetSocketAddress(port), ACCEPT_BACKLOG);
            } catch (BindException e) {
                System.err.println("port " + port + " is already in use");
                return;
            }
            System.out.println(name + ": chat server listening on port " + port);
            while (true) {
                Socket socket = listener.accept();
                ClientConnection client;
                try {
                    client = new ClientConnection(socket, server);
                } catch (IOException e) {
                    socket.close();
                    continue;
                }
                // BEGIN SOLUTION
                Thread.ofVirtual().name("reader-" + client.host()).start(client::run);
                // END SOLUTION
                // STUB: new Thread(client::run).start(); // TODO(task 02.5): one virtual thread per client (Thread.ofVirtual())
            }
        }
    }

    /** The server's name, the prefix of everything it says itself. */
    public String name() {
        return serverName;
    }

    ZonedDateTime created() {
        return created;
    }

    /** Case-insensitive names: nicknames and channel names are compared in this form ("ascii" casemapping). */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A numeric reply: {@code :<server> <code> <nick or *> <parameters>}; the caller writes the colons. */
    String numeric(ClientConnection to, String code, String parameters) {
        return ":" + serverName + " " + code + " " + to.nickOrStar() + " " + parameters;
    }

    /** Runs one line a client sent. Empty lines are ignored. */
    void handle(ClientConnection client, String line) {
        IrcMessage message = IrcMessage.parse(line);
        if (message == null) {
            return;
        }
        lock.lock();
        try {
            dispatch(client, message);
        } finally {
            lock.unlock();
        }
    }

    private void dispatch(ClientConnection client, IrcMessage message) {
        switch (message.command()) {
            case "NICK" -> registration.nick(client, message);
            case "USER" -> registration.user(client, message);
            case "PING" -> registration.ping(client, message);
            case "PONG" -> {
                // An answer to a PING: nothing to do.
            }
            case "QUIT" -> registration.quit(client, message);
            case "JOIN", "PART", "PRIVMSG", "NOTICE", "NAMES", "TOPIC" -> {
                if (registration.requireRegistered(client)) {
                    channelCommands.handle(client, message);
                }
            }
            default -> registration.unknownCommand(client, message);
        }
    }

    /**
     * The connection of {@code client} has ended: it sent QUIT, closed the connection,
     * vanished, or was dropped. Frees its nickname, takes it out of its channels (a channel
     * left empty disappears) and tells everyone who shared a channel with it, once:
     * {@code :nick!user@host QUIT :reason}.
     */
    void disconnected(ClientConnection client, String reason) {
        lock.lock();
        try {
            // BEGIN SOLUTION
            String nick = client.nick();
            if (nick != null && nicknames.get(fold(nick)) == client) {
                nicknames.remove(fold(nick));
            }
            Set<ClientConnection> peers = new LinkedHashSet<>();
            for (Channel channel : client.channels()) {
                channel.members().remove(client);
                peers.addAll(channel.members());
                if (channel.members().isEmpty()) {
                    channels.remove(fold(channel.name()));
                }
            }
            client.channels().clear();
            if (client.isRegistered()) {
                String quit = ":" + client.mask() + " QUIT :" + reason;
                for (ClientConnection peer : peers) {
                    peer.send(quit);
                }
            }
            // END SOLUTION
            // STUB: // TODO(task 02.6): free the nickname, leave every channel (remove channels left empty)
            // STUB: // and send ":nick!user@host QUIT :reason" once to everyone who shared a channel with the client.
        } finally {
            lock.unlock();
        }
    }
}
