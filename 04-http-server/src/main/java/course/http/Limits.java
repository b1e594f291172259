package course.http;

/**
 * Every limit the server enforces, in one place. A server that trusts its clients to be
 * reasonable can be knocked over by one that is not; each number here closes one door.
 */
public final class Limits {
    /** Longest request line, without its CRLF; longer is answered 414 URI Too Long. */
    public static final int MAX_REQUEST_LINE_BYTES = 8192;
    /** All header lines together, each counted with its CRLF; more is answered 431. */
    public static final int MAX_HEADER_BYTES = 16384;
    /** Most header fields in one request; more is answered 431. */
    public static final int MAX_HEADER_COUNT = 100;
    /** Largest request body, Content-Length or chunked; larger is answered 413 Content Too Large. */
    public static final int MAX_BODY_BYTES = 1_048_576;
    /** Longest chunk-size line (size and extensions) in a chunked body; longer is answered 400. */
    public static final int MAX_CHUNK_LINE_BYTES = 4096;
    /** Longest wait that {@code GET /delay/{ms}} accepts. */
    public static final int MAX_DELAY_MS = 5000;

    /** Default for {@code --idle-timeout-ms}: how long a kept-alive connection may wait for its next request. */
    public static final int DEFAULT_IDLE_TIMEOUT_MS = 10_000;
    /**
     * How often the reference server's sweeper looks for connections idle past the idle
     * timeout (at most; shorter for short timeouts). One thread checking every connection
     * now and then costs far less than arming a timer for every read of every request.
     */
    public static final int IDLE_SWEEP_MS = 250;
    /** Default for {@code --header-timeout-ms}: how long a client has to send a whole request head. */
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;

    /** Connections the operating system may queue before the server accepts them. */
    public static final int ACCEPT_BACKLOG = 1024;
    /**
     * Size of the read buffer of one connection. Every open connection holds its buffers, so
     * they are kept small: 10,000 idle keep-alive connections must fit in a 256 MB heap.
     */
    public static final int READ_BUFFER_BYTES = 4096;
    /** Size of the write buffer of one connection: a head and a small body leave in one write. */
    public static final int WRITE_BUFFER_BYTES = 8192;
    /** First size of the buffer for one request or header line; it grows up to the line's limit when needed. */
    public static final int LINE_BUFFER_START_BYTES = 256;
    /** After the server closes its side, how long it keeps reading (and discarding) what the client still sends. */
    public static final int LINGER_MS = 500;
    /** Most bytes discarded while lingering. */
    public static final int LINGER_MAX_BYTES = 256 * 1024;
    /** How long a shutdown waits for running requests before it closes their connections. */
    public static final int SHUTDOWN_GRACE_MS = Limits.MAX_DELAY_MS + 1000;

    private Limits() {
    }
}
