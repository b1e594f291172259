package course.sockets;

import course.grader.Graded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.6: clients that vanish, overlong lines, commands in odd pieces, and no stray output. */
@DisplayName("02.6 Robustness")
class Task06RobustnessTest {

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    private static IrcTestClient user(Transcript transcript, String base) {
        String nick = Names.nick(base);
        return IrcTestClient.connect(server, transcript, nick).register(nick);
    }

    @Test
    @Graded(task = "02.6", points = 2)
    @DisplayName("a client that disconnects without QUIT is announced to its channels as a QUIT, once, and its nickname is free again")
    void disconnectWithoutQuit() {
        String channel = Names.channel("vanish");
        String other = Names.channel("vanish");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice")) {
            String mask;
            String nick;
            try (IrcTestClient bob = user(t, "bob")) {
                alice.join(channel);
                alice.join(other);
                bob.join(channel);
                bob.join(other);
                alice.sync();
                mask = bob.mask();
                nick = bob.nick();
                t.step(nick + " closes its connection without QUIT");
            }
            alice.expect(":" + mask + " QUIT :<any reason>", m -> m.is("QUIT") && mask.equals(m.prefix())
                    && m.params().size() == 1 && !m.last().isBlank());
            alice.expectNothingMore("one QUIT per client, even when it shared two channels");
            try (IrcTestClient again = IrcTestClient.connect(server, t, nick).register(nick)) {
                again.sync();
            }
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("QUIT :reason: the members of the quitter's channels see :nick!user@host QUIT :reason")
    void quitReasonSeenByOthers() {
        String channel = Names.channel("bye");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            bob.send("QUIT :gone fishing");
            bob.expect("an ERROR line", m -> m.is("ERROR"));
            alice.expectMessage(bob.mask(), "QUIT", "gone fishing");
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("a line over 512 bytes is cut to 510 bytes (without CRLF); the connection goes on")
    void overlongLineIsTruncated() {
        String channel = Names.channel("long");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            String command = "PRIVMSG " + channel + " :";
            String text = "0123456789".repeat(100);
            alice.send(command + text);
            String kept = text.substring(0, LineReader.MAX_CONTENT_BYTES - command.length());
            Irc.Msg m = bob.next();
            if (!m.is("PRIVMSG") || !kept.equals(m.last())) {
                throw t.failure(bob.nick() + " should get the text cut so that the line alice sent was 510 bytes: the first "
                        + kept.length() + " characters of it; but it received (" + m.raw().length() + " characters): "
                        + Flood.abbreviate(m.raw()));
            }
            alice.send("PRIVMSG " + channel + " :after the long one");
            bob.expectMessage(alice.mask(), "PRIVMSG", channel, "after the long one");
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("commands split across several writes are understood (NI|CK al|ice\\r|\\n...)")
    void splitCommands() {
        String nick = Names.nick("split");
        try (IrcTestClient c = IrcTestClient.connect(server, new Transcript(), nick)) {
            byte[] bytes = ("NICK " + nick + "\r\nUSER " + nick + " 0 * :Split Person\r\n").getBytes(StandardCharsets.US_ASCII);
            int crlf = ("NICK " + nick).length();
            c.sendSplit(bytes, 2, 7, crlf + 1, crlf + 6, bytes.length - 3);
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("several commands in one write are all answered, in order")
    void coalescedCommands() {
        String nick = Names.nick("batch");
        String channel = Names.channel("batch");
        try (IrcTestClient c = IrcTestClient.connect(server, new Transcript(), nick)) {
            c.sendAll(List.of("NICK " + nick, "USER " + nick + " 0 * :Batch", "JOIN " + channel, "PING :done"));
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
            c.expectNumeric(Numerics.RPL_YOURHOST, nick);
            c.expectNumeric(Numerics.RPL_CREATED, nick);
            c.expectNumeric(Numerics.RPL_MYINFO, nick);
            c.expectMessage(nick + "!" + nick + "@" + IrcTestClient.HOST, "JOIN", channel);
            c.expectNumeric(Numerics.RPL_NOTOPIC, nick, channel);
            c.expectNumeric(Numerics.RPL_NAMREPLY, nick);
            c.expectNumeric(Numerics.RPL_ENDOFNAMES, nick, channel);
            c.expectMessage(ChatServer.DEFAULT_SERVER_NAME, "PONG", ChatServer.DEFAULT_SERVER_NAME, "done");
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("no stray output: empty lines and bare-LF lines are fine, and an idle client hears nothing")
    void noStrayOutput() {
        String nick = Names.nick("quiet");
        try (IrcTestClient c = IrcTestClient.connect(server, new Transcript(), nick)) {
            c.sendBytes(("\r\n\nNICK " + nick + "\nUSER " + nick + " 0 * :Quiet\n\r\nPING :lf\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
            c.expectNumeric(Numerics.RPL_YOURHOST, nick);
            c.expectNumeric(Numerics.RPL_CREATED, nick);
            c.expectNumeric(Numerics.RPL_MYINFO, nick);
            c.expectMessage(ChatServer.DEFAULT_SERVER_NAME, "PONG", ChatServer.DEFAULT_SERVER_NAME, "lf");
            c.expectSilence(Duration.ofMillis(500));
        }
    }
}
