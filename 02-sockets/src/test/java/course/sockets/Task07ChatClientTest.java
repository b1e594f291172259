package course.sockets;

import course.grader.Graded;
import course.grader.support.Transcript;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Task 02.7: the console chat client, run against a server the test plays. */
@DisplayName("02.7 Console chat client")
class Task07ChatClientTest {

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("the client registers (NICK <nick>, USER <user> 0 * :<real name>) and prints the welcome as it came")
    void registers() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("reg"))) {
            s.registered();
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("the client answers PING with PONG on its own")
    void answersPing() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("pong")).registered()) {
            s.server().send("PING :tok-42");
            Irc.Msg pong = s.next("PONG :tok-42");
            if (!pong.is("PONG") || !"tok-42".equals(pong.last())) {
                throw s.fail("PING :tok-42 should be answered PONG :tok-42, but the client sent \"" + pong.raw() + "\"");
            }
            s.server().send(":" + ClientSession.SERVER_NAME + " PING second");
            pong = s.next("PONG second");
            if (!pong.is("PONG") || !"second".equals(pong.last())) {
                throw s.fail("PING second should be answered PONG second, but the client sent \"" + pong.raw() + "\"");
            }
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("PRIVMSG is printed as <nick> text, other lines as they came")
    void printsMessages() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("show")).registered()) {
            s.server().send(":alice!alice@127.0.0.1 PRIVMSG #java :hello there, ünïcödé");
            s.client().awaitLine("a line with \"<alice> hello there, ünïcödé\"", l -> l.contains("<alice> hello there, ünïcödé"));
            String topic = ":" + ClientSession.SERVER_NAME + " 332 " + s.nick() + " #java :Sockets, week 2";
            s.server().send(topic);
            s.client().awaitLine("the line \"" + topic + "\" as it came", topic::equals);
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("/join #channel sends JOIN, and plain text then goes to that channel as PRIVMSG")
    void joinAndTalk() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("talk")).registered()) {
            s.client().type("/join #java");
            s.expectSent("JOIN", "#java");
            s.client().type("hello, world");
            s.expectSent("PRIVMSG", "#java", "hello, world");
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("/msg target text sends PRIVMSG target :text")
    void privateMessage() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("msg")).registered()) {
            s.client().type("/msg alice hi there, how are you?");
            s.expectSent("PRIVMSG", "alice", "hi there, how are you?");
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("/quit reason sends QUIT :reason, and the client ends when the server closes")
    void quit() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("bye")).registered()) {
            s.client().type("/quit going home");
            s.expectSent("QUIT", "going home");
            s.server().send("ERROR :Closing Link: 127.0.0.1 (going home)");
            s.server().close();
            s.client().expectExit(Duration.ofSeconds(10));
        }
    }
}
