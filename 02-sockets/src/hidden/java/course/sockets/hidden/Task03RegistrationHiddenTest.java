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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.3, hidden: random nicknames, races for one nickname, the server name option, case. */
@DisplayName("02.3 Chat registration (hidden)")
@ExtendWith(Seeded.class)
class Task03RegistrationHiddenTest {

    @RegisterExtension
    static final StudentServer server = ChatSupport.chatServer();

    @RegisterExtension
    static final StudentServer named = StudentServer.main(ChatSupport.CHAT_SERVER)
            .args("--port", "{port}", "--server-name", "chat.example.org");

    static IrcTestClient connect(Transcript t, String label) {
        return IrcTestClient.connect(server, t, label);
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("30 random valid nicknames (letters, digits, [ ] \\ ` _ ^ { | } and -) all register")
    void randomValidNicknames(Random random) {
        Transcript t = new Transcript();
        for (int i = 0; i < 30; i++) {
            String nick = Names.randomNick(random);
            try (IrcTestClient c = connect(t, nick)) {
                c.send("NICK " + nick);
                c.send("USER u" + i + " 0 * :Random " + i);
                c.expectNumeric(Numerics.RPL_WELCOME, nick);
            }
        }
    }

    @Test
    @Graded(task = "02.3", points = 2)
    @DisplayName("30 random invalid nicknames get 432, each naming the rejected nickname")
    void randomInvalidNicknames(Random random) {
        Transcript t = new Transcript();
        String forbidden = "!@#$%&*()+=.,?~'\"/;<>";
        try (IrcTestClient c = connect(t, "client")) {
            for (int i = 0; i < 30; i++) {
                String valid = Names.randomNick(random);
                String bad = switch (i % 3) {
                    case 0 -> (char) ('0' + random.nextInt(10)) + valid.substring(1); // digit first
                    case 1 -> (valid + "abcdefghij").substring(0, 10 + random.nextInt(5)); // too long
                    default -> {
                        int at = random.nextInt(valid.length() + 1);
                        yield valid.substring(0, at) + forbidden.charAt(random.nextInt(forbidden.length()))
                                + valid.substring(at);
                    }
                };
                if (bad.length() > 9 && i % 3 == 2) {
                    bad = bad.substring(0, 9);
                    if (bad.chars().noneMatch(ch -> forbidden.indexOf(ch) >= 0)) {
                        bad = "x" + forbidden.charAt(0);
                    }
                }
                c.send("NICK " + bad);
                c.expectNumeric(Numerics.ERR_ERRONEUSNICKNAME, "*", bad);
            }
            String nine = "n" + Names.nick("abcdefgh").substring(1);
            c.send("NICK " + nine);
            c.send("USER nine 0 * :Nine");
            c.expectNumeric(Numerics.RPL_WELCOME, nine);
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("commands in lower case work, NICK :name equals NICK name, and the real name may have spaces")
    void caseAndForms() {
        String nick = Names.nick("lower");
        try (IrcTestClient c = connect(new Transcript(), nick)) {
            c.send("nick :" + nick);
            c.send("user " + nick + " 0 * :A Real Name With Spaces");
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
            c.awaitNumeric(Numerics.RPL_MYINFO);
            c.send("ping :lower case");
            c.expectMessage(ChatServer.DEFAULT_SERVER_NAME, "PONG", ChatServer.DEFAULT_SERVER_NAME, "lower case");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("--server-name NAME: the server uses NAME as its prefix, in 004 and in PONG")
    void serverNameOption() {
        String nick = Names.nick("named");
        try (IrcTestClient c = IrcTestClient.connect(named, new Transcript(), nick).serverName("chat.example.org")) {
            c.send("NICK " + nick);
            c.send("USER " + nick + " 0 * :Named");
            c.expectNumeric(Numerics.RPL_WELCOME, nick);
            c.expectNumeric(Numerics.RPL_YOURHOST, nick);
            c.expectNumeric(Numerics.RPL_CREATED, nick);
            c.expectNumeric(Numerics.RPL_MYINFO, nick, "chat.example.org");
            c.send("PING :x");
            c.expectMessage("chat.example.org", "PONG", "chat.example.org", "x");
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("10 clients ask for one nickname at the same moment: exactly one gets it, the others 433")
    void raceForOneNickname() throws Exception {
        Transcript t = new Transcript();
        String nick = Names.nick("race");
        List<IrcTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                clients.add(connect(t, "racer" + i));
            }
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (IrcTestClient c : clients) {
                sends.add(CompletableFuture.runAsync(() -> c.sendAll(List.of("NICK " + nick, "USER racer 0 * :Racer"))));
            }
            for (CompletableFuture<Void> s : sends) {
                s.get();
            }
            int winners = 0;
            for (IrcTestClient c : clients) {
                Irc.Msg m = c.next();
                if (m.is(Numerics.RPL_WELCOME)) {
                    winners++;
                } else if (!m.is(Numerics.ERR_NICKNAMEINUSE)) {
                    throw t.failure("each racer should get 001 or 433, but one got: " + m.raw());
                }
            }
            if (winners != 1) {
                throw t.failure(winners + " clients registered as " + nick + "; exactly one may have it");
            }
        } finally {
            clients.forEach(IrcTestClient::close);
        }
    }

    @Test
    @Graded(task = "02.3", points = 1)
    @DisplayName("a nickname is taken as soon as NICK is accepted, before USER; a change before USER frees the old one")
    void nicknameHeldBeforeRegistration() {
        Transcript t = new Transcript();
        String first = Names.nick("first");
        String second = Names.nick("second");
        try (IrcTestClient a = connect(t, "a"); IrcTestClient b = connect(t, "b")) {
            a.send("NICK " + first);
            a.sync();
            b.send("NICK " + first);
            b.expectNumeric(Numerics.ERR_NICKNAMEINUSE, "*", first);
            a.send("NICK " + second);
            a.send("USER a 0 * :A");
            a.expectNumeric(Numerics.RPL_WELCOME, second);
            b.send("NICK " + first);
            b.send("USER b 0 * :B");
            b.expectNumeric(Numerics.RPL_WELCOME, first);
        }
    }
}
