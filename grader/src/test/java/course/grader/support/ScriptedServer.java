package course.grader.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-connection server on 127.0.0.1 for byte-level tests: it accepts a single client
 * and runs a script on that socket in a virtual thread. {@link #finish()} waits for the
 * script and returns what it produced (or rethrows what it threw).
 */
final class ScriptedServer implements AutoCloseable {
    interface Script {
        Object run(Socket client, InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private volatile Socket client;

    private ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("scripted-server").start(() -> {
            try (Socket s = listener.accept()) {
                client = s;
                result.complete(script.run(s, s.getInputStream(), s.getOutputStream()));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    static ScriptedServer start(Script script) {
        try {
            return new ScriptedServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bytes, then closes the connection. */
    static ScriptedServer replying(String ascii) {
        return start((s, in, out) -> {
            out.write(Bytes.ascii(ascii));
            out.flush();
            return null;
        });
    }

    /** Writes the bytes, then keeps the connection open until the client closes it. */
    static ScriptedServer replyingAndStayingOpen(String ascii) {
        return start((s, in, out) -> {
            out.write(Bytes.ascii(ascii));
            out.flush();
            return in.readAllBytes();
        });
    }

    /** Sends nothing and keeps the connection open until the client closes it; returns what it received. */
    static ScriptedServer silent() {
        return replyingAndStayingOpen("");
    }

    int port() {
        return listener.getLocalPort();
    }

    RawConnection connect() {
        return RawConnection.open("127.0.0.1", port());
    }

    RawConnection connect(Transcript transcript) {
        return RawConnection.open("127.0.0.1", port(), transcript);
    }

    Object finish() throws Exception {
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the scripted server did not finish", e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
