package course.sockets;

import course.grader.support.Transcript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program of the student's (EchoClient, ChatClient, a server that must fail to start)
 * run as its own process, with its standard input, output and error in the test's hands.
 * Standard output and error are read as UTF-8 (the process is started with
 * {@code -Dstdout.encoding=UTF-8}); each output line is a step of the transcript.
 */
public final class JavaProcess implements AutoCloseable {
    public static final Duration LINE_TIMEOUT = Duration.ofSeconds(10);
    /** A line that says the output ended, so a waiting reader learns at once. */
    private static final String END = new String("end of output");

    private final Process process;
    private final String name;
    private final Transcript transcript;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stdoutSeen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final OutputStream stdin;
    private final Thread errorPump;
    private boolean outputEnded;

    private JavaProcess(Process process, String name, Transcript transcript) {
        this.process = process;
        this.name = name;
        this.transcript = transcript;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("stdout-" + name).start(() -> pump(process.getInputStream()));
        this.errorPump = Thread.ofPlatform().daemon().name("stderr-" + name).start(this::pumpErrors);
    }

    public static JavaProcess start(Transcript transcript, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        String shortName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        transcript.step("start " + shortName + " " + String.join(" ", args));
        try {
            return new JavaProcess(new ProcessBuilder(command).start(), shortName, transcript);
        } catch (IOException e) {
            throw transcript.failure("could not start " + mainClass + ": " + e, e);
        }
    }

    private void pump(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            stdout.add(END);
        }
    }

    private void pumpErrors() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (stderr.length() < 20_000) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Types a line on the program's standard input. */
    public JavaProcess type(String line) {
        transcript.step(name + " stdin: \"" + line + "\"");
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw failure("could not write to the standard input of " + name + " (did it end?): " + e);
        }
        return this;
    }

    /** Ends the program's standard input (Ctrl+D). */
    public JavaProcess closeInput() {
        transcript.step(name + " stdin: end of input");
        try {
            stdin.close();
        } catch (IOException e) {
            // already ended
        }
        return this;
    }

    /** The next line the program prints, or a failure when none comes in time. */
    public String nextLine() {
        return nextLine(LINE_TIMEOUT);
    }

    public String nextLine(Duration timeout) {
        String line = outputEnded ? END : poll(timeout);
        if (line == null) {
            throw failure(name + " printed no line within " + timeout.toSeconds() + " s");
        }
        if (line == END) {
            outputEnded = true;
            throw failure(name + "'s output ended (the program stopped) while a line was expected");
        }
        stdoutSeen.add(line);
        transcript.step(name + " printed: \"" + line + "\"");
        return line;
    }

    /** Skips printed lines until one matches. */
    public String awaitLine(String what, Predicate<String> test) {
        while (true) {
            String line;
            try {
                line = nextLine();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n(waiting for " + what + ")", e.getCause());
            }
            if (test.test(line)) {
                return line;
            }
        }
    }

    private String poll(Duration timeout) {
        try {
            return stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits for the program to end; fails when it is still running after {@code timeout}. */
    public int expectExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure(name + " was still running " + timeout.toSeconds() + " s later; it should have ended");
            }
            errorPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
        transcript.step(name + " ended with exit code " + process.exitValue());
        return process.exitValue();
    }

    /** Every line still to come, once the program has ended (call after {@link #expectExit}). */
    public List<String> remainingLines() {
        List<String> lines = new ArrayList<>();
        while (!outputEnded) {
            String line = poll(Duration.ofSeconds(5));
            if (line == null || line == END) {
                outputEnded = true;
            } else {
                stdoutSeen.add(line);
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            transcript.step(name + " printed " + lines.size() + " more lines");
        }
        return lines;
    }

    public String stderr() {
        return stderr.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public AssertionError failure(String message) {
        String err = stderr.toString().strip();
        return transcript.failure(message + (err.isEmpty() ? "\n(" + name + " wrote nothing to stderr)"
                : "\n" + name + " wrote to stderr:\n" + indent(err)));
    }

    private static String indent(String text) {
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 25); i++) {
            out.append("  | ").append(lines[i]).append('\n');
        }
        if (lines.length > 25) {
            out.append("  | ... (").append(lines.length - 25).append(" more lines)\n");
        }
        return out.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
