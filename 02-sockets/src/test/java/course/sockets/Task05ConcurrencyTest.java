package course.sockets;

import course.grader.Graded;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.5: a virtual thread and an outbound queue per client; slow clients are dropped; 200 clients. */
@DisplayName("02.5 Concurrency")
class Task05ConcurrencyTest {
    static final int CLIENTS = 200;

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    @Test
    @Graded(task = "02.5", points = 3)
    @DisplayName("a member that stops reading does not hold up the others: they get every message at once, in order")
    void nonReaderDoesNotStallOthers() {
        Transcript t = new Transcript();
        Flood.Result r = Flood.run(server, t, Names.channel("flood"));
        try {
            // Flood.run has checked that every message reached the reader in time and in order.
            r.sender().sync();
        } finally {
            Flood.close(r.sender(), r.reader(), r.stalled());
        }
    }

    @Test
    @Graded(task = "02.5", points = 2)
    @DisplayName("a member whose queue passes MAX_QUEUED_LINES is dropped: its channel sees it QUIT and its connection closes")
    void slowClientIsDropped() {
        Transcript t = new Transcript();
        Flood.Result r = Flood.run(server, t, Names.channel("drop"));
        try {
            if (!r.dropped()) {
                throw t.failure("after " + r.sent() + " messages of " + Flood.TEXT_BYTES + " bytes, far more than the socket "
                        + "buffers and MAX_QUEUED_LINES (" + ChatServer.MAX_QUEUED_LINES + ") lines hold, the client that "
                        + "does not read is still connected; drop it when its queue passes MAX_QUEUED_LINES");
            }
            if (r.quit().last() == null || r.quit().last().isBlank() || !r.stalled().mask().equals(r.quit().prefix())) {
                throw t.failure("the channel should see :" + r.stalled().mask() + " QUIT :<reason>, but it saw: "
                        + r.quit().raw());
            }
            r.stalled().readTimeout(Duration.ofSeconds(10)).quiet();
            r.stalled().expectClosed();
        } finally {
            Flood.close(r.sender(), r.reader(), r.stalled());
        }
    }

    @Test
    @Graded(task = "02.5", points = 3)
    @DisplayName("200 clients join one channel and all of them receive a message (with far fewer than 200 threads)")
    void twoHundredClients() {
        Transcript t = new Transcript();
        String channel = Names.channel("crowd");
        List<IrcTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String nick = Names.nick("c");
                IrcTestClient c = IrcTestClient.connect(server, t, nick).quiet().register(nick);
                clients.add(c);
                c.join(channel);
            }
            IrcTestClient speaker = clients.get(0);
            speaker.send("PRIVMSG " + channel + " :hello, all " + (CLIENTS - 1) + " of you");
            for (IrcTestClient c : clients.subList(1, CLIENTS)) {
                c.await("the message from " + speaker.nick(), m -> m.is("PRIVMSG") && speaker.mask().equals(m.prefix())
                        && m.params().equals(List.of(channel, "hello, all " + (CLIENTS - 1) + " of you")));
            }
            if (ChatSupport.procAvailable(server)) {
                int threads = ChatSupport.threads(server);
                t.step("the server process has " + threads + " threads with " + CLIENTS + " clients connected");
                if (threads >= CLIENTS) {
                    throw t.failure("with " + CLIENTS + " clients connected the server runs " + threads
                            + " threads: give each client virtual threads (Thread.ofVirtual()), not platform threads");
                }
            }
        } finally {
            clients.forEach(IrcTestClient::close);
        }
    }
}
