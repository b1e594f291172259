package course.http;

import course.grader.support.Bytes;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Shared test helpers: the sample site, raw exchanges and checks whose failures show the bytes. */
public final class HttpTestSupport {
    public static final String MAIN = "course.http.Main";

    public static final String INDEX_HTML = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sample site</title><link rel="stylesheet" href="style.css"></head>
            <body><h1>Sample site</h1><p>Served by your own HTTP server.</p><script src="app.js"></script></body>
            </html>
            """;
    public static final String STYLE_CSS = "body { font-family: sans-serif; }\nh1 { color: #336; }\n";
    public static final String APP_JS = "document.querySelector('h1').textContent += ' (with JavaScript)';\n";
    public static final String DATA_JSON = "{\"course\": \"http\", \"tasks\": 8}\n";
    public static final String NOTES_TXT = "plain text notes\n";
    public static final String ICON_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>\n";
    public static final String DOCS_INDEX = "<!doctype html><title>Docs</title><h1>Documentation</h1>\n";
    /** A text file large enough that gzip and ranges are worth testing. */
    public static final String BIG_TXT = "The quick brown fox jumps over the lazy dog. ".repeat(700);
    /** PNG signature followed by fixed bytes (the server does not look inside). */
    public static final byte[] LOGO_PNG = pseudoRandomBytes(3000, 0x89504E47L, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    public static final byte[] PHOTO_JPG = pseudoRandomBytes(5000, 0xFFD8FFL, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    public static final byte[] DATA_BIN = pseudoRandomBytes(777, 42, new byte[0]);
    /** The name of a file placed beside the document root; no request may ever reveal it. */
    public static final String SECRET_FILE = "secret.txt";

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final DateTimeFormatter IMF = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpTestSupport() {
    }

    /** A server with the sample site, a files folder and an access log file, plus extra arguments. */
    public static StudentServer siteServer(String... extraArgs) {
        return StudentServer.main(MAIN).prepare(HttpTestSupport::writeSite)
                .args("--port", "{port}", "--root", "{dir}/www", "--files", "{dir}/files",
                        "--access-log", "{dir}/access.log")
                .args(extraArgs);
    }

    /** Creates www/ with the sample files, files/, and a secret file beside the root. */
    public static void writeSite(Path dir) throws IOException {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(www.resolve("index.html"), INDEX_HTML);
        Files.writeString(www.resolve("style.css"), STYLE_CSS);
        Files.writeString(www.resolve("app.js"), APP_JS);
        Files.writeString(www.resolve("data.json"), DATA_JSON);
        Files.writeString(www.resolve("notes.txt"), NOTES_TXT);
        Files.writeString(www.resolve("icon.svg"), ICON_SVG);
        Files.writeString(www.resolve("big.txt"), BIG_TXT);
        Files.write(www.resolve("logo.png"), LOGO_PNG);
        Files.write(www.resolve("photo.jpg"), PHOTO_JPG);
        Files.write(www.resolve("data.bin"), DATA_BIN);
        Path docs = Files.createDirectories(www.resolve("docs"));
        Files.writeString(docs.resolve("index.html"), DOCS_INDEX);
        Files.writeString(dir.resolve(SECRET_FILE), secretText(dir));
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside").resolve("private.txt"), secretText(dir));
        try {
            Files.createSymbolicLink(www.resolve("escape.txt"), Path.of("..", SECRET_FILE));
            Files.createSymbolicLink(www.resolve("outside-dir"), Path.of("..", "outside"));
        } catch (UnsupportedOperationException | IOException e) {
            // no symbolic links on this file system: those checks are skipped
        }
    }

    /** The secret's content is unique per server start, so it cannot appear in a response by accident. */
    public static String secretText(Path dir) {
        return "TOP-SECRET-" + Integer.toHexString(dir.toString().hashCode()) + "-do-not-serve\n";
    }

    public static byte[] pseudoRandomBytes(int n, long seed, byte[] prefix) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        return bytes;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- exchanges

    /** Sends a request and reads one response (a HEAD request's response has no body). */
    public static RawResponse exchange(RawConnection c, String request) {
        c.send(request);
        return HttpWire.readResponse(c, request.substring(0, Math.max(0, request.indexOf(' '))));
    }

    public static RawResponse exchange(RawConnection c, byte[] request) {
        c.send(request);
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return HttpWire.readResponse(c, text.substring(0, Math.max(0, text.indexOf(' '))));
    }

    /** One request on a fresh connection: {@code once(server, "GET", "/x", "Accept: text/plain")}. */
    public static RawResponse once(StudentServer server, String method, String target, String... headers) {
        try (RawConnection c = server.connect()) {
            return exchange(c, HttpWire.request(method, target, headers));
        }
    }

    // ---------------------------------------------------------------- checks

    public static void expectStatus(RawConnection c, RawResponse r, int status) {
        if (r.status() != status) {
            throw c.transcript().failure("expected status " + status + ", but the server answered \""
                    + r.statusLine() + "\"\nbody: \"" + Bytes.escape(r.body()) + "\"");
        }
    }

    public static void expectStatusIn(RawConnection c, RawResponse r, int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == r.status())) {
            throw c.transcript().failure("expected one of the statuses " + Arrays.toString(statuses)
                    + ", but the server answered \"" + r.statusLine() + "\"");
        }
    }

    /** The value of a header field that must be present exactly once. */
    public static String expectHeader(RawConnection c, RawResponse r, String name) {
        List<String> values = r.headerValues(name);
        if (values.isEmpty()) {
            throw c.transcript().failure("expected a " + name + " field in the response, but there was none");
        }
        if (values.size() > 1) {
            throw c.transcript().failure("expected one " + name + " field, but the response has " + values.size()
                    + ": " + values);
        }
        return values.get(0);
    }

    public static void expectHeader(RawConnection c, RawResponse r, String name, String expected) {
        String actual = expectHeader(c, r, name);
        if (!actual.equals(expected)) {
            throw c.transcript().failure("expected \"" + name + ": " + expected + "\", but it was \"" + name + ": "
                    + actual + "\"");
        }
    }

    public static void expectNoHeader(RawConnection c, RawResponse r, String name) {
        Optional<String> value = r.header(name);
        if (value.isPresent()) {
            throw c.transcript().failure("expected no " + name + " field, but the response has \"" + name + ": "
                    + value.get() + "\"");
        }
    }

    /** The media type of Content-Type without parameters, lower case ({@code text/html}). */
    public static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public static void expectMediaType(RawConnection c, RawResponse r, String expected) {
        String type = expectHeader(c, r, "Content-Type");
        if (!mediaType(type).equals(expected)) {
            throw c.transcript().failure("expected Content-Type " + expected + ", but it was \"" + type + "\"");
        }
    }

    public static void expectBody(RawConnection c, RawResponse r, byte[] expected) {
        if (!Arrays.equals(expected, r.body())) {
            throw c.transcript().failure("the body differs (" + expected.length + " bytes expected, "
                    + r.body().length + " received):\n" + Bytes.diff(expected, r.body()));
        }
    }

    public static void expectBody(RawConnection c, RawResponse r, String expected) {
        expectBody(c, r, utf8(expected));
    }

    /** Content-Length is present, a number, and equals the body length that arrived. */
    public static void expectContentLength(RawConnection c, RawResponse r) {
        String value = expectHeader(c, r, "Content-Length");
        if (!value.matches("\\d+") || Long.parseLong(value) != r.body().length) {
            throw c.transcript().failure("Content-Length says \"" + value + "\", but the body has "
                    + r.body().length + " bytes");
        }
    }

    /** The server closed the connection: end of stream (or a reset) within the window. */
    public static void expectClosed(RawConnection c, Duration within) {
        if (!c.isClosedByPeer(within)) {
            throw c.transcript().failure("expected the server to close the connection within " + within.toMillis()
                    + " ms, but it stayed open");
        }
        c.transcript().step("the server closed the connection, as expected");
    }

    /** A 4xx/5xx error as the contract wants it: status, a short text body, Content-Length, Connection: close, then a close. */
    public static void expectErrorAndClose(RawConnection c, RawResponse r, int status) {
        expectStatus(c, r, status);
        expectContentLength(c, r);
        if (r.body().length == 0) {
            throw c.transcript().failure("an error response should say what went wrong in a short body, but the body is empty");
        }
        if (!r.hasToken("Connection", "close")) {
            throw c.transcript().failure("an error response that ends the connection should say \"Connection: close\"");
        }
        expectClosed(c, Duration.ofSeconds(3));
    }

    public static void expectImfDate(RawConnection c, RawResponse r, String name) {
        String value = expectHeader(c, r, name);
        if (!IMF_FIXDATE.matcher(value).matches()) {
            throw c.transcript().failure(name + " must be an IMF-fixdate like \"Sun, 06 Nov 1994 08:49:37 GMT\", but it was \""
                    + value + "\"");
        }
        try {
            IMF.parse(value);
        } catch (DateTimeParseException e) {
            throw c.transcript().failure(name + " \"" + value + "\" is not a real date (" + e.getMessage() + ")");
        }
    }

    public static Instant parseImf(String value) {
        return Instant.from(IMF.parse(value));
    }

    public static String formatImf(Instant instant) {
        return IMF.format(instant);
    }

    public static byte[] gunzip(RawConnection c, byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw c.transcript().failure("the body is not valid gzip: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- waiting and the process

    public static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux only: /proc shows the server's open file descriptors and threads. */
    public static boolean procAvailable(StudentServer server) {
        return Files.isDirectory(Path.of("/proc", Long.toString(server.process().pid()), "fd"));
    }

    public static int openDescriptors(StudentServer server) {
        try (var list = Files.list(Path.of("/proc", Long.toString(server.process().pid()), "fd"))) {
            return (int) list.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int threads(StudentServer server) {
        for (String line : readLines(Path.of("/proc", Long.toString(server.process().pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).strip());
            }
        }
        throw new IllegalStateException("no Threads: line in /proc/<pid>/status");
    }
}
