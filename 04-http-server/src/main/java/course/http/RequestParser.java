package course.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads requests off one connection (RFC 9112): request line, header fields, then the
 * body as the framing says. Everything it cannot accept becomes an {@link HttpException}
 * with the status to answer; after one of those the connection must be closed, because
 * the parser no longer knows where the next request would start.
 */
final class RequestParser {
    /** Methods this server knows; any other well-formed method is answered 501. */
    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE",
            "PATCH");

    private static final byte[] NO_BODY = new byte[0];

    private final HttpInput in;
    private final ServerOptions options;
    private String requestLine;

    RequestParser(HttpInput in, ServerOptions options) {
        this.in = in;
        this.options = options;
    }

    /** The request line read last (for the access log), or null when none was read. */
    String lastRequestLine() {
        return requestLine;
    }

    /**
     * Waits for the first byte of the next request. Returns false when the client closed
     * the connection, or stayed silent for longer than the idle timeout.
     */
    boolean awaitRequest() throws IOException {
        requestLine = null;
        // BEGIN SOLUTION
        // No timer per read here: HttpServer's sweeper closes connections idle for too long
        // (measured: a timed read costs a wake-up of the JDK's timer thread per request).
        in.timeoutPerRead(0);
        // END SOLUTION
        // STUB: // TODO(task 04.5): wait at most options.idleTimeoutMs() for a request (in.timeoutPerRead).
        try {
            return in.peek() >= 0;
        } catch (SocketTimeoutException idle) {
            return false;
        }
    }

    /** Reads the request line and the header fields of a request whose first byte has arrived. */
    RequestHead readHead() throws IOException {
        // BEGIN SOLUTION
        in.deadline(System.nanoTime() + options.headerTimeoutMs() * 1_000_000L);
        // END SOLUTION
        // STUB: // TODO(task 04.6): the whole head must arrive within options.headerTimeoutMs() (in.deadline).
        try {
            return parseHead();
        } catch (SocketTimeoutException e) {
            throw new HttpException(Status.REQUEST_TIMEOUT,
                    "the request head did not arrive within " + options.headerTimeoutMs() + " ms");
        }
    }

    /** Reads the body that the head announced. */
    byte[] readBody(RequestHead head) throws IOException {
        BodyFraming framing = head.framing();
        in.timeoutPerRead(options.idleTimeoutMs());
        try {
            if (framing.chunked()) {
                return ChunkedDecoder.decode(in, Limits.MAX_BODY_BYTES);
            }
            if (framing.contentLength() == 0) {
                return NO_BODY;
            }
            byte[] body = new byte[(int) framing.contentLength()];
            in.readFully(body, 0, body.length);
            return body;
        } catch (SocketTimeoutException e) {
            throw new HttpException(Status.REQUEST_TIMEOUT, "the request body stopped arriving");
        }
    }

    /**
     * The head, step by step (RFC 9112, sections 2 to 5):
     * <ol>
     *   <li>read the request line ({@link Limits#MAX_REQUEST_LINE_BYTES}, else 414), skipping one empty
     *       line before it, and keep it in {@code requestLine} for the access log;</li>
     *   <li>split it at its two single spaces into method, target and version (anything else is 400)
     *       and check them ({@link #checkRequestLine});</li>
     *   <li>bring the target to origin form ({@link #originForm}) and split path and query at {@code ?};</li>
     *   <li>read the header fields ({@link #readHeaders}) and check them ({@link #checkHeaders});</li>
     *   <li>decide the body's framing ({@link #framing}).</li>
     * </ol>
     */
    private RequestHead parseHead() throws IOException {
        // BEGIN SOLUTION
        String line = in.readLine(Limits.MAX_REQUEST_LINE_BYTES, Status.URI_TOO_LONG);
        if (line.isEmpty()) {
            // RFC 9112, section 2.2: ignore an empty line before the request line.
            line = in.readLine(Limits.MAX_REQUEST_LINE_BYTES, Status.URI_TOO_LONG);
        }
        requestLine = line;
        int firstSpace = line.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0) {
            throw new HttpException(Status.BAD_REQUEST, "a request line is: method SP target SP version");
        }
        String method = line.substring(0, firstSpace);
        String target = line.substring(firstSpace + 1, secondSpace);
        String version = line.substring(secondSpace + 1);
        checkRequestLine(method, target, version);
        String pathAndQuery = originForm(target);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        HttpHeaders headers = readHeaders();
        checkHeaders(version, headers);
        return new RequestHead(method, target, path, query, version, headers, framing(version, headers));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): read the request line (method SP target SP version) and the header lines up to the empty line");
    }

    /** Turns an absolute-form target ({@code http://host/path}) into origin form ({@code /path}). */
    private static String originForm(String target) {
        if (target.startsWith("/") || target.equals("*")) {
            return target;
        }
        // BEGIN SOLUTION
        String lower = target.toLowerCase(Locale.ROOT);
        int authority = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (authority > 0) {
            int slash = target.indexOf('/', authority);
            int question = target.indexOf('?', authority);
            if (slash < 0 || (question >= 0 && question < slash)) {
                return "/" + (question < 0 ? "" : target.substring(question));
            }
            return target.substring(slash);
        }
        // END SOLUTION
        // STUB: // TODO(task 04.3): accept absolute-form targets (http://host/path) too.
        throw new HttpException(Status.BAD_REQUEST, "the request target must start with /");
    }

    private HttpHeaders readHeaders() throws IOException {
        // BEGIN SOLUTION
        List<HttpHeaders.Field> fields = new ArrayList<>(16);
        int budget = Limits.MAX_HEADER_BYTES;
        while (true) {
            String line = in.readLine(Math.max(0, budget), Status.REQUEST_HEADER_FIELDS_TOO_LARGE);
            if (line.isEmpty()) {
                return new HttpHeaders(fields);
            }
            budget -= line.length() + 2;
            if (budget < 0) {
                throw new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "the header fields are larger than " + Limits.MAX_HEADER_BYTES + " bytes");
            }
            if (fields.size() == Limits.MAX_HEADER_COUNT) {
                throw new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "more than " + Limits.MAX_HEADER_COUNT + " header fields");
            }
            fields.add(parseField(line));
        }
        // END SOLUTION
        // STUB: // TODO(task 04.2): at most Limits.MAX_HEADER_COUNT fields and Limits.MAX_HEADER_BYTES bytes (431).
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): read header lines until the empty line");
    }

    private static HttpHeaders.Field parseField(String line) {
        // BEGIN SOLUTION
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            throw new HttpException(Status.BAD_REQUEST, "obsolete line folding is not accepted");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpException(Status.BAD_REQUEST, "a header line is: name \":\" value");
        }
        String name = line.substring(0, colon);
        if (!isToken(name)) {
            throw new HttpException(Status.BAD_REQUEST, "invalid header name \"" + printable(name)
                    + "\" (no whitespace before the colon)");
        }
        int start = colon + 1;
        int end = line.length();
        while (start < end && isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpException(Status.BAD_REQUEST, "a control character in the value of " + name);
            }
        }
        return new HttpHeaders.Field(name, line.substring(start, end));
        // END SOLUTION
        // STUB: // TODO(task 04.2): refuse obs-fold (a line starting with SP or HTAB), a name that is not a token
        // STUB: // (whitespace before the colon!) and control characters in the value: all 400.
        // STUB: throw new UnsupportedOperationException("TODO(task 04.1): split a header line at its colon and trim the value");
    }

    private static void checkRequestLine(String method, String target, String version) {
        // BEGIN SOLUTION
        if (!isToken(method)) {
            throw new HttpException(Status.BAD_REQUEST, "invalid method \"" + printable(method) + "\"");
        }
        if (target.isEmpty()) {
            throw new HttpException(Status.BAD_REQUEST, "empty request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new HttpException(Status.BAD_REQUEST, "invalid character in the request target");
            }
        }
        if (version.length() != 8 || !version.startsWith("HTTP/") || !isDigit(version.charAt(5))
                || version.charAt(6) != '.' || !isDigit(version.charAt(7))) {
            throw new HttpException(Status.BAD_REQUEST, "invalid HTTP version \"" + printable(version) + "\"");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "this server speaks HTTP/1.0 and HTTP/1.1");
        }
        if (!KNOWN_METHODS.contains(method)) {
            throw new HttpException(Status.NOT_IMPLEMENTED, "unknown method " + method);
        }
        if (target.equals("*") && !method.equals("OPTIONS")) {
            throw new HttpException(Status.BAD_REQUEST, "the target * is only for OPTIONS");
        }
        // END SOLUTION
        // STUB: // TODO(task 04.2): method must be a token (400), version HTTP/d.d (400) and 1.0 or 1.1 (505),
        // STUB: // the method one of KNOWN_METHODS (501), the target free of spaces and control characters (400).
    }

    private static void checkHeaders(String version, HttpHeaders headers) {
        // BEGIN SOLUTION
        int hosts = headers.count("Host");
        if (hosts > 1 || (hosts == 0 && version.equals("HTTP/1.1"))) {
            throw new HttpException(Status.BAD_REQUEST, "an HTTP/1.1 request needs exactly one Host field");
        }
        for (String value : headers.all("Transfer-Encoding")) {
            for (String coding : value.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.equals("chunked")) {
                    throw new HttpException(Status.NOT_IMPLEMENTED, "unknown transfer coding \"" + printable(name) + "\"");
                }
            }
        }
        // END SOLUTION
        // STUB: // TODO(task 04.2): exactly one Host in HTTP/1.1 (400); a transfer coding other than chunked is 501.
    }

    /** Decides how the body is delimited (RFC 9112, section 6.3), refusing ambiguous framing. */
    private static BodyFraming framing(String version, HttpHeaders headers) {
        // BEGIN SOLUTION
        List<String> transferEncodings = headers.all("Transfer-Encoding");
        List<String> contentLengths = headers.all("Content-Length");
        if (!transferEncodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                throw new HttpException(Status.BAD_REQUEST, "both Transfer-Encoding and Content-Length");
            }
            if (!version.equals("HTTP/1.1")) {
                throw new HttpException(Status.BAD_REQUEST, "Transfer-Encoding in an HTTP/1.0 request");
            }
            List<String> codings = new ArrayList<>();
            for (String value : transferEncodings) {
                for (String coding : value.split(",")) {
                    codings.add(coding.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (!codings.equals(List.of("chunked"))) {
                throw new HttpException(Status.BAD_REQUEST, "chunked must be the only transfer coding, once");
            }
            return BodyFraming.CHUNKED;
        }
        if (contentLengths.isEmpty()) {
            return BodyFraming.NONE;
        }
        long length = -1;
        for (String value : contentLengths) {
            for (String element : value.split(",", -1)) {
                long n = parseLength(element.strip());
                if (length >= 0 && n != length) {
                    throw new HttpException(Status.BAD_REQUEST, "Content-Length values disagree");
                }
                length = n;
            }
        }
        if (length > Limits.MAX_BODY_BYTES) {
            throw new HttpException(Status.CONTENT_TOO_LARGE,
                    "the body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
        }
        return BodyFraming.length(length);
        // END SOLUTION
        // STUB: // TODO(task 04.4): Content-Length (digits only, duplicates must agree, at most MAX_BODY_BYTES: 413)
        // STUB: // or Transfer-Encoding: chunked; both at once is 400.
        // STUB: return BodyFraming.NONE;
    }

    private static long parseLength(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            throw new HttpException(Status.BAD_REQUEST, "invalid Content-Length \"" + printable(digits) + "\"");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i))) {
                throw new HttpException(Status.BAD_REQUEST, "invalid Content-Length \"" + printable(digits) + "\"");
            }
        }
        return Long.parseLong(digits);
    }

    /** A token (RFC 9110, section 5.6.2): one or more of the characters allowed in names. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= TOKEN_CHARS.length || !TOKEN_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    /** TOKEN_CHARS[c] is true for the ASCII characters a token may hold (every header name is checked). */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Text safe to put into an error message: control characters shown as \xHH, long text cut. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return s.length() > 60 ? out + "..." : out.toString();
    }
}
