package course.http;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One line per answered request in Common Log Format:
 * <pre>127.0.0.1 - - [24/Nov/2026:13:55:36 +0000] "GET /a.html HTTP/1.1" 200 2326</pre>
 * (client address, two unknown fields, time, request line, status, body bytes sent or
 * {@code -}). Lines go through a queue to one writer thread, so requests never wait for
 * the disk; the writer writes and flushes what has queued every few milliseconds.
 */
final class AccessLog implements AutoCloseable {
    /** Lines waiting to be written; when full, requests wait (the disk sets the pace). */
    static final int QUEUE_LINES = 8192;
    /** How often the writer thread looks at the queue. */
    static final int WRITE_INTERVAL_MS = 20;

    static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One answered request. */
    record Entry(String remote, Instant time, String requestLine, int status, long bytes) {
    }

    private static final Entry END = new Entry("", Instant.EPOCH, "", 0, 0);

    private final Writer out;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_LINES);
    private Thread writer;

    /** Appends to {@code file}, or writes to standard output when there is none. */
    AccessLog(Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } else {
            out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        }
        // BEGIN SOLUTION
        writer = Thread.ofPlatform().name("access-log").daemon().start(this::writeLines);
        // END SOLUTION
    }

    /** Records one answered request; {@code requestLine} is null when none could be read. */
    void log(String remote, Instant time, String requestLine, int status, long bytes) {
        // BEGIN SOLUTION
        try {
            queue.put(new Entry(remote, time, requestLine == null ? "-" : requestLine, status, bytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
        // STUB: // TODO(task 04.8): write format(...) and a line break to `out` (flush, so the line is there at once).
    }

    /** One line in Common Log Format, without the line break. */
    static String format(Entry entry) {
        // BEGIN SOLUTION
        return entry.remote() + " - - [" + clfTime(entry.time()) + "] \"" + escape(entry.requestLine())
                + "\" " + entry.status() + " " + (entry.bytes() == 0 ? "-" : Long.toString(entry.bytes()));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.8): host - - [time] \"request line\" status bytes");
    }

    private record FormattedSecond(long epochSecond, String text) {
    }

    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    /** The time in CLF form; formatting is costly and busy logs repeat the same second many times. */
    private static String clfTime(Instant time) {
        FormattedSecond last = lastSecond;
        if (last.epochSecond() != time.getEpochSecond()) {
            last = new FormattedSecond(time.getEpochSecond(), CLF_TIME.format(time));
            lastSecond = last;
        }
        return last.text();
    }

    /** Quotes, backslashes and control characters in the request line would break the format. */
    private static String escape(String requestLine) {
        StringBuilder out = null;
        for (int i = 0; i < requestLine.length(); i++) {
            char c = requestLine.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
            if (!plain && out == null) {
                out = new StringBuilder(requestLine.substring(0, i));
            }
            if (out != null) {
                if (plain) {
                    out.append(c);
                } else if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else {
                    out.append(String.format("\\x%02X", (int) c & 0xff));
                }
            }
        }
        return out == null ? requestLine : out.toString();
    }

    // BEGIN SOLUTION
    /** Every WRITE_INTERVAL_MS: write what has queued, then flush. Requests never wake this thread. */
    private void writeLines() {
        List<Entry> batch = new ArrayList<>();
        try {
            while (true) {
                queue.drainTo(batch);
                for (Entry entry : batch) {
                    if (entry == END) {
                        out.flush();
                        return;
                    }
                    out.write(format(entry));
                    out.write('\n');
                }
                if (!batch.isEmpty()) {
                    out.flush();
                    batch.clear();
                }
                Thread.sleep(WRITE_INTERVAL_MS);
            }
        } catch (IOException e) {
            System.err.println("the access log failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // END SOLUTION
    /** Writes what is still queued and closes the file. */
    @Override
    public void close() {
        // BEGIN SOLUTION
        try {
            queue.put(END);
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
        try {
            out.flush();
            if (!(out instanceof OutputStreamWriter)) {
                out.close();
            }
        } catch (IOException e) {
            System.err.println("could not close the access log: " + e);
        }
    }
}
