package course.grader.probe;

import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Transcript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Wire-level checks that score any HTTP/1.1 server by URL, whatever language it is
 * written in. Each check cites the RFC 9110/9112 rule it tests and accepts every
 * behaviour the RFC allows (where the RFC says "MAY reject or ...", both pass).
 */
public final class HttpProbe {
    /** How long a check waits for a close or for silence. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** Request target long enough to exceed any sensible request-line limit (64 KiB). */
    public static final int LONG_TARGET = 64 * 1024;
    /** A header section larger than any sensible limit (128 KiB). */
    public static final int HUGE_HEADERS = 128 * 1024;

    /** The server under test: host, port and the path of a file it serves. */
    public record Target(String host, int port, String path) {
        RawConnection connect(Transcript t) {
            RawConnection c = RawConnection.open(host, port, t);
            c.readTimeout(Duration.ofSeconds(5));
            return c;
        }

        String hostHeader() {
            return "Host: " + host + ":" + port;
        }
    }

    private HttpProbe() {
    }

    public static Target target(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = URI.create("invalid:x");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected a URL like http://127.0.0.1:8080/ but got " + url);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(uri.getHost(), port, path);
    }

    public static List<ProbeCheck.Outcome> run(Target target) {
        List<ProbeCheck.Outcome> outcomes = new ArrayList<>();
        for (ProbeCheck check : checks()) {
            ProbeCheck.Outcome outcome;
            try {
                outcome = check.body().run(check, target);
            } catch (AssertionError | RuntimeException e) {
                outcome = check.fail(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Sends raw bytes on a new connection and reads one response to them. */
    static RawResponse exchange(Target t, String request, String method) {
        Transcript transcript = new Transcript();
        try (RawConnection c = t.connect(transcript)) {
            c.send(request);
            return HttpWire.readResponse(c, method);
        }
    }

    static String get(Target t, String target, String... headers) {
        return request("GET", t, target, headers);
    }

    static String request(String method, Target t, String target, String... headers) {
        StringBuilder r = new StringBuilder(method + " " + target + " HTTP/1.1\r\n" + t.hostHeader() + "\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        return r.append("\r\n").toString();
    }

    private static ProbeCheck.Outcome expectStatus(ProbeCheck c, Target t, String request, int... allowed) {
        RawResponse r = exchange(t, request, "GET");
        for (int a : allowed) {
            if (r.status() == a || (a == 4 && r.status() / 100 == 4)) {
                return c.pass(r.statusLine());
            }
        }
        return c.fail("sent \"" + Bytes.escape(Bytes.ascii(request)) + "\"; expected " + describe(allowed)
                + ", but it was " + r.statusLine());
    }

    private static String describe(int[] allowed) {
        List<String> parts = new ArrayList<>();
        for (int a : allowed) {
            parts.add(a == 4 ? "any 4xx" : Integer.toString(a));
        }
        return String.join(" or ", parts);
    }

    /** True when the server closed the connection (end of stream) within the wait. */
    private static boolean closes(RawConnection c) {
        return c.isClosedByPeer(CLOSE_WAIT);
    }

    public static List<ProbeCheck> checks() {
        List<ProbeCheck> all = new ArrayList<>();
        all.add(new ProbeCheck("basic-get", "GET answers 200 with an HTTP/1.1 status line and framing",
                "RFC 9112 §4, §6.3", (c, t) -> {
            RawResponse r = exchange(t, get(t, t.path()), "GET");
            if (r.status() != 200) {
                return c.fail("GET " + t.path() + ": expected 200, but it was " + r.statusLine());
            }
            if (!r.version().equals("HTTP/1.1")) {
                return c.fail("expected HTTP/1.1 in the status line, but it was " + r.version());
            }
            boolean framed = r.header("Content-Length").isPresent() || r.hasToken("Transfer-Encoding", "chunked");
            return framed ? c.pass(r.statusLine() + ", " + r.body().length + " body bytes")
                    : c.fail("no Content-Length or chunked framing: the client must wait for close");
        }));
        all.add(new ProbeCheck("date-header", "an origin server with a clock sends Date in 2xx responses",
                "RFC 9110 §6.6.1", (c, t) -> {
            RawResponse r = exchange(t, get(t, t.path()), "GET");
            return r.header("Date").isPresent() ? c.pass("Date: " + r.header("Date").get())
                    : c.fail("no Date header in " + r.statusLine());
        }));
        all.add(new ProbeCheck("missing-host", "an HTTP/1.1 request without Host gets 400", "RFC 9112 §3.2",
                (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1\r\n\r\n", 400)));
        all.add(new ProbeCheck("duplicate-host", "a request with two Host lines gets 400", "RFC 9112 §3.2",
                (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1\r\n" + t.hostHeader() + "\r\n"
                        + "Host: other.example\r\n\r\n", 400)));
        all.add(new ProbeCheck("space-before-colon", "whitespace between field name and colon gets 400",
                "RFC 9112 §5.1", (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1\r\n" + t.hostHeader()
                + "\r\nX-Probe : 1\r\n\r\n", 400)));
        all.add(new ProbeCheck("bad-request-line", "a malformed request line gets 400", "RFC 9112 §3",
                (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1 trailing\r\n" + t.hostHeader()
                        + "\r\n\r\n", 400)));
        all.add(new ProbeCheck("obs-fold", "a folded header line is rejected with 400 (or unfolded)",
                "RFC 9112 §5.2", (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1\r\n" + t.hostHeader()
                + "\r\nX-Probe: a\r\n  b\r\n\r\n", 400, 200)));
        all.add(new ProbeCheck("bare-cr", "a bare CR in a field is rejected with 400 (or replaced by SP)",
                "RFC 9112 §2.2", (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/1.1\r\n" + t.hostHeader()
                + "\r\nX-Probe: a\rb\r\n\r\n", 400, 200)));
        all.add(new ProbeCheck("version-505", "a request for HTTP/2.0 in text form gets 505",
                "RFC 9110 §15.6.6", (c, t) -> expectStatus(c, t, "GET " + t.path() + " HTTP/2.0\r\n" + t.hostHeader()
                + "\r\n\r\n", 505)));
        all.add(new ProbeCheck("unknown-method", "an unrecognised method gets 501 (405 if known but not allowed)",
                "RFC 9110 §9.1", (c, t) -> {
            // 501 is what the RFC recommends (SHOULD); 405 is not forbidden, so it passes with a note.
            RawResponse r = exchange(t, request("BREW", t, t.path()), "GET");
            if (r.status() == 501) {
                return c.pass(r.statusLine());
            }
            return r.status() == 405 ? c.pass(r.statusLine() + " (RFC 9110 recommends 501 for unknown methods)")
                    : c.fail("expected 501 (or 405), but it was " + r.statusLine());
        }));
        all.add(new ProbeCheck("long-target", "a 64 KiB request target gets 414 (any 4xx is allowed)",
                "RFC 9112 §3; RFC 9110 §15.5.15", (c, t) -> {
            String target = "/" + "a".repeat(LONG_TARGET);
            RawResponse r = exchange(t, get(t, target), "GET");
            if (r.status() == 414) {
                return c.pass(r.statusLine());
            }
            return r.status() / 100 == 4 ? c.pass(r.statusLine() + " (414 is the specific code)")
                    : c.fail("expected 414 or another 4xx, but it was " + r.statusLine());
        }));
        all.add(new ProbeCheck("huge-headers", "128 KiB of header fields get 431 (any 4xx is allowed)",
                "RFC 9112 §5; RFC 6585 §5", (c, t) -> {
            StringBuilder headers = new StringBuilder();
            int i = 0;
            while (headers.length() < HUGE_HEADERS) {
                headers.append("X-Fill-").append(i++).append(": ").append("v".repeat(900)).append("\r\n");
            }
            String req = "GET " + t.path() + " HTTP/1.1\r\n" + t.hostHeader() + "\r\n" + headers + "\r\n";
            RawResponse r;
            try {
                r = exchange(t, req, "GET");
            } catch (AssertionError e) {
                return c.fail("no response to oversized headers (the server should answer 431 before it closes): "
                        + Transcript.headline(e.getMessage()));
            }
            if (r.status() == 431) {
                return c.pass(r.statusLine());
            }
            return r.status() / 100 == 4 ? c.pass(r.statusLine() + " (431 is the specific code)")
                    : c.fail("expected 431 or another 4xx, but it was " + r.statusLine());
        }));
        all.add(new ProbeCheck("head", "HEAD gives GET's headers and no body", "RFC 9110 §9.3.2", (c, t) -> {
            RawResponse get = exchange(t, get(t, t.path()), "GET");
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send(request("HEAD", t, t.path()));
                RawResponse head = HttpWire.readResponse(conn, "HEAD");
                if (head.status() != get.status()) {
                    return c.fail("HEAD status " + head.status() + " differs from GET's " + get.status());
                }
                if (!head.header("Content-Length").equals(get.header("Content-Length"))) {
                    return c.fail("Content-Length differs: HEAD " + head.header("Content-Length").orElse("none")
                            + ", GET " + get.header("Content-Length").orElse("none"));
                }
                if (!head.hasToken("Connection", "close")) {
                    conn.expectSilence(Duration.ofMillis(300));
                }
                return c.pass("same status and Content-Length, no body bytes");
            } catch (AssertionError e) {
                return c.fail("after the HEAD response: " + Transcript.headline(e.getMessage()));
            }
        }));
        all.add(new ProbeCheck("keep-alive", "HTTP/1.1 connections persist: two requests on one connection",
                "RFC 9112 §9.3", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send(get(t, t.path()));
                RawResponse first = HttpWire.readResponse(conn);
                conn.send(get(t, t.path()));
                RawResponse second = HttpWire.readResponse(conn);
                return c.pass(first.status() + " then " + second.status() + " on one connection");
            }
        }));
        all.add(new ProbeCheck("pipelining", "three pipelined requests get three responses in order",
                "RFC 9112 §9.3.2", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send(get(t, t.path()) + request("HEAD", t, t.path()) + get(t, "/probe-missing-" + System.nanoTime()));
                RawResponse a = HttpWire.readResponse(conn, "GET");
                RawResponse b = HttpWire.readResponse(conn, "HEAD");
                RawResponse d = HttpWire.readResponse(conn, "GET");
                if (a.status() != 200 || b.status() != 200 || d.status() != 404) {
                    return c.fail("expected 200, 200 (HEAD), 404 in order, but got " + a.status() + ", " + b.status()
                            + ", " + d.status());
                }
                return c.pass("200, 200, 404 in order");
            }
        }));
        all.add(new ProbeCheck("connection-close", "Connection: close is honoured: the server closes after answering",
                "RFC 9112 §9.6", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send(get(t, t.path(), "Connection: close"));
                RawResponse r = HttpWire.readResponse(conn);
                return closes(conn) ? c.pass(r.statusLine() + ", then end of stream")
                        : c.fail("the connection stayed open " + CLOSE_WAIT.toMillis() + " ms after the response");
            }
        }));
        all.add(new ProbeCheck("http10-close", "HTTP/1.0 without keep-alive closes after the response",
                "RFC 9112 §9.3", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send("GET " + t.path() + " HTTP/1.0\r\n" + t.hostHeader() + "\r\n\r\n");
                RawResponse r = HttpWire.readResponse(conn);
                return closes(conn) ? c.pass(r.statusLine() + ", then end of stream")
                        : c.fail("the HTTP/1.0 connection stayed open after the response");
            }
        }));
        all.add(new ProbeCheck("cl-and-te", "Content-Length with Transfer-Encoding: rejected (400), or TE wins and "
                + "the connection closes", "RFC 9112 §6.1", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send("POST " + t.path() + " HTTP/1.1\r\n" + t.hostHeader() + "\r\nContent-Length: 4\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
                RawResponse r = HttpWire.readResponse(conn);
                if (r.status() == 400) {
                    return c.pass("400");
                }
                return closes(conn) ? c.pass(r.status() + " and the connection closed")
                        : c.fail(r.statusLine() + " and the connection stayed open: a smuggling risk");
            }
        }));
        all.add(new ProbeCheck("conflicting-length", "two different Content-Length values get 400",
                "RFC 9112 §6.3", (c, t) -> expectStatus(c, t, "POST " + t.path() + " HTTP/1.1\r\n" + t.hostHeader()
                + "\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde", 400)));
        all.add(new ProbeCheck("unknown-coding", "an unknown transfer coding gets 501", "RFC 9112 §6.1",
                (c, t) -> expectStatus(c, t, "POST " + t.path() + " HTTP/1.1\r\n" + t.hostHeader()
                        + "\r\nTransfer-Encoding: zebra\r\n\r\n", 501, 400)));
        all.add(new ProbeCheck("traversal", "dot-segments and encoded separators never leave the document root",
                "RFC 3986 §5.2.4; OWASP path traversal", (c, t) -> {
            for (String attempt : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/..%2f..%2f..%2fetc%2fpasswd", "/..\\..\\..\\etc\\passwd", "/%00../etc/passwd")) {
                RawResponse r = exchange(t, get(t, attempt), "GET");
                if (r.bodyText().contains("root:x:0:0")) {
                    return c.fail("GET " + attempt + " returned /etc/passwd");
                }
            }
            return c.pass("no attempt reached /etc/passwd");
        }));
        all.add(new ProbeCheck("no-stray-bytes", "nothing follows a response on a kept-alive connection",
                "RFC 9112 §6", (c, t) -> {
            Transcript transcript = new Transcript();
            try (RawConnection conn = t.connect(transcript)) {
                conn.send(get(t, t.path()));
                HttpWire.readResponse(conn);
                conn.expectSilence(Duration.ofMillis(300));
                return c.pass("silent after the response");
            }
        }));
        all.add(new ProbeCheck("etag-304", "If-None-Match with the current ETag gets 304 without a body",
                "RFC 9110 §13.1.2, §15.4.5", (c, t) -> {
            RawResponse r = exchange(t, get(t, t.path()), "GET");
            if (r.header("ETag").isEmpty()) {
                return c.skip("the server sends no ETag for " + t.path());
            }
            RawResponse again = exchange(t, get(t, t.path(), "If-None-Match: " + r.header("ETag").get()), "GET");
            return again.status() == 304 ? c.pass("304 for " + r.header("ETag").get())
                    : c.fail("expected 304, but it was " + again.statusLine());
        }));
        all.add(new ProbeCheck("last-modified-304", "If-Modified-Since with Last-Modified gets 304",
                "RFC 9110 §13.1.3", (c, t) -> {
            RawResponse r = exchange(t, get(t, t.path()), "GET");
            if (r.header("Last-Modified").isEmpty()) {
                return c.skip("the server sends no Last-Modified for " + t.path());
            }
            RawResponse again = exchange(t, get(t, t.path(), "If-Modified-Since: " + r.header("Last-Modified").get()),
                    "GET");
            return again.status() == 304 ? c.pass("304") : c.fail("expected 304, but it was " + again.statusLine());
        }));
        all.add(new ProbeCheck("range-206", "Range: bytes=0-0 gets 206 with Content-Range and one byte",
                "RFC 9110 §14.2, §15.3.7", (c, t) -> {
            RawResponse full = exchange(t, get(t, t.path()), "GET");
            if (!full.hasToken("Accept-Ranges", "bytes")) {
                return c.skip("the server does not announce Accept-Ranges: bytes for " + t.path());
            }
            RawResponse r = exchange(t, get(t, t.path(), "Range: bytes=0-0"), "GET");
            if (r.status() != 206 || r.body().length != 1 || r.header("Content-Range").isEmpty()) {
                return c.fail("expected 206 with Content-Range and 1 byte, but it was " + r.statusLine() + " with "
                        + r.body().length + " bytes");
            }
            return c.pass("206, " + r.header("Content-Range").get());
        }));
        all.add(new ProbeCheck("range-416", "an unsatisfiable range gets 416 with Content-Range: bytes */length",
                "RFC 9110 §15.5.17", (c, t) -> {
            RawResponse full = exchange(t, get(t, t.path()), "GET");
            if (!full.hasToken("Accept-Ranges", "bytes")) {
                return c.skip("the server does not announce Accept-Ranges: bytes for " + t.path());
            }
            RawResponse r = exchange(t, get(t, t.path(), "Range: bytes=" + (full.body().length + 1000) + "-"), "GET");
            boolean ok = r.status() == 416 && r.header("Content-Range").map(v -> v.startsWith("bytes */")).orElse(false);
            return ok ? c.pass("416, " + r.header("Content-Range").get())
                    : c.fail("expected 416 with Content-Range: bytes */N, but it was " + r.statusLine());
        }));
        all.add(new ProbeCheck("gzip", "Accept-Encoding: gzip gives a body that gunzips to the original, with Vary",
                "RFC 9110 §12.5.3, §8.4", (c, t) -> {
            RawResponse plain = exchange(t, get(t, t.path()), "GET");
            RawResponse r = exchange(t, get(t, t.path(), "Accept-Encoding: gzip"), "GET");
            if (!r.hasToken("Content-Encoding", "gzip")) {
                return c.skip("the server did not compress " + t.path() + " (compression is optional)");
            }
            try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                byte[] body = in.readAllBytes();
                if (!java.util.Arrays.equals(body, plain.body())) {
                    return c.fail("the gunzipped body differs from the plain one");
                }
            } catch (IOException e) {
                return c.fail("the body is not valid gzip: " + e.getMessage());
            }
            return r.hasToken("Vary", "accept-encoding") ? c.pass("gzip, Vary: Accept-Encoding")
                    : c.fail("compressed, but no Vary: Accept-Encoding (caches would serve gzip to everyone)");
        }));
        all.add(new ProbeCheck("gzip-refused", "Accept-Encoding: gzip;q=0 is never answered with gzip",
                "RFC 9110 §12.5.3", (c, t) -> {
            RawResponse r = exchange(t, get(t, t.path(), "Accept-Encoding: gzip;q=0, identity"), "GET");
            return r.hasToken("Content-Encoding", "gzip") ? c.fail("gzip was sent although q=0 refuses it")
                    : c.pass(r.statusLine() + " without gzip");
        }));
        all.add(new ProbeCheck("upload-201", "POST /files/{name} stores a chunked body and answers 201",
                "course route; RFC 9110 §15.3.2", (c, t) -> {
            String name = "probe-" + Long.toHexString(System.nanoTime());
            RawResponse r = exchange(t, "POST /files/" + name + " HTTP/1.1\r\n" + t.hostHeader()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "POST");
            if (r.status() == 404 || r.status() == 405 || r.status() == 403) {
                return c.skip("the server does not offer /files/ uploads (" + r.status() + ")");
            }
            if (r.status() != 201) {
                return c.fail("expected 201, but it was " + r.statusLine());
            }
            RawResponse back = exchange(t, get(t, "/files/" + name), "GET");
            return back.bodyText().equals("hello") ? c.pass("201, and GET returns the body")
                    : c.fail("201, but GET /files/" + name + " returned \"" + back.bodyText() + "\"");
        }));
        return List.copyOf(all);
    }

    /** Formats outcomes as a table and a score line. */
    public static String render(Target target, List<ProbeCheck.Outcome> outcomes) {
        StringBuilder out = new StringBuilder("probe of http://" + target.host() + ":" + target.port() + target.path()
                + "\n\n");
        for (ProbeCheck.Outcome o : outcomes) {
            out.append(String.format(Locale.ROOT, "  %-4s %-20s %s%n", o.verdict(), o.check().id(), o.check().rule()));
            out.append(String.format(Locale.ROOT, "       %-20s %s: %s%n", "", o.check().reference(), o.detail()));
        }
        long pass = outcomes.stream().filter(o -> o.verdict() == ProbeCheck.Verdict.PASS).count();
        long fail = outcomes.stream().filter(o -> o.verdict() == ProbeCheck.Verdict.FAIL).count();
        long skip = outcomes.stream().filter(o -> o.verdict() == ProbeCheck.Verdict.SKIP).count();
        out.append(String.format(Locale.ROOT, "%n%d passed, %d failed, %d skipped (of %d checks)%n", pass, fail, skip,
                outcomes.size()));
        return out.toString();
    }
}
