package course.notebook.hidden;

import com.fasterxml.jackson.databind.JsonNode;
import course.grader.Graded;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.notebook.Api;
import course.notebook.Browser;
import course.notebook.NotebookPage;
import course.notebook.NotebookTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

@DisplayName("05.7 The page (hidden)")
@ExtendWith(Seeded.class)
class Task07PageHiddenTest {
    static final String TOKEN = NotebookTestSupport.TOKEN;
    /** Cells in the reordering test: enough for a real shuffle, few enough to click through quickly. */
    static final int MIN_CELLS = 4;
    static final int MAX_CELLS = 5;
    /** Clicks on Up or Down, each on a random cell. */
    static final int MOVES = 7;
    /** Longest random notebook name and line count of a random source. */
    static final int MAX_NAME_CHARS = 24;
    static final int MAX_SOURCE_LINES = 4;
    /** How long the confirm() dialog of Delete notebook may take to appear. */
    static final Duration DIALOG_TIMEOUT = Browser.UI_TIMEOUT;
    /** Text pieces of random sources: quotes, backslashes, markup, entities, Hangul, accents (all typeable keys). */
    static final String[] TRICKY = {"\"", "\\", "'", "<b>", "</p>", "&amp;", "&lt;", "한글", "é", "ß", "{}", ";",
        "%20"};
    /** Markup that runs script if a page puts text into innerHTML: each sets window.xssFired. */
    static final String IMG = "<img src=x onerror=\"window.xssFired='%s'\">";
    /** Elements the XSS test's text would create if it were parsed as HTML. */
    static final String INJECTED = "#notebook-list img, #notebook-toolbar img, #status img, #cells img, #cells b, "
            + "#cells script";

    @RegisterExtension
    @Order(1)
    static final StudentServer server = NotebookTestSupport.server();

    /** Screenshots of failures go to the server's working folder. */
    @RegisterExtension
    @Order(2)
    static final Browser browser = Browser.chromium(() -> server.dir());

    static NotebookPage page() {
        return new NotebookPage(browser, server, TOKEN);
    }

    static JsonNode stored(String id) {
        browser.step("GET /api/notebooks/" + id + " (what the server stored)");
        return Api.of(server, TOKEN).notebook(id);
    }

    @Test
    @Graded(task = "05.7", points = 2)
    @DisplayName("random names and sources typed in, cells shuffled with Up and Down, all the same after a reload")
    void randomCellsShuffled(Random random) {
        NotebookPage page = page();
        page.openWithToken();
        String name = typeable(NotebookTestSupport.randomName(random, MAX_NAME_CHARS)) + " #" + random.nextInt(1000);
        String id = page.createNotebook(name);
        if (!name.equals(stored(id).path("name").asText())) {
            throw page.failure("expected the server to store the typed name " + Browser.quote(name) + ", but it has "
                    + stored(id).path("name"));
        }

        int count = MIN_CELLS + random.nextInt(MAX_CELLS - MIN_CELLS + 1);
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        String errorBefore = page.statusError();
        for (int i = 0; i < count; i++) {
            // Adding the next cell moves the focus on, so the page saves the cell typed into before.
            String type = random.nextBoolean() ? "code" : "markdown";
            String cell = page.addCell(type);
            String source = randomSource(random);
            page.typeSourceOnly(cell, source);
            sources.put(cell, source);
            types.put(cell, type);
        }
        page.leaveTextarea();
        sources.forEach((cell, source) -> page.awaitSaved(errorBefore, cell, source));
        // Random cells one place up or down (the two cells at a random place swap), at least once each way.
        List<String> expected = new ArrayList<>(sources.keySet());
        for (int m = 0; m < MOVES; m++) {
            int at = random.nextInt(expected.size() - 1);
            boolean down = m == 0 || (m > 1 && random.nextBoolean());
            String cell = expected.get(down ? at : at + 1);
            page.move(cell, down ? +1 : -1);
            Collections.swap(expected, at, at + 1);
        }
        page.expectOrder(expected, "after the moves");
        JsonNode notebook = stored(id);
        if (!Api.cellIds(notebook).equals(expected)) {
            throw page.failure("expected the server to store the order the page shows, " + expected + ", but it has "
                    + Api.cellIds(notebook));
        }
        for (JsonNode cell : notebook.path("cells")) {
            String cellId = cell.path("id").asText();
            if (!cell.path("source").asText().equals(sources.get(cellId))
                    || !cell.path("type").asText().equals(types.get(cellId))) {
                throw page.failure("expected cell " + cellId + " to keep its type " + types.get(cellId) + " and source "
                        + Browser.quote(sources.get(cellId)) + " when moved, but the server has " + cell);
            }
        }

        page.reload();
        page.openFromList(id, name);
        page.expectOrder(expected, "after a reload, in the stored order");
        for (String cell : expected) {
            if (!sources.get(cell).equals(page.source(cell))) {
                throw page.failure("after a reload, expected cell " + cell + " to hold "
                        + Browser.quote(sources.get(cell)) + ", but its textarea held "
                        + Browser.quote(page.source(cell)));
            }
            if (!types.get(cell).equals(page.cellAttribute(cell, "cellType"))) {
                throw page.failure("after a reload, expected cell " + cell + " to be a " + types.get(cell)
                        + " cell, but its data-cell-type is " + Browser.quote(page.cellAttribute(cell, "cellType")));
            }
        }
    }

