package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import course.sockets.ChatServer;
import course.sockets.ChatSupport;
import course.sockets.Flood;
import course.sockets.Irc;
import course.sockets.IrcTestClient;
import course.sockets.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.5, hidden: slow but honest readers, everyone talking at once, private floods, connection storms. */
@DisplayName("02.5 Concurrency (hidden)")
@ExtendWith(Seeded.class)
class Task05ConcurrencyHiddenTest {

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    static IrcTestClient user(Transcript t, String base) {
        String nick = Names.nick(base);
        return IrcTestClient.connect(server, t, nick).register(nick);
    }

    @Test
    @Graded(task = "02.5", points = 2)
    @DisplayName("a member that pauses while 300 messages arrive (fewer than MAX_QUEUED_LINES) stays and gets them all, in order")
    void pausingReaderKeepsEverything(Random random) {
        Transcript t = new Transcript();
        String channel = Names.randomChannel(random);
        int count = 300;
        try (IrcTestClient sender = user(t, "talk"); IrcTestClient pausing = user(t, "pause")) {
            sender.join(channel);
            pausing.join(channel);
            sender.sync();
            pausing.quiet();
            sender.quiet();
            t.step(pausing.nick() + " does not read while " + count + " messages are sent");
            String padding = "p".repeat(200);
            for (int from = 0; from < count; from += 50) {
                List<String> batch = new ArrayList<>();
                for (int i = from; i < from + 50; i++) {
                    batch.add("PRIVMSG " + channel + " :" + i + " " + padding);
                }
                sender.sendAll(batch);
            }
            sender.sync();
            for (int i = 0; i < count; i++) {
                Irc.Msg m = pausing.next();
                if (!m.is("PRIVMSG") || m.last() == null || !m.last().startsWith(i + " ")) {
                    throw t.failure(pausing.nick() + " should get message " + i + " (" + count + " in all, fewer than "
                            + "MAX_QUEUED_LINES = " + ChatServer.MAX_QUEUED_LINES + ", so it must not be dropped), but got: "
                            + (m.raw().length() > 120 ? m.raw().substring(0, 120) + "..." : m.raw()));
                }
            }
            pausing.sync();
        }
    }

    @Test
    @Graded(task = "02.5", points = 2)
    @DisplayName("120 members each send one message at the same moment: everyone gets all 119 others, in one common order")
    void everyoneTalksAtOnce() throws Exception {
        Transcript t = new Transcript();
        String channel = Names.channel("all");
        int n = 120;
        List<IrcTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                IrcTestClient c = IrcTestClient.connect(server, t, "c" + i).quiet().register(Names.nick("all"));
                c.join(channel);
                clients.add(c);
            }
            for (IrcTestClient c : clients) {
                c.sync(); // the JOIN lines of later members
            }
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> sends = new ArrayList<>();
                for (IrcTestClient c : clients) {
                    sends.add(pool.submit(() -> c.send("PRIVMSG " + channel + " :from " + c.nick())));
                }
                for (Future<?> f : sends) {
                    f.get();
                }
            }
            List<List<String>> seen = new ArrayList<>();
            for (IrcTestClient c : clients) {
                List<String> texts = new ArrayList<>();
                while (texts.size() < n - 1) {
                    Irc.Msg m = c.await("message " + (texts.size() + 1) + " of " + (n - 1),
                            x -> x.is("PRIVMSG") && channel.equals(x.param(0)));
                    texts.add(m.last());
                }
                seen.add(texts);
            }
            List<String> first = seen.get(0);
            String own0 = "from " + clients.get(0).nick();
            for (int i = 1; i < n; i++) {
                String ownI = "from " + clients.get(i).nick();
                List<String> a = first.stream().filter(x -> !x.equals(ownI)).toList();
                List<String> b = seen.get(i).stream().filter(x -> !x.equals(own0)).toList();
                if (!a.equals(b)) {
                    throw t.failure(clients.get(i).nick() + " and " + clients.get(0).nick()
                            + " saw the channel's messages in different orders");
                }
            }
        } finally {
            clients.forEach(IrcTestClient::close);
        }
    }

    @Test
    @Graded(task = "02.5", points = 1)
    @DisplayName("a flood of private messages to a client that does not read drops it too, and frees its nickname")
    void privateFloodDrops(Random random) {
        Transcript t = new Transcript();
        String channel = Names.randomChannel(random);
        String stalledNick = Names.nick("deaf");
        try (IrcTestClient sender = user(t, "loud");
             IrcTestClient stalled = IrcTestClient.connect(server.port(), t, stalledNick, Flood.SMALL_BUFFER)
                     .register(stalledNick)) {
            sender.join(channel);
            stalled.join(channel);
            sender.sync();
            sender.quiet();
            String padding = "q".repeat(Flood.TEXT_BYTES);
            Irc.Msg quit = null;
            int sent = 0;
            while (quit == null && sent < Flood.maxMessages()) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < Flood.BATCH; i++) {
                    batch.add("PRIVMSG " + stalledNick + " :" + (sent + i) + " " + padding);
                }
                sender.sendAll(batch);
                sent += Flood.BATCH;
                for (Irc.Msg m : sender.sync()) {
                    if (m.is("QUIT") && stalledNick.equals(m.fromNick())) {
                        quit = m;
                    }
                }
            }
            if (quit == null) {
                throw t.failure("after " + sent + " private messages " + stalledNick + " (which does not read) was not "
                        + "dropped; the queue limit applies to every line a client is sent");
            }
            stalled.readTimeout(Duration.ofSeconds(10)).quiet();
            stalled.expectClosed();
            try (IrcTestClient again = IrcTestClient.connect(server, t, stalledNick).register(stalledNick)) {
                again.sync();
            }
        }
    }

    @Test
    @Graded(task = "02.5", points = 1)
    @DisplayName("100 clients connect and register at the same moment, and all are welcomed")
    void connectionStorm() throws Exception {
        Transcript t = new Transcript();
        List<IrcTestClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String nick = Names.nick("storm");
                all.add(CompletableFuture.runAsync(() -> {
                    IrcTestClient c = IrcTestClient.connect(server, t, nick).quiet();
                    clients.add(c);
                    c.register(nick);
                }, pool));
            }
            for (CompletableFuture<Void> f : all) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
            }
        } finally {
            clients.forEach(IrcTestClient::close);
        }
    }
}
