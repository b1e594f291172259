package course.sockets.hidden;

import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.Transcript;
import course.sockets.ClientSession;
import course.sockets.Irc;
import course.sockets.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task 02.7, hidden: the other commands, the server going away, bursts, random texts. */
@DisplayName("02.7 Console chat client (hidden)")
@ExtendWith(Seeded.class)
class Task07ChatClientHiddenTest {

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("/part #c, /part (the current channel) and /raw LINE")
    void partAndRaw() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("part")).registered()) {
            s.client().type("/join #one");
            s.expectSent("JOIN", "#one");
            s.client().type("/join #two");
            s.expectSent("JOIN", "#two");
            s.client().type("/part #one");
            s.expectSent("PART", "#one");
            s.client().type("/raw MODE #two +t");
            s.expectSent("MODE", "#two", "+t");
            s.client().type("/part");
            s.expectSent("PART", "#two");
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("the client ends when the server closes the connection, even while nobody types")
    void endsWhenServerCloses() {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("end")).registered()) {
            s.server().send("ERROR :Closing Link: 127.0.0.1 (server shutting down)");
            s.client().awaitLine("the ERROR line", l -> l.startsWith("ERROR"));
            s.server().close();
            s.client().expectExit(Duration.ofSeconds(10));
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("plain text goes to the channel joined last; random texts (UTF-8) arrive unchanged")
    void lastChannelAndRandomTexts(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,!?:;-_ éüß 한국어 😀";
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("text")).registered()) {
            s.client().type("/join #first");
            s.expectSent("JOIN", "#first");
            s.client().type("/join #second");
            s.expectSent("JOIN", "#second");
            for (int i = 0; i < 20; i++) {
                StringBuilder text = new StringBuilder("t" + i + " ");
                int length = random.nextInt(60);
                int count = alphabet.codePointCount(0, alphabet.length());
                for (int j = 0; j < length; j++) {
                    text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(count))));
                }
                String typed = text.toString().strip();
                s.client().type(typed);
                s.expectSent("PRIVMSG", "#second", typed);
            }
        }
    }

    @Test
    @Graded(task = "02.7", points = 1)
    @DisplayName("50 messages and 5 PINGs in one burst: every message printed in order, every PING answered")
    void burst(Random random) {
        try (ClientSession s = ClientSession.start(new Transcript(), Names.nick("burst")).registered()) {
            List<String> lines = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                lines.add(":bob!bob@127.0.0.1 PRIVMSG " + s.nick() + " :message " + i);
                if (i % 10 == 5) {
                    String token = "tok" + random.nextInt(1_000_000);
                    tokens.add(token);
                    lines.add("PING :" + token);
                }
            }
            s.server().sendAll(lines);
            for (int i = 0; i < 50; i++) {
                String expected = "<bob> message " + i;
                String printed = s.client().awaitLine("a line with \"" + expected + "\"", l -> l.contains("<bob> message "));
                if (!printed.contains(expected)) {
                    throw s.fail("message " + i + " should be printed next (\"" + expected + "\"), but the client printed \""
                            + printed + "\"");
                }
            }
            for (String token : tokens) {
                Irc.Msg pong = s.next("PONG :" + token);
                if (!pong.is("PONG") || !token.equals(pong.last())) {
                    throw s.fail("the client should answer PING :" + token + " with PONG :" + token + ", but sent \""
                            + pong.raw() + "\"");
                }
            }
        }
    }
}
