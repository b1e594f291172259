package course.notebook.kernel;

import course.notebook.domain.Kernel;
import course.notebook.domain.KernelFactory;
import course.notebook.domain.KernelLimits;

/** Placeholder until the JShell kernel (task 05.4) is in place. */
public final class JShellKernels implements KernelFactory {
    @Override
    public Kernel start(KernelLimits limits) {
        throw new UnsupportedOperationException("TODO(task 05.4): the JShell kernel");
    }
}
