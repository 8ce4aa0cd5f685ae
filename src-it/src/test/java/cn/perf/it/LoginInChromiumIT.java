package cn.perf.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.it.browser.Browser;
import cn.perf.testdb.TestDatabase;
import cn.perf.web.PerfApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login journey in a real headless Chromium ({@link Browser}: Debian's {@code chromium} and
 * {@code chromium-driver}, nothing downloaded). The application runs in-process on a random port against the
 * shared test PostgreSQL (the perf-persistence test-jar's context customizer) with the demo data.
 * Screenshots of the login and home pages land in {@code target/screenshots/}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class LoginInChromiumIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @BeforeAll
    static void startChromium() {
        browser = Browser.start();
    }

    @AfterAll
    static void quitChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.baseUrl("http://localhost:" + port).signOut();
        browser.consoleErrors(); // start each test with an empty console
    }

    @Test
    void theAppUnderTestRunsOnTheSharedTestDatabase() {
        assertThat(datasourceUrl).isEqualTo(TestDatabase.get().url());
    }

    @Test
    void aVisitorIsSentToTheChineseLoginPage() {
        browser.open("/", By.id("username"));
        browser.waitForPath("/login");
        browser.screenshot("login");

        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("用户登录");
        assertThat(browser.text(By.cssSelector("label[for=username]"))).isEqualTo("用户名");
        assertThat(browser.text(By.cssSelector("label[for=password]"))).isEqualTo("密码");
        assertThat(browser.driver().getTitle()).contains("登录");
        assertThat(browser.driver().findElements(By.cssSelector(".shell-sidebar"))).as("no menu before login")
                .isEmpty();
        browser.assertNoMissingMessages();
        browser.assertChineseGlyphsRender("用户登录");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aDemoFilerLogsInAndSeesRoleAndUnit() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.waitForPath("/");
        String facts = browser.text(By.cssSelector("dl.facts"));
        browser.screenshot("home");

        assertThat(facts).contains("单位填报人").contains("苏州市城市管理局").contains("001239");
        assertThat(browser.text(By.cssSelector("header .who"))).isEqualTo("城管局填报人（演示）");
        assertThat(browser.text(By.cssSelector("header .shell-unit"))).isEqualTo("苏州市城市管理局");
        browser.assertNoMissingMessages();
        browser.assertChineseGlyphsRender("苏州市城市管理局");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aWrongPasswordShowsTheChineseError() {
        browser.logIn("filer-001239", "not-the-password");
        browser.waitForPath("/login?error");

        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("用户名或密码不正确");
        assertThat(browser.driver().findElements(By.cssSelector("dl.facts"))).isEmpty();
    }

    @Test
    void theHeaderButtonLogsOut() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.visible(By.cssSelector("dl.facts"));

        By logout = By.cssSelector("header form[action$='/logout'] button");
        assertThat(browser.text(logout)).isEqualTo("退出");
        String info = browser.clickAndWait(logout, By.cssSelector(".alert-success")).getText();
        assertThat(info).contains("您已安全退出");
        browser.waitForPath("/login?logout");

        browser.open("/", By.id("username"));
        browser.waitForPath("/login");
        assertThat(browser.driver().findElements(By.cssSelector("dl.facts"))).as("the session is gone").isEmpty();
    }
}
