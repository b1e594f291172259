package bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The JDK's built-in com.sun.net.httpserver with one virtual thread per exchange, serving
 * a folder through a small handler: Content-Type by extension, Content-Length, index.html
 * for a folder, file bytes kept in memory while size and modification time stay the same.
 * TCP_NODELAY is switched on (sun.net.httpserver.nodelay), as every other server here does.
 */
public final class JdkPeer {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private JdkPeer() {
    }

    public static void main(String[] args) throws IOException {
        PeerOptions options = PeerOptions.parse("bench.JdkPeer", args);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 1024);
        server.createContext("/", new FolderHandler(options.root()));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("listening on port " + server.getAddress().getPort());
    }

    /** Static files below one root. */
    private static final class FolderHandler implements HttpHandler {
        private record Cached(long size, FileTime modified, byte[] bytes) {
        }

        private final Path root;
        private final ConcurrentHashMap<Path, Cached> cache = new ConcurrentHashMap<>();

        FolderHandler(Path root) {
            this.root = root;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                URI uri = exchange.getRequestURI();
                Path file = root.resolve("." + uri.getPath()).normalize();
                if (!file.startsWith(root)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isDirectory()) {
                        file = file.resolve("index.html");
                        attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    }
                    body = bytes(file, attributes);
                } catch (NoSuchFileException missing) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", type(file));
                if (method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        private byte[] bytes(Path file, BasicFileAttributes attributes) throws IOException {
            Cached cached = cache.get(file);
            if (cached != null && cached.size() == attributes.size()
                    && cached.modified().equals(attributes.lastModifiedTime())) {
                return cached.bytes();
            }
            byte[] bytes = Files.readAllBytes(file);
            cache.put(file, new Cached(bytes.length, attributes.lastModifiedTime(), bytes));
            return bytes;
        }

        private static String type(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            return TYPES.getOrDefault(extension, "application/octet-stream");
        }
    }
}
