package bench;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.util.List;

/**
 * Jetty 12 (core API, no servlets) serving a folder with its ResourceHandler: default
 * thread pool, one HTTP/1.1 connector on the loopback address, Date header on (as the
 * reference server sends one), Server header off.
 */
public final class JettyPeer {
    private JettyPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerOptions options = PeerOptions.parse("bench.JettyPeer", args);
        Server server = new Server();

        HttpConfiguration http = new HttpConfiguration();
        http.setSendDateHeader(true);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        server.addConnector(connector);

        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(options.root()));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        server.setHandler(files);

        server.start();
        System.out.println("listening on port " + connector.getLocalPort());
        server.join();
    }
}
