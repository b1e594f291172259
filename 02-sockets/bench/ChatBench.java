import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Broadcast latency of the chat server: N readers and one sender in one channel, with or
 * without one member that never reads.
 *
 * <pre>
 *   ./mvnw -q -pl 02-sockets compile
 *   java -cp 02-sockets/target/classes 02-sockets/bench/ChatBench.java [options]
 * </pre>
 *
 * Options: --clients 200 --messages 2000 --warmup 500 --rate 200 (messages per second)
 * --text-bytes 200 --scenario both|reading|stalled.
 *
 * The server runs as its own process (the class course.sockets.ChatServer from this
 * program's class path). Every message carries the sender's System.nanoTime(); the
 * readers run in this process too, so latency = arrival time - send time on one clock.
 */
public final class ChatBench {
    static int clients = 200;
    static int messages = 2000;
    static int warmup = 500;
    static int rate = 200;
    static int textBytes = 200;
    static String scenario = "both";
    static final String CHANNEL = "#bench";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--text-bytes" -> textBytes = Integer.parseInt(args[i + 1]);
                case "--scenario" -> scenario = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "ChatBench: %d reading clients, %d measured messages (after %d warm-up) at %d/s, "
                + "%d bytes of text each%n", clients, messages, warmup, rate, textBytes);
        System.out.printf(Locale.ROOT, "java %s, %d cores, %s %s, load average %s%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                loadAverage());
        System.out.println("| one member not reading | deliveries | p50 | p90 | p99 | max | the member that does not read |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        if (!scenario.equals("stalled")) {
            run(false);
        }
        if (!scenario.equals("reading")) {
            run(true);
        }
    }

    static void run(boolean withStalled) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "course.sockets.ChatServer", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<Socket> sockets = new ArrayList<>();
        try {
            awaitAccepting(port);
            int total = warmup + messages;
            long[][] latencies = new long[clients][messages];
            int[] counts = new int[clients];
            CountDownLatch done = new CountDownLatch(clients);
            AtomicInteger droppedAt = new AtomicInteger(-1);
            AtomicInteger sentSoFar = new AtomicInteger();
            List<BufferedReader> readers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket s = connect(port, 0);
                sockets.add(s);
                BufferedReader in = reader(s);
                register(s, in, "r" + i);
                join(s, in, "r" + i);
                readers.add(in);
            }
            Socket stalled = null;
            if (withStalled) {
                stalled = connect(port, 4096);
                sockets.add(stalled);
                BufferedReader in = reader(stalled);
                register(stalled, in, "stalled");
                join(stalled, in, "stalled");
                // From here on nobody reads this socket.
            }
            Socket sender = connect(port, 0);
            sockets.add(sender);
            BufferedReader senderIn = reader(sender);
            register(sender, senderIn, "sender");
            join(sender, senderIn, "sender");
            for (int i = 0; i < clients; i++) {
                int index = i;
                BufferedReader in = readers.get(i);
                Thread.ofVirtual().start(() -> {
                    try {
                        String line;
                        while ((line = in.readLine()) != null) {
                            long now = System.nanoTime();
                            if (line.startsWith(":sender!") && line.contains(" PRIVMSG ")) {
                                int colon = line.indexOf(" :");
                                String[] parts = line.substring(colon + 2).split(" ", 3);
                                int seq = Integer.parseInt(parts[0]);
                                if (seq >= warmup) {
                                    latencies[index][counts[index]++] = now - Long.parseLong(parts[1]);
                                }
                                if (seq == total - 1) {
                                    break;
                                }
                            } else if (line.startsWith(":stalled!") && line.contains(" QUIT ")) {
                                droppedAt.compareAndSet(-1, sentSoFar.get());
                            }
                        }
                    } catch (IOException e) {
                        System.err.println("reader " + index + ": " + e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            OutputStream out = sender.getOutputStream();
            String padding = "x".repeat(Math.max(0, textBytes - 30));
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int seq = 0; seq < total; seq++) {
                long due = start + seq * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sentSoFar.set(seq);
                out.write(("PRIVMSG " + CHANNEL + " :" + seq + " " + System.nanoTime() + " " + padding + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                System.err.println("timed out: " + done.getCount() + " readers did not get every message");
            }
            int deliveries = Arrays.stream(counts).sum();
            long[] all = new long[deliveries];
            int at = 0;
            for (int i = 0; i < clients; i++) {
                System.arraycopy(latencies[i], 0, all, at, counts[i]);
                at += counts[i];
            }
            Arrays.sort(all);
            String stalledResult = !withStalled ? "—"
                    : droppedAt.get() >= 0 ? "dropped (QUIT seen while message " + droppedAt.get() + " of " + total
                    + " was being sent)" : "not dropped";
            System.out.printf(Locale.ROOT, "| %s | %d of %d | %s | %s | %s | %s | %s |%n", withStalled ? "yes" : "no",
                    deliveries, clients * messages, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
                    all.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f ms", all[all.length - 1] / 1e6), stalledResult);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The 1-minute load average (Linux), to tell a quiet machine from a busy one. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.2f ms", sorted[Math.max(0, index)] / 1e6);
    }

    static void awaitAccepting(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the chat server did not start on port " + port);
    }

    static Socket connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(60_000);
        return s;
    }

    static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    static void send(Socket s, String line) throws IOException {
        s.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    static void register(Socket s, BufferedReader in, String nick) throws IOException {
        send(s, "NICK " + nick);
        send(s, "USER " + nick + " 0 * :" + nick);
        await(in, " 004 ");
    }

    static void join(Socket s, BufferedReader in, String nick) throws IOException {
        send(s, "JOIN " + CHANNEL);
        await(in, " 366 " + nick + " ");
    }

    static void await(BufferedReader in, String marker) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains(marker)) {
                return;
            }
        }
        throw new IOException("connection closed while waiting for" + marker);
    }
}
