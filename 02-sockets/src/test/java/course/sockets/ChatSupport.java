package course.sockets;

import course.grader.support.StudentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the chat server tests share. */
public final class ChatSupport {
    public static final String CHAT_SERVER = "course.sockets.ChatServer";
    public static final String CHAT_CLIENT = "course.sockets.ChatClient";

    private ChatSupport() {
    }

    /** The student's chat server on a free port, with the default server name. */
    public static StudentServer chatServer() {
        return StudentServer.main(CHAT_SERVER).args("--port", "{port}");
    }

    /** True where the operating system shows a process's threads in /proc (Linux). */
    public static boolean procAvailable(StudentServer server) {
        return Files.isRegularFile(Path.of("/proc", Long.toString(server.process().pid()), "status"));
    }

    /** The number of operating-system threads of the server process (Linux /proc). */
    public static int threads(StudentServer server) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.process().pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no Threads: line in /proc/<pid>/status");
    }
}
