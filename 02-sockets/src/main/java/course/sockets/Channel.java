package course.sockets;

import java.util.LinkedHashSet;
import java.util.Set;

/** A channel: its name as first written, its topic, and its members in the order they joined. */
final class Channel {
    private final String name;
    private String topic;
    private final Set<ClientConnection> members = new LinkedHashSet<>();

    Channel(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The topic, or null when none is set. */
    String topic() {
        return topic;
    }

    void setTopic(String topic) {
        this.topic = topic;
    }

    /** The members; change it only with the server's lock held, together with {@link ClientConnection#channels()}. */
    Set<ClientConnection> members() {
        return members;
    }

    boolean has(ClientConnection client) {
        return members.contains(client);
    }

    /** Queues {@code line} for every member except {@code except} (null: for all of them). */
    void broadcast(String line, ClientConnection except) {
        for (ClientConnection member : members) {
            if (member != except) {
                member.send(line);
            }
        }
    }
}
