package course.notebook.domain;

/** Starts kernels; the application asks for one per notebook session. */
public interface KernelFactory {
    Kernel start(KernelLimits limits);
}
