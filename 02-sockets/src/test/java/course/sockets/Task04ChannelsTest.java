package course.sockets;

import course.grader.Graded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.4: channels and messages. */
@DisplayName("02.4 Channels and messages")
class Task04ChannelsTest {

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    private static IrcTestClient user(Transcript transcript, String base) {
        String nick = Names.nick(base);
        return IrcTestClient.connect(server, transcript, nick).register(nick);
    }

    static void expectNames(IrcTestClient c, String channel, List<String> names, String... expected) {
        if (!new HashSet<>(names).equals(Set.of(expected)) || names.size() != expected.length) {
            throw c.transcript().failure(c.nick() + ": the names of " + channel + " should be " + List.of(expected)
                    + " (in any order), but 353 listed " + names);
        }
    }

    @Test
    @Graded(task = "02.4", points = 2)
    @DisplayName("JOIN: the joiner sees its own JOIN, then 331 (no topic), 353 with the names, 366")
    void join() {
        String channel = Names.channel("java");
        try (IrcTestClient alice = user(new Transcript(), "alice")) {
            alice.send("JOIN " + channel);
            alice.expectMessage(alice.mask(), "JOIN", channel);
            alice.expectNumeric(Numerics.RPL_NOTOPIC, alice.nick(), channel);
            Irc.Msg names = alice.expectNumeric(Numerics.RPL_NAMREPLY, alice.nick());
            if (names.params().size() != 4 || !names.param(2).equals(channel)
                    || !List.of(names.last().trim().split(" +")).contains(alice.nick())) {
                throw alice.transcript().failure("353 should read :" + alice.serverName() + " 353 " + alice.nick() + " = "
                        + channel + " :" + alice.nick() + ", but it was: " + names.raw());
            }
            alice.expectNumeric(Numerics.RPL_ENDOFNAMES, alice.nick(), channel);
            alice.expectNothingMore("the JOIN replies end with 366");
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("a second JOIN: the member sees it, and the newcomer's names list both")
    void secondJoin() {
        String channel = Names.channel("meet");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            expectNames(alice, channel, alice.join(channel), alice.nick());
            List<String> names = bob.join(channel);
            expectNames(bob, channel, names, alice.nick(), bob.nick());
            alice.expectMessage(bob.mask(), "JOIN", channel);
            alice.expectNothingMore("one JOIN line per newcomer");
        }
    }

    @Test
    @Graded(task = "02.4", points = 2)
    @DisplayName("PRIVMSG to a channel reaches every other member, with the sender's prefix, and not the sender")
    void channelMessage() {
        String channel = Names.channel("talk");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob");
             IrcTestClient carol = user(t, "carol"); IrcTestClient outsider = user(t, "dave")) {
            alice.join(channel);
            bob.join(channel);
            carol.join(channel);
            alice.sync();
            bob.sync();
            alice.send("PRIVMSG " + channel + " :hello, everyone: ünïcödé too");
            alice.expectNothingMore("a sender does not get its own channel message back");
            bob.expectMessage(alice.mask(), "PRIVMSG", channel, "hello, everyone: ünïcödé too");
            carol.expectMessage(alice.mask(), "PRIVMSG", channel, "hello, everyone: ünïcödé too");
            outsider.expectNothingMore("dave is not in " + channel);
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("PRIVMSG to a nickname reaches that client only")
    void privateMessage() {
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob"); IrcTestClient carol = user(t, "carol")) {
            alice.send("PRIVMSG " + bob.nick() + " :just between us");
            bob.expectMessage(alice.mask(), "PRIVMSG", bob.nick(), "just between us");
            alice.expectNothingMore("the sender gets no copy");
            carol.expectNothingMore("the message was for bob");
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("NOTICE is delivered like PRIVMSG, to a channel and to a nickname")
    void notice() {
        String channel = Names.channel("notes");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            alice.send("NOTICE " + channel + " :server restarts at noon");
            bob.expectMessage(alice.mask(), "NOTICE", channel, "server restarts at noon");
            bob.send("NOTICE " + alice.nick() + " :thanks");
            alice.expectMessage(bob.mask(), "NOTICE", alice.nick(), "thanks");
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("PART with a reason: every member (the one leaving too) sees it, and messages stop reaching the leaver")
    void part() {
        String channel = Names.channel("leave");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            bob.send("PART " + channel + " :off to lunch");
            bob.expectMessage(bob.mask(), "PART", channel, "off to lunch");
            alice.expectMessage(bob.mask(), "PART", channel, "off to lunch");
            alice.send("PRIVMSG " + channel + " :anyone?");
            alice.sync();
            bob.expectNothingMore("bob left " + channel);
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("TOPIC sets the topic (all members see it), TOPIC asks for it (332), and a newcomer gets it on JOIN")
    void topic() {
        String channel = Names.channel("topic");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob"); IrcTestClient carol = user(t, "carol")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            alice.send("TOPIC " + channel + " :Sockets, week 2");
            alice.expectMessage(alice.mask(), "TOPIC", channel, "Sockets, week 2");
            bob.expectMessage(alice.mask(), "TOPIC", channel, "Sockets, week 2");
            bob.send("TOPIC " + channel);
            bob.expectNumeric(Numerics.RPL_TOPIC, bob.nick(), channel, "Sockets, week 2");
            carol.send("JOIN " + channel);
            carol.expectMessage(carol.mask(), "JOIN", channel);
            carol.expectNumeric(Numerics.RPL_TOPIC, carol.nick(), channel, "Sockets, week 2");
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("NAMES #channel answers 353 with the members, then 366")
    void names() {
        String channel = Names.channel("names");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob"); IrcTestClient carol = user(t, "carol")) {
            alice.join(channel);
            bob.join(channel);
            carol.send("NAMES " + channel);
            expectNames(carol, channel, carol.readNames(channel), alice.nick(), bob.nick());
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("errors: 401 no such nick, 403 no such channel, 404 not a member, 442 not on that channel")
    void errors() {
        String channel = Names.channel("club");
        Transcript t = new Transcript();
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            String nobody = Names.nick("ghost");
            bob.send("PRIVMSG " + nobody + " :hello?");
            bob.expectNumeric(Numerics.ERR_NOSUCHNICK, bob.nick(), nobody);
            String noChannel = Names.channel("void");
            bob.send("PRIVMSG " + noChannel + " :hello?");
            bob.expectNumeric(Numerics.ERR_NOSUCHCHANNEL, bob.nick(), noChannel);
            bob.send("PRIVMSG " + channel + " :let me in");
            bob.expectNumeric(Numerics.ERR_CANNOTSENDTOCHAN, bob.nick(), channel);
            bob.send("PART " + channel);
            bob.expectNumeric(Numerics.ERR_NOTONCHANNEL, bob.nick(), channel);
            bob.send("PART " + noChannel);
            bob.expectNumeric(Numerics.ERR_NOSUCHCHANNEL, bob.nick(), noChannel);
            alice.expectNothingMore("bob's failed commands reach no one");
        }
    }
}
