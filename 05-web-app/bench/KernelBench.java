import course.notebook.domain.CellResult;
import course.notebook.domain.Kernel;
import course.notebook.domain.KernelLimits;
import course.notebook.kernel.JShellKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;

/**
 * The JShell kernel's costs: how long a kernel takes to start, the round trip of a trivial cell (1 + 1) in a
 * warm kernel, and the memory of an idle kernel (its JVM's resident set and heap, and the server's heap per kernel).
 * For comparison, the same cell through a bare JShell with its default (remote, JDI) execution and with its
 * in-process "local" execution: the difference between those two is the cost of the second JVM.
 * Run: java -cp 05-web-app/target/classes 05-web-app/bench/KernelBench.java [--starts 5] [--runs 200] [--warmup 50]
 */
public final class KernelBench {
    static final long MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int starts = 5;
        int runs = 200;
        int warmup = 50;
        for (int i = 0; i < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--starts" -> starts = v;
                case "--runs" -> runs = v;
                case "--warmup" -> warmup = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        KernelLimits limits = new KernelLimits(KernelLimits.DEFAULT_CELL_TIMEOUT, KernelLimits.DEFAULT_MAX_OUTPUT_BYTES);
        JShellKernels factory = new JShellKernels();
        System.out.printf(Locale.ROOT, "KernelBench: %d starts, %d warm-up cells, %d timed cells; kernel JVM options %s%n",
                starts, warmup, runs, JShellKernels.KERNEL_VM_OPTIONS);
        System.out.printf(Locale.ROOT, "java %s, %d cores, %s %s, load average %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                loadAverage());

        // 1. Start: from start() to a kernel whose JVM is up and has its default imports.
        // The first start also warms up javac in this JVM; it is reported on its own.
        long serverHeapBefore = usedHeap();
        List<Kernel> kept = new ArrayList<>();
        double[] startMillis = new double[starts];
        for (int i = 0; i < starts; i++) {
            long t = System.nanoTime();
            Kernel k = factory.start(limits);
            startMillis[i] = (System.nanoTime() - t) / 1e6;
            expect(k.run("1 + 1", c -> { }), "2");
            kept.add(k);
        }
        long serverHeapAfter = usedHeap();
        double[] later = Arrays.copyOfRange(startMillis, 1, starts);
        Arrays.sort(later);

        // 2. Round trip of 1 + 1 in a warm kernel: analysis, compilation here, execution in the kernel's JVM.
        Kernel kernel = kept.get(kept.size() - 1);
        for (int i = 0; i < warmup; i++) {
            expect(kernel.run("1 + 1", c -> { }), "2");
        }
        double[] rt = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            CellResult r = kernel.run("1 + 1", c -> { });
            rt[i] = (System.nanoTime() - t) / 1e6;
            expect(r, "2");
        }
        Arrays.sort(rt);
        double[] bareRemote = bare(JShell.builder(), warmup, runs);
        double[] bareLocal = bare(JShell.builder().executionEngine("local"), warmup, runs);

        // 3. An idle kernel's JVM: resident set from /proc and heap after a GC, asked from a cell.
        Kernel idle = kept.get(0);
        long pid = Long.parseLong(idle.run("ProcessHandle.current().pid()", c -> { }).value());
        idle.run("System.gc();", c -> { });
        long heapUsed = Long.parseLong(idle.run("Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()",
                c -> { }).value());
        long heapCommitted = Long.parseLong(idle.run("Runtime.getRuntime().totalMemory()", c -> { }).value());
        String rss = vmRss(pid);

        System.out.println("| measure | value |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| first start (javac cold in this JVM) | %.0f ms |%n", startMillis[0]);
        if (later.length > 0) {
            System.out.printf(Locale.ROOT, "| later starts: median (min, max) of %d | %.0f ms (%.0f, %.0f) |%n",
                    later.length, later[later.length / 2], later[0], later[later.length - 1]);
        }
        System.out.printf(Locale.ROOT, "| `1 + 1` round trip p50 | %.1f ms |%n", percentile(rt, 50));
        System.out.printf(Locale.ROOT, "| `1 + 1` round trip p90 | %.1f ms |%n", percentile(rt, 90));
        System.out.printf(Locale.ROOT, "| `1 + 1` round trip p99 | %.1f ms |%n", percentile(rt, 99));
        System.out.printf(Locale.ROOT, "| `1 + 1` round trip max | %.1f ms |%n", rt[rt.length - 1]);
        System.out.printf(Locale.ROOT, "| bare JShell, remote JVM (JDI): p50 / p99 | %.1f / %.1f ms |%n",
                percentile(bareRemote, 50), percentile(bareRemote, 99));
        System.out.printf(Locale.ROOT, "| bare JShell, local (same JVM): p50 / p99 | %.1f / %.1f ms |%n",
                percentile(bareLocal, 50), percentile(bareLocal, 99));
        System.out.printf(Locale.ROOT, "| idle kernel JVM: resident set (VmRSS) | %s |%n", rss);
        System.out.printf(Locale.ROOT, "| idle kernel JVM: heap used after GC (committed) | %.1f MiB (%.1f MiB) |%n",
                heapUsed / (double) MIB, heapCommitted / (double) MIB);
        System.out.printf(Locale.ROOT, "| server heap per kernel (JShell state, after GC; %d kernels) | %.1f MiB |%n",
                starts, (serverHeapAfter - serverHeapBefore) / (double) MIB / starts);
        for (Kernel k : kept) {
            k.close();
        }
    }

    /** Sorted round trips of 1 + 1 through a JShell without the kernel around it. */
    static double[] bare(JShell.Builder builder, int warmup, int runs) {
        try (JShell shell = builder.build()) {
            for (int i = 0; i < warmup; i++) {
                shell.eval("1 + 1");
            }
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                String value = shell.eval("1 + 1").get(0).value();
                times[i] = (System.nanoTime() - t) / 1e6;
                if (!"2".equals(value)) {
                    throw new IllegalStateException("bare JShell: 1 + 1 = " + value);
                }
            }
            Arrays.sort(times);
            return times;
        }
    }

    static void expect(CellResult r, String value) {
        if (r.outcome() != CellResult.Outcome.OK || !value.equals(r.value())) {
            throw new IllegalStateException("expected OK " + value + ", got " + r);
        }
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static String vmRss(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return "n/a (no /proc)";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                long kib = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
            }
        }
        return "n/a";
    }

    static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.exists(p) ? String.join(" ", Arrays.copyOf(Files.readString(p).split(" "), 3)) : "n/a";
    }
}
