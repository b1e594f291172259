package course.notebook;

import course.grader.support.Transcript;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through the system's chromedriver with Selenium, as a JUnit extension:
 * register it as a static field and one browser serves the whole test class (starting Chromium takes about a
 * second; it starts before the first test, after the server, so the two do not compete for the processor on a busy
 * machine). Before each test the cookies are cleared and the tab shows about:blank, so every test starts fresh.
 *
 * <p>Every action the test takes through it is written to a step log; a failing test's message starts with that
 * log, says what was expected and what the page showed, names a screenshot (PNG) saved in the server's working
 * folder and ends with the browser's console messages.
 */
public final class Browser implements BeforeEachCallback, AfterAllCallback, TestExecutionExceptionHandler {
    /**
     * Debian's Chromium and its driver (what {@code .ci/run} installs). Both paths are given to Selenium explicitly,
     * so it never tries to download a browser or a driver.
     */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where else to look, on the PATH, when Debian's are not there (GitHub's runners ship Google Chrome). */
    public static final List<String> OTHER_BROWSERS = List.of("chromium", "google-chrome", "google-chrome-stable",
            "chromium-browser");
    public static final String DRIVER_COMMAND = "chromedriver";
    /** The folder of the runners' ChromeDriver, when it is not on the PATH. */
    public static final String DRIVER_FOLDER_VARIABLE = "CHROMEWEBDRIVER";
    public static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";
    /**
     * Headless, no sandbox (CI containers run as root), and no traffic of its own: no updates, sync or QUIC, and
     * no name lookups at all (even with those switches off, Chromium 156 still looks up two Google host names at
     * start; the tests only visit 127.0.0.1).
     */
    public static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--window-size=1280,1024");
    /** How long a page may take to load. */
    public static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(15);
    /** How long a click or a key may take to show its effect on the page (one or two requests to the server). */
    public static final Duration UI_TIMEOUT = Duration.ofSeconds(10);
    /** How often a wait looks at the page again. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    /** Longest text of the page quoted in a message, and most console lines shown. */
    public static final int SHOWN_PAGE_CHARS = 3000;
    public static final int SHOWN_CONSOLE_LINES = 30;

    private final Supplier<Path> evidenceFolder;
    private Function<WebDriver, String> describer = Browser::bodyText;
    private ChromeDriver driver;
    private Path profile;
    private AssertionError startFailure;
    private Transcript transcript = new Transcript();
    private String testName = "test";
    private long testStart = System.nanoTime();

    private Browser(Supplier<Path> evidenceFolder) {
        this.evidenceFolder = evidenceFolder;
    }

    /** A browser that saves failure screenshots into the folder the supplier names at the time of the failure. */
    public static Browser chromium(Supplier<Path> evidenceFolder) {
        return new Browser(evidenceFolder);
    }

    /** How a failure message describes the page (default: its title and visible text). */
    public Browser describedBy(Function<WebDriver, String> describer) {
        this.describer = describer;
        return this;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void beforeEach(ExtensionContext context) {
        transcript = new Transcript();
        testName = context.getRequiredTestMethod().getName();
        if (driver == null) {
            if (startFailure != null) {
                throw startFailure; // every test of the class fails with the same message, without trying again
            }
            try {
                driver = launch();
            } catch (AssertionError e) {
                startFailure = e;
                throw e;
            }
        }
        try {
            blankPage();
        } catch (WebDriverException e) {
            // The browser died or hangs (an earlier test may have crashed it): the next test gets a new one.
            System.out.println("[grader] the browser did not answer (" + firstLine(e.getMessage()) + "); starting a "
                    + "new one for " + context.getDisplayName());
            quit();
            driver = launch();
            blankPage();
        }
        testStart = System.nanoTime();
    }

    /** An empty tab without cookies and with an empty console, so a test starts from nothing. */
    private void blankPage() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        consoleLines(); // reading the console empties it: the next failure shows only this test's messages
    }

    private ChromeDriver launch() {
        Path browserProgram = find(CHROMIUM, OTHER_BROWSERS, null);
        Path driverProgram = find(CHROMEDRIVER, List.of(DRIVER_COMMAND), System.getenv(DRIVER_FOLDER_VARIABLE));
        if (browserProgram == null || driverProgram == null) {
            throw new AssertionError("the browser tests need Chromium (or Chrome) and its chromedriver, but "
                    + (browserProgram == null ? "no browser was found (" + CHROMIUM + ", or " + OTHER_BROWSERS
                            + " on the PATH)" : "no chromedriver was found (" + CHROMEDRIVER + ", or on the PATH)")
                    + ". Install both with: " + INSTALL_HINT);
        }
        try {
            profile = Files.createTempDirectory("chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browserProgram.toString());
            options.addArguments(ARGUMENTS);
            options.addArguments("--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            // A dialog a failed test left open is dismissed by the next command instead of failing it.
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverProgram.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver started = new ChromeDriver(service, options);
            started.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WebDriverException e) {
            deleteProfile();
            throw new AssertionError("could not start headless " + browserProgram + " through " + driverProgram
                    + ": " + firstLine(e.getMessage()) + "\nIf they are missing or of different versions, install "
                    + "both with: " + INSTALL_HINT, e);
        }
    }

    /** The first executable of: the given path, the commands on the PATH, the command in the extra folder. */
    static Path find(Path preferred, List<String> commands, String extraFolder) {
        if (Files.isExecutable(preferred)) {
            return preferred;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> folders = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        if (extraFolder != null) {
            folders.add(extraFolder);
        }
        for (String command : commands) {
            for (String folder : folders) {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                    return Path.of(folder, command);
                }
            }
        }
        return null;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        quit();
    }

    private void quit() {
        if (driver != null) {
            try {
                driver.quit();
            } catch (WebDriverException alreadyGone) {
                // nothing left to stop
            }
            driver = null;
        }
        deleteProfile();
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("[grader] could not delete the browser profile " + profile + ": " + e.getMessage());
        }
        profile = null;
    }

    // ---------------------------------------------------------------- actions (each one a step in the log)

    public WebDriver driver() {
        return driver;
    }

    /** Adds a line to the step log, with the time since the test began. */
    public void step(String description) {
        transcript.step(String.format("%6.2f s  %s", (System.nanoTime() - testStart) / 1e9, description));
    }

    public void open(String url) {
        step("opened " + url);
        driver.get(url);
    }

    public void reload() {
        step("reloaded the page");
        driver.navigate().refresh();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Clicks the element as soon as it is on the page and can be clicked. */
    public void click(By locator, String what) {
        step("clicked " + what);
        await("to click " + what + " (" + locator + "): it should be on the page, shown and not covered", UI_TIMEOUT,
                d -> {
                    d.findElement(locator).click();
                    return true;
                });
    }

    /** Replaces the text of a field (input or textarea) by typing. */
    public void type(By locator, String text, String what) {
        step("typed " + quote(text) + " into " + what);
        await("to type into " + what + " (" + locator + "): it should be on the page and shown", UI_TIMEOUT, d -> {
            WebElement field = d.findElement(locator);
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Waits until the condition gives a value other than null or false, looking every {@link #POLL_INTERVAL};
     * a page that changes under the condition (a re-rendered element) is simply looked at again.
     *
     * @param expected what the test waits for, as in "expected ..." ("the cell to show 42")
     */
    public <T> T await(String expected, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL_INTERVAL);
        wait.ignoreAll(List.of(StaleElementReferenceException.class, NoSuchElementException.class,
                ElementNotInteractableException.class));
        try {
            return wait.until((ExpectedCondition<T>) condition::apply);
        } catch (TimeoutException e) {
            throw failure("expected " + expected + " within " + timeout.toMillis() + " ms, but it did not happen");
        }
    }

    /** A failure whose message has the step log, what went wrong and what the page showed. */
    public AssertionError failure(String message) {
        return transcript.failure(message + "\n" + describePage());
    }

    public String describePage() {
        try {
            return "the page showed (" + driver.getCurrentUrl() + "):\n" + cut(describer.apply(driver));
        } catch (WebDriverException e) {
            return "(the page could not be read: " + firstLine(e.getMessage()) + ")";
        }
    }

    /** The title and the visible text of the page. */
    public static String bodyText(WebDriver driver) {
        List<WebElement> body = driver.findElements(By.tagName("body"));
        return "title: " + driver.getTitle() + "\n" + (body.isEmpty() ? "(no body)" : body.get(0).getText());
    }

    // ---------------------------------------------------------------- failures: screenshot and console

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (driver == null || !(throwable instanceof AssertionError || throwable instanceof WebDriverException)) {
            throw throwable;
        }
        String message;
        if (throwable instanceof AssertionError) {
            // Failures made by failure() carry the step log already; others (an API check) get it here.
            message = throwable.getMessage() != null && throwable.getMessage().contains(transcript.render())
                    ? throwable.getMessage() : transcript.render() + throwable.getMessage() + "\n" + describePage();
        } else {
            message = transcript.render() + "the browser reported an error: " + firstLine(throwable.getMessage())
                    + "\n" + describePage();
        }
        AssertionError wrapped = new AssertionError(message + "\n" + screenshot() + "\n" + console(),
                throwable instanceof AssertionError ? throwable.getCause() : throwable);
        wrapped.setStackTrace(throwable.getStackTrace());
        throw wrapped;
    }

    private String screenshot() {
        try {
            Path folder = evidenceFolder.get();
            Files.createDirectories(folder);
            Path file = folder.resolve("screenshot-" + testName + ".png").toAbsolutePath();
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return "screenshot of the page: " + file;
        } catch (IOException | RuntimeException e) {
            return "(no screenshot: " + firstLine(e.getMessage()) + ")";
        }
    }

    private String console() {
        try {
            List<String> lines = consoleLines();
            if (lines.isEmpty()) {
                return "browser console: (empty)";
            }
            List<String> shown = lines.subList(Math.max(0, lines.size() - SHOWN_CONSOLE_LINES), lines.size());
            return "browser console (last " + shown.size() + " of " + lines.size() + " messages):\n  "
                    + String.join("\n  ", shown);
        } catch (WebDriverException e) {
            return "(browser console not available: " + firstLine(e.getMessage()) + ")";
        }
    }

    private List<String> consoleLines() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(Browser::consoleLine).toList();
    }

    private static String consoleLine(LogEntry entry) {
        return entry.getLevel() + " " + entry.getMessage();
    }

    // ---------------------------------------------------------------- text for messages

    /** Text in double quotes with line breaks, tabs and quotes escaped, for step logs and messages. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String cut(String text) {
        return text.length() <= SHOWN_PAGE_CHARS ? text
                : text.substring(0, SHOWN_PAGE_CHARS) + "... (" + text.length() + " characters)";
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
