package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RawConnectionTest {
    private static final Duration SHORT = Duration.ofMillis(150);

    @Test
    void sendsAndReadsExactBytesAndRecordsEachStep() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            byte[] request = in.readNBytes(4);
            out.write(Bytes.ascii("pong\r\nrest"));
            out.flush();
            return request;
        }); RawConnection c = server.connect()) {
            c.send("ping");
            assertThat(c.readExactly(6)).isEqualTo(Bytes.ascii("pong\r\n"));
            assertThat(c.readUntilClose()).isEqualTo(Bytes.ascii("rest"));
            assertThat(server.finish()).isEqualTo(Bytes.ascii("ping"));
            assertThat(c.transcript().render())
                    .contains("1. connect to 127.0.0.1:" + server.port())
                    .contains("2. sent 4 bytes: \"ping\"")
                    .contains("3. received 6 bytes: \"pong\\r\\n\"")
                    .contains("4. received 4 bytes, then end of stream: \"rest\"");
            assertThat(c).hasToString("RawConnection[127.0.0.1:" + server.port() + "]");
            assertThat(c.socket().isConnected()).isTrue();
        }
    }

    @Test
    void usesTheTranscriptItIsGiven() throws Exception {
        Transcript shared = new Transcript();
        shared.step("earlier step");
        try (ScriptedServer server = ScriptedServer.replying("x"); RawConnection c = server.connect(shared)) {
            assertThat(c.transcript()).isSameAs(shared);
            assertThat(c.readByte()).isEqualTo('x');
            assertThat(c.readByte()).isEqualTo(-1);
            assertThat(shared.render()).contains("1. earlier step", "2. connect to 127.0.0.1:");
        }
    }

    @Test
    void sendSplitDeliversEveryByteInSortedPieces() throws Exception {
        byte[] message = Bytes.ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        try (ScriptedServer server = ScriptedServer.silent(); RawConnection c = server.connect()) {
            // Unsorted, repeated, zero and out-of-range cuts are all tolerated.
            c.sendSplit(message, 16, 3, 3, 0, 500);
            c.shutdownOutput();
            assertThat(server.finish()).isEqualTo(message);
            String steps = c.transcript().render();
            assertThat(steps).contains("sent 3 bytes: \"GET\"", "sent 13 bytes: \" / HTTP/1.1\\r\\n\"",
                    "sent 11 bytes: \"Host: x\\r\\n\\r\\n\"", "half-close (shutdownOutput)");
            assertThat(steps.lines().filter(l -> l.contains(" sent ")).count()).isEqualTo(3);
        }
    }

    @Test
    void sendSplitWithoutCutsSendsOnePiece() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent(); RawConnection c = server.connect()) {
            c.sendSplit(Bytes.ascii("whole"));
            c.shutdownOutput();
            assertThat(server.finish()).isEqualTo(Bytes.ascii("whole"));
            assertThat(c.transcript().render()).contains("sent 5 bytes: \"whole\"");
        }
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterEndOfStream() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            byte[] all = in.readAllBytes();
            out.write(Bytes.ascii("got " + all.length));
            return null;
        }); RawConnection c = server.connect()) {
            c.send(Bytes.ascii("abc")).shutdownOutput();
            assertThat(c.readUntilClose()).isEqualTo(Bytes.ascii("got 3"));
            server.finish();
        }
    }

    @Test
    void readLineReturnsTheLineWithItsEnding() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("first\r\nsecond\nthird");
             RawConnection c = server.connect()) {
            assertThat(c.readLine()).isEqualTo("first\r\n");
            assertThat(c.readLine()).isEqualTo("second\n");
            assertThatThrownBy(c::readLine).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("steps that ran:")
                    .hasMessageContaining("received line \"first\\r\\n\"")
                    .hasMessageContaining("the connection closed in the middle of a line: \"third\"");
        }
    }

    @Test
    void expectPassesOnTheExactBytes() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\n"); RawConnection c = server.connect()) {
            c.expect("HTTP/1.1 200 OK\r\n");
            assertThat(c.transcript().render()).contains("received expected \"HTTP/1.1 200 OK\\r\\n\"");
        }
    }

    @Test
    void expectFailsWithTheTranscriptAndACaretDiff() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            in.readNBytes(18);
            out.write(Bytes.ascii("HTTP/1.1 200 OK\n"));
            return null;
        }); RawConnection c = server.connect()) {
            c.send("GET / HTTP/1.1\r\n\r\n");
            AssertionError error = catchAssertion(() -> c.expect("HTTP/1.1 200 OK\r\n"));
            String message = error.getMessage();
            assertThat(message).startsWith("steps that ran:")
                    .contains("sent 18 bytes: \"GET / HTTP/1.1\\r\\n\\r\\n\"")
                    .contains("the server's bytes differ:\n")
                    .contains(Bytes.diff(Bytes.ascii("HTTP/1.1 200 OK\r\n"), Bytes.ascii("HTTP/1.1 200 OK\n")))
                    .contains("^ byte 15 differs: expected \\r but was \\n");
        }
    }

    @Test
    void expectReportsAResponseThatEndedEarly() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1"); RawConnection c = server.connect()) {
            assertThatThrownBy(() -> c.expect("HTTP/1.1 200 OK\r\n")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but was:  \"HTTP/1.1\"")
                    .hasMessageContaining("^ the response ended early");
        }
    }

    @Test
    void expectReportsATimeoutAsAStepAndShowsWhatArrived() throws Exception {
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen("HTT"); RawConnection c = server.connect()) {
            c.readTimeout(SHORT);
            assertThatThrownBy(() -> c.expect("HTTP")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after 150 ms")
                    .hasMessageContaining("but was:  \"HTT\"")
                    .hasMessageContaining("the response ended early");
        }
    }

    @Test
    void readExactlyFailsWhenTheConnectionClosesTooSoon() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("ab\r"); RawConnection c = server.connect()) {
            assertThatThrownBy(() -> c.readExactly(5)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("steps that ran:")
                    .hasMessageContaining("the connection closed after 3 of 5 bytes: \"ab\\r\"");
        }
    }

    @Test
    void readExactlyFailsOnTimeoutWithWhatArrived() throws Exception {
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen("ab"); RawConnection c = server.connect()) {
            c.readTimeout(SHORT);
            assertThatThrownBy(() -> c.readExactly(5)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after 150 ms waiting for 5 bytes; received 2: \"ab\"");
        }
    }

    @Test
    void readByteFailsOnTimeout() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent(); RawConnection c = server.connect()) {
            c.readTimeout(SHORT);
            assertThatThrownBy(c::readByte).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after 150 ms waiting for the server");
        }
    }

    @Test
    void readUntilCloseFailsWhenTheServerStaysOpen() throws Exception {
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen("partial"); RawConnection c = server.connect()) {
            c.readTimeout(SHORT);
            assertThatThrownBy(c::readUntilClose).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("steps that ran:")
                    .hasMessageContaining("expected the server to close the connection, but it stayed open for 150 ms")
                    .hasMessageContaining("received so far: \"partial\"");
        }
    }

    @Test
    void readUntilCloseCountsAResetAsAClose() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            out.write(Bytes.ascii("data"));
            out.flush();
            in.readNBytes(1);
            s.setSoLinger(true, 0); // close with RST instead of FIN
            return null;
        }); RawConnection c = server.connect()) {
            assertThat(c.readExactly(4)).isEqualTo(Bytes.ascii("data"));
            c.send("!");
            server.finish();
            assertThat(c.readUntilClose()).isEmpty();
            assertThat(c.transcript().render()).contains("received 0 bytes, then end of stream");
        }
    }

    @Test
    void expectSilencePassesWhenNothingArrives() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent(); RawConnection c = server.connect()) {
            c.expectSilence(Duration.ofMillis(100));
            assertThat(c.transcript().render()).contains("silent for 100 ms, as expected");
            // The previous read timeout is restored afterwards.
            assertThat(c.socket().getSoTimeout()).isEqualTo((int) RawConnection.DEFAULT_READ_TIMEOUT.toMillis());
        }
    }

    @Test
    void expectSilenceFailsWhenBytesArrive() throws Exception {
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen("unexpected\r\n");
             RawConnection c = server.connect()) {
            assertThatThrownBy(() -> c.expectSilence(Duration.ofSeconds(5))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("steps that ran:")
                    .hasMessageContaining("expected no bytes for 5000 ms, but received: \"u");
        }
    }

    @Test
    void expectSilenceFailsWhenTheServerCloses() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(""); RawConnection c = server.connect()) {
            assertThatThrownBy(() -> c.expectSilence(Duration.ofSeconds(5))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected the connection to stay open and silent, but the server closed it");
        }
    }

    @Test
    void isClosedByPeerTellsAClosedConnectionFromAnOpenOne() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(""); RawConnection c = server.connect()) {
            assertThat(c.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (ScriptedServer server = ScriptedServer.silent(); RawConnection c = server.connect()) {
            assertThat(c.isClosedByPeer(Duration.ofMillis(100))).isFalse();
            assertThat(c.socket().getSoTimeout()).isEqualTo((int) RawConnection.DEFAULT_READ_TIMEOUT.toMillis());
        }
    }

    @Test
    void isClosedByPeerCountsAResetAsClosed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            in.readNBytes(1);
            s.setSoLinger(true, 0);
            return null;
        }); RawConnection c = server.connect()) {
            c.send("!");
            server.finish();
            assertThat(c.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void openFailsWithTheTranscriptWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> RawConnection.open("127.0.0.1", closedPort)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("steps that ran:")
                .hasMessageContaining("1. connect to 127.0.0.1:" + closedPort)
                .hasMessageContaining("could not connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void operationsOnAClosedConnectionFailWithTheTranscript() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent()) {
            RawConnection c = server.connect();
            c.close();
            c.close(); // closing twice is harmless
            assertThatThrownBy(() -> c.send("late")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sent 4 bytes: \"late\"")
                    .hasMessageContaining("sending failed (did the server close the connection?)");
            assertThatThrownBy(c::shutdownOutput).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("half-close failed");
            assertThatThrownBy(() -> c.readTimeout(SHORT)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("could not set the read timeout");
            assertThatThrownBy(c::readByte).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("reading failed");
            assertThatThrownBy(() -> c.readExactly(1)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("reading failed after 0 bytes");
            assertThatThrownBy(() -> c.expectSilence(SHORT)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected silence, but reading failed");
            assertThat(c.isClosedByPeer(SHORT)).isTrue();
            assertThatThrownBy(() -> c.expect("x")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("reading failed: ")
                    .hasMessageContaining("the response ended early");
        }
    }

    private static AssertionError catchAssertion(Runnable action) {
        try {
            action.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("expected an AssertionError");
    }
}
