package cn.perf.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A list's 导出 in a real browser (issue 12): the finance bureau clicks 导出汇总（Excel） on its searched list, lands on
 * the export's page, which follows the background job until it is written (htmx's poll, no reload) and then offers
 * the workbook; the file is the summary of that search; 我的导出 lists it. Screenshots:
 * {@code target/screenshots/export-buttons.png}, {@code export-job.png}, {@code export-jobs.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class ExportsInChromiumIT {

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

    @Test
    void theBureauExportsItsSearchedListInTheBackgroundAndDownloadsTheWorkbook() {
        browser.logIn("finance", "Demo@2026");
        browser.open("/declarations?year=2021", By.id("declarations"));
        browser.assertNoConsoleErrors();
        browser.screenshot("export-buttons");

        browser.clickAndWait(By.id("export-summary"), By.id("export-status"));
        assertThat(browser.text(By.cssSelector("h1.page-title"))).isEqualTo("2021年度绩效目标申报汇总表");
        WebElement download = browser.waitUntil("the export to be written",
                d -> d.findElements(By.cssSelector("#export-status[data-status='DONE'] #export-download")).stream()
                        .findFirst().orElse(null));
        // the file was fetched once (perf.js), and the address lost its ?download so that a reload does not fetch it again
        browser.waitUntil("the download started", d -> d.findElements(By.cssSelector("a[data-download-now]")).isEmpty()
                && d.getCurrentUrl().matches(".*/exports/\\d+$"));
        browser.assertNoConsoleErrors();
        assertThat(browser.text(By.id("export-status"))).contains("已生成，可以下载", "2021年度绩效目标申报汇总表.xlsx");
        browser.assertNoMissingMessages();
        browser.screenshot("export-job");

        @SuppressWarnings("unchecked")
        List<Object> response = (List<Object>) browser.script("""
                const x = new XMLHttpRequest();
                x.open('GET', arguments[0], false);
                x.overrideMimeType('text/plain; charset=x-user-defined');
                x.send();
                return [String(x.status), x.getResponseHeader('Content-Type'), x.responseText.substring(0, 2)];""",
                download.getAttribute("href"));
        assertThat(response).as("the workbook: 200, xlsx, a zip container")
                .containsExactly("200", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK");

        browser.clickAndWait(By.linkText("查看我的全部导出"), By.id("export-jobs"));
        assertThat(browser.text(By.id("export-jobs"))).contains("2021年度绩效目标申报汇总表", "申报汇总表（Excel）", "已生成");
        assertThat(browser.text(By.cssSelector("#shell-menu .nav-link.active"))).isEqualTo("我的导出");
        browser.assertNoMissingMessages();
        browser.screenshot("export-jobs");
    }
}
