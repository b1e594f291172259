package course.notebook.hidden;

import static course.notebook.NotebookTestSupport.column;
import static course.notebook.NotebookTestSupport.openDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import course.grader.Graded;
import course.grader.support.Poll;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.NotebookTestSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("05.3 Persistence (hidden)")
@ExtendWith(Seeded.class)
class Task03PersistenceHiddenTest {
    static final String TOKEN = NotebookTestSupport.TOKEN;
    /** Acknowledged writes before the server is killed. */
    static final int WRITES_BEFORE_KILL = 100;

    /** The shared server's data folder: a restart (or a crash) finds the same database there. */
    static final Path DATA = NotebookTestSupport.tempDir("notebook-hidden-persist-").resolve("data");

    @RegisterExtension
    static final StudentServer server = NotebookTestSupport.server(DATA, TOKEN);

    @Test
    @Graded(task = "05.3", points = 3)
    @DisplayName("killed (SIGKILL) in the middle of writes: the file is intact and every acknowledged write is there")
    void crashMidWrite(Random random) throws Exception {
        Path data = DATA;
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, JsonNode> lastSeen = new ConcurrentHashMap<>();
        AtomicInteger writes = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            Api api = Api.of(server, TOKEN);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = api.create("Crash " + i).path("id").asText();
                ids.add(id);
                acknowledged.put(id, 1L);
            }
            for (int w = 0; w < 4; w++) {
                long seed = random.nextLong();
                writers.add(Thread.ofPlatform().start(() -> write(api, ids, new Random(seed), acknowledged, lastSeen,
                        writes, killed, failures)));
            }
            if (!Poll.until(Duration.ofSeconds(60), () -> writes.get() >= WRITES_BEFORE_KILL
                    || !failures.isEmpty())) {
                throw new AssertionError("the writers made only " + writes.get() + " writes in 60 s");
            }
            if (!failures.isEmpty()) {
                throw new AssertionError("a write failed before the kill: " + failures.get(0).getMessage(),
                        failures.get(0));
            }
            killed.set(true);
            server.process().destroyForcibly();
            if (!server.process().waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not die from SIGKILL within 10 s");
            }
        } finally {
            killed.set(true);
            for (Thread t : writers) {
                t.join(10_000);
            }
        }
        try (Connection c = openDatabase(data)) {
            List<String> integrity = column(c, "PRAGMA integrity_check");
            if (!integrity.equals(List.of("ok"))) {
                throw new AssertionError("after the crash PRAGMA integrity_check says " + integrity);
            }
            List<String> orphans = column(c, "PRAGMA foreign_key_check");
            if (!orphans.isEmpty()) {
                throw new AssertionError("after the crash rows point to missing rows (PRAGMA foreign_key_check): "
                        + orphans);
            }
        }
        server.start();
        {
            Api api = Api.of(server, TOKEN);
            JsonNode list = api.get("/api/notebooks").expect(200).json();
            for (var e : acknowledged.entrySet()) {
                Api.Reply r = api.get("/api/notebooks/" + e.getKey());
                if (r.status() != 200) {
                    throw r.fail("the notebook " + e.getKey() + " was acknowledged before the crash but is gone");
                }
                JsonNode nb = r.json();
                if (nb.path("version").asLong() < e.getValue()) {
                    throw r.fail("version " + e.getValue() + " was acknowledged before the crash, but after it the "
                            + "notebook is at version " + nb.path("version") + ": a committed write was lost");
                }
                JsonNode seen = lastSeen.get(e.getKey());
                if (seen != null && seen.path("version").equals(nb.path("version")) && !seen.equals(nb)) {
                    throw r.fail("the notebook is at the acknowledged version " + nb.path("version") + " but its "
                            + "content differs from what that write answered: a change was stored only in part\n"
                            + "         acknowledged: " + seen);
                }
                List<String> cellIds = Api.cellIds(nb);
                if (new HashSet<>(cellIds).size() != cellIds.size()) {
                    throw r.fail("a cell appears twice");
                }
                for (JsonNode entry : list) {
                    if (entry.path("id").asText().equals(e.getKey()) && entry.path("cells").asInt() != cellIds.size()) {
                        throw r.fail("the list says " + entry.path("cells") + " cells, the notebook has "
                                + cellIds.size());
                    }
                }
            }
        }
    }

    /** One writer: random changes to the notebooks until the server dies; records the versions acknowledged. */
    private static void write(Api api, List<String> ids, Random random, Map<String, Long> acknowledged,
                              Map<String, JsonNode> lastSeen, AtomicInteger writes, AtomicBoolean killed,
                              List<Throwable> failures) {
        while (!killed.get()) {
            String id = ids.get(random.nextInt(ids.size()));
            String path = "/api/notebooks/" + id;
            try {
                Api.Reply r;
                int op = random.nextInt(6);
                if (op <= 1) {
                    r = api.post(path + "/cells", Api.object("source", NotebookTestSupport.randomSource(random)));
                } else if (op == 2) {
                    r = api.patch(path, Api.object("name", "Crash " + ids.indexOf(id) + " " + random.nextInt(1000)));
                } else {
                    JsonNode nb = api.get(path).json();
                    List<String> cells = Api.cellIds(nb);
                    if (cells.isEmpty()) {
                        continue;
                    }
                    if (op == 3) {
                        Collections.shuffle(cells, random);
                        ArrayNode order = Api.JSON.createArrayNode();
                        cells.forEach(order::add);
                        r = api.put(path + "/order", Api.JSON.createObjectNode().set("cells", order).toString());
                    } else if (op == 4) {
                        r = api.delete(path + "/cells/" + cells.get(random.nextInt(cells.size())));
                    } else {
                        r = api.patch(path + "/cells/" + cells.get(random.nextInt(cells.size())),
                                Api.object("source", NotebookTestSupport.randomSource(random)));
                    }
                }
                if (r.status() / 100 == 2) {
                    JsonNode nb = r.json();
                    lastSeen.merge(id, nb, (a, b) -> a.path("version").asLong() >= b.path("version").asLong()
                            ? a : b);
                    acknowledged.merge(id, nb.path("version").asLong(), Math::max);
                    writes.incrementAndGet();
                } else if (r.status() != 404 && r.status() != 409 && !killed.get()) {
                    failures.add(r.fail("unexpected status"));
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                if (!killed.get()) {
                    failures.add(e);
                }
                return;
            }
        }
    }

    @Test
    @Graded(task = "05.3", points = 2)
    @DisplayName("random names and sources (quotes, Unicode, line breaks) come back byte for byte after a restart")
    void randomContentSurvives(Random random) {
        List<JsonNode> before = new ArrayList<>();
        Api api = Api.of(server, TOKEN);
        {
            for (int n = 0; n < 3; n++) {
                String id = api.create(NotebookTestSupport.randomName(random, 30) + " " + n).path("id").asText();
                int cells = 1 + random.nextInt(6);
                for (int i = 0; i < cells; i++) {
                    api.addCell(id, random.nextBoolean() ? "code" : "markdown", NotebookTestSupport.randomSource(random));
                }
                before.add(api.notebook(id));
            }
        }
        server.stop();
        server.start();
        {
            for (JsonNode nb : before) {
                Api.Reply r = api.get("/api/notebooks/" + nb.path("id").asText());
                if (r.status() != 200 || !r.json().equals(nb)) {
                    throw r.fail("after a restart the notebook should be exactly\n         " + nb);
                }
            }
        }
    }

    @Test
    @Graded(task = "05.3", points = 1)
    @DisplayName("deleting a notebook removes its cells from the database too (one transaction, no orphans)")
    void deleteRemovesCells() throws Exception {
        Api api = Api.of(server, TOKEN);
        String id = api.create("Doomed").path("id").asText();
        String kept = api.create("Kept").path("id").asText();
        for (int i = 0; i < 5; i++) {
            api.addCell(id, "code", "int v" + i + " = " + i + ";");
        }
        api.addCell(kept, "code", "1");
        api.delete("/api/notebooks/" + id).expect(204);
        try (Connection c = openDatabase(DATA)) {
            List<String> left = column(c, "SELECT COUNT(*) FROM cells WHERE notebook_id = '" + id + "'");
            if (!left.equals(List.of("0"))) {
                throw new AssertionError("the deleted notebook still has " + left + " rows in cells");
            }
            List<String> others = column(c, "SELECT COUNT(*) FROM cells WHERE notebook_id = '" + kept + "'");
            if (!others.equals(List.of("1"))) {
                throw new AssertionError("the other notebook should keep its cell, but cells has " + others
                        + " rows for it");
            }
        }
    }
}
