import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The round trip of a cell through the web API of a running notebook server, as the page does it: POST .../run
 * with {@code Accept: text/event-stream}, timed from sending the request to the response's headers, to the first
 * byte of its body, and to the end of the {@code done} event. The cell is {@code 1 + 1} in a warm kernel, so the
 * numbers are the fixed cost of a run: HTTP, the service, JShell (compile here, run in the kernel's JVM), the
 * transaction that stores the outputs, the event stream. Also prints how long the notebook's first run took (it
 * starts the kernel's JVM) and the resident memory of the idle kernel JVM and, with --server-pid, of the server.
 *
 * <p>Run: java 05-web-app/bench/RoundTripBench.java --url http://127.0.0.1:PORT --token T
 * [--warmup 30] [--runs 200] [--server-pid PID]. JDK only; it creates a notebook named "bench ..." and deletes it
 * (with its kernel) at the end.
 */
public final class RoundTripBench {
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern LAST_CELL_ID = Pattern.compile("\"cells\":\\[.*\"id\":\"([^\"]+)\",\"type\"", Pattern.DOTALL);
    static final Pattern RESULT_VALUE = Pattern.compile("\"type\":\"result\",\"value\":\"([^\"]*)\"");
    static final byte[] DONE = "event: done\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        String url = null;
        String token = null;
        int warmup = 30;
        int runs = 200;
        long serverPid = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1].replaceAll("/+$", "");
                case "--token" -> token = args[i + 1];
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--server-pid" -> serverPid = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || token == null || args.length % 2 != 0) {
            System.err.println("usage: java RoundTripBench.java --url http://127.0.0.1:PORT --token T "
                    + "[--warmup 30] [--runs 200] [--server-pid PID]");
            System.exit(2);
        }
        Api api = new Api(url, token);
        System.out.printf(Locale.ROOT, "RoundTripBench: %s, %d warm-up runs, %d timed runs of the cell 1 + 1%n", url,
                warmup, runs);
        System.out.printf(Locale.ROOT, "client: java %s, %d cores, %s %s, load average %s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), loadAverage());

        String notebook = match(ID, api.send("POST", "/api/notebooks",
                "{\"name\":\"bench " + UUID.randomUUID().toString().substring(0, 8) + "\"}", 201));
        try {
            String cell = addCell(api, notebook, "1 + 1");
            String runPath = "/api/notebooks/" + notebook + "/cells/" + cell + "/run";

            Timing first = api.run(runPath); // starts the notebook's kernel
            for (int i = 1; i < warmup; i++) {
                api.run(runPath);
            }
            double[] headers = new double[runs];
            double[] firstByte = new double[runs];
            double[] done = new double[runs];
            for (int i = 0; i < runs; i++) {
                Timing t = api.run(runPath);
                headers[i] = t.headersMillis();
                firstByte[i] = t.firstByteMillis();
                done[i] = t.doneMillis();
            }

            // The idle kernel: its pid from a cell, its resident set from /proc.
            String pidCell = addCell(api, notebook, "ProcessHandle.current().pid()");
            String answer = api.send("POST", "/api/notebooks/" + notebook + "/cells/" + pidCell + "/run", "", 200);
            long kernelPid = Long.parseLong(match(RESULT_VALUE, answer));

            System.out.println("| measure | p50 | p90 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("POST .../run → response headers", headers);
            row("POST .../run → first byte of the body", firstByte);
            row("POST .../run → end of the `done` event", done);
            System.out.printf(Locale.ROOT, "%nfirst run of the notebook (starts its kernel JVM): %.0f ms to done%n",
                    first.doneMillis());
            System.out.printf(Locale.ROOT, "idle kernel JVM (pid %d): VmRSS %s%n", kernelPid, vmRss(kernelPid));
            if (serverPid > 0) {
                System.out.printf(Locale.ROOT, "server JVM (pid %d): VmRSS %s%n", serverPid, vmRss(serverPid));
            }
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        } finally {
            api.send("DELETE", "/api/notebooks/" + notebook, null, 204); // also shuts its kernel down
        }
    }

    /** Adds a code cell at the end and returns its id (the last cell of the notebook the server answers). */
    static String addCell(Api api, String notebook, String source) throws IOException, InterruptedException {
        String json = "{\"type\":\"code\",\"source\":\"" + source.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return match(LAST_CELL_ID, api.send("POST", "/api/notebooks/" + notebook + "/cells", json, 201));
    }

    record Timing(double headersMillis, double firstByteMillis, double doneMillis) {
    }

    static final class Api {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String base;
        final String token;

        Api(String base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "token " + token);
        }

        /** A JSON request (null body: none); fails unless the status is the expected one. Returns the body. */
        String send(String method, String path, String json, int expected) throws IOException, InterruptedException {
            HttpRequest.Builder b = request(path).header("Accept", "application/json");
            if (json == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": expected " + expected + ", got "
                        + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        /** One run as the page does it; checks that it ended OK with the value 2. */
        Timing run(String path) throws IOException, InterruptedException {
            HttpRequest req = request(path).header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            long headers = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("run: expected 200, got " + r.statusCode());
            }
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            long firstByte = 0;
            long done = 0;
            byte[] buffer = new byte[8192];
            try (InputStream in = r.body()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (n == 0) {
                        continue;
                    }
                    if (firstByte == 0) {
                        firstByte = System.nanoTime();
                    }
                    seen.write(buffer, 0, n);
                    if (done == 0) {
                        byte[] all = seen.toByteArray();
                        int at = indexOf(all, DONE, 0);
                        if (at >= 0 && indexOf(all, EVENT_END, at) >= 0) {
                            done = System.nanoTime();
                        }
                    }
                }
            }
            String text = seen.toString(StandardCharsets.UTF_8);
            if (done == 0 || !text.contains("\"outcome\":\"OK\"") || !text.contains("\"value\":\"2\"")) {
                throw new IllegalStateException("run: expected a done event with outcome OK and value 2, got " + text);
            }
            return new Timing((headers - start) / 1e6, (firstByte - start) / 1e6, (done - start) / 1e6);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("expected " + p + " in " + text);
        }
        return m.group(1);
    }

    static void row(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String vmRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
                }
            }
            return "(no VmRSS line)";
        } catch (IOException | RuntimeException e) {
            return "(not readable: " + e.getMessage() + "; Linux only, same machine)";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }
}
