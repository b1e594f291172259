package course.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Instant;

/**
 * One client connection: reads requests, answers them in order, and decides after each
 * answer whether the connection stays open (RFC 9112, section 9). Pipelined requests
 * that are already in the read buffer are answered before anything is flushed, so a
 * batch of requests costs one write.
 */
final class Connection implements Runnable {
    private final Socket socket;
    private final HttpServer server;
    private final String remoteAddress;
    private volatile boolean idle = true;
    /** When the connection last started waiting for a request (System.nanoTime()). */
    private volatile long idleSince = System.nanoTime();

    Connection(Socket socket, HttpServer server) {
        this.socket = socket;
        this.server = server;
        this.remoteAddress = socket.getInetAddress().getHostAddress();
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            serve();
        } catch (IOException e) {
            // The client went away or the server is shutting down: nothing left to answer.
        } catch (RuntimeException e) {
            System.err.println("connection from " + remoteAddress + " failed: " + e);
        } finally {
            server.closed(this);
        }
    }

    /** Closes the connection if it has waited for a request since before {@code nanoTime}. */
    void closeIfIdleSince(long nanoTime) {
        if (idle && idleSince - nanoTime < 0) {
            close();
        }
    }

    /** Closes the connection if it is waiting for a request (used by a shutdown). */
    void closeIfIdle() {
        if (idle) {
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serve() throws IOException {
        HttpInput in = new HttpInput(socket);
        ResponseWriter out = new ResponseWriter(
                new BufferedOutputStream(socket.getOutputStream(), Limits.WRITE_BUFFER_BYTES));
        RequestParser parser = new RequestParser(in, server.options());
        while (true) {
            idleSince = System.nanoTime();
            idle = true;
            if (server.isStopping() || !parser.awaitRequest()) {
                out.flush();
                return;
            }
            idle = false;
            HttpRequest request;
            try {
                RequestHead head = parser.readHead();
                if (head.expectsContinue()) {
                    out.writeContinue();
                }
                request = head.withBody(parser.readBody(head));
            } catch (HttpException e) {
                // The request cannot be trusted: answer, then close (the next request's start is unknown).
                HttpResponse error = HttpResponse.error(e.status(), e.getMessage());
                long sent = out.write(error, false, "close");
                out.flush();
                server.accessLog().log(remoteAddress, Instant.now(), parser.lastRequestLine(), e.status().code(), sent);
                closeGracefully();
                return;
            }
            HttpResponse response = respond(request);
            boolean keepAlive = !server.isStopping() && keepAlive(request);
            String connectionField = !keepAlive ? "close" : request.isHttp11() ? null : "keep-alive";
            long sent = out.write(response, request.isHead(), connectionField);
            server.accessLog().log(remoteAddress, Instant.now(), request.requestLine(), response.status().code(), sent);
            if (!keepAlive) {
                out.flush();
                closeGracefully();
                return;
            }
            if (in.buffered() == 0) {
                out.flush();
            }
        }
    }

    /** Runs the application; its failures become 4xx or 500 responses, never a dropped connection. */
    private HttpResponse respond(HttpRequest request) {
        try {
            return server.router().handle(request);
        } catch (HttpException e) {
            return HttpResponse.error(e.status(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            System.err.println("500 for " + request.method() + " " + request.target() + ": " + e);
            return HttpResponse.error(Status.INTERNAL_SERVER_ERROR, "the server failed to answer this request");
        }
    }

    /** Whether the connection stays open after this request (RFC 9112, section 9.3). */
    static boolean keepAlive(HttpRequest request) {
        // BEGIN SOLUTION
        if (request.headers().hasToken("Connection", "close")) {
            return false;
        }
        return request.isHttp11() || request.headers().hasToken("Connection", "keep-alive");
        // END SOLUTION
        // STUB: // TODO(task 04.5): HTTP/1.1 stays open unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive".
        // STUB: return false;
    }

    /**
     * Closes our side first and reads what the client still sends for a moment, so the
     * client receives the response instead of a reset (RFC 9112, section 9.6).
     */
    private void closeGracefully() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(Limits.LINGER_MS);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + Limits.LINGER_MS * 1_000_000L;
            int discarded = 0;
            while (discarded < Limits.LINGER_MAX_BYTES && System.nanoTime() < deadline) {
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                discarded += n;
            }
        } catch (IOException ignored) {
            // the client is gone, which is what we wanted
        }
    }
}
