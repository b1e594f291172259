package course.grader.cli;

import course.grader.engine.CourseException;
import course.grader.probe.HttpProbe;
import course.grader.probe.ProbeCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./grade probe --url URL}: wire-level HTTP/1.1 checks against any running server. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Runs wire-level HTTP/1.1 checks (RFC 9110/9112) against any running server, in any language. "
                + "The URL's path names a file the server serves (default /). Checks a server does not offer "
                + "(ETag, ranges, gzip, /files uploads) are skipped with the reason.")
final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, paramLabel = "URL", description = "e.g. http://127.0.0.1:8080/index.html")
    String url;

    @picocli.CommandLine.ParentCommand
    GradeCli parent;

    @Override
    public Integer call() throws Exception {
        HttpProbe.Target target;
        try {
            target = HttpProbe.target(url);
        } catch (IllegalArgumentException e) {
            throw new CourseException(e.getMessage());
        }
        try (var s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(target.host(), target.port()), 3000);
        } catch (java.io.IOException e) {
            throw new CourseException("nothing accepts connections at " + target.host() + ":" + target.port()
                    + " (" + e.getMessage() + "); start the server first");
        }
        List<ProbeCheck.Outcome> outcomes = HttpProbe.run(target);
        parent.stdout.print(HttpProbe.render(target, outcomes));
        parent.stdout.flush();
        return outcomes.stream().anyMatch(o -> o.verdict() == ProbeCheck.Verdict.FAIL) ? 1 : 0;
    }
}
