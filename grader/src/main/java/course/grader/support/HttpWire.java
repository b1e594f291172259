package course.grader.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from a {@link RawConnection} strictly by RFC 9112 framing,
 * so tests can check pipelining, keep-alive and stray bytes at the byte level.
 */
public final class HttpWire {
    /** Longest status line or header line accepted from the server under test. */
    public static final int MAX_LINE = 16 * 1024;
    /** Most header lines accepted in one response. */
    public static final int MAX_HEADERS = 200;

    private HttpWire() {
    }

    /** Reads one response to a request with the given method (HEAD responses have no body). */
    public static RawResponse readResponse(RawConnection connection, String requestMethod) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String statusLine = readLine(connection, raw, "status line");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw connection.transcript().failure("expected a status line like \"HTTP/1.1 200 OK\", but it was \""
                    + Bytes.escape(statusLine.getBytes(StandardCharsets.ISO_8859_1)) + "\"");
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length > 2 ? parts[2] : "";
        List<RawResponse.Header> headers = new ArrayList<>();
        while (true) {
            String line = readLine(connection, raw, "header line");
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw connection.transcript().failure("malformed header line from the server: \""
                        + Bytes.escape(line.getBytes(StandardCharsets.ISO_8859_1)) + "\"");
            }
            if (headers.size() == MAX_HEADERS) {
                throw connection.transcript().failure("more than " + MAX_HEADERS + " header lines in one response");
            }
            headers.add(new RawResponse.Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        RawResponse head = new RawResponse(parts[0], status, reason, List.copyOf(headers), new byte[0], new byte[0]);
        byte[] body = readBody(connection, raw, head, requestMethod);
        byte[] rawBytes = raw.toByteArray();
        connection.transcript().step("received response \"" + Bytes.escape(rawBytes) + "\"");
        return new RawResponse(parts[0], status, reason, List.copyOf(headers), body, rawBytes);
    }

    public static RawResponse readResponse(RawConnection connection) {
        return readResponse(connection, "GET");
    }

    private static byte[] readBody(RawConnection c, ByteArrayOutputStream raw, RawResponse head, String method) {
        int status = head.status();
        if (method.equalsIgnoreCase("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return new byte[0];
        }
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            return readChunked(c, raw);
        }
        var length = head.header("Content-Length");
        if (length.isPresent()) {
            long n;
            try {
                n = Long.parseLong(length.get().trim());
            } catch (NumberFormatException e) {
                throw c.transcript().failure("the server sent an invalid Content-Length: \"" + length.get() + "\"");
            }
            if (n > RawConnection.MAX_COLLECTED) {
                throw c.transcript().failure("Content-Length " + n + " is larger than this test reads");
            }
            byte[] body = readN(c, raw, (int) n);
            return body;
        }
        // No framing: the body runs to the end of the connection (RFC 9112, section 6.3).
        byte[] rest = c.readUntilClose();
        raw.writeBytes(rest);
        return rest;
    }

    private static byte[] readChunked(RawConnection c, ByteArrayOutputStream raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(c, raw, "chunk size line");
            String hex = sizeLine.split(";", 2)[0].trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw c.transcript().failure("invalid chunk size line: \"" + sizeLine + "\"");
            }
            if (size == 0) {
                while (!readLine(c, raw, "trailer line").isEmpty()) {
                    // trailers are read and ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(readN(c, raw, size));
            String end = readLine(c, raw, "CRLF after a chunk");
            if (!end.isEmpty()) {
                throw c.transcript().failure("expected CRLF after a chunk of " + size + " bytes, but it was \""
                        + end + "\"");
            }
        }
    }

    private static byte[] readN(RawConnection c, ByteArrayOutputStream raw, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = c.readByte();
            if (b < 0) {
                throw c.transcript().failure("the connection closed after " + i + " of " + n + " body bytes; got \""
                        + Bytes.escape(raw.toByteArray()) + Bytes.escape(bytes, 0, i) + "\"");
            }
            bytes[i] = (byte) b;
        }
        raw.writeBytes(bytes);
        return bytes;
    }

    /** Reads a CRLF-terminated line; a bare LF is tolerated as RFC 9112 allows for recipients. */
    private static String readLine(RawConnection c, ByteArrayOutputStream raw, String what) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = c.readByte();
            if (b < 0) {
                throw c.transcript().failure("the connection closed while reading the " + what + "; received so far: \""
                        + Bytes.escape(raw.toByteArray()) + "\"");
            }
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw c.transcript().failure("a " + what + " longer than " + MAX_LINE + " bytes");
            }
        }
    }

    /** A minimal valid request, handy for tests: {@code request("GET", "/", "Host: x")}. */
    public static String request(String method, String target, String... headerLines) {
        StringBuilder out = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        for (String h : headerLines) {
            hasHost |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            out.append(h).append("\r\n");
        }
        if (!hasHost) {
            out.insert(out.indexOf("\r\n") + 2, "Host: localhost\r\n");
        }
        return out.append("\r\n").toString();
    }
}
