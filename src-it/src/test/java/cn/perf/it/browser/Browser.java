package cn.perf.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: owns the ChromeDriver's lifecycle and offers actions that wait on
 * conditions (never on time), so that they hold on a loaded machine.
 *
 * <p>The browser is Debian's {@code chromium} driven by its {@code chromium-driver} (system properties
 * {@code perf.it.chromium} and {@code webdriver.chrome.driver} point elsewhere; the build installs the Debian
 * ones when missing, see {@code src-it/install-browser.sh}). Selenium Manager never runs; nothing is downloaded.
 * The page's viewport is 1366×768 ({@link #viewport} changes it), the page language zh-CN.
 *
 * <p>Typical use, one browser per test class:
 * <pre>{@code
 * @SpringBootTest(classes = PerfApplication.class, webEnvironment = RANDOM_PORT, properties = "perf.demo-data=true")
 * class SomethingInChromiumIT {
 *     static Browser browser;
 *     @LocalServerPort int port;
 *
 *     @BeforeAll static void start() { browser = Browser.start(); }
 *     @AfterAll static void stop() { browser.close(); }
 *     @BeforeEach void fresh() { browser.baseUrl("http://localhost:" + port).signOut(); }
 *
 *     @Test void aFilerOpensTheList() {
 *         browser.logIn("filer-001239", "Demo@2026");
 *         WebElement table = browser.open("/declarations", By.cssSelector("table"));
 *         browser.screenshot("declarations");
 *         browser.assertNoMissingMessages();
 *     }
 * }
 * }</pre>
 *
 * <p>Rules every method keeps: elements are looked up again inside each wait (a reference from an earlier
 * document is never reused); a stale element, a missing element and Chromium's "Node with given id does not
 * belong to the document" are retried until the wait's timeout ({@link #WAIT}, 30 s unless
 * {@code -Dperf.it.wait-seconds=…}); a timeout fails with the page's URL and what was awaited.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium unless {@code -Dperf.it.chromium=…}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("perf.it.chromium", "/usr/bin/chromium"));
    /** Debian's chromium-driver unless {@code -Dwebdriver.chrome.driver=…}. */
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    /** {@code src-it/target}: screenshots go to its {@code screenshots/}, the driver's log to chromedriver.log. */
    public static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    /** Where {@link #screenshot(String)} writes. */
    public static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    /** How long any single wait may take before the test fails. */
    public static final Duration WAIT = Duration.ofSeconds(Long.getLong("perf.it.wait-seconds", 30));
    /** The desktop window every test starts with: the common office screen. */
    public static final int WIDTH = 1366;
    public static final int HEIGHT = 768;

    /** A message key Thymeleaf could not resolve renders as {@code ??key_zh_CN??}. */
    static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

    /**
     * Debian's Chromium is newer than the DevTools bindings Selenium ships; no CDP bindings are used here (the
     * viewport goes through chromedriver's own endpoint), so "Unable to find CDP implementation" is noise. Held
     * here so that the loggers' levels are not garbage-collected.
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profileDir;
    private String baseUrl = "http://localhost:8080";

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profileDir) {
        this.service = service;
        this.driver = driver;
        this.profileDir = profileDir;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /**
     * Starts a headless Chromium with a fresh profile and a 1366×768 viewport. Fails with the install command
     * when Chromium or its driver is missing. {@link #close()} it (in {@code @AfterAll}).
     */
    public static Browser start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need Chromium (%s) and its driver (%s). As root: apt-get update -qq && "
                        + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver "
                        + "fonts-noto-cjk (./mvnw verify runs src-it/install-browser.sh, which does that).",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path profile;
        try {
            Files.createDirectories(SCREENSHOTS);
            profile = Files.createTempDirectory("perf-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(TARGET.toFile(), "chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // DESIGN.md §6, plus what keeps a container quiet and the rendering predictable.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-dev-shm-usage", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=zh-CN", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        Browser browser = new Browser(service, driver, profile);
        browser.desktopViewport(); // the window includes some browser chrome; the page itself gets 1366×768
        return browser;
    }

    /** Quits Chromium, stops the driver, deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profileDir);
        }
    }

    /** The application's root, e.g. {@code "http://localhost:" + port}; paths below are relative to it. */
    public Browser baseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return this;
    }

    /** {@code baseUrl + path}; {@code path} starts with "/". */
    public String url(String path) {
        return baseUrl + path;
    }

    /** The Selenium driver, for what this class does not offer. Prefer the waiting methods here. */
    public WebDriver driver() {
        return driver;
    }

    // ---- waiting --------------------------------------------------------------------------------------------

    /**
     * Waits until {@code condition} returns something other than {@code null} or {@code false}, and returns it.
     * Stale elements, elements not (yet) found and Chromium's "does not belong to the document" are retried.
     */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.withMessage(() -> what + " (on " + safeCurrentUrl() + ")");
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return null;
            } catch (WebDriverException e) {
                if (isDocumentSwap(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Waits for a Selenium {@link ExpectedCondition} with the same retries as {@link #waitUntil}. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return waitUntil(String.valueOf(condition), condition::apply);
    }

    /** Waits until the current document has loaded completely ({@code document.readyState == 'complete'}). */
    public void waitForPageLoad() {
        waitUntil("document.readyState is 'complete'",
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Waits until the address is {@code url(path)} exactly (path with query, e.g. {@code "/login?error"}). */
    public void waitForPath(String path) {
        String expected = url(path);
        waitUntil("the address to become " + expected, d -> expected.equals(d.getCurrentUrl()));
    }

    /** Waits until an element matching {@code locator} is displayed, and returns it. */
    public WebElement visible(By locator) {
        return waitUntil("visible: " + locator, d -> {
            WebElement e = d.findElement(locator);
            return e.isDisplayed() ? e : null;
        });
    }

    /** Waits until no element matching {@code locator} is displayed (none present, or all hidden). */
    public void invisible(By locator) {
        waitUntil("not visible: " + locator,
                d -> d.findElements(locator).stream().noneMatch(WebElement::isDisplayed));
    }

    /** The text of the element matching {@code locator}, once visible. */
    public String text(By locator) {
        return waitUntil("text of " + locator, d -> {
            WebElement e = d.findElement(locator);
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    // ---- navigating and acting --------------------------------------------------------------------------------

    /**
     * Goes to {@code path}, waits for the page to load completely and for {@code readyWhen} to be visible, and
     * returns that element. Redirects are followed (asking for "/" while signed out lands on the login page).
     */
    public WebElement open(String path, By readyWhen) {
        driver.get(url(path));
        waitForPageLoad();
        return visible(readyWhen);
    }

    /**
     * Types {@code text} into the field: finds it afresh, waits until it is displayed and enabled, clears it,
     * types, and checks that the field now holds exactly {@code text}; any of that is retried (a page that
     * re-rendered under us, a keystroke lost on a busy machine) until it holds or the wait times out.
     */
    public void type(By field, String text) {
        waitUntil("typing into " + field, d -> {
            WebElement e = d.findElement(field);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            if (!text.equals(e.getDomProperty("value"))) {
                e.clear();
                e.sendKeys(text);
            }
            return text.equals(e.getDomProperty("value")) ? Boolean.TRUE : null;
        });
    }

    /**
     * Clicks what leads to another page (a link, a submit button) and waits for that page: the old document
     * gone, the new one loaded, {@code readyWhen} visible (returned). The click is retried only while the old
     * document is still there, so a form is never submitted twice.
     */
    public WebElement clickAndWait(By target, By readyWhen) {
        WebElement oldDocument = waitUntil("the current document", d -> d.findElement(By.tagName("html")));
        waitUntil("clicking " + target, d -> {
            if (isStale(oldDocument)) {
                return Boolean.TRUE; // an earlier attempt navigated after all
            }
            WebElement e = d.findElement(target);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            e.click();
            return Boolean.TRUE;
        });
        waitUntil("the page after clicking " + target + " to replace the old one", d -> isStale(oldDocument));
        waitForPageLoad();
        return visible(readyWhen);
    }

    /**
     * Clicks something that changes the current page in place (htmx, a menu) and waits for {@code then}, e.g.
     * {@code ExpectedConditions.textToBePresentInElementLocated(...)}; returns what it returned.
     */
    public <T> T click(By target, ExpectedCondition<T> then) {
        waitUntil("clicking " + target, d -> {
            WebElement e = d.findElement(target);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            e.click();
            return Boolean.TRUE;
        });
        return waitUntil(then);
    }

    /**
     * Signs in on the login page and waits for the page after it (home on success, the login page with an error
     * otherwise; check which with {@link #waitForPath} or {@link #visible}).
     */
    public void logIn(String username, String password) {
        open("/login", By.id("username"));
        type(By.id("username"), username);
        type(By.id("password"), password);
        clickAndWait(By.cssSelector("form[action$='/login'] button[type=submit]"), By.tagName("body"));
    }

    /** Forgets the session: opens the login page (cookies can be cleared only on the application's origin). */
    public Browser signOut() {
        open("/login", By.id("username"));
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Runs JavaScript in the page and returns its result ({@code arguments[0]…} are {@code args}). */
    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    // ---- screen size ------------------------------------------------------------------------------------------

    /**
     * Makes the page see a viewport of exactly {@code width}×{@code height} CSS pixels (screenshots have that
     * size); below 768 px wide it is a phone (the page's {@code <meta name="viewport">} applies). Uses
     * chromedriver's DevTools endpoint ({@code Emulation.setDeviceMetricsOverride}), which works at any width,
     * unlike window resizing. Stays in force across navigations until changed.
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.<String, Object>of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
        waitUntil("the page to be " + width + "×" + height + " px", d -> Objects.equals(
                ((JavascriptExecutor) d).executeScript("return window.innerWidth + 'x' + window.innerHeight"),
                width + "x" + height));
    }

    /** Back to the 1366×768 desktop viewport every browser starts with. */
    public void desktopViewport() {
        viewport(WIDTH, HEIGHT);
    }

    // ---- evidence and checks ----------------------------------------------------------------------------------

    /**
     * Saves what the viewport shows as {@code target/screenshots/<name>.png} and returns the path (".png" is
     * added when missing). Waits for web fonts first so that Chinese is drawn with the real font.
     */
    public Path screenshot(String name) {
        waitUntil("fonts loaded", d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.fonts ? document.fonts.status === 'loaded' : true")));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        assertThat(png).as("PNG signature").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        Path file = SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png");
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Fails when the page shows an unresolved message key ({@code ??key_zh_CN??}). */
    public void assertNoMissingMessages() {
        String source = driver.getPageSource();
        assertThat(MISSING_MESSAGE.matcher(source).find())
                .as("unresolved message keys (??key??) on %s", safeCurrentUrl()).isFalse();
    }

    /**
     * Fails when Chromium draws Chinese as boxes (no CJK font): draws each distinct character of {@code text}
     * on a canvas with the page's font and requires the drawings to differ.
     */
    public void assertChineseGlyphsRender(String text) {
        @SuppressWarnings("unchecked")
        List<String> images = (List<String>) driver.executeScript("""
                const font = getComputedStyle(document.body).font;
                return Array.from(new Set(Array.from(arguments[0]))).map(ch => {
                  const c = document.createElement('canvas');
                  c.width = 48; c.height = 48;
                  const g = c.getContext('2d');
                  g.font = font.replace(/\\d+(\\.\\d+)?px/, '32px');
                  g.fillStyle = '#000';
                  g.fillText(ch, 4, 38);
                  return c.toDataURL();
                });""", text);
        assertThat(images).as("distinct Chinese characters of '%s' render as distinct glyphs (a CJK font, e.g. "
                + "fonts-noto-cjk, is installed)", text).doesNotHaveDuplicates();
    }

    /**
     * The browser console's errors since the last call (the log is drained by reading it): scripts or styles
     * the Content-Security-Policy refused, assets that did not load (404), JavaScript exceptions.
     */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * Fails when the console reported errors since the last check (see {@link #consoleErrors()}); messages
     * containing one of {@code expected} (e.g. the 404 of the page a test asked for on purpose) are allowed.
     */
    public void assertNoConsoleErrors(String... expected) {
        List<String> errors = consoleErrors().stream()
                .filter(message -> Stream.of(expected).noneMatch(message::contains))
                .toList();
        assertThat(errors).as("console errors on %s (CSP refusals, missing assets, script errors)",
                safeCurrentUrl()).isEmpty();
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (isDocumentSwap(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Chromium's ways of saying "that node or context belonged to a document that has just been replaced". */
    private static boolean isDocumentSwap(WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("does not belong to the document") || message.contains("No node with given id")
                || message.contains("Cannot find context with specified id")
                || message.contains("Execution context was destroyed") || message.contains("document unloaded")
                || message.contains("no such execution context");
    }

    private String safeCurrentUrl() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "(unknown URL: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
