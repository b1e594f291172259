package course.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts connections and gives each one its own thread. Keeps track of the open
 * connections so that a shutdown can close the idle ones at once and wait for the busy
 * ones to finish their current request.
 */
public final class HttpServer {
    private final ServerOptions options;
    private final Router router;
    private final AccessLog accessLog;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final ServerSocket serverSocket;
    private volatile boolean stopping;

    public HttpServer(ServerOptions options) throws IOException {
        this.options = options;
        this.router = new Router(options);
        this.accessLog = new AccessLog(options.accessLog());
        this.serverSocket = new ServerSocket();
    }

    /** Binds the port; throws java.net.BindException when it is taken. */
    public void bind() throws IOException {
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(options.port()), Limits.ACCEPT_BACKLOG);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Accepts connections until {@link #shutdown()}, then waits for the running requests. */
    public void serve() throws IOException {
        // BEGIN SOLUTION
        Thread sweeper = Thread.ofPlatform().name("idle-sweeper").daemon().start(this::sweepIdleConnections);
        // END SOLUTION
        try {
            while (!stopping) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    if (stopping) {
                        break;
                    }
                    System.err.println("accept failed: " + e);
                    continue;
                }
                Connection connection = new Connection(socket, this);
                connections.add(connection);
                // BEGIN SOLUTION
                Thread.ofVirtual().name("connection").start(connection);
                // END SOLUTION
                // STUB: new Thread(connection).start(); // TODO(task 04.6): one virtual thread per connection (Thread.ofVirtual())
            }
        } finally {
            // BEGIN SOLUTION
            sweeper.interrupt();
            // END SOLUTION
            awaitConnections();
            accessLog.close();
        }
    }

    // BEGIN SOLUTION
    /**
     * Closes connections that have waited longer than the idle timeout for their next
     * request; their threads, blocked in a read, then end with an exception.
     */
    private void sweepIdleConnections() {
        long idleNanos = options.idleTimeoutMs() * 1_000_000L;
        long sweepMs = Math.max(1, Math.min(Limits.IDLE_SWEEP_MS, options.idleTimeoutMs() / 4));
        while (!stopping) {
            try {
                Thread.sleep(sweepMs);
            } catch (InterruptedException e) {
                return;
            }
            long idleBefore = System.nanoTime() - idleNanos;
            for (Connection connection : connections) {
                connection.closeIfIdleSince(idleBefore);
            }
        }
    }

    // END SOLUTION

    /** Starts a graceful shutdown: no new connections, idle ones closed, busy ones finish. Returns at once. */
    public void shutdown() {
        // BEGIN SOLUTION
        stopping = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // it is closed either way
        }
        for (Connection connection : connections) {
            connection.closeIfIdle();
        }
        // END SOLUTION
        // STUB: // TODO(task 04.8): set stopping, close the server socket, close idle connections.
    }

    private void awaitConnections() {
        // BEGIN SOLUTION
        long deadline = System.nanoTime() + Limits.SHUTDOWN_GRACE_MS * 1_000_000L;
        synchronized (lock) {
            while (!connections.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (Connection connection : connections) {
            connection.close();
        }
        // END SOLUTION
        // STUB: // TODO(task 04.8): wait (at most Limits.SHUTDOWN_GRACE_MS) until the running requests are answered.
    }

    boolean isStopping() {
        return stopping;
    }

    void closed(Connection connection) {
        connections.remove(connection);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    ServerOptions options() {
        return options;
    }

    Router router() {
        return router;
    }

    AccessLog accessLog() {
        return accessLog;
    }
}
