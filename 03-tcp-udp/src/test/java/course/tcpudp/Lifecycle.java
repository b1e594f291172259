package course.tcpudp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A client and a server each open a {@link Connection} through a link and close it again, on their own threads. */
public final class Lifecycle {
    public static final int TIMEOUT_MILLIS = 20;
    public static final int LINGER_MILLIS = 100;

    private Lifecycle() {
    }

    /** One side's view: the state once open, the state after close, and the connection. */
    public record Side(Connection.State opened, Connection.State closed, Connection connection) {
        public int retransmissions() {
            return connection.retransmissions();
        }
    }

    public record Outcome(Side client, Side server) {
        public void assertClean() {
            assertEquals(Connection.State.ESTABLISHED, client.opened, "the client's state after connect");
            assertEquals(Connection.State.ESTABLISHED, server.opened, "the server's state after accept");
            assertEquals(Connection.State.CLOSED, client.closed, "the client's state after close");
            assertEquals(Connection.State.CLOSED, server.closed, "the server's state after close");
            assertEquals(client.connection.localIsn(), server.connection.remoteIsn(),
                    "the server learned the client's ISN from the SYN");
            assertEquals(server.connection.localIsn(), client.connection.remoteIsn(),
                    "the client learned the server's ISN from the SYN_ACK");
        }
    }

    public static Outcome run(Link link, Duration limit) {
        CompletableFuture<Side> server = Link.start("server", () -> {
            Connection c = Connection.accept(link.receiverSocket, TIMEOUT_MILLIS, LINGER_MILLIS);
            Connection.State opened = c.state();
            c.close();
            return new Side(opened, c.state(), c);
        });
        CompletableFuture<Side> client = Link.start("client", () -> {
            Connection c = Connection.connect(link.senderSocket, link.target(), TIMEOUT_MILLIS, LINGER_MILLIS);
            Connection.State opened = c.state();
            c.close();
            return new Side(opened, c.state(), c);
        });
        Side c = Link.await("the client (connect, then close)", client, limit);
        Side s = Link.await("the server (accept, then close)", server, limit);
        return new Outcome(c, s);
    }
}
