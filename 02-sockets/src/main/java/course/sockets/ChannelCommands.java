package course.sockets;

import static course.sockets.Numerics.ERR_CANNOTSENDTOCHAN;
import static course.sockets.Numerics.ERR_NEEDMOREPARAMS;
import static course.sockets.Numerics.ERR_NORECIPIENT;
import static course.sockets.Numerics.ERR_NOSUCHCHANNEL;
import static course.sockets.Numerics.ERR_NOSUCHNICK;
import static course.sockets.Numerics.ERR_NOTEXTTOSEND;
import static course.sockets.Numerics.ERR_NOTONCHANNEL;
import static course.sockets.Numerics.RPL_ENDOFNAMES;
import static course.sockets.Numerics.RPL_NAMREPLY;
import static course.sockets.Numerics.RPL_NOTOPIC;
import static course.sockets.Numerics.RPL_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Channel and message commands: JOIN, PART, PRIVMSG, NOTICE, NAMES, TOPIC. They run only
 * for registered clients, with the server's lock held. Messages from a client carry its
 * prefix {@code :nick!user@host}. A list of targets separated by commas
 * ({@code JOIN #a,#b}) is handled one target at a time.
 */
final class ChannelCommands {
    /** A channel name: {@code #}, then 1 to 49 characters that are not space, comma, colon or a control character. */
    static final Pattern CHANNEL_NAME = Pattern.compile("#[^\\s,:\\x00-\\x1F\\x7F]{1,49}");

    private final ChatServer server;

    ChannelCommands(ChatServer server) {
        this.server = server;
    }

    void handle(ClientConnection client, IrcMessage message) {
        switch (message.command()) {
            case "JOIN" -> join(client, message);
            case "PART" -> part(client, message);
            case "PRIVMSG", "NOTICE" -> message(client, message);
            case "NAMES" -> names(client, message);
            case "TOPIC" -> topic(client, message);
            default -> throw new IllegalArgumentException("not a channel command: " + message.command());
        }
    }

    /**
     * {@code JOIN <#channel>}: creates the channel if needed and adds the client; every member,
     * the joiner included, sees {@code :nick!user@host JOIN #channel}; then the joiner gets the
     * topic (332, or 331 without one) and the names (353 and 366). Joining a channel the
     * client is already in does nothing. 403 for a name that breaks {@link #CHANNEL_NAME}, 461 without one.
     */
    void join(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String names = message.param(0);
        if (names == null || names.isEmpty()) {
            client.send(server.numeric(client, ERR_NEEDMOREPARAMS, "JOIN :Not enough parameters"));
            return;
        }
        for (String name : names.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            if (!CHANNEL_NAME.matcher(name).matches()) {
                client.send(server.numeric(client, ERR_NOSUCHCHANNEL, name + " :No such channel"));
                continue;
            }
            Channel channel = server.channels.computeIfAbsent(ChatServer.fold(name), key -> new Channel(name));
            if (channel.has(client)) {
                continue;
            }
            channel.members().add(client);
            client.channels().add(channel);
            channel.broadcast(":" + client.mask() + " JOIN " + channel.name(), null);
            sendTopic(client, channel);
            sendNames(client, channel);
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.4): JOIN");
    }

    /**
     * {@code PART <#channel> [:reason]}: every member, the one leaving included, sees
     * {@code :nick!user@host PART #channel [:reason]}; a channel left empty disappears.
     * 403 for an unknown channel, 442 when the client is not in it, 461 without a channel.
     */
    void part(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String names = message.param(0);
        if (names == null || names.isEmpty()) {
            client.send(server.numeric(client, ERR_NEEDMOREPARAMS, "PART :Not enough parameters"));
            return;
        }
        String reason = message.param(1);
        for (String name : names.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            Channel channel = server.channels.get(ChatServer.fold(name));
            if (channel == null) {
                client.send(server.numeric(client, ERR_NOSUCHCHANNEL, name + " :No such channel"));
                continue;
            }
            if (!channel.has(client)) {
                client.send(server.numeric(client, ERR_NOTONCHANNEL, channel.name() + " :You're not on that channel"));
                continue;
            }
            String suffix = reason == null || reason.isEmpty() ? "" : " :" + reason;
            channel.broadcast(":" + client.mask() + " PART " + channel.name() + suffix, null);
            channel.members().remove(client);
            client.channels().remove(channel);
            if (channel.members().isEmpty()) {
                server.channels.remove(ChatServer.fold(channel.name()));
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.4): PART");
    }

    /**
     * {@code PRIVMSG <target> :<text>} and {@code NOTICE <target> :<text>}: to a channel, every
     * member but the sender gets {@code :nick!user@host PRIVMSG #channel :text}; to a nickname,
     * that client gets it. Errors: 401 unknown nickname, 403 unknown channel, 404 sender not
     * in the channel, 411 no target, 412 no text. NOTICE never gets an error reply (RFC 2812, 3.3.2).
     */
    void message(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String command = message.command();
        boolean notice = command.equals("NOTICE");
        String targets = message.param(0);
        String text = message.param(1);
        if (targets == null || targets.isEmpty()) {
            if (!notice) {
                client.send(server.numeric(client, ERR_NORECIPIENT, ":No recipient given (" + command + ")"));
            }
            return;
        }
        if (text == null || text.isEmpty()) {
            if (!notice) {
                client.send(server.numeric(client, ERR_NOTEXTTOSEND, ":No text to send"));
            }
            return;
        }
        for (String target : targets.split(",")) {
            if (target.isEmpty()) {
                continue;
            }
            if (target.startsWith("#")) {
                Channel channel = server.channels.get(ChatServer.fold(target));
                if (channel == null) {
                    if (!notice) {
                        client.send(server.numeric(client, ERR_NOSUCHCHANNEL, target + " :No such channel"));
                    }
                } else if (!channel.has(client)) {
                    if (!notice) {
                        client.send(server.numeric(client, ERR_CANNOTSENDTOCHAN, channel.name()
                                + " :Cannot send to channel"));
                    }
                } else {
                    channel.broadcast(":" + client.mask() + " " + command + " " + channel.name() + " :" + text, client);
                }
            } else {
                ClientConnection to = server.nicknames.get(ChatServer.fold(target));
                if (to == null || !to.isRegistered()) {
                    if (!notice) {
                        client.send(server.numeric(client, ERR_NOSUCHNICK, target + " :No such nick/channel"));
                    }
                } else {
                    to.send(":" + client.mask() + " " + command + " " + to.nick() + " :" + text);
                }
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.4): PRIVMSG and NOTICE");
    }

    /** {@code NAMES <#channel>}: 353 with the members, then 366. An unknown channel gets only 366. */
    void names(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String names = message.param(0);
        if (names == null || names.isEmpty()) {
            client.send(server.numeric(client, RPL_ENDOFNAMES, "* :End of /NAMES list"));
            return;
        }
        for (String name : names.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            Channel channel = server.channels.get(ChatServer.fold(name));
            if (channel == null) {
                client.send(server.numeric(client, RPL_ENDOFNAMES, name + " :End of /NAMES list"));
            } else {
                sendNames(client, channel);
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.4): NAMES");
    }

    /**
     * {@code TOPIC <#channel>} answers the topic (332, or 331 without one);
     * {@code TOPIC <#channel> :<topic>} sets it (an empty one clears it) and every member sees
     * {@code :nick!user@host TOPIC #channel :topic}. 403 unknown channel, 442 not a member, 461 no channel.
     */
    void topic(ClientConnection client, IrcMessage message) {
        // BEGIN SOLUTION
        String name = message.param(0);
        if (name == null || name.isEmpty()) {
            client.send(server.numeric(client, ERR_NEEDMOREPARAMS, "TOPIC :Not enough parameters"));
            return;
        }
        Channel channel = server.channels.get(ChatServer.fold(name));
        if (channel == null) {
            client.send(server.numeric(client, ERR_NOSUCHCHANNEL, name + " :No such channel"));
            return;
        }
        if (!channel.has(client)) {
            client.send(server.numeric(client, ERR_NOTONCHANNEL, channel.name() + " :You're not on that channel"));
            return;
        }
        if (message.params().size() < 2) {
            sendTopic(client, channel);
            return;
        }
        String topic = message.param(1);
        channel.setTopic(topic.isEmpty() ? null : topic);
        channel.broadcast(":" + client.mask() + " TOPIC " + channel.name() + " :" + topic, null);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 02.4): TOPIC");
    }
    // BEGIN SOLUTION

    private void sendTopic(ClientConnection client, Channel channel) {
        if (channel.topic() == null) {
            client.send(server.numeric(client, RPL_NOTOPIC, channel.name() + " :No topic is set"));
        } else {
            client.send(server.numeric(client, RPL_TOPIC, channel.name() + " :" + channel.topic()));
        }
    }

    /** 353 lines with the members, each line within the 512-byte limit, then 366. */
    private void sendNames(ClientConnection client, Channel channel) {
        String start = server.numeric(client, RPL_NAMREPLY, "= " + channel.name() + " :");
        int room = LineReader.MAX_CONTENT_BYTES - start.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder names = new StringBuilder();
        for (ClientConnection member : channel.members()) {
            if (names.length() > 0 && names.length() + 1 + member.nick().length() > room) {
                client.send(start + names);
                names.setLength(0);
            }
            if (names.length() > 0) {
                names.append(' ');
            }
            names.append(member.nick());
        }
        client.send(start + names);
        client.send(server.numeric(client, RPL_ENDOFNAMES, channel.name() + " :End of /NAMES list"));
    }
    // END SOLUTION
}
