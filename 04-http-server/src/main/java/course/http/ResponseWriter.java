package course.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes responses in HTTP/1.1 wire format (RFC 9112, section 4):
 * <pre>
 * HTTP/1.1 200 OK CRLF
 * Date: ... CRLF
 * (the response's own fields) CRLF
 * Content-Length: n CRLF
 * [Connection: close CRLF]
 * CRLF
 * body
 * </pre>
 * The head is assembled in one byte array, so head and a small body leave together.
 * Nothing is sent until {@link #flush()}.
 */
final class ResponseWriter {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private final OutputStream out;
    private byte[] head = new byte[512];
    private int length;

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Tells a client that sent "Expect: 100-continue" to go ahead with its body. */
    void writeContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    // BEGIN SOLUTION
    /** "HTTP/1.1 200 OK" CRLF for every status, made once instead of per response. */
    private static final java.util.Map<Status, String> STATUS_LINES = new java.util.EnumMap<>(Status.class);

    static {
        for (Status status : Status.values()) {
            STATUS_LINES.put(status, "HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n");
        }
    }

    // END SOLUTION
    /**
     * Writes one response and returns the number of body bytes written.
     *
     * @param response   what to send
     * @param headRequest true for a HEAD request: the same head as for GET, but no body
     * @param connection value of the Connection field ("close", "keep-alive"), or null for none
     */
    long write(HttpResponse response, boolean headRequest, String connection) throws IOException {
        // BEGIN SOLUTION
        Status status = response.status();
        length = 0;
        append(STATUS_LINES.get(status));
        append("Date: ");
        append(HttpDate.now());
        append("\r\n");
        for (HttpHeaders.Field field : response.headers()) {
            append(field.name());
            append(": ");
            append(field.value());
            append("\r\n");
        }
        byte[] body = response.body();
        if (status.allowsBody()) {
            append("Content-Length: ");
            append(Integer.toString(body.length));
            append("\r\n");
        }
        if (connection != null) {
            append("Connection: ");
            append(connection);
            append("\r\n");
        }
        append("\r\n");
        out.write(head, 0, length);
        if (headRequest || !status.allowsBody() || body.length == 0) {
            return 0;
        }
        out.write(body);
        return body.length;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): write the status line, Date, the response's fields, Content-Length, an empty line and the body");
    }

    void flush() throws IOException {
        out.flush();
    }

    private void append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            head[length++] = (byte) (c < 0x100 ? c : '?');
        }
    }

    private void append(char c) {
        ensure(1);
        head[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > head.length) {
            head = java.util.Arrays.copyOf(head, Math.max(head.length * 2, length + more));
        }
    }
}
