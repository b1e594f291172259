package course.sockets;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A console chat client: {@code java course.sockets.ChatClient localhost 6667 alice}.
 *
 * <p>It registers ({@code NICK alice}, {@code USER alice 0 * :alice}), answers every
 * {@code PING} with a {@code PONG} on its own, and prints what the server sends: a
 * PRIVMSG as {@code <nick> text} (with {@code [#channel] } in front for a channel), every
 * other line as it came. Lines typed on standard input:
 *
 * <pre>
 *   /join #channel        JOIN #channel (it becomes the current channel)
 *   /part [#channel]      PART #channel (the current one when none is given)
 *   /msg target text      PRIVMSG target :text
 *   /quit [reason]        QUIT :reason
 *   /raw LINE             LINE, sent as it is
 *   anything else         PRIVMSG #current :text, to the channel joined last
 * </pre>
 *
 * <p>The client ends when the server closes the connection. When standard input ends,
 * it sends QUIT, and so it ends once the server has answered.
 */
public final class ChatClient {
    public static final String USAGE = "usage: java course.sockets.ChatClient HOST PORT NICK";

    private final Socket socket;
    private final OutputStream out;
    private final PrintStream console;
    private volatile String channel;

    private ChatClient(Socket socket, PrintStream console) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.console = console;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println(USAGE);
            return;
        }
        int port;
        try {
            port = Arguments.parsePort(args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return;
        }
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (Socket socket = new Socket(args[0], port)) {
            ChatClient client = new ChatClient(socket, console);
            client.send("NICK " + args[2]);
            client.send("USER " + args[2] + " 0 * :" + args[2]);
            // Standard input is read by a daemon thread: when the server closes the connection,
            // main returns and the program ends even though nobody pressed Enter.
            Thread keyboard = new Thread(client::readKeyboard, "keyboard");
            keyboard.setDaemon(true);
            keyboard.start();
            client.readServer();
        } catch (IOException e) {
            System.err.println("error: " + args[0] + ":" + port + ": " + e.getMessage());
        }
    }

    /** Prints what the server sends until it closes the connection; answers PING. */
    private void readServer() throws IOException {
        LineReader lines = new LineReader(socket.getInputStream(), LineReader.MAX_CONTENT_BYTES);
        String line;
        while ((line = lines.readLine()) != null) {
            IrcMessage message = IrcMessage.parse(line);
            if (message != null) {
                show(line, message);
            }
        }
    }

    private void show(String line, IrcMessage message) throws IOException {
        // BEGIN SOLUTION
        switch (message.command()) {
            case "PING" -> send("PONG :" + (message.param(0) == null ? "" : message.param(0)));
            case "PRIVMSG" -> {
                String from = message.prefix() == null ? "?" : message.prefix().split("!", 2)[0];
                String target = message.param(0);
                String where = target != null && target.startsWith("#") ? "[" + target + "] " : "";
                console.println(where + "<" + from + "> " + message.param(1));
            }
            default -> console.println(line);
        }
        // END SOLUTION
        // STUB: // TODO(task 02.7): answer PING with PONG, print PRIVMSG as <nick> text, other lines as they came.
        // STUB: throw new UnsupportedOperationException("TODO(task 02.7): ChatClient.show");
    }

    /** Turns typed lines into commands; at the end of standard input, sends QUIT. */
    private void readKeyboard() {
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = keyboard.readLine()) != null) {
                if (!line.isBlank()) {
                    typed(line);
                }
            }
            send("QUIT");
        } catch (IOException e) {
            // The connection is gone; readServer ends the program.
        }
    }

    private void typed(String line) throws IOException {
        // BEGIN SOLUTION
        String[] words = line.split(" ", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (line.startsWith("/") ? words[0] : "") {
            case "/join" -> {
                send("JOIN " + rest);
                channel = rest;
            }
            case "/part" -> {
                String leaving = rest.isEmpty() ? channel : rest;
                if (leaving == null) {
                    console.println("* you are in no channel");
                    return;
                }
                send("PART " + leaving);
                if (leaving.equals(channel)) {
                    channel = null;
                }
            }
            case "/msg" -> {
                String[] parts = rest.split(" ", 2);
                if (parts.length < 2 || parts[1].isEmpty()) {
                    console.println("* usage: /msg target text");
                    return;
                }
                send("PRIVMSG " + parts[0] + " :" + parts[1]);
            }
            case "/quit" -> send(rest.isEmpty() ? "QUIT" : "QUIT :" + rest);
            case "/raw" -> send(rest);
            case "" -> {
                if (channel == null) {
                    console.println("* join a channel first: /join #channel");
                    return;
                }
                send("PRIVMSG " + channel + " :" + line);
            }
            default -> console.println("* unknown command " + words[0]
                    + " (try /join, /part, /msg, /quit, /raw)");
        }
        // END SOLUTION
        // STUB: // TODO(task 02.7): /join, /part, /msg, /quit, /raw; plain text goes to the channel joined last.
        // STUB: throw new UnsupportedOperationException("TODO(task 02.7): ChatClient.typed");
    }

    /** Sends one line with CRLF; the keyboard and the PONGs share the socket, hence synchronized. */
    private synchronized void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
