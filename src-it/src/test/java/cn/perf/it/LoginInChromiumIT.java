package cn.perf.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.testdb.TestDatabase;
import cn.perf.web.PerfApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login journey in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}, driven by
 * Selenium; Selenium Manager never runs, nothing is downloaded). The application runs in-process on a random port
 * against the shared test PostgreSQL (the perf-persistence test-jar's context customizer) with the demo data.
 * Screenshots of the login and home pages land in {@code target/screenshots/}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class LoginInChromiumIT {

    static final Path CHROMIUM = Path.of(System.getProperty("perf.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    /** A message key Thymeleaf could not resolve renders as {@code ??key_zh_CN??}. */
    static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

    /**
     * Debian's Chromium is newer than the DevTools bindings Selenium ships; this test uses no CDP, so the
     * "Unable to find CDP implementation" warnings are noise (held here so the levels are not garbage-collected).
     */
    static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static ChromeDriverService service;
    static WebDriver browser;

    @TempDir
    static Path profileDir;

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    WebDriverWait wait;

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need Debian's chromium (%s) and chromium-driver (%s); install them with "
                        + "`apt-get install -y chromium chromium-driver fonts-noto-cjk` (bash .ci/run does).",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Files.createDirectories(SCREENSHOTS);
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(SCREENSHOTS.getParent().toFile(), "chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,860",
                "--user-data-dir=" + profileDir.resolve("chromium-profile"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void quitChromium() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
        }
    }

    @BeforeEach
    void freshSession() {
        browser.get(url("/login")); // cookies can only be cleared on the application's origin
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, WAIT);
    }

    @Test
    void theAppUnderTestRunsOnTheSharedTestDatabase() {
        assertThat(datasourceUrl).isEqualTo(TestDatabase.get().url());
    }

    @Test
    void aVisitorIsSentToTheChineseLoginPage() throws IOException {
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlToBe(url("/login")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("login.png");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用户登录");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("用户名");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("密码");
        assertThat(browser.getTitle()).contains("登录");
        assertNoMissingMessages();
        assertChineseGlyphsRender("用户登录");
    }

    @Test
    void aDemoFilerLogsInAndSeesRoleAndUnit() throws IOException {
        logIn("filer-001239", "Demo@2026");
        wait.until(ExpectedConditions.urlToBe(url("/")));
        WebElement facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dl.facts")));
        screenshot("home.png");

        assertThat(facts.getText()).contains("单位填报人").contains("苏州市城市管理局").contains("001239");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("filer-001239");
        assertNoMissingMessages();
        assertChineseGlyphsRender("苏州市城市管理局");
    }

    @Test
    void aWrongPasswordShowsTheChineseError() {
        logIn("filer-001239", "not-the-password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.error")));

        assertThat(error.getText()).contains("用户名或密码不正确");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login?error"));
        assertThat(browser.findElements(By.cssSelector("dl.facts"))).isEmpty();
    }

    @Test
    void theHeaderButtonLogsOut() {
        logIn("filer-001239", "Demo@2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dl.facts")));

        WebElement logout = browser.findElement(By.cssSelector("header form[action$='/logout'] button"));
        assertThat(logout.getText()).isEqualTo("退出登录");
        logout.click();
        WebElement info = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.info")));
        assertThat(info.getText()).contains("您已安全退出");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login?logout"));

        browser.get(url("/"));
        wait.until(ExpectedConditions.urlToBe(url("/login")));
        assertThat(browser.findElements(By.cssSelector("dl.facts"))).as("the session is gone").isEmpty();
    }

    private void logIn(String username, String password) {
        browser.get(url("/login"));
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        user.clear();
        user.sendKeys(username);
        WebElement pass = browser.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        WebElement submit = browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]"));
        submit.click();
        wait.until(ExpectedConditions.stalenessOf(submit));
    }

    private void assertNoMissingMessages() {
        String source = browser.getPageSource();
        assertThat(MISSING_MESSAGE.matcher(source).find())
                .as("unresolved message keys (??key??) on %s", browser.getCurrentUrl()).isFalse();
    }

    /**
     * Without a CJK font Chromium draws every Chinese character as the same empty box: draw each distinct
     * character of {@code text} on a canvas with the page's font and require the drawings to differ.
     */
    private void assertChineseGlyphsRender(String text) {
        @SuppressWarnings("unchecked")
        List<String> images = (List<String>) ((JavascriptExecutor) browser).executeScript("""
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

    private void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        assertThat(png).as("PNG signature").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
