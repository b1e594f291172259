package course.sockets;

import static course.sockets.Numerics.ERR_ALREADYREGISTRED;
import static course.sockets.Numerics.ERR_ERRONEUSNICKNAME;
import static course.sockets.Numerics.ERR_NEEDMOREPARAMS;
import static course.sockets.Numerics.ERR_NICKNAMEINUSE;
import static course.sockets.Numerics.ERR_NONICKNAMEGIVEN;
import static course.sockets.Numerics.ERR_NOTREGISTERED;
import static course.sockets.Numerics.ERR_UNKNOWNCOMMAND;
import static course.sockets.Numerics.RPL_CREATED;
import static course.sockets.Numerics.RPL_MYINFO;
import static course.sockets.Numerics.RPL_WELCOME;
import static course.sockets.Numerics.RPL_YOURHOST;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registration and connection commands: NICK, USER, PING, QUIT, and the replies to
 * unknown commands and to commands sent too early. A client is registered once it has
 * sent both NICK and USER, in either order; it then gets the welcome 001 to 004.
 * Every method runs with the server's lock held.
 */
final class Registration {
    /** Nicknames have at most this many characters (RFC 2812). */
    static final int MAX_NICK_LENGTH = 9;
    /**
     * The nickname rule (RFC 2812, 2.3.1): a letter or a special character first, then up
     * to 8 letters, digits, special characters or {@code -}. The special characters are
     * {@code [ ] \ ` _ ^ { | }}. Nicknames are compared ignoring case ({@link ChatServer#fold}).
     */
    static final Pattern NICKNAME =
            Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0," + (MAX_NICK_LENGTH - 1) + "}");
    /** The reason others see when QUIT gives none. */
    static final String DEFAULT_QUIT_REASON = "Client Quit";
    /** 004 lists the user and channel modes a server supports; this one has none. */
    static final String NO_MODES = "-";

    private final ChatServer server;

    Registration(ChatServer server) {
        this.server = server;
    }

    /**
     * {@code NICK <nickname>}: 431 without a nickname, 432 when it breaks {@link #NICKNAME},
     * 433 when another client holds it (in any case). A registered client that changes its
     * nickname sees {@code :old!user@host NICK :new}, and so does everyone in its channels.
     */
    void nick(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String wanted = message.param(0);
        if (wanted == null || wanted.isEmpty()) {
            client.send(server.numeric(client, ERR_NONICKNAMEGIVEN, ":No nickname given"));
            return;
        }
        if (!NICKNAME.matcher(wanted).matches()) {
            client.send(server.numeric(client, ERR_ERRONEUSNICKNAME, wanted + " :Erroneous nickname"));
            return;
        }
        ClientConnection holder = server.nicknames.get(ChatServer.fold(wanted));
        if (holder != null && holder != client) {
            client.send(server.numeric(client, ERR_NICKNAMEINUSE, wanted + " :Nickname is already in use"));
            return;
        }
        String old = client.nick();
        if (wanted.equals(old)) {
            return;
        }
        if (old != null) {
            server.nicknames.remove(ChatServer.fold(old));
        }
        server.nicknames.put(ChatServer.fold(wanted), client);
        if (client.isRegistered()) {
            String change = ":" + client.mask() + " NICK :" + wanted;
            Set<ClientConnection> told = new LinkedHashSet<>();
            told.add(client);
            for (Channel channel : client.channels()) {
                told.addAll(channel.members());
            }
            told.forEach(c -> c.send(change));
        }
        client.setNick(wanted);
        welcomeWhenReady(client);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): NICK (431, 432, 433, then remember the nickname)");
    }

    /** {@code USER <user> <mode> <unused> :<real name>}: 461 with fewer than 4 parameters, 462 once registered. */
    void user(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        if (client.isRegistered()) {
            client.send(server.numeric(client, ERR_ALREADYREGISTRED, ":You may not reregister"));
            return;
        }
        if (message.params().size() < 4 || message.param(0).isEmpty()) {
            client.send(server.numeric(client, ERR_NEEDMOREPARAMS, "USER :Not enough parameters"));
            return;
        }
        client.setUser(message.param(0), message.param(3));
        welcomeWhenReady(client);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): USER (461, then remember the user name)");
    }
    // BEGIN SOLUTION

    /** Sends 001 to 004 once the client has both a nickname and a user name. */
    private void welcomeWhenReady(ClientConnection client) {
        if (client.isRegistered() || client.nick() == null || client.user() == null) {
            return;
        }
        client.setRegistered();
        client.send(server.numeric(client, RPL_WELCOME, ":Welcome to the Internet Relay Network " + client.mask()));
        client.send(server.numeric(client, RPL_YOURHOST,
                ":Your host is " + server.name() + ", running version " + ChatServer.VERSION));
        client.send(server.numeric(client, RPL_CREATED,
                ":This server was created " + DateTimeFormatter.RFC_1123_DATE_TIME.format(server.created())));
        client.send(server.numeric(client, RPL_MYINFO,
                server.name() + " " + ChatServer.VERSION + " " + NO_MODES + " " + NO_MODES));
    }
    // END SOLUTION

    /** {@code PING <token>}: answers {@code :<server> PONG <server> :<token>}; 461 without a token. */
    void ping(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String token = message.param(0);
        if (token == null || token.isEmpty()) {
            client.send(server.numeric(client, ERR_NEEDMOREPARAMS, "PING :Not enough parameters"));
            return;
        }
        client.send(":" + server.name() + " PONG " + server.name() + " :" + token);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): PING -> PONG");
    }

    /**
     * {@code QUIT [:reason]}: answers {@code ERROR :Closing Link: <host> (<reason>)} and ends
     * the connection. Its channels are told when the connection ends ({@link ChatServer#disconnected}).
     */
    void quit(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String reason = message.param(0);
        if (reason == null || reason.isEmpty()) {
            reason = DEFAULT_QUIT_REASON;
        }
        client.send("ERROR :Closing Link: " + client.host() + " (" + reason + ")");
        client.close(reason);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): QUIT (send ERROR, then client.close(reason))");
    }

    /** True when the client may use channel commands; otherwise answers 451 and returns false. */
    boolean requireRegistered(ClientConnection client) {
        // BEGIN SOLUTION
        if (client.isRegistered()) {
            return true;
        }
        client.send(server.numeric(client, ERR_NOTREGISTERED, ":You have not registered"));
        return false;
        // END SOLUTION
        // STUB: return true; // TODO(task 02.3): answer 451 ERR_NOTREGISTERED and return false until NICK and USER are done
    }

    /** 421 for a command this server does not know. */
    void unknownCommand(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        client.send(server.numeric(client, ERR_UNKNOWNCOMMAND, message.command() + " :Unknown command"));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.3): answer 421 ERR_UNKNOWNCOMMAND");
    }
}
