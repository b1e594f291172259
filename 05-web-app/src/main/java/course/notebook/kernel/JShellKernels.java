package course.notebook.kernel;

import course.notebook.domain.Kernel;
import course.notebook.domain.KernelFactory;
import course.notebook.domain.KernelLimits;
import java.time.Duration;
import java.util.List;

/**
 * Starts JShell kernels. Each kernel compiles its cells with JShell in this JVM and runs them in a JVM of its
 * own, which JShell launches and controls over JDI (its default remote execution): an endless loop, a crash,
 * {@code System.exit} or an {@code OutOfMemoryError} in a cell cannot take the server down.
 */
public final class JShellKernels implements KernelFactory {
    /** Heap limit of a kernel's JVM, in MiB: a cell that needs more gets an OutOfMemoryError, the server nothing. */
    public static final int KERNEL_HEAP_MB = 256;
    /**
     * Options of a kernel's JVM: the heap limit, and the serial collector, which needs one GC thread and the
     * least memory: an idle kernel should cost little, since every open notebook has one.
     */
    public static final List<String> KERNEL_VM_OPTIONS = List.of("-Xmx" + KERNEL_HEAP_MB + "m", "-XX:+UseSerialGC");
    /**
     * How long a cell has to end after it was asked to stop (timeout or interrupt) before its JVM is killed and a
     * fresh one started. JShell stops a cell by throwing into its thread, which a cell can catch and ignore. Usually
     * a stop takes milliseconds; the margin is for a busy machine, where suspending the JVM over JDI to find the
     * cell's thread can take seconds, and killing a JVM that would have stopped loses the notebook's state.
     */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** While the grace period runs, the stop is repeated this often (a first one can arrive before the cell runs). */
    public static final Duration STOP_RETRY = Duration.ofMillis(100);
    /** Imports every kernel starts with: the ones the jshell tool starts with, so cells can use List or Path at once. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;");

    public JShellKernels() {
    }

    /** Starts a kernel and its JVM; blocks until the JVM is ready (about a second). */
    @Override
    public Kernel start(KernelLimits limits) {
        // BEGIN SOLUTION
        return new JShellKernel(limits);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 05.4): start a JShell kernel (see JShellKernel)");
    }
}
