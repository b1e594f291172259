package course.sockets;

import course.grader.support.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Small servers the echo client tests talk to, so that EchoClient is tested on its own. */
public final class EchoSupport {
    public static final String ECHO_SERVER = "course.sockets.EchoServer";
    public static final String ECHO_CLIENT = "course.sockets.EchoClient";

    private EchoSupport() {
    }

    /**
     * A one-connection server run by the test. In {@link Mode#ECHO} it sends every byte
     * back at once; in {@link Mode#AFTER_END} it collects everything until the client
     * half-closes and only then sends it all back. Either way it closes the connection
     * after the client's end of stream. {@link #received()} is what the client sent.
     */
    public static final class OneShotServer implements AutoCloseable {
        public enum Mode { ECHO, AFTER_END }

        private final ServerSocket listener;
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();

        public OneShotServer(Mode mode) throws IOException {
            listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("one-shot-server").start(() -> serve(mode));
        }

        public int port() {
            return listener.getLocalPort();
        }

        private void serve(Mode mode) {
            try (Socket socket = listener.accept();
                 InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    all.write(buffer, 0, n);
                    if (mode == Mode.ECHO) {
                        out.write(buffer, 0, n);
                    }
                }
                if (mode == Mode.AFTER_END) {
                    out.write(all.toByteArray());
                }
                out.flush();
                received.complete(all.toByteArray());
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        }

        /** What the client sent before its end of stream; fails if it never half-closed or closed. */
        public byte[] received(Transcript transcript, Duration within) {
            try {
                return received.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw transcript.failure("the test's server never saw the end of the client's stream: the client should "
                        + "shutdownOutput() when standard input ends");
            } catch (Exception e) {
                throw transcript.failure("the test's server failed: " + e, e);
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
