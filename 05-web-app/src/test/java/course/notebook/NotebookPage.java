package course.notebook;

import course.grader.support.StudentServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The notebook page as the tests use it: every method clicks or types the way a person would, through the stable
 * ids, classes and data attributes listed at the top of {@code assets/app.js}, then waits for the page to show the
 * effect. Cells are named by their {@code data-cell-id}, which the server gives them.
 */
public final class NotebookPage {
    /** How long a cell may run, including the start of the notebook's kernel (a JVM) on its first run. */
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    /** What #status shows (as an error) when a cell's run ended badly; any other error there is a failed request. */
    public static final Set<String> RUN_OUTCOMES = Set.of("COMPILE_ERROR", "EXCEPTION", "INTERRUPTED", "TIMED_OUT",
            "KERNEL_EXITED");

    /** A run that has been started: what the prompt and #status showed before it, to tell when it is over. */
    public record Run(String cellId, String promptBefore, String errorBefore) {
    }

    /** The whole page in a few lines of text: what a failure message shows. */
    private static final String DESCRIBE = """
            const t = (s, root = document) => {
              const e = root.querySelector(s);
              return e === null ? null : e.textContent;
            };
            const q = (x) => x === null || x === undefined ? 'null' : JSON.stringify(x);
            const out = [];
            out.push('title: ' + q(document.title) + ', body[data-ready]: '
                + q(document.body && document.body.dataset.ready));
            const status = document.querySelector('#status');
            out.push('#status: ' + q(t('#status'))
                + (status && status.classList.contains('error') ? ' (class error)' : ''));
            const list = [...document.querySelectorAll('#notebook-list li')].map((li) =>
                q(li.textContent) + (li.classList.contains('selected') ? ' (selected)' : ''));
            out.push('#notebook-list: ' + (list.length === 0 ? '(empty)' : list.join(', ')));
            const nb = document.querySelector('#notebook');
            if (nb === null) {
              out.push('(no #notebook element)');
              if (document.body) out.push('text: ' + q(document.body.innerText.slice(0, 500)));
            } else if (nb.hidden) {
              out.push('#notebook: hidden (no notebook open)');
            } else {
              out.push('#notebook: id ' + q(nb.dataset.notebookId) + ', version ' + q(nb.dataset.version)
                  + ', name ' + q(t('#notebook-name')));
              const cells = document.querySelectorAll('#cells .cell');
              out.push('cells (' + cells.length + '):');
              cells.forEach((c, i) => {
                const src = c.querySelector('.source');
                out.push('  ' + i + '. ' + c.dataset.cellType + ' ' + q(c.dataset.cellId)
                    + ' state ' + q(c.dataset.state) + ' prompt ' + q(t('.prompt', c)));
                out.push('     source: ' + q(src === null ? null : src.value));
                const o = c.querySelector('.output');
                if (o !== null && o.children.length > 0) {
                  out.push('     output: '
                      + [...o.children].map((s) => s.className + ' ' + q(s.textContent)).join(' + '));
                } else if (o !== null && o.textContent !== '') {
                  out.push('     output: ' + q(o.textContent));
                }
              });
            }
            return out.join('\\n');
            """;

    /** Put before every script: finds a cell by its data-cell-id. */
    private static final String PRELUDE = """
            const cellOf = (id) => [...document.querySelectorAll('#cells .cell')].find((c) => c.dataset.cellId === id)
                || null;
            const statusError = () => {
              const s = document.querySelector('#status');
              return s !== null && s.classList.contains('error') ? s.textContent : null;
            };
            """;

    private final Browser browser;
    private final StudentServer server;
    private final String token;

    public NotebookPage(Browser browser, StudentServer server, String token) {
        this.browser = browser;
        this.server = server;
        this.token = token;
        browser.describedBy(NotebookPage::describe);
    }

