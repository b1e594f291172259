package course.notebook;

import course.notebook.application.CellRuns;
import course.notebook.application.IpynbCodec;
import course.notebook.application.KernelSessions;
import course.notebook.application.NotebookService;
import course.notebook.domain.KernelLimits;
import course.notebook.domain.NotebookRepository;
import course.notebook.kernel.JShellKernels;
import course.notebook.persistence.InMemoryNotebookRepository;
import course.notebook.persistence.SchemaTooNewException;
import course.notebook.persistence.SqliteNotebookRepository;
import course.notebook.web.WebServer;
import java.time.Clock;

/**
 * Wires the layers together and starts the server: {@code java course.notebook.Main --port 8888 --data DIR}.
 * The only class that knows every adapter: the web layer, the database and the kernel meet here.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // A StartupFailure has said what is wrong already: no stack trace, just the non-zero exit code.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof StartupFailure)) {
                e.printStackTrace();
            }
        });
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            throw new StartupFailure(e.getMessage());
        }
        NotebookRepository repository;
        try {
            // BEGIN SOLUTION
            repository = SqliteNotebookRepository.open(options.dataDir());
            // END SOLUTION
            // STUB: repository = new InMemoryNotebookRepository(); // TODO(task 05.3): SqliteNotebookRepository.open(options.dataDir())
        } catch (SchemaTooNewException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            throw new StartupFailure(e.getMessage());
        }
        KernelSessions kernels = new KernelSessions(new JShellKernels(),
                new KernelLimits(options.cellTimeout(), KernelLimits.DEFAULT_MAX_OUTPUT_BYTES));
        NotebookService notebooks = new NotebookService(repository, Clock.systemUTC());
        WebServer web = new WebServer(options.token(), notebooks, kernels, new CellRuns(notebooks, kernels),
                new IpynbCodec());
        int port;
        try {
            port = web.start(options.port());
        } catch (RuntimeException e) {
            System.err.println("error: cannot listen on 127.0.0.1:" + options.port() + " (" + e.getMessage() + ")");
            kernels.close();
            repository.close();
            throw new StartupFailure("cannot listen on port " + options.port());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            kernels.close();
            repository.close();
        }, "shutdown"));
        System.out.println("Notebook server running at http://127.0.0.1:" + port + "/?token=" + options.token());
    }

    /** Ends main with a one-line reason and a non-zero exit code, without System.exit. */
    static final class StartupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupFailure(String message) {
            super(message, null, false, false);
        }
    }
}
