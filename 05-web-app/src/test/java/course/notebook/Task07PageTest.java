package course.notebook;

import static course.notebook.NotebookTestSupport.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.StudentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Task 05.7: the page in a real browser (headless Chromium). The tests click and type like a person, then check
 * what the page shows and, through the REST API, what the server stored.
 */
@DisplayName("05.7 The page: add, edit, move, run and delete cells in headless Chromium")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Task07PageTest {
    /** How long the streaming test waits for the cell to connect back to it. */
    static final Duration CELL_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    @Order(1)
    static final StudentServer server = NotebookTestSupport.server();

    /** Screenshots of failures go to the server's working folder. */
    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.chromium(() -> server.dir());

    static Api api() {
        return Api.of(server, TOKEN);
    }

    static NotebookPage page() {
        return new NotebookPage(browser, server, TOKEN);
    }

    /** The notebook the tests that run cells share, so they share its kernel (a JVM: a second or two to start). */
    static final String RUNS = "Runs";
    private String runs;
    private Path runsServerDir;

    /**
     * Opens the page on the shared notebook for running cells; it is made through the API on first use (and again
     * if the server had to be restarted, which starts it on a fresh data folder).
     */
    String openRunsNotebook(NotebookPage page) {
        if (runs == null || !server.dir().equals(runsServerDir)) {
            browser.step("POST /api/notebooks {\"name\":\"" + RUNS + "\"} (one notebook, so one kernel, for the tests "
                    + "that run cells)");
            runs = api().create(RUNS).path("id").asText();
            runsServerDir = server.dir();
        }
        page.openWithToken();
        page.openFromList(runs, RUNS);
        return runs;
    }

    /** The API's view of a notebook, with the step noted in the log. */
    static JsonNode stored(String id) {
        browser.step("GET /api/notebooks/" + id + " (what the server stored)");
        return api().notebook(id);
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("without the token the page is not served (401 note); /?token=... sets the cookie, the page lists "
            + "the notebooks")
    void tokenOpensThePage() {
        NotebookPage page = page();
        browser.open(server.baseUri() + "/");
        if (!browser.driver().findElements(By.id("new-notebook-name")).isEmpty()) {
            throw page.failure("expected GET / without the token cookie to be refused (a 401 page that says to open "
                    + "the printed address), but the browser got the notebook page");
        }
        String refused = (String) browser.script("return document.body ? document.body.innerText : '';");
        if (!refused.toLowerCase(java.util.Locale.ROOT).contains("token")) {
            throw page.failure("expected the 401 page to say how to get in (open the address with the token the "
                    + "server printed), but it did not mention the token");
        }
        browser.step("POST /api/notebooks {\"name\":\"Made elsewhere\"}");
        String made = api().create("Made elsewhere").path("id").asText();
        page.openWithToken();
        String url = browser.currentUrl();
        if (url.contains(TOKEN)) {
            throw page.failure("expected /?token=... to redirect to / so the token leaves the address bar, but the "
                    + "browser is at " + url);
        }
        page.awaitListed(made, "Made elsewhere");
        Object cookieSeen = browser.script("return document.cookie;");
        if (String.valueOf(cookieSeen).contains(TOKEN)) {
            throw page.failure("the token cookie must be HttpOnly (scripts must not read it), but document.cookie is "
                    + Browser.quote(String.valueOf(cookieSeen)));
        }
        browser.open(server.baseUri() + "/");
        if (browser.driver().findElements(By.id("new-notebook-name")).isEmpty()) {
            throw page.failure("expected the cookie to let the browser in on its next visit to /, but the page was "
                    + "refused");
        }
        page.awaitReady();
        page.awaitListed(made, "Made elsewhere");
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("create a notebook, add a code and a markdown cell, type their sources: the server stores them")
    void createNotebookAndCells() {
        NotebookPage page = page();
        page.openWithToken();
        String id = page.createNotebook("First steps");
        String code = page.addCell("code");
        page.typeSource(code, "int answer = 6 * 7;\nSystem.out.println(answer);");
        String markdown = page.addCell("markdown");
        page.typeSource(markdown, "# Notes\nJShell runs *each* cell.");
        page.expectOrder(List.of(code, markdown), "code first, then markdown, as added");

        JsonNode notebook = stored(id);
        if (!notebook.path("name").asText().equals("First steps")) {
            throw page.failure("expected the stored notebook to be named \"First steps\", but it is "
                    + notebook.path("name"));
        }
        if (!Api.cellIds(notebook).equals(List.of(code, markdown))) {
            throw page.failure("expected the stored cells " + List.of(code, markdown) + " (the page's data-cell-id "
                    + "values, in order), but the server has " + Api.cellIds(notebook));
        }
        List<String> types = List.of(notebook.path("cells").path(0).path("type").asText(),
                notebook.path("cells").path(1).path("type").asText());
        if (!types.equals(List.of("code", "markdown"))) {
            throw page.failure("expected the stored cell types [code, markdown], but they are " + types);
        }
        List<String> expected = List.of("int answer = 6 * 7;\nSystem.out.println(answer);",
                "# Notes\nJShell runs *each* cell.");
        if (!Api.sources(notebook).equals(expected)) {
            throw page.failure("expected the stored sources " + expected.stream().map(Browser::quote).toList()
                    + " (typed into the textareas), but the server has "
                    + Api.sources(notebook).stream().map(Browser::quote).toList());
        }
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("run a code cell: its stdout and its value appear; edit it and run again: the next count, new output")
    void runEditAndRunAgain() {
        NotebookPage page = page();
        String id = openRunsNotebook(page);
        String cell = page.addCell("code");
        page.typeSourceOnly(cell, "System.out.println(\"hello from the page\");\n6 * 7");
        int count = page.run(cell);
        expectOutput(page, cell, ".stdout", "hello from the page\n");
        expectOutput(page, cell, ".result", "42\n");

        page.typeSourceOnly(cell,
                "String word = \"again\";\nSystem.out.println(word + \" and \" + word);\nword.length()");
        int second = page.run(cell);
        if (second != count + 1) {
            throw page.failure("expected the second run's prompt to be [" + (count + 1) + "] (the kernel's next "
                    + "execution count after [" + count + "]), but it was [" + second + "]");
        }
        expectOutput(page, cell, ".stdout", "again and again\n");
        expectOutput(page, cell, ".result", "5\n");

        JsonNode stored = storedCell(id, cell);
        if (!stored.path("source").asText().endsWith("word.length()")) {
            throw page.failure("expected the edited source to be stored when the cell ran, but the server has "
                    + Browser.quote(stored.path("source").asText()));
        }
        String outputs = stored.path("outputs").toString();
        if (stored.path("executionCount").asInt() != second || !outputs.contains("again and again")
                || outputs.contains("hello from the page")) {
            throw page.failure("expected the server to store the second run (executionCount " + second + ", only its "
                    + "outputs), but the cell is " + stored);
        }
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("a compile error is shown in the cell's output with its line number")
    void compileErrorWithLine() {
        NotebookPage page = page();
        openRunsNotebook(page);
        String cell = page.addCell("code");
        page.typeSourceOnly(cell, "int one = 1;\nint two = \"two\";\nSystem.out.println(one);");
        page.run(cell);
        String error = page.outputText(cell, ".error");
        if (!error.contains("COMPILE_ERROR") || !error.contains("line 2")) {
            throw page.failure("expected the cell's .output .error to show COMPILE_ERROR and \"line 2\" (the error is "
                    + "on the second line), but it showed " + Browser.quote(error));
        }
        if (!page.outputText(cell, ".stdout").isEmpty()) {
            throw page.failure("a cell with a compile error prints nothing, but .stdout showed "
                    + Browser.quote(page.outputText(cell, ".stdout")));
        }
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("move cells up and down and delete one: the page and the server agree on the order")
    void moveAndDeleteCells() {
        NotebookPage page = page();
        page.openWithToken();
        String id = page.createNotebook("Order");
        String a = page.addCell("code");
        page.typeSource(a, "\"a\"");
        String b = page.addCell("markdown");
        page.typeSource(b, "b");
        String c = page.addCell("code");
        page.typeSource(c, "\"c\"");
        page.expectOrder(List.of(a, b, c), "as added");

        page.move(c, -1);
        page.move(c, -1);
        expectStoredOrder(page, id, List.of(c, a, b), "after moving the third cell up twice");
        page.move(a, +1);
        expectStoredOrder(page, id, List.of(c, b, a), "after moving cell a down");

        page.deleteCell(b);
        expectStoredOrder(page, id, List.of(c, a), "after deleting cell b");
        List<String> sources = Api.sources(stored(id));
        if (!sources.equals(List.of("\"c\"", "\"a\""))) {
            throw page.failure("expected the stored sources to move with their cells, [\"c\", \"a\"], but they are "
                    + sources);
        }
        page.reload();
        page.openFromList(id, "Order");
        page.expectOrder(List.of(c, a), "after a reload, in the stored order");
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("output streams: the first line shows while the cell still runs, the rest when it goes on")
    void outputStreamsWhileRunning() throws IOException {
        NotebookPage page = page();
        openRunsNotebook(page);
        String cell = page.addCell("code");
        try (ServerSocket gate = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gate.setSoTimeout((int) CELL_CONNECT_TIMEOUT.toMillis());
            // The cell prints, then waits for this test to send it one byte over a socket.
            String source = "System.out.println(\"before the gate\");\n"
                    + "try (var s = new java.net.Socket(\"127.0.0.1\", " + gate.getLocalPort() + ")) {\n"
                    + "    s.getInputStream().read();\n"
                    + "}\n"
                    + "System.out.println(\"after the gate\");\n"
                    + "\"through\"";
            page.typeSourceOnly(cell, source);
            NotebookPage.Run run = page.clickRun(cell);
            page.awaitOutput(run.errorBefore(), cell, ".stdout", "before the gate", NotebookPage.RUN_TIMEOUT,
                    "the first line \"before the gate\" in .stdout while the cell still runs (it waits for the test)");
            String state = page.cellAttribute(cell, "state");
            String prompt = page.cellText(cell, ".prompt");
            if (!"running".equals(state) || !"[*]".equals(prompt)) {
                throw page.failure("expected the cell to show that it still runs (data-state=\"running\", prompt "
                        + "[*]), but data-state is " + Browser.quote(state) + " and the prompt "
                        + Browser.quote(prompt));
            }
            if (page.outputText(cell, ".stdout").contains("after the gate")) {
                throw page.failure("the second line cannot have been printed yet: the cell is still waiting");
            }
            browser.step("released the cell: accepted its connection and sent one byte");
            try (Socket socket = gate.accept(); OutputStream out = socket.getOutputStream()) {
                out.write('!');
                out.flush();
            } catch (SocketTimeoutException e) {
                throw page.failure("the cell printed its first line but never connected to port " + gate.getLocalPort()
                        + " within " + CELL_CONNECT_TIMEOUT.toSeconds() + " s");
            }
            page.awaitRunDone(run);
        }
        expectOutput(page, cell, ".stdout", "before the gate\nafter the gate\n");
        expectOutput(page, cell, ".result", "\"through\"\n");
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("after a reload the notebook is still there: its cells, sources, outputs and prompts")
    void reloadShowsStoredNotebook() {
        NotebookPage page = page();
        String id = openRunsNotebook(page);
        String note = page.addCell("markdown");
        page.typeSource(note, "## Kept across reloads");
        String cell = page.addCell("code");
        page.typeSourceOnly(cell, "String kept = \"still here\";\nSystem.out.println(kept);\nkept.toUpperCase()");
        int count = page.run(cell);
        List<String> order = page.cellIds();

        page.reload();
        page.openFromList(id, RUNS);
        page.expectOrder(order, "the stored order");
        if (!"## Kept across reloads".equals(page.source(note))) {
            throw page.failure("expected the markdown cell's textarea to hold \"## Kept across reloads\", but it held "
                    + Browser.quote(page.source(note)));
        }
        if (!("[" + count + "]").equals(page.cellText(cell, ".prompt"))) {
            throw page.failure("expected the code cell's prompt to show its stored execution count [" + count + "], "
                    + "but it showed " + Browser.quote(page.cellText(cell, ".prompt")));
        }
        expectOutput(page, cell, ".stdout", "still here\n");
        expectOutput(page, cell, ".result", "\"STILL HERE\"\n");
    }

    // ---------------------------------------------------------------- checks

    static void expectOutput(NotebookPage page, String cell, String selector, String expected) {
        String shown = page.outputText(cell, selector);
        if (!shown.equals(expected)) {
            throw page.failure("expected the cell's .output " + selector + " to show " + Browser.quote(expected)
                    + ", but it showed " + Browser.quote(shown));
        }
    }

    static JsonNode storedCell(String notebook, String cellId) {
        for (JsonNode c : stored(notebook).path("cells")) {
            if (c.path("id").asText().equals(cellId)) {
                return c;
            }
        }
        throw browser.failure("expected the server to have the cell " + cellId + " in notebook " + notebook
                + ", but it is not there");
    }

    static void expectStoredOrder(NotebookPage page, String id, List<String> expected, String when) {
        page.expectOrder(expected, when);
        List<String> stored = Api.cellIds(stored(id));
        if (!stored.equals(expected)) {
            throw page.failure("expected the server to store the cells in the order " + expected + " " + when
                    + " (GET /api/notebooks/" + id + "), but it has " + stored);
        }
    }
}
