package cn.perf.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page shell in a real browser: Bootstrap, htmx and perf.js load under the Content-Security-Policy, the menu
 * follows the role and marks the current page, the layout folds on a phone, htmx requests carry the CSRF token,
 * and an unknown page gets the Chinese 404 through the servlet container's real error dispatch.
 * Screenshots: {@code target/screenshots/home-390*.png}, {@code error-404.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class ShellInChromiumIT {

    static final By SIDEBAR = By.id("shell-menu");
    static final By MENU_BUTTON = By.cssSelector("header .shell-menu-button");

    static Browser browser;

    @LocalServerPort
    int port;

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
        browser.consoleErrors();
    }

    @AfterEach
    void desktopAgain() {
        browser.desktopViewport();
    }

    @Test
    void theScriptsLoadUnderTheContentSecurityPolicy() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.visible(By.cssSelector("dl.facts"));

        assertThat(browser.script("return typeof htmx + ' ' + typeof bootstrap")).isEqualTo("object object");
        assertThat(browser.script("return htmx.config.includeIndicatorStyles")).isEqualTo(false);
        browser.assertNoConsoleErrors();
    }

    @Test
    void theMenuFollowsTheRoleAndMarksTheCurrentPage() {
        browser.logIn("filer-001239", "Demo@2026");
        WebElement sidebar = browser.visible(SIDEBAR);

        List<String> entries = sidebar.findElements(By.cssSelector(".nav-link")).stream().map(WebElement::getText)
                .toList();
        assertThat(entries).containsExactly("首页", "待办", "绩效目标申报", "绩效自评", "我的导出", "导入导出");
        assertThat(browser.text(By.cssSelector("#shell-menu .nav-link.active"))).isEqualTo("首页");
        assertThat(browser.driver().findElement(MENU_BUTTON).isDisplayed()).as("no menu button at 1366 px")
                .isFalse();

        browser.signOut();
        browser.logIn("admin", "Demo@2026");
        assertThat(browser.visible(SIDEBAR).findElements(By.cssSelector(".nav-link")).stream()
                .map(WebElement::getText).toList()).containsExactly("首页", "截止日期", "用户管理", "单位管理");
    }

    @Test
    void onAPhoneTheMenuFoldsAwayBehindTheMenuButton() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.visible(By.cssSelector("dl.facts"));
        browser.viewport(390, 844);

        browser.invisible(SIDEBAR);
        browser.visible(MENU_BUTTON);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing sticks out sideways at 390 px").isEqualTo(true);
        assertThat(browser.text(By.cssSelector("header .who"))).isEqualTo("城管局填报人（演示）");
        browser.screenshot("home-390");

        browser.click(MENU_BUTTON, d -> d.findElement(By.cssSelector("#shell-menu.show")).isDisplayed());
        browser.waitUntil("the menu to have slid in", d -> Boolean.TRUE.equals(browser.script(
                "const r = document.getElementById('shell-menu').getBoundingClientRect(); return r.left === 0;")));
        assertThat(browser.text(By.cssSelector("#shell-menu .nav-link.active"))).isEqualTo("首页");
        browser.screenshot("home-390-menu");
        browser.assertNoConsoleErrors();
    }

    @Test
    void htmxRequestsCarryTheCsrfToken() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.visible(By.cssSelector("dl.facts"));

        // Logging out is a POST that Spring Security refuses (403) without the token; perf.js adds it.
        browser.script("htmx.ajax('POST', '/logout', {target: '#main', swap: 'innerHTML'})");
        browser.visible(By.cssSelector("#main .alert-success"));

        browser.open("/", By.id("username"));
        browser.waitForPath("/login");
    }

    @Test
    void anUnknownPageGetsTheChinese404() {
        browser.logIn("filer-001239", "Demo@2026");
        browser.open("/no-such-page", By.cssSelector(".error-panel"));
        browser.screenshot("error-404");

        assertThat(browser.driver().getTitle()).isEqualTo("页面不存在 · 预算绩效管理");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面不存在");
        assertThat(browser.text(By.cssSelector(".error-panel"))).contains("您访问的页面不存在").contains("错误代码：404")
                .contains("返回首页").doesNotContain("Exception");
        assertThat(browser.text(By.cssSelector("header .who"))).isEqualTo("城管局填报人（演示）");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors("/no-such-page");
    }

    @Test
    void aVisitorAskingForAnUnknownPageIsSentToLogin() {
        browser.open("/no-such-page", By.id("username"));
        browser.waitForPath("/login");
    }
}
