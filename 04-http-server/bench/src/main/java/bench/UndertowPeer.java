package bench;

import io.undertow.Undertow;
import io.undertow.server.handlers.cache.DirectBufferCache;
import io.undertow.server.handlers.resource.CachingResourceManager;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;

/**
 * Undertow 2.3 serving a folder with its ResourceHandler over a caching resource manager
 * (small files are kept in direct buffers, as Jetty's ResourceHandler and the reference
 * server keep them in memory). Default I/O and worker thread counts.
 */
public final class UndertowPeer {
    private UndertowPeer() {
    }

    public static void main(String[] args) {
        PeerOptions options = PeerOptions.parse("bench.UndertowPeer", args);
        ResourceManager disk = PathResourceManager.builder()
                .setBase(options.root())
                .setTransferMinSize(1024 * 1024)
                .build();
        CachingResourceManager cached = new CachingResourceManager(
                1000, 1024 * 1024, new DirectBufferCache(1024, 10, 16 * 1024 * 1024), disk, 1000);
        ResourceHandler files = new ResourceHandler(cached)
                .setWelcomeFiles("index.html")
                .setDirectoryListingEnabled(false);

        Undertow server = Undertow.builder()
                .addHttpListener(options.port(), "127.0.0.1")
                .setHandler(files)
                .build();
        server.start();
        System.out.println("listening on port " + options.port());
    }
}
