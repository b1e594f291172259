package course.grader.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts the student's program ({@code main} class) as a separate process on a free
 * port, waits until it accepts connections, and stops it afterwards. Its output is
 * echoed with the prefix {@code [your server]} and the last lines are added to the
 * message of a failing test.
 *
 * <p>Register it as a static field to share one server across a test class (it is
 * restarted if a test crashes it), or as an instance field for a fresh server per test.
 * Arguments may use {@code {port}} and {@code {dir}} (a fresh working folder).
 */
public final class StudentServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, TestExecutionExceptionHandler {

    /** How long the program has to start accepting connections. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** How long a stop waits after SIGTERM before the process is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Heap given to the student's process. */
    public static final String HEAP = "-Xmx256m";
    /** Lines of output echoed to the console per start; the rest is counted, not shown. */
    public static final int MAX_ECHOED_LINES = 200;
    /** Last lines of output kept for failure messages. */
    public static final int TAIL_LINES = 30;
    /** Longest output line kept; longer lines are cut. */
    public static final int MAX_LINE_CHARS = 2000;

    public interface Preparation {
        void prepare(Path dir) throws IOException;
    }

    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<Preparation> preparations = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private Process process;
    private Thread outputPump;
    private int port;
    private Path dir;
    private boolean perTest;
    private int echoed;
    private long linesSeen;

    private StudentServer(String mainClass) {
        this.mainClass = mainClass;
    }

    public static StudentServer main(String mainClass) {
        return new StudentServer(mainClass);
    }

    public StudentServer args(String... arguments) {
        args.addAll(List.of(arguments));
        return this;
    }

    public StudentServer jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Runs before every start, with the fresh working folder (create a document root there, say). */
    public StudentServer prepare(Preparation preparation) {
        preparations.add(preparation);
        return this;
    }

    public int port() {
        requireStarted();
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public String baseUri() {
        return "http://" + host() + ":" + port();
    }

    /** The working folder of the current start ({@code {dir}} in the arguments). */
    public Path dir() {
        requireStarted();
        return dir;
    }

    public Process process() {
        requireStarted();
        return process;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public RawConnection connect() {
        return RawConnection.open(host(), port());
    }

    public RawConnection connect(Transcript transcript) {
        return RawConnection.open(host(), port(), transcript);
    }

    /** The last lines the program printed, prefixed, for messages. */
    public synchronized String recentOutput() {
        if (tail.isEmpty()) {
            return "[your server] (no output)";
        }
        StringBuilder out = new StringBuilder();
        if (linesSeen > tail.size()) {
            out.append("[your server] (").append(linesSeen - tail.size()).append(" earlier lines not shown)\n");
        }
        for (String line : tail) {
            out.append("[your server] ").append(line).append('\n');
        }
        return out.toString();
    }

    public void start() {
        if (isRunning()) {
            return;
        }
        try {
            dir = Files.createTempDirectory("student-server-");
            for (Preparation p : preparations) {
                p.prepare(dir);
            }
            port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add(HEAP);
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
            for (String a : args) {
                command.add(a.replace("{port}", Integer.toString(port)).replace("{dir}", dir.toString()));
            }
            synchronized (this) {
                tail.clear();
                echoed = 0;
                linesSeen = 0;
            }
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            outputPump = Thread.ofPlatform().daemon().name("student-output").start(this::pumpOutput);
            awaitAccepting();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass, e);
        }
    }

    /** Sends SIGTERM (a graceful stop request) and waits; returns the exit code, or -1 if it had to be killed. */
    public int stop() {
        if (process == null) {
            return 0;
        }
        Process p = process;
        p.destroy();
        try {
            if (p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                awaitOutput();
                return p.exitValue();
            }
            p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return -1;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitAccepting() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                awaitOutput();
                throw new AssertionError("your program " + mainClass + " exited with code " + process.exitValue()
                        + " before it accepted connections on port " + port + ".\n" + recentOutput());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    // Waits on the process itself: returns early if it dies, never oversleeps.
                    process.onExit().get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // expected: poll again
                } catch (Exception e) {
                    throw new AssertionError("interrupted while waiting for your server", e);
                }
            }
        }
        stop();
        throw new AssertionError("your program " + mainClass + " did not accept connections on port " + port
                + " within " + START_TIMEOUT.toSeconds() + " s (is it listening on the port given with the arguments "
                + args + "?).\n" + recentOutput());
    }

    /** Lets the output thread copy the last lines of a process that has ended, so messages show them. */
    private void awaitOutput() {
        try {
            outputPump.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput() {
        Process p = process;
        PrintStream console = System.out;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.length() > MAX_LINE_CHARS) {
                    line = line.substring(0, MAX_LINE_CHARS) + "...";
                }
                synchronized (this) {
                    linesSeen++;
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                    if (echoed < MAX_ECHOED_LINES) {
                        console.println("[your server] " + line);
                    } else if (echoed == MAX_ECHOED_LINES) {
                        console.println("[your server] (further output not echoed)");
                    }
                    echoed++;
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("the student server has not been started");
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perTest = false;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (process == null) {
            perTest = true;
        }
        if (!isRunning()) {
            if (process != null && !perTest) {
                System.out.println("[grader] your server had stopped (exit code " + process.exitValue()
                        + "); restarting it for " + context.getDisplayName());
            }
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof AssertionError) {
            AssertionError wrapped = new AssertionError(throwable.getMessage() + "\n" + recentOutput(),
                    throwable.getCause());
            wrapped.setStackTrace(throwable.getStackTrace());
            throw wrapped;
        }
        throw throwable;
    }
}
