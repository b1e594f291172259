package course.sockets;

import static course.sockets.EchoSupport.ECHO_CLIENT;
import static course.sockets.EchoSupport.ECHO_SERVER;

import course.grader.Graded;
import course.grader.support.Bytes;
import course.grader.support.RawConnection;
import course.grader.support.StudentServer;
import course.grader.support.Transcript;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 02.1: an echo server and its client over TCP. */
@DisplayName("02.1 Echo server and client")
class Task01EchoTest {

    @RegisterExtension
    static final StudentServer server = StudentServer.main(ECHO_SERVER).args("--port", "{port}");

    @Test
    @Graded(task = "02.1", points = 2)
    @DisplayName("the echo server sends a line back, byte for byte")
    void echoesALine() {
        try (RawConnection c = server.connect()) {
            c.send("hello, echo\n");
            c.expect("hello, echo\n");
            c.send("second line\r\n");
            c.expect("second line\r\n");
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("every byte comes back (all 256 values, no newline needed), then the server closes after our half-close")
    void echoesEveryByteAndCloses() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (RawConnection c = server.connect()) {
            c.send(all);
            c.expect(all);
            c.send("tail without newline");
            c.shutdownOutput();
            byte[] rest = c.readUntilClose();
            if (!new String(rest, StandardCharsets.ISO_8859_1).equals("tail without newline")) {
                throw c.transcript().failure("after the half-close the server should send back what was left and close:\n"
                        + Bytes.diff(Bytes.ascii("tail without newline"), rest));
            }
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("a second client is served while the first one stays connected")
    void twoClientsAtOnce() {
        try (RawConnection first = server.connect(); RawConnection second = server.connect(first.transcript())) {
            first.send("first\n");
            first.expect("first\n");
            second.send("second\n");
            second.expect("second\n");
            first.send("first again\n");
            first.expect("first again\n");
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("a port already in use: one clear line on stderr (\"port N is already in use\"), no stack trace, and main returns")
    void portAlreadyInUse() throws IOException {
        Transcript transcript = new Transcript();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            transcript.step("the test listens on port " + port);
            try (JavaProcess p = JavaProcess.start(transcript, ECHO_SERVER, "--port", Integer.toString(port))) {
                p.expectExit(Duration.ofSeconds(15));
                String err = p.stderr();
                if (!err.contains("port " + port + " is already in use")) {
                    throw p.failure("stderr should say \"port " + port + " is already in use\"");
                }
                if (err.contains("\tat ")) {
                    throw p.failure("catch the BindException and print one clear line; no stack trace");
                }
            }
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("EchoClient sends each line of stdin, prints each echo (UTF-8 too), and ends when stdin ends")
    void clientPrintsEchoes() throws IOException {
        Transcript transcript = new Transcript();
        try (EchoSupport.OneShotServer echo = new EchoSupport.OneShotServer(EchoSupport.OneShotServer.Mode.ECHO);
             JavaProcess client = JavaProcess.start(transcript, ECHO_CLIENT, "127.0.0.1", Integer.toString(echo.port()))) {
            List<String> lines = List.of("hello", "wörld — 안녕", "");
            for (String line : lines) {
                client.type(line);
                String printed = client.nextLine();
                if (!printed.equals(line)) {
                    throw client.failure("EchoClient should print the echo \"" + line + "\", but printed \"" + printed + "\"");
                }
            }
            client.closeInput();
            client.expectExit(Duration.ofSeconds(10));
            List<String> extra = client.remainingLines();
            if (!extra.isEmpty()) {
                throw client.failure("EchoClient printed more than the echoes: " + extra);
            }
            byte[] sent = echo.received(transcript, Duration.ofSeconds(5));
            String expected = "hello\nwörld — 안녕\n\n";
            if (!new String(sent, StandardCharsets.UTF_8).equals(expected)) {
                throw client.failure("EchoClient should send each line in UTF-8 ending in \\n:\n"
                        + Bytes.diff(expected.getBytes(StandardCharsets.UTF_8), sent));
            }
        }
    }

    @Test
    @Graded(task = "02.1", points = 1)
    @DisplayName("EchoClient half-closes when stdin ends and still prints what the server sends after that")
    void clientHalfCloses() throws IOException {
        Transcript transcript = new Transcript();
        try (EchoSupport.OneShotServer late = new EchoSupport.OneShotServer(EchoSupport.OneShotServer.Mode.AFTER_END);
             JavaProcess client = JavaProcess.start(transcript, ECHO_CLIENT, "127.0.0.1", Integer.toString(late.port()))) {
            transcript.step("this server answers only once it has seen the end of the client's stream");
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                lines.add("line " + i);
                client.type("line " + i);
            }
            client.closeInput();
            late.received(transcript, Duration.ofSeconds(10));
            for (String line : lines) {
                String printed = client.nextLine();
                if (!printed.equals(line)) {
                    throw client.failure("expected EchoClient to print \"" + line + "\", but it printed \"" + printed + "\"");
                }
            }
            client.expectExit(Duration.ofSeconds(10));
        }
    }
}
