package course.grader.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a module's tests in a separate JVM with time, heap and output limits, and
 * collects their results from an authenticated loopback channel. Whatever the student's
 * code does (exit, hang, crash, print), this returns what did finish and why the rest did not.
 */
public final class TestJvm {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** System property with extra JVM options for the test JVM. */
    public static final String EXTRA_OPTIONS = "grader.test-jvm.options";

    /** One event from the test JVM (plan entry, start, finish...). */
    public record Event(String type, JsonNode body) {
    }

    /** How the run ended and everything it reported. */
    public record Run(List<Event> events, boolean completed, String endReason, long millis, long outputBytes,
                      boolean outputCapped, Path log, long testSpanMillis) {
    }

    private TestJvm() {
    }

    public static Run run(Path workingDir, List<Path> classpath, Path testClasses, Limits limits, Path log,
                          boolean planOnly, Consumer<Event> live) throws IOException {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        List<Event> events = new ArrayList<>();
        long started = System.nanoTime();
        try (ServerSocket channel = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + limits.heap());
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.add("-Djava.awt.headless=true");
            command.add("-Dfile.encoding=UTF-8");
            // Extra options for the grader's own tests (a coverage agent); empty in normal use.
            String extra = System.getProperty(EXTRA_OPTIONS, "").strip();
            if (!extra.isEmpty() && !extra.contains("{argLine}")) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.add("-cp");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            command.add("course.grader.runner.ForkedRunner");
            command.add("--events-port");
            command.add(Integer.toString(channel.getLocalPort()));
            command.add("--test-classes");
            command.add(testClasses.toString());
            command.add("--test-timeout");
            command.add(limits.perTest().toSeconds() + "s");
            if (planOnly) {
                command.add("--plan-only");
            }
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the JVM died at once; the exit code explains it below
            }
            AtomicLong outputBytes = new AtomicLong();
            Thread pump = Thread.ofPlatform().daemon().name("test-jvm-output")
                    .start(() -> pumpOutput(process.getInputStream(), log, limits.maxOutputBytes(), outputBytes));

            long deadline = started + limits.wholeRun().toNanos();
            String endReason = null;
            boolean completed = false;
            long firstTestStarted = 0;
            long lastEvent = 0;
            Socket socket = null;
            try {
                socket = acceptUnlessDead(channel, process, started + Limits.JVM_START.toNanos());
            } catch (IOException e) {
                endReason = describeExit(process, "before it started running tests");
            }
            if (socket != null) {
                try (Socket s = socket;
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                             StandardCharsets.UTF_8))) {
                    String prefix = secret + "\t";
                    while (true) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            endReason = "the whole run hit its time limit of " + limits.wholeRun().toSeconds()
                                    + " s; tests that had not finished count as failed";
                            break;
                        }
                        s.setSoTimeout((int) Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
                        String line;
                        try {
                            line = in.readLine();
                        } catch (SocketTimeoutException e) {
                            continue;
                        } catch (IOException e) {
                            line = null;
                        }
                        if (line == null) {
                            break;
                        }
                        if (!line.startsWith(prefix)) {
                            continue; // not from the runner: ignore
                        }
                        JsonNode body = JSON.readTree(line.substring(prefix.length()));
                        Event event = new Event(body.path("type").asText(), body);
                        lastEvent = System.nanoTime();
                        if (firstTestStarted == 0 && event.type().equals("started")) {
                            firstTestStarted = lastEvent;
                        }
                        if (event.type().equals("done")) {
                            completed = true;
                            break;
                        }
                        events.add(event);
                        live.accept(event);
                    }
                }
            }
            // Wait briefly for a clean exit, then make sure nothing the tests started survives.
            try {
                if (!process.waitFor(completed ? 10 : 1, TimeUnit.SECONDS)) {
                    if (!completed && endReason == null) {
                        endReason = "the test JVM stopped answering";
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!completed && endReason == null) {
                endReason = describeExit(process, "while tests were running");
            }
            killTree(process);
            try {
                pump.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // From the first test's start to the last report: the tests' own time, set-up included.
            long span = firstTestStarted == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(lastEvent - firstTestStarted);
            return new Run(List.copyOf(events), completed, endReason, millis, outputBytes.get(),
                    outputBytes.get() > limits.maxOutputBytes(), log, span);
        }
    }

    private static Socket acceptUnlessDead(ServerSocket channel, Process process, long deadline) throws IOException {
        channel.setSoTimeout(500);
        while (System.nanoTime() < deadline) {
            try {
                return channel.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    throw new IOException("test JVM ended");
                }
            }
        }
        throw new IOException("test JVM did not connect");
    }

    private static String describeExit(Process process, String when) {
        if (process.isAlive()) {
            return "the test JVM did not report back " + when;
        }
        int code = process.exitValue();
        String hint = switch (code) {
            case 0 -> "exit code 0: something called System.exit(0)";
            case 3 -> "exit code 3: out of memory (heap limit)";
            case 134, 139 -> "exit code " + code + ": the JVM crashed";
            case 137 -> "exit code 137: killed";
            default -> "exit code " + code + ": something called System.exit or Runtime.halt, or the JVM failed";
        };
        return "the test JVM ended " + when + " (" + hint + "); tests that had not finished count as failed";
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the first {@code cap} bytes of output in the log and counts (but drops) the rest. */
    private static void pumpOutput(InputStream in, Path log, long cap, AtomicLong total) {
        try (InputStream input = in; OutputStream out = Files.newOutputStream(log)) {
            byte[] buffer = new byte[8192];
            int r;
            while ((r = input.read(buffer)) >= 0) {
                long before = total.getAndAdd(r);
                if (before < cap) {
                    out.write(buffer, 0, (int) Math.min(r, cap - before));
                    if (before + r >= cap) {
                        out.write(("\n[grader] output cut at " + cap + " bytes\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
