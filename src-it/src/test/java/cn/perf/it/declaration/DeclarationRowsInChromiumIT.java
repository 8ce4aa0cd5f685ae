package cn.perf.it.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The row tables of the 申报表 in a real Chromium: rows are added, moved and removed by htmx without reloading the
 * page (a marker set in the page's JavaScript before the clicks is still there afterwards, and the document is the
 * same), rows renumber from 1, values typed into other rows are kept, the first row cannot move up nor the last
 * down, 对应子项目 choices follow the sub-projects, and national 长期/年度 rows stay in their own tables.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class DeclarationRowsInChromiumIT {

    static final String SUB_PROJECTS = "#section-subProjects > tbody";
    static final String INDICATORS = "#section-indicators > tbody";
    static final String MILESTONES = "#section-milestones > tbody";

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
    void suzhouRowsAreAddedMovedAndRemovedInPlace() {
        browser.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=SUZHOU", FormPage.FORM);
        FormPage page = new FormPage(browser);
        page.htmxIdle();
        WebElement document = markPage();
        page.type("projectName", "行操作测试");

        // three 子项目 rows
        String[] names = {"甲子项目", "乙子项目", "丙子项目"};
        String[] amounts = {"1", "2", "3"};
        for (int k = 0; k < 3; k++) {
            int i = page.addRow(By.id("add-subProjects"), SUB_PROJECTS);
            assertThat(i).isEqualTo(k);
            page.type("subProjects[" + i + "].name", names[k]);
            page.type("subProjects[" + i + "].amount", amounts[k]);
        }
        assertThat(page.rowNumbers(SUB_PROJECTS)).containsExactly("1", "2", "3");
        assertThat(disabled(By.cssSelector("#row-subProjects-0 button[value='up:subProjects:0']"))).isTrue();
        assertThat(disabled(By.cssSelector("#row-subProjects-2 button[value='down:subProjects:2']"))).isTrue();
        assertThat(disabled(By.cssSelector("#row-subProjects-1 button[value='up:subProjects:1']"))).isFalse();

        // 丙 moves up: 甲 丙 乙
        page.rowOperation(By.cssSelector("button[value='up:subProjects:2']"), SUB_PROJECTS, 3);
        browser.waitUntil("丙子项目 in row 2", d -> "丙子项目".equals(
                d.findElement(By.name("subProjects[1].name")).getDomProperty("value")) ? Boolean.TRUE : null);
        page.htmxIdle();
        assertThat(subProjects(page)).containsExactly("甲子项目:1", "丙子项目:3", "乙子项目:2");
        assertThat(page.rowNumbers(SUB_PROJECTS)).containsExactly("1", "2", "3");

        // 甲 moves down: 丙 甲 乙
        page.rowOperation(By.cssSelector("button[value='down:subProjects:0']"), SUB_PROJECTS, 3);
        browser.waitUntil("甲子项目 in row 2", d -> "甲子项目".equals(
                d.findElement(By.name("subProjects[1].name")).getDomProperty("value")) ? Boolean.TRUE : null);
        page.htmxIdle();
        assertThat(subProjects(page)).containsExactly("丙子项目:3", "甲子项目:1", "乙子项目:2");

        // 甲 is removed: 丙 乙, numbered 1 2, ids 0 1, 合计 5.00
        List<String> ids = page.rowOperation(By.cssSelector("button[value='remove:subProjects:1']"), SUB_PROJECTS, 2);
        assertThat(ids).containsExactly("row-subProjects-0", "row-subProjects-1");
        assertThat(subProjects(page)).containsExactly("丙子项目:3", "乙子项目:2");
        assertThat(page.rowNumbers(SUB_PROJECTS)).containsExactly("1", "2");
        page.waitForText(By.id("check-subTotal"), "5.00");

        // the 对应子项目 choices of every 分解目标 row follow: 丙 乙
        List<String> choices = new Select(browser.driver().findElement(By.name("indicators[0].subProjectKeys")))
                .getOptions().stream().map(o -> o.getText().strip()).toList();
        assertThat(choices).containsExactly("丙子项目", "乙子项目");

        // 分解目标: the ten 投入 rows; 预算执行率 moves down, 资金节约率 is removed, an empty row is added
        assertThat(page.rowNumbers(INDICATORS)).hasSize(10);
        page.type("indicators[2].targetText", "健全（已修改）");
        page.rowOperation(By.cssSelector("button[value='down:indicators:0']"), INDICATORS, 10);
        browser.waitUntil("专款专用率 first", d -> "专款专用率".equals(
                d.findElement(By.name("indicators[0].name")).getDomProperty("value")) ? Boolean.TRUE : null);
        page.htmxIdle();
        assertThat(page.value("indicators[1].name")).isEqualTo("预算执行率");
        assertThat(page.value("indicators[2].targetText")).as("a value typed in another row is kept")
                .isEqualTo("健全（已修改）");
        ids = page.rowOperation(By.cssSelector("button[value='remove:indicators:9']"), INDICATORS, 9);
        assertThat(ids).hasSize(9).last().isEqualTo("row-indicators-8");
        assertThat(page.value("indicators[8].name")).isEqualTo("配套设施到位率");
        int added = page.addRow(By.id("add-indicators-ANNUAL"), INDICATORS);
        assertThat(added).isEqualTo(9);
        assertThat(page.value("indicators[9].name")).isEmpty();
        assertThat(page.rowNumbers(INDICATORS)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        page.type("indicators[9].name", "新增指标");
        page.rowOperation(By.cssSelector("button[value='up:indicators:9']"), INDICATORS, 10);
        browser.waitUntil("新增指标 in row 9", d -> "新增指标".equals(
                d.findElement(By.name("indicators[8].name")).getDomProperty("value")) ? Boolean.TRUE : null);
        page.htmxIdle();
        assertThat(page.value("indicators[9].name")).isEqualTo("配套设施到位率");
        assertThat(page.rowNumbers(INDICATORS)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        assertThat(page.value("projectName")).as("the header was never re-rendered").isEqualTo("行操作测试");
        assertSamePage(document);
        browser.screenshot("declaration-rows-suzhou");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(FormPage.NO_FAVICON);
    }

    @Test
    void nationalMilestonesAndTheTwoIndicatorTablesRenumberSeparately() {
        browser.logIn(Seeds.FILER_003, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=NATIONAL", FormPage.FORM);
        FormPage page = new FormPage(browser);
        page.htmxIdle();
        WebElement document = markPage();

        for (String content : List.of("第一阶段", "第二阶段", "第三阶段")) {
            int i = page.addRow(By.id("add-milestones"), MILESTONES);
            page.type("milestones[" + i + "].content", content);
            page.type("milestones[" + i + "].startOn", "2030-0" + (i + 1) + "-01");
        }
        page.rowOperation(By.cssSelector("button[value='remove:milestones:0']"), MILESTONES, 2);
        assertThat(page.rowNumbers(MILESTONES)).containsExactly("1", "2");
        assertThat(page.value("milestones[0].content")).isEqualTo("第二阶段");
        assertThat(page.value("milestones[0].startOn")).isEqualTo("2030-02-01");
        page.rowOperation(By.cssSelector("button[value='down:milestones:0']"), MILESTONES, 2);
        browser.waitUntil("第三阶段 first", d -> "第三阶段".equals(
                d.findElement(By.name("milestones[0].content")).getDomProperty("value")) ? Boolean.TRUE : null);
        page.htmxIdle();

        String longTerm = "#section-indicators-LONG_TERM > tbody";
        String annual = "#section-indicators-ANNUAL > tbody";
        int a1 = page.addRow(By.id("add-indicators-ANNUAL"), annual);
        page.type("indicators[" + a1 + "].name", "年度一");
        int a2 = page.addRow(By.id("add-indicators-ANNUAL"), annual);
        page.type("indicators[" + a2 + "].name", "年度二");
        int l1 = page.addRow(By.id("add-indicators-LONG_TERM"), longTerm);
        assertThat(l1).as("长期 rows come first in the form").isZero();
        page.type("indicators[" + l1 + "].name", "长期一");
        assertThat(page.rowNumbers(longTerm)).containsExactly("1");
        assertThat(page.rowNumbers(annual)).containsExactly("1", "2");
        assertThat(page.value("indicators[1].name")).isEqualTo("年度一");
        assertThat(page.value("indicators[2].name")).isEqualTo("年度二");

        // a 长期 row does not move down into the 年度 table: the last row's ↓ is disabled (and the server refuses)
        assertThat(browser.driver().findElement(By.cssSelector("button[value='down:indicators:0']")).isEnabled())
                .isFalse();
        assertThat(page.value("indicators[0].name")).isEqualTo("长期一");
        assertThat(page.rowIds(longTerm)).containsExactly("row-indicators-0");

        page.rowOperation(By.cssSelector("button[value='remove:indicators:1']"), annual, 1);
        assertThat(page.rowNumbers(annual)).containsExactly("1");
        assertThat(page.value("indicators[1].name")).isEqualTo("年度二");
        assertThat(page.value("indicators[1].term")).isEqualTo("ANNUAL");

        assertSamePage(document);
        browser.screenshot("declaration-rows-national");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(FormPage.NO_FAVICON);
    }

    /**
     * In the national layout each indicator table is its own list: its first row cannot move up and its last row
     * cannot move down, so those buttons are disabled, as they are in every other table. (The server already
     * refuses such a move; an enabled button that does nothing is what this test reports.)
     */
    @Test
    void theEndsOfEachNationalIndicatorTableCannotMoveFurther() {
        browser.logIn(Seeds.FILER_003, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=NATIONAL", FormPage.FORM);
        FormPage page = new FormPage(browser);
        page.htmxIdle();
        String longTerm = "#section-indicators-LONG_TERM > tbody";
        String annual = "#section-indicators-ANNUAL > tbody";
        page.addRow(By.id("add-indicators-LONG_TERM"), longTerm);
        page.addRow(By.id("add-indicators-LONG_TERM"), longTerm);
        page.addRow(By.id("add-indicators-ANNUAL"), annual);
        page.addRow(By.id("add-indicators-ANNUAL"), annual);
        assertThat(page.rowIds(longTerm)).containsExactly("row-indicators-0", "row-indicators-1");
        assertThat(page.rowIds(annual)).containsExactly("row-indicators-2", "row-indicators-3");

        assertThat(disabled(By.cssSelector("button[value='up:indicators:0']"))).as("长期 row 1 ↑").isTrue();
        assertThat(disabled(By.cssSelector("button[value='down:indicators:3']"))).as("年度 row 2 ↓").isTrue();
        assertThat(disabled(By.cssSelector("button[value='down:indicators:1']")))
                .as("长期 row 2 ↓: the last row of the 长期 table").isTrue();
        assertThat(disabled(By.cssSelector("button[value='up:indicators:2']")))
                .as("年度 row 1 ↑: the first row of the 年度 table").isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** Sets {@code window.__perfMarker = 1}; a full page load would lose it. Returns the current document's root. */
    private static WebElement markPage() {
        browser.script("window.__perfMarker = 1;");
        return browser.driver().findElement(By.tagName("html"));
    }

    /** The marker survived and the document is the one marked: no navigation happened. */
    private static void assertSamePage(WebElement document) {
        assertThat(browser.script("return window.__perfMarker")).as("window.__perfMarker after the row clicks")
                .isEqualTo(1L);
        boolean stale;
        try {
            document.getTagName();
            stale = false;
        } catch (StaleElementReferenceException e) {
            stale = true;
        }
        assertThat(stale).as("the document was not replaced").isFalse();
    }

    private static boolean disabled(By button) {
        return browser.waitUntil("the button " + button, d -> d.findElement(button)).getDomProperty("disabled")
                .equals("true");
    }

    private static List<String> subProjects(FormPage page) {
        int n = page.rowIds(SUB_PROJECTS).size();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> page.value("subProjects[" + i + "].name") + ":"
                + page.value("subProjects[" + i + "].amount")).toList();
    }
}