    static String describe(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(DESCRIBE));
    }

    public Browser browser() {
        return browser;
    }

    public AssertionError failure(String message) {
        return browser.failure(message);
    }

    /** Runs a script (a function body; {@code cellOf(id)} and {@code statusError()} are at hand) in the page. */
    public Object script(String body, Object... arguments) {
        return browser.script(PRELUDE + body, arguments);
    }

    // ---------------------------------------------------------------- waiting for the page

    /** The text of #status while it has the class "error", else null. */
    public String statusError() {
        return (String) script("return statusError();");
    }

    /**
     * Waits until a script gives a value other than null or false, and returns it. Gives up at once when #status
     * shows a new error (other than a run's outcome): the page has said that a request failed, so waiting longer
     * cannot help. Each look is one script, so the page is read in one go.
     *
     * @param errorBefore what {@link #statusError()} gave before the action, so an old error is not taken for new
     * @param body        a function body, as for {@link #script}
     */
    public Object awaitPage(String errorBefore, String expected, Duration timeout, String body, Object... arguments) {
        String look = PRELUDE + "const result = (function () {\n" + body + "\n}).apply(null, arguments);\n"
                + "return [result === undefined ? null : result, statusError()];";
        return browser.await(expected, timeout, d -> {
            List<?> seen = (List<?>) browser.script(look, arguments);
            Object result = seen.get(0);
            if (result != null && !Boolean.FALSE.equals(result)) {
                return result;
            }
            Object error = seen.get(1);
            if (error != null && !error.equals(errorBefore) && !RUN_OUTCOMES.contains(error)) {
                throw failure("expected " + expected + ", but the page reported an error in #status: "
                        + Browser.quote(error.toString()));
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- the page as a whole

    /** Opens the address the server printed ({@code /?token=...}) and waits until the page has loaded its list. */
    public void openWithToken() {
        browser.open(server.baseUri() + "/?token=" + token);
        awaitReady();
    }

    /** Waits for the page to have loaded (and, on a reload, reopened) what it shows. */
    public void awaitReady() {
        browser.await("the notebook page to load (body[data-ready] is set once it has asked for the notebook list)",
                Browser.UI_TIMEOUT, d -> "true".equals(browser.script(
                        "return document.body ? document.body.dataset.ready || null : null;")));
    }

    public void reload() {
        browser.reload();
        awaitReady();
    }

    /** The id of the open notebook, or null if none is open. */
    public String openNotebookId() {
        return (String) script("""
                const nb = document.querySelector('#notebook');
                return nb === null || nb.hidden ? null : (nb.dataset.notebookId || null);""");
    }

    /** Script: the id of the open notebook if #notebook-name shows arguments[0], else null. */
    private static final String OPEN_WITH_NAME = """
            const nb = document.querySelector('#notebook');
            const shown = document.querySelector('#notebook-name');
            return nb === null || nb.hidden || shown === null || shown.textContent !== arguments[0]
                ? null : (nb.dataset.notebookId || null);""";

    /** Types a name into the form, clicks Create and waits until the new notebook is open; returns its id. */
    public String createNotebook(String name) {
        String errorBefore = statusError();
        browser.type(By.id("new-notebook-name"), name, "the new notebook's name field #new-notebook-name");
        browser.click(By.id("new-notebook"), "Create (#new-notebook)");
        String id = (String) awaitPage(errorBefore, "the new notebook " + Browser.quote(name) + " to be open "
                + "(#notebook shown with its data-notebook-id, #notebook-name showing the name)", Browser.UI_TIMEOUT,
                OPEN_WITH_NAME, name);
        awaitListed(id, name);
        return id;
    }

    /** Waits until the list shows the notebook, by id and name. */
    public void awaitListed(String id, String name) {
        awaitPage(statusError(), "the notebook list to have an entry li[data-notebook-id=\"" + id + "\"] that shows "
                + "the name " + Browser.quote(name), Browser.UI_TIMEOUT, """
                const li = [...document.querySelectorAll('#notebook-list li')]
                    .find((e) => e.dataset.notebookId === arguments[0]);
                return li !== undefined && li.textContent.includes(arguments[1]);""", id, name);
    }

    /** The text of the notebook's entry in the list, or null if it has none. */
    public String listEntryText(String id) {
        return (String) script("""
                const li = [...document.querySelectorAll('#notebook-list li')]
                    .find((e) => e.dataset.notebookId === arguments[0]);
                return li === undefined ? null : li.textContent;""", id);
    }

    /** Clicks the notebook's entry in the list and waits until it is open. */
    public void openFromList(String id, String name) {
        awaitListed(id, name);
        String errorBefore = statusError();
        browser.click(By.cssSelector("#notebook-list li[data-notebook-id=\"" + id + "\"]"),
                "the notebook " + Browser.quote(name) + " in the list");
        awaitPage(errorBefore, "the notebook " + id + " to be open, showing its name " + Browser.quote(name),
                Browser.UI_TIMEOUT, "const open = (function () {" + OPEN_WITH_NAME + "}).apply(null, arguments);\n"
                        + "return open === arguments[1];", name, id);
    }

    // ---------------------------------------------------------------- cells

    /** The ids of the cells as the page shows them, top to bottom. */
    @SuppressWarnings("unchecked")
    public List<String> cellIds() {
        return new ArrayList<>((List<String>) script(CELL_IDS));
    }

    private static final String CELL_IDS = "return [...document.querySelectorAll('#cells .cell')]"
            + ".map((c) => c.dataset.cellId);";

    /** Script: true once the page shows exactly the cells arguments[0], in that order. */
    private static final String SHOWS_ORDER = """
            const ids = [...document.querySelectorAll('#cells .cell')].map((c) => c.dataset.cellId);
            return ids.length === arguments[0].length && ids.every((id, i) => id === arguments[0][i]);""";

    /** Clicks "+ Code" or "+ Markdown" and waits for the new cell at the end; returns its id. */
    public String addCell(String type) {
        List<String> before = cellIds();
        String errorBefore = statusError();
        String button = type.equals("code") ? "add-code-cell" : "add-markdown-cell";
        browser.click(By.id(button), "#" + button);
        return (String) awaitPage(errorBefore, "a new " + type + " cell (.cell[data-cell-type=\"" + type + "\"]) "
                + "after the " + before.size() + " there were", Browser.UI_TIMEOUT, """
                const cells = [...document.querySelectorAll('#cells .cell')];
                const before = arguments[0];
                if (cells.length !== before.length + 1 || !before.every((id, i) => cells[i].dataset.cellId === id)) {
                  return null;
                }
                const added = cells[cells.length - 1];
                return added.dataset.cellType === arguments[1] ? added.dataset.cellId : null;""", before, type);
    }

    /** A data attribute of a cell (camelCase name as in dataset), or null if the cell is not on the page. */
    public String cellAttribute(String cellId, String name) {
        return (String) script("""
                const c = cellOf(arguments[0]);
                return c === null ? null : (c.dataset[arguments[1]] ?? null);""", cellId, name);
    }

    /** The text content of the first element matching the selector inside the cell, or null. */
    public String cellText(String cellId, String selector) {
        return (String) script("""
                const c = cellOf(arguments[0]);
                const e = c === null ? null : c.querySelector(arguments[1]);
                return e === null ? null : e.textContent;""", cellId, selector);
    }

    /** Script: the text of all elements matching arguments[1] in the output of cell arguments[0], joined. */
    private static final String OUTPUT_TEXT = """
            const c = cellOf(arguments[0]);
            if (c === null) return '';
            return [...c.querySelectorAll('.output ' + arguments[1])].map((e) => e.textContent).join('');""";

    /** The text of all elements matching the selector inside the cell's output, joined ("" if none). */
    public String outputText(String cellId, String selector) {
        return (String) script(OUTPUT_TEXT, cellId, selector);
    }

    /** Waits until the cell's output shows the text (in elements matching the selector, joined). */
    public void awaitOutput(String errorBefore, String cellId, String selector, String text, Duration timeout,
                            String expected) {
        awaitPage(errorBefore, expected, timeout, "return (function () {" + OUTPUT_TEXT + "})"
                + ".apply(null, arguments).includes(arguments[2]);", cellId, selector, text);
    }

    /** The source in the cell's textarea. */
    public String source(String cellId) {
        return (String) script("""
                const s = cellOf(arguments[0]) === null ? null : cellOf(arguments[0]).querySelector('.source');
                return s === null ? null : s.value;""", cellId);
    }

    private static By cellPart(String cellId, String selector) {
        return By.cssSelector(".cell[data-cell-id=\"" + cellId + "\"] " + selector);
    }

    /**
     * Types the source into the cell's textarea (replacing what was there), then clicks the notebook's name so the
     * textarea loses focus and the page saves it; waits until the page says it is saved.
     */
    public void typeSource(String cellId, String source) {
        String errorBefore = statusError();
        typeSourceOnly(cellId, source);
        leaveTextarea();
        awaitSaved(errorBefore, cellId, source);
    }

    /** Clicks the notebook's name, so a textarea that has the focus loses it (and the page saves it). */
    public void leaveTextarea() {
        browser.click(By.id("notebook-name"), "the notebook's name (so the cell's textarea loses focus and saves)");
    }

    /** Waits until the cell's textarea says (in data-saved) that the server has this source. */
    public void awaitSaved(String errorBefore, String cellId, String source) {
        awaitPage(errorBefore, "the cell " + cellId + " to be saved with the source " + Browser.quote(source)
                + " (its textarea's data-saved attribute holds what the server has)", Browser.UI_TIMEOUT, """
                const s = cellOf(arguments[0]) === null ? null : cellOf(arguments[0]).querySelector('.source');
                return s !== null && s.dataset.saved === arguments[1];""", cellId, source);
    }

    /** Types into the cell's textarea without leaving it. */
    public void typeSourceOnly(String cellId, String source) {
        browser.type(cellPart(cellId, ".source"), source, "the textarea of cell " + cellId);
    }

    /** Clicks the cell's Run button and returns at once (the cell may still be running). */
    public Run clickRun(String cellId) {
        Run run = new Run(cellId, cellText(cellId, ".prompt"), statusError());
        browser.click(cellPart(cellId, ".run"), "Run (.run) of cell " + cellId);
        return run;
    }

    /**
     * Clicks Run and waits until the run is over: the prompt shows a new "[N]" and data-state is "idle".
     *
     * @return the execution count the prompt shows
     */
    public int run(String cellId) {
        return awaitRunDone(clickRun(cellId));
    }

    /** Waits until the cell's prompt is "[N]", different from before the run, and the cell is idle. */
    public int awaitRunDone(Run run) {
        String prompt = (String) awaitPage(run.errorBefore(), "the run of cell " + run.cellId() + " to finish: its "
                + ".prompt showing a new \"[N]\" (it was " + Browser.quote(run.promptBefore()) + ") and "
                + "data-state=\"idle\"", RUN_TIMEOUT, """
                const c = cellOf(arguments[0]);
                const p = c === null ? null : c.querySelector('.prompt');
                if (p === null || c.dataset.state !== 'idle') return null;
                const text = p.textContent.trim();
                return /^\\[\\d+\\]$/.test(text) && text !== arguments[1] ? text : null;""",
                run.cellId(), run.promptBefore() == null ? "" : run.promptBefore().strip());
        return Integer.parseInt(prompt.substring(1, prompt.length() - 1));
    }

    /** Clicks the cell's Up or Down button and waits until the cell has moved by one place. */
    public void move(String cellId, int delta) {
        List<String> expected = cellIds();
        int from = expected.indexOf(cellId);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= expected.size()) {
            throw new IllegalArgumentException("cannot move cell " + from + " by " + delta);
        }
        expected.add(to, expected.remove(from));
        String errorBefore = statusError();
        String button = delta < 0 ? ".move-up" : ".move-down";
        browser.click(cellPart(cellId, button), (delta < 0 ? "Up" : "Down") + " (" + button + ") of cell " + cellId);
        awaitPage(errorBefore, "the cells in the order " + expected, Browser.UI_TIMEOUT, SHOWS_ORDER, expected);
    }

    /** Clicks the cell's Delete button and waits until it is gone. */
    public void deleteCell(String cellId) {
        List<String> expected = cellIds();
        expected.remove(cellId);
        String errorBefore = statusError();
        browser.click(cellPart(cellId, ".delete"), "Delete (.delete) of cell " + cellId);
        awaitPage(errorBefore, "cell " + cellId + " to be gone, leaving " + expected, Browser.UI_TIMEOUT, SHOWS_ORDER,
                expected);
    }

    /** Fails unless the page shows exactly these cells in this order. */
    public void expectOrder(List<String> expected, String why) {
        List<String> shown = cellIds();
        if (!Objects.equals(shown, expected)) {
            throw failure("expected the page to show the cells " + expected + " (" + why + "), but it showed "
                    + shown);
        }
    }
}
