package course.grader.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A plain TCP connection for byte-level tests. Every send and receive is written to a
 * {@link Transcript}; failed expectations print the bytes sent, expected and received.
 */
public final class RawConnection implements AutoCloseable {
    /** How long a read waits for the server before the test fails. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** Most bytes one read-until-close collects, so a runaway server cannot exhaust memory. */
    public static final int MAX_COLLECTED = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final String peer;

    private RawConnection(Socket socket, Transcript transcript, String peer) throws IOException {
        this.socket = socket;
        // Buffered: tests read responses byte by byte, which must not cost a system call each.
        this.in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.peer = peer;
    }

    public static RawConnection open(String host, int port) {
        return open(host, port, new Transcript());
    }

    public static RawConnection open(String host, int port, Transcript transcript) {
        String peer = host + ":" + port;
        transcript.step("connect to " + peer);
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_READ_TIMEOUT.toMillis());
            socket.setSoTimeout((int) DEFAULT_READ_TIMEOUT.toMillis());
            return new RawConnection(socket, transcript, peer);
        } catch (IOException e) {
            throw transcript.failure("could not connect to " + peer + ": " + e, e);
        }
    }

    public Transcript transcript() {
        return transcript;
    }

    public Socket socket() {
        return socket;
    }

    public RawConnection readTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            throw transcript.failure("could not set the read timeout: " + e, e);
        }
        return this;
    }

    public RawConnection send(String ascii) {
        return send(Bytes.ascii(ascii));
    }

    public RawConnection send(byte[] bytes) {
        transcript.step("sent " + bytes.length + " bytes: \"" + Bytes.escape(bytes) + "\"");
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw transcript.failure("sending failed (did the server close the connection?): " + e, e);
        }
        return this;
    }

    /** Sends the bytes in pieces that end at the given offsets, flushing each piece on its own. */
    public RawConnection sendSplit(byte[] bytes, int... cuts) {
        int from = 0;
        int[] sorted = cuts.clone();
        Arrays.sort(sorted);
        for (int cut : sorted) {
            if (cut > from && cut < bytes.length) {
                send(Arrays.copyOfRange(bytes, from, cut));
                from = cut;
            }
        }
        return send(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    /** Closes our sending side only (TCP half-close): the server sees end of stream. */
    public RawConnection shutdownOutput() {
        transcript.step("half-close (shutdownOutput)");
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw transcript.failure("half-close failed: " + e, e);
        }
        return this;
    }

    /** Reads exactly n bytes or fails with what did arrive. */
    public byte[] readExactly(int n) {
        byte[] buffer = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(buffer, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (SocketTimeoutException e) {
            throw transcript.failure("timed out after " + timeoutText() + " waiting for " + n
                    + " bytes; received " + got + ": \"" + Bytes.escape(buffer, 0, got) + "\"");
        } catch (IOException e) {
            throw transcript.failure("reading failed after " + got + " bytes: " + e, e);
        }
        if (got < n) {
            throw transcript.failure("the connection closed after " + got + " of " + n + " bytes: \""
                    + Bytes.escape(buffer, 0, got) + "\"");
        }
        transcript.step("received " + n + " bytes: \"" + Bytes.escape(buffer) + "\"");
        return buffer;
    }

    /** Reads one byte, or returns -1 at end of stream. Does not log (callers log what they assemble). */
    public int readByte() {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw transcript.failure("timed out after " + timeoutText() + " waiting for the server");
        } catch (IOException e) {
            throw transcript.failure("reading failed: " + e, e);
        }
    }

    /** Reads a line ending in LF (CRLF included in the result), or fails on timeout or close. */
    public String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readByte();
            if (b < 0) {
                throw transcript.failure("the connection closed in the middle of a line: \""
                        + Bytes.escape(line.toByteArray()) + "\"");
            }
            line.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                transcript.step("received line \"" + Bytes.escape(bytes) + "\"");
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (line.size() > MAX_COLLECTED) {
                throw transcript.failure("a line longer than " + MAX_COLLECTED + " bytes arrived");
            }
        }
    }

    /** Reads until the server closes the connection (or the read timeout passes, which fails). */
    public byte[] readUntilClose() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int r;
            while ((r = in.read(buffer)) >= 0) {
                all.write(buffer, 0, r);
                if (all.size() > MAX_COLLECTED) {
                    throw transcript.failure("more than " + MAX_COLLECTED + " bytes arrived without a close");
                }
            }
        } catch (SocketTimeoutException e) {
            throw transcript.failure("expected the server to close the connection, but it stayed open for "
                    + timeoutText() + "; received so far: \"" + Bytes.escape(all.toByteArray()) + "\"");
        } catch (IOException e) {
            // A reset after the data counts as a close; what arrived is still returned.
            transcript.step("connection reset: " + e.getMessage());
        }
        byte[] bytes = all.toByteArray();
        transcript.step("received " + bytes.length + " bytes, then end of stream: \"" + Bytes.escape(bytes) + "\"");
        return bytes;
    }

    /** Asserts that the next bytes are exactly the expected ones, with a caret diff when they are not. */
    public RawConnection expect(byte[] expected) {
        byte[] actual = readAtMost(expected.length);
        if (!Arrays.equals(expected, actual)) {
            throw transcript.failure("the server's bytes differ:\n" + Bytes.diff(expected, actual));
        }
        transcript.step("received expected \"" + Bytes.escape(actual) + "\"");
        return this;
    }

    public RawConnection expect(String ascii) {
        return expect(Bytes.ascii(ascii));
    }

    /** Asserts that nothing arrives within the window (the server stays silent and open). */
    public RawConnection expectSilence(Duration window) {
        int previous = timeoutMillis();
        try {
            socket.setSoTimeout((int) Math.max(1, window.toMillis()));
            int b = in.read();
            if (b >= 0) {
                byte[] more = in.readNBytes(Math.min(in.available(), 200));
                byte[] got = new byte[more.length + 1];
                got[0] = (byte) b;
                System.arraycopy(more, 0, got, 1, more.length);
                throw transcript.failure("expected no bytes for " + window.toMillis() + " ms, but received: \""
                        + Bytes.escape(got) + "\"");
            }
            throw transcript.failure("expected the connection to stay open and silent, but the server closed it");
        } catch (SocketTimeoutException e) {
            transcript.step("silent for " + window.toMillis() + " ms, as expected");
            return this;
        } catch (IOException e) {
            throw transcript.failure("expected silence, but reading failed: " + e, e);
        } finally {
            try {
                socket.setSoTimeout(previous);
            } catch (IOException ignored) {
                // the socket is closing anyway
            }
        }
    }

    /** True when the server has closed its side: a read returns end of stream (or a reset) in time. */
    public boolean isClosedByPeer(Duration within) {
        int previous = timeoutMillis();
        try {
            socket.setSoTimeout((int) Math.max(1, within.toMillis()));
            int b = in.read();
            return b < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                socket.setSoTimeout(previous);
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    private byte[] readAtMost(int n) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            while (got.size() < n) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                got.write(b);
            }
        } catch (SocketTimeoutException e) {
            transcript.step("timed out after " + timeoutText());
        } catch (IOException e) {
            transcript.step("reading failed: " + e);
        }
        return got.toByteArray();
    }

    private int timeoutMillis() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return (int) DEFAULT_READ_TIMEOUT.toMillis();
        }
    }

    private String timeoutText() {
        return timeoutMillis() + " ms";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to report on close
        }
    }

    @Override
    public String toString() {
        return "RawConnection[" + peer + "]";
    }
}