    @Test
    @Graded(task = "05.7", points = 2)
    @DisplayName("markup in a notebook name, a cell's output, value or exception is shown as text, never run")
    void markupIsShownAsText(Random random) {
        NotebookPage page = page();
        page.openWithToken();
        int n = random.nextInt(10_000);
        int a = 2 + random.nextInt(1000);
        int b = 2 + random.nextInt(1000);
        String name = String.format(IMG, "name") + " notes " + n;
        String id = page.createNotebook(name);
        expectNoMarkup(page, "after creating a notebook named " + Browser.quote(name));

        // The kernel computes part of each text, so only a real run shows the expected output.
        String printed = String.format(IMG, "stdout");
        String value = "<b onmouseover=\"window.xssFired='result'\">";
        String cell = page.addCell("code");
        page.typeSourceOnly(cell, "System.out.println(" + javaString(printed) + " + (" + a + " + " + b + "));\n"
                + javaString(value) + " + (" + a + " * " + b + ") + \"</b>\"");
        page.run(cell);
        expectOutput(page, cell, ".stdout", printed + (a + b) + "\n");
        expectOutput(page, cell, ".result", javaString(value + (a * b) + "</b>") + "\n");

        String thrown = String.format(IMG, "exception");
        String failing = page.addCell("code");
        page.typeSourceOnly(failing, "throw new IllegalStateException(" + javaString(thrown) + " + (" + a + " - " + b
                + "));");
        page.run(failing);
        String error = page.outputText(failing, ".error");
        if (!error.contains(thrown + (a - b))) {
            throw page.failure("expected the exception's message " + Browser.quote(thrown + (a - b)) + " in .output "
                    + ".error, as "
                    + "text, but it showed " + Browser.quote(error));
        }
        String markdown = page.addCell("markdown");
        page.typeSource(markdown, String.format(IMG, "markdown"));
        expectNoMarkup(page, "after the runs (outputs shown while streaming and when done)");

        page.reload();
        page.openFromList(id, name);
        expectOutput(page, cell, ".stdout", printed + (a + b) + "\n");
        expectNoMarkup(page, "after a reload (outputs read back from the server)");
    }

    @Test
    @Graded(task = "05.7", points = 1)
    @DisplayName("delete a notebook: Cancel keeps it, OK removes it from the page and the server, the other stays")
    void deleteNotebook(Random random) {
        NotebookPage page = page();
        page.openWithToken();
        String keepName = "keep " + random.nextInt(100_000);
        String dropName = "drop " + random.nextInt(100_000);
        String keep = page.createNotebook(keepName);
        String drop = page.createNotebook(dropName);

        browser.click(By.id("delete-notebook"), "Delete notebook (#delete-notebook)");
        Alert first = awaitDialog(page, dropName);
        browser.step("clicked Cancel in the dialog");
        first.dismiss();
        page.awaitListed(drop, dropName);
        Api.of(server, TOKEN).get("/api/notebooks/" + drop).expect(200);

        browser.click(By.id("delete-notebook"), "Delete notebook (#delete-notebook)");
        Alert second = awaitDialog(page, dropName);
        browser.step("clicked OK in the dialog");
        second.accept();
        browser.await("the notebook " + Browser.quote(dropName) + " to be closed (#notebook hidden) and gone from "
                + "the list", Browser.UI_TIMEOUT,
                d -> page.openNotebookId() == null && page.listEntryText(drop) == null);
        browser.step("GET /api/notebooks/" + drop);
        Api.of(server, TOKEN).get("/api/notebooks/" + drop).expectProblem(404);
        page.awaitListed(keep, keepName);
        Api.of(server, TOKEN).get("/api/notebooks/" + keep).expect(200);

        page.reload();
        page.awaitListed(keep, keepName);
        if (page.listEntryText(drop) != null) {
            throw page.failure("after a reload the deleted notebook " + Browser.quote(dropName) + " is listed again");
        }
    }

    // ---------------------------------------------------------------- dialogs and checks

    static Alert awaitDialog(NotebookPage page, String name) {
        Alert alert = browser.await("a confirm() dialog asking whether to delete " + Browser.quote(name),
                DIALOG_TIMEOUT, d -> {
                    try {
                        return d.switchTo().alert();
                    } catch (NoAlertPresentException notYet) {
                        return null;
                    }
                });
        if (!alert.getText().contains(name)) {
            String text = alert.getText();
            alert.dismiss();
            throw page.failure("expected the dialog to name the notebook " + Browser.quote(name) + ", but it said "
                    + Browser.quote(text));
        }
        return alert;
    }

    static void expectNoMarkup(NotebookPage page, String when) {
        Object injected = browser.script("return document.querySelectorAll(arguments[0]).length;", INJECTED);
        Object fired = browser.script("return window.xssFired === undefined ? null : String(window.xssFired);");
        if (((Number) injected).intValue() != 0 || fired != null) {
            throw page.failure("text from the server must be shown as text (textContent), never parsed as HTML; "
                    + when + " the page has " + injected + " element(s) made from that text (" + INJECTED
                    + ") and window.xssFired is " + fired);
        }
    }

    static void expectOutput(NotebookPage page, String cell, String selector, String expected) {
        String shown = page.outputText(cell, selector);
        if (!shown.equals(expected)) {
            throw page.failure("expected the cell's .output " + selector + " to show " + Browser.quote(expected)
                    + ", but it showed " + Browser.quote(shown));
        }
    }

    /** A Java string literal of text without line breaks: in quotes, with quotes and backslashes escaped. */
    static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Keeps only characters a keyboard can type through chromedriver (the Basic Multilingual Plane, no tabs). */
    static String typeable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> Character.isBmpCodePoint(c) && c != '\t' && c != '\r')
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** A few lines of code-like text with tricky characters; no line ends with a space (typing keeps them, but
     *  they are easy to misread in a message). */
    static String randomSource(Random random) {
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(MAX_SOURCE_LINES);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int words = 1 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    line.append(' ');
                }
                line.append(random.nextInt(3) == 0 ? TRICKY[random.nextInt(TRICKY.length)]
                        : "x" + random.nextInt(1000));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }
}
