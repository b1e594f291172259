package course.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.support.StudentServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Server-Sent Events response while it arrives: a reader thread parses events ("event:", "data:", blank
 * line) into a queue, so a test can wait for the next event with a deadline and see when each one came.
 */
public final class Sse implements AutoCloseable {
    /** One event; {@code data} is its data parsed as JSON; {@code end} marks the end of the stream. */
    public record Event(String name, JsonNode data, String rawData, long arrivedNanos, boolean end) {
        @Override
        public String toString() {
            return end ? "(end of stream)" : "event: " + name + " data: " + rawData;
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final String request;

    private Sse(HttpResponse<InputStream> response, String request) {
        this.response = response;
        this.request = request;
        Thread.ofPlatform().daemon().name("sse-reader").start(this::read);
    }

    /** POSTs {@code path} with Accept: text/event-stream and returns as soon as the response head is there. */
    public static Sse post(StudentServer server, String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "token " + token).header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return new Sse(client.send(request, HttpResponse.BodyHandlers.ofInputStream()),
                    "POST " + path + " (Accept: text/event-stream)");
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, waiting at most {@code within}; fails if none comes. */
    public Event next(Duration within) {
        try {
            Event e = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw fail("no event arrived within " + within.toMillis() + " ms");
            }
            seen.add(e);
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Events until (and including) the first named {@code name}; fails at the end of the stream. */
    public List<Event> until(String name, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Event> got = new ArrayList<>();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e.end()) {
                throw fail("the stream ended before an event \"" + name + "\"");
            }
            got.add(e);
            if (e.name().equals(name)) {
                return got;
            }
        }
    }

    /** The stream must end now (after done). */
    public void expectEnd(Duration within) {
        Event e = next(within);
        if (!e.end()) {
            throw fail("expected the stream to end after the done event, but another event came");
        }
    }

    public AssertionError fail(String message) {
        StringBuilder out = new StringBuilder(message).append("\nrequest: ").append(request)
                .append("\nreply:   ").append(status()).append(", Content-Type: ").append(contentType());
        for (Event e : seen) {
            out.append("\n         ").append(Api.cut(e.toString()));
        }
        return new AssertionError(out.toString());
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            boolean any = false;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (any) {
                        events.add(event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                    any = false;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (any) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                    any = true;
                }
            }
        } catch (IOException e) {
            // the stream broke: reported as its end
        }
        events.add(new Event("", null, "", System.nanoTime(), true));
    }

    private static Event event(String name, String data) {
        JsonNode json;
        try {
            json = Api.JSON.readTree(data);
        } catch (IOException e) {
            json = null;
        }
        return new Event(name, json, data, System.nanoTime(), false);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
