package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import course.sockets.ChatServer;
import course.sockets.ChatSupport;
import course.sockets.Irc;
import course.sockets.IrcTestClient;
import course.sockets.Names;
import course.sockets.Numerics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.6, hidden: random splits, resets, garbage, and many clients leaving at once. */
@DisplayName("02.6 Robustness (hidden)")
@ExtendWith(Seeded.class)
class Task06RobustnessHiddenTest {
    static final String SERVER = ChatServer.DEFAULT_SERVER_NAME;

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    static IrcTestClient user(Transcript t, String base) {
        String nick = Names.nick(base);
        return IrcTestClient.connect(server, t, nick).register(nick);
    }

    @Test
    @Graded(task = "02.6", points = 2)
    @DisplayName("a whole session cut into random pieces gets the same answers as sent in one piece")
    void randomlySplitSession(Random random) {
        Transcript t = new Transcript();
        for (int round = 0; round < 5; round++) {
            String channel = Names.randomChannel(random);
            try (IrcTestClient watcher = user(t, "watch")) {
                watcher.join(channel);
                String nick = Names.randomNick(random);
                String text = "split " + Long.toHexString(random.nextLong()) + " ünï 한글";
                String session = "NICK " + nick + "\r\nUSER " + "u" + round + " 0 * :Split\r\nJOIN " + channel + "\r\n"
                        + "PRIVMSG " + channel + " :" + text + "\r\nTOPIC " + channel + " :topic " + round + "\r\n"
                        + "PING :end-" + round + "\r\n";
                byte[] bytes = session.getBytes(StandardCharsets.UTF_8);
                int[] cuts = new int[1 + random.nextInt(30)];
                for (int i = 0; i < cuts.length; i++) {
                    cuts[i] = 1 + random.nextInt(bytes.length - 1);
                }
                try (IrcTestClient c = IrcTestClient.connect(server, t, nick)) {
                    c.sendSplit(bytes, cuts);
                    String mask = nick + "!u" + round + "@" + IrcTestClient.HOST;
                    c.expectNumeric(Numerics.RPL_WELCOME, nick);
                    c.awaitNumeric(Numerics.RPL_MYINFO);
                    c.expectMessage(mask, "JOIN", channel);
                    c.await("366 for " + channel, m -> m.is(Numerics.RPL_ENDOFNAMES));
                    c.expectMessage(mask, "TOPIC", channel, "topic " + round);
                    c.expectMessage(SERVER, "PONG", SERVER, "end-" + round);
                    watcher.expectMessage(mask, "JOIN", channel);
                    watcher.expectMessage(mask, "PRIVMSG", channel, text);
                    watcher.expectMessage(mask, "TOPIC", channel, "topic " + round);
                }
            }
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("a connection that ends with a reset (RST) is announced as QUIT like any other")
    void resetIsAnnounced() throws IOException {
        Transcript t = new Transcript();
        String channel = Names.channel("rst");
        try (IrcTestClient alice = user(t, "alice")) {
            alice.join(channel);
            IrcTestClient bob = user(t, "bob");
            bob.join(channel);
            alice.sync();
            bob.socket().setSoLinger(true, 0);
            t.step(bob.nick() + " closes with a reset");
            bob.close();
            alice.expect(":" + bob.mask() + " QUIT :<any reason>", m -> m.is("QUIT") && bob.mask().equals(m.prefix()));
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("garbage (invalid UTF-8, control bytes, a bare prefix, a 100 KB line) breaks nothing")
    void garbage() {
        Transcript t = new Transcript();
        String channel = Names.channel("junk");
        try (IrcTestClient alice = user(t, "alice"); IrcTestClient bob = user(t, "bob")) {
            alice.join(channel);
            bob.join(channel);
            alice.sync();
            ByteArrayOutputStream junk = new ByteArrayOutputStream();
            junk.writeBytes(("PRIVMSG " + channel + " :bad bytes ").getBytes(StandardCharsets.US_ASCII));
            junk.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x01, 0x7F, '\r', '\n'});
            junk.writeBytes(":just.a.prefix\r\n".getBytes(StandardCharsets.US_ASCII));
            junk.writeBytes(":\r\n".getBytes(StandardCharsets.US_ASCII));
            junk.writeBytes("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            junk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            bob.sendBytes(junk.toByteArray());
            alice.expect("the PRIVMSG with the bad bytes", m -> m.is("PRIVMSG") && bob.mask().equals(m.prefix()));
            List<Irc.Msg> rest = bob.sync();
            for (Irc.Msg m : rest) {
                if (!m.is(Numerics.ERR_UNKNOWNCOMMAND)) {
                    throw t.failure("after the garbage only 421 replies may come, but " + bob.nick() + " got: " + m.raw());
                }
            }
            bob.send("PRIVMSG " + channel + " :still here");
            alice.expectMessage(bob.mask(), "PRIVMSG", channel, "still here");
        }
    }

    @Test
    @Graded(task = "02.6", points = 1)
    @DisplayName("30 members vanish at once: the one left sees 30 QUITs, and NAMES lists only itself")
    void manyLeaveAtOnce() {
        Transcript t = new Transcript();
        String channel = Names.channel("exodus");
        List<IrcTestClient> leavers = new ArrayList<>();
        try (IrcTestClient stay = user(t, "stay")) {
            stay.join(channel);
            Set<String> masks = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                IrcTestClient c = user(t, "gone").quiet();
                c.join(channel);
                leavers.add(c);
                masks.add(c.mask());
            }
            stay.sync();
            leavers.forEach(IrcTestClient::close);
            t.step("30 members closed their connections");
            Set<String> quits = new HashSet<>();
            while (quits.size() < 30) {
                Irc.Msg m = stay.await("the QUIT of the remaining " + (30 - quits.size()) + " members",
                        x -> x.is("QUIT"));
                if (!masks.contains(m.prefix()) || !quits.add(m.prefix())) {
                    throw t.failure("unexpected or repeated QUIT: " + m.raw());
                }
            }
            stay.send("NAMES " + channel);
            List<String> names = stay.readNames(channel);
            if (!names.equals(List.of(stay.nick()))) {
                throw t.failure("after everyone else left, NAMES " + channel + " should list only " + stay.nick()
                        + ", but listed " + names);
            }
        } finally {
            leavers.forEach(IrcTestClient::close);
        }
    }
}
