package course.sockets;

import static course.sockets.IrcTestClient.HOST;

import course.grader.Graded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.3: registration (NICK and USER), the welcome, PING, QUIT and the error replies. */
@DisplayName("02.3 Chat registration")
class Task03RegistrationTest {
    static final String SERVER = ChatServer.DEFAULT_SERVER_NAME;

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    private static IrcTestClient connect(Transcript transcript, String label) {
        return IrcTestClient.connect(server, transcript, label);
    }

    @Test
    @Graded(task = "02.3", points = 2)
    @DisplayName("NICK then USER: the welcome 001, 002, 003, 004, in order, addressed to the nickname")
    void welcome() {
        String nick = Names.nick("alice");
        try (IrcTestClient c = connect(new Transcript(), nick)) {
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :Alice Liddell");
            Irc.Msg welcome = c.expectNumeric(Numerics.RPL_WELCOME, nick);
            String mask = nick + "!" + nick + "@" + HOST;
            if (!welcome.last().endsWith(mask)) {
                throw c.transcript().failure("001 should end with the client's full name " + mask + " (nick!user@host), "
                        + "but it was: " + welcome.raw());
            }
            c.expectNumeric(Numerics.RPL_YOURHOST, nick);
            c.expectNumeric(Numerics.RPL_CREATED, nick);
            c.expectNumeric(Numerics.RPL_MYINFO, nick, SERVER);
            c.expectNothingMore("the welcome ends with 004");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("USER then NICK registers too, and nothing is answered before both have arrived")
    void userThenNick() {
        String nick = Names.nick("bob");
        try (IrcTestClient c = connect(new Transcript(), nick)) {
            c.send("USER " + nick + " 0 * :Bob");
            c.send("PING :between");
            Irc.Msg pong = c.next();
            if (!pong.is("PONG")) {
                throw c.transcript().failure("after USER alone, the server should not answer yet (the PING's PONG should come "
                        + "first), but it sent: " + pong.raw());
            }
            c.send("NICK " + nick);
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
            c.expectNumeric(Numerics.RPL_YOURHOST, nick);
            c.expectNumeric(Numerics.RPL_CREATED, nick);
            c.expectNumeric(Numerics.RPL_MYINFO, nick, SERVER);
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("PING token is answered :irc.course.local PONG irc.course.local :token")
    void ping() {
        String nick = Names.nick("pinger");
        try (IrcTestClient c = connect(new Transcript(), nick).register(nick)) {
            c.send("PING :abc 123");
            c.expectMessage(SERVER, "PONG", SERVER, "abc 123");
            c.send("PING plain-token");
            c.expectMessage(SERVER, "PONG", SERVER, "plain-token");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("QUIT :reason is answered with an ERROR line, then the server closes the connection")
    void quit() {
        String nick = Names.nick("quit");
        try (IrcTestClient c = connect(new Transcript(), nick).register(nick)) {
            c.send("QUIT :see you");
            c.expect("an ERROR line (ERROR :Closing Link: ...)", m -> m.is("ERROR"));
            c.readTimeout(Duration.ofSeconds(5));
            c.expectClosed();
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("NICK without a nickname: 431 ERR_NONICKNAMEGIVEN")
    void noNicknameGiven() {
        try (IrcTestClient c = connect(new Transcript(), "client")) {
            c.send("NICK");
            c.expectNumeric(Numerics.ERR_NONICKNAMEGIVEN, "*");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("nicknames that break the rule get 432 ERR_ERRONEUSNICKNAME; a valid one then works")
    void erroneousNicknames() {
        try (IrcTestClient c = connect(new Transcript(), "client")) {
            for (String bad : new String[] {"9lives", "-dash", "ten_chars_", "at@sign", "dot.ted", "ünï"}) {
                c.send("NICK " + bad);
                c.expectNumeric(Numerics.ERR_ERRONEUSNICKNAME, "*", bad);
            }
            String good = "[" + Names.nick("ok") + "]";
            c.send("NICK " + good);
            c.send("USER x 0 * :X");
            c.expectNumeric(Numerics.RPL_WELCOME, good);
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("a nickname in use, in any case, gets 433 ERR_NICKNAMEINUSE")
    void nicknameInUse() {
        String nick = Names.nick("Carol");
        Transcript t = new Transcript();
        try (IrcTestClient first = connect(t, nick).register(nick); IrcTestClient second = connect(t, "second")) {
            second.send("NICK " + nick);
            second.expectNumeric(Numerics.ERR_NICKNAMEINUSE, "*", nick);
            String upper = nick.toUpperCase();
            second.send("NICK " + upper);
            second.expectNumeric(Numerics.ERR_NICKNAMEINUSE, "*", upper);
            first.expectNothingMore("another client's failed NICK is none of its business");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("commands before registration get 451 ERR_NOTREGISTERED")
    void notRegistered() {
        try (IrcTestClient c = connect(new Transcript(), "client")) {
            c.send("JOIN #early");
            c.expectNumeric(Numerics.ERR_NOTREGISTERED, "*");
            c.send("PRIVMSG #early :too soon");
            c.expectNumeric(Numerics.ERR_NOTREGISTERED, "*");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("an unknown command gets 421 ERR_UNKNOWNCOMMAND naming it")
    void unknownCommand() {
        String nick = Names.nick("dave");
        try (IrcTestClient c = connect(new Transcript(), nick).register(nick)) {
            c.send("FROBNICATE now");
            c.expectNumeric(Numerics.ERR_UNKNOWNCOMMAND, nick, "FROBNICATE");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("USER with too few parameters gets 461 ERR_NEEDMOREPARAMS naming USER")
    void needMoreParams() {
        try (IrcTestClient c = connect(new Transcript(), "client")) {
            c.send("USER onlyone");
            c.expectNumeric(Numerics.ERR_NEEDMOREPARAMS, "*", "USER");
            String nick = Names.nick("erin");
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :Erin");
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
        }
    }
}
