package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import course.sockets.ChatSupport;
import course.sockets.Irc;
import course.sockets.IrcTestClient;
import course.sockets.Names;
import course.sockets.Numerics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.4, hidden: random channels and members, order under concurrency, case, errors. */
@DisplayName("02.4 Channels and messages (hidden)")
@ExtendWith(Seeded.class)
class Task04ChannelsHiddenTest {

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    static IrcTestClient user(Transcript t, Random random) {
        String nick = Names.randomNick(random);
        return IrcTestClient.connect(server, t, nick).register(nick);
    }

    static void closeAll(List<IrcTestClient> clients) {
        clients.forEach(IrcTestClient::close);
    }

    @Test
    @Graded(task = "02.4", points = 2)
    @DisplayName("random channels with random members: each message reaches exactly the other members of its channel")
    void randomChannels(Random random) {
        Transcript t = new Transcript();
        List<IrcTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                clients.add(user(t, random));
            }
            List<String> channels = List.of(Names.randomChannel(random), Names.randomChannel(random),
                    Names.randomChannel(random));
            Map<String, List<IrcTestClient>> members = new HashMap<>();
            for (String channel : channels) {
                members.put(channel, new ArrayList<>());
                for (IrcTestClient c : clients) {
                    if (random.nextInt(3) > 0) {
                        c.join(channel);
                        members.get(channel).add(c);
                    }
                }
            }
            clients.forEach(IrcTestClient::sync);
            Map<IrcTestClient, List<String>> expected = new HashMap<>();
            Map<IrcTestClient, List<Irc.Msg>> received = new HashMap<>();
            clients.forEach(c -> expected.put(c, new ArrayList<>()));
            clients.forEach(c -> received.put(c, new ArrayList<>()));
            for (String channel : channels) {
                for (IrcTestClient sender : members.get(channel)) {
                    String text = "from " + sender.nick() + " to " + channel + " " + Long.toHexString(random.nextLong());
                    sender.send("PRIVMSG " + channel + " :" + text);
                    // The PING round trip makes sure the server has handled the message before the next one is sent.
                    received.get(sender).addAll(sender.sync());
                    for (IrcTestClient member : members.get(channel)) {
                        if (member != sender) {
                            expected.get(member).add(":" + sender.mask() + " PRIVMSG " + channel + " :" + text);
                        }
                    }
                }
            }
            for (IrcTestClient c : clients) {
                received.get(c).addAll(c.sync());
                List<String> got = received.get(c).stream().map(m -> Irc.show(m.prefix(), m.command(), m.params())).toList();
                List<String> want = expected.get(c).stream().map(l -> {
                    Irc.Msg m = Irc.parse(l);
                    return Irc.show(m.prefix(), m.command(), m.params());
                }).toList();
                if (!got.equals(want)) {
                    throw t.failure(c.nick() + " should have received exactly " + want + "\nbut received " + got);
                }
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Graded(task = "02.4", points = 2)
    @DisplayName("three members talk at once: every member sees the channel's messages in one and the same order")
    void oneOrderForEveryone(Random random) throws Exception {
        Transcript t = new Transcript();
        String channel = Names.randomChannel(random);
        List<IrcTestClient> clients = new ArrayList<>();
        int perSender = 60;
        try {
            for (int i = 0; i < 6; i++) {
                IrcTestClient c = user(t, random).quiet();
                c.join(channel);
                clients.add(c);
            }
            clients.forEach(IrcTestClient::sync);
            List<IrcTestClient> senders = clients.subList(0, 3);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (IrcTestClient s : senders) {
                long seed = random.nextLong();
                running.add(CompletableFuture.runAsync(() -> {
                    Random burst = new Random(seed);
                    int n = 0;
                    while (n < perSender) {
                        List<String> lines = new ArrayList<>();
                        int size = Math.min(perSender - n, 1 + burst.nextInt(8));
                        for (int k = 0; k < size; k++, n++) {
                            lines.add("PRIVMSG " + channel + " :" + s.nick() + " " + n);
                        }
                        s.sendAll(lines);
                    }
                }));
            }
            for (CompletableFuture<Void> r : running) {
                r.get();
            }
            Map<IrcTestClient, List<String>> seen = new HashMap<>();
            for (IrcTestClient c : clients) {
                int expected = senders.contains(c) ? 2 * perSender : 3 * perSender;
                List<String> texts = new ArrayList<>();
                while (texts.size() < expected) {
                    Irc.Msg m = c.await("message " + (texts.size() + 1) + " of " + expected,
                            x -> x.is("PRIVMSG") && channel.equals(x.param(0)));
                    texts.add(m.last());
                }
                seen.put(c, texts);
            }
            List<String> reference = seen.get(clients.get(5));
            for (IrcTestClient c : clients) {
                List<String> mine = seen.get(c);
                List<String> filtered = reference.stream().filter(x -> !x.startsWith(c.nick() + " ")).toList();
                if (!mine.equals(filtered)) {
                    throw t.failure(c.nick() + " saw the messages in another order than " + clients.get(5).nick()
                            + ": every member must see a channel's messages in the order the server took them.\n"
                            + "first 10 of " + c.nick() + ": " + mine.subList(0, 10) + "\nfirst 10 of "
                            + clients.get(5).nick() + " (without " + c.nick() + "'s own): " + filtered.subList(0, 10));
                }
            }
            for (IrcTestClient s : senders) {
                List<String> own = reference.stream().filter(x -> x.startsWith(s.nick() + " ")).toList();
                for (int i = 0; i < own.size(); i++) {
                    if (!own.get(i).equals(s.nick() + " " + i)) {
                        throw t.failure("the messages of " + s.nick() + " arrived out of the order it sent them: " + own);
                    }
                }
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("channel names are case-insensitive: #MixedCase, #mixedcase and #MIXEDCASE are one channel")
    void caseInsensitiveChannels(Random random) {
        Transcript t = new Transcript();
        String suffix = Long.toString(random.nextInt(1_000_000));
        String channel = "#MixedCase" + suffix;
        try (IrcTestClient alice = user(t, random); IrcTestClient bob = user(t, random)) {
            alice.join(channel);
            List<String> names = bob.join(channel.toLowerCase());
            if (!names.contains(alice.nick())) {
                throw t.failure("JOIN " + channel.toLowerCase() + " should join " + channel + ", where " + alice.nick()
                        + " is; but the names were " + names);
            }
            alice.sync();
            bob.send("PRIVMSG " + channel.toUpperCase() + " :shouting");
            alice.expect("the message from " + bob.nick(), m -> m.is("PRIVMSG") && bob.mask().equals(m.prefix())
                    && channel.equalsIgnoreCase(m.param(0)) && "shouting".equals(m.last()));
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("461 for JOIN, PART and TOPIC without a channel; TOPIC gets 403 for an unknown channel, 442 from a non-member")
    void moreErrors(Random random) {
        Transcript t = new Transcript();
        String channel = Names.randomChannel(random);
        try (IrcTestClient alice = user(t, random); IrcTestClient bob = user(t, random)) {
            for (String command : List.of("JOIN", "PART", "TOPIC")) {
                bob.send(command);
                bob.expectNumeric(Numerics.ERR_NEEDMOREPARAMS, bob.nick(), command);
            }
            bob.send("TOPIC " + channel);
            bob.expectNumeric(Numerics.ERR_NOSUCHCHANNEL, bob.nick(), channel);
            alice.join(channel);
            bob.send("TOPIC " + channel + " :not my channel");
            bob.expectNumeric(Numerics.ERR_NOTONCHANNEL, bob.nick(), channel);
            alice.expectNothingMore("bob's topic was refused");
        }
    }

    @Test
    @Graded(task = "02.4", points = 1)
    @DisplayName("a second JOIN changes nothing; a channel whose last member left is gone (403), topic and all")
    void joinTwiceAndEmptyChannel(Random random) {
        Transcript t = new Transcript();
        String channel = Names.randomChannel(random);
        try (IrcTestClient alice = user(t, random); IrcTestClient bob = user(t, random)) {
            alice.join(channel);
            alice.send("JOIN " + channel);
            alice.expectNothingMore("alice is already in " + channel);
            alice.send("TOPIC " + channel + " :old topic");
            alice.expectMessage(alice.mask(), "TOPIC", channel, "old topic");
            alice.send("PART " + channel);
            alice.expect(":" + alice.mask() + " PART " + channel, m -> m.is("PART") && alice.mask().equals(m.prefix())
                    && channel.equals(m.param(0)));
            bob.send("PRIVMSG " + channel + " :anyone?");
            bob.expectNumeric(Numerics.ERR_NOSUCHCHANNEL, bob.nick(), channel);
            bob.send("JOIN " + channel);
            bob.expectMessage(bob.mask(), "JOIN", channel);
            bob.expectNumeric(Numerics.RPL_NOTOPIC, bob.nick(), channel);
        }
    }
}
