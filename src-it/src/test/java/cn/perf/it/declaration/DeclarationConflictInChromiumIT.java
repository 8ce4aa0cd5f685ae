package cn.perf.it.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Saving in a real Chromium when things go wrong. Two browsers (the unit's 填报人 and its 单位负责人) edit the same
 * draft: the first saves, the second's save answers 409 with its unsaved value beside the stored one, and
 * 用我的内容覆盖并继续编辑 brings the second user back to the form with everything they typed, which then saves.
 * And a malformed amount ({@code 12,3x}) is reported in Chinese next to its field, which gets the focus, with every
 * typed value kept. Screenshots: {@code target/screenshots/declaration-conflict-*.png} and
 * {@code declaration-invalid-amount.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class DeclarationConflictInChromiumIT {

    static final String SUB_PROJECTS = "#section-subProjects > tbody";

    static Browser first;
    static Browser second;

    @LocalServerPort
    int port;

    @Autowired
    DeclarationFiling filing;

    @Autowired
    ScopeResolver scopes;

    @BeforeAll
    static void startChromium() {
        first = Browser.start();
        second = Browser.start();
    }

    @AfterAll
    static void quitChromium() {
        try {
            if (first != null) {
                first.close();
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @BeforeEach
    void freshSessions() {
        for (Browser b : List.of(first, second)) {
            b.baseUrl("http://localhost:" + port).signOut();
            b.consoleErrors();
        }
    }

    @Test
    void aStaleSaveShowsBothValuesAndKeepingMineSaves() {
        first.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        second.logIn("leader-001239", Seeds.PASSWORD); // the same unit's 单位负责人 (one session per user)
        long id = newDraft(new FormPage(first), 2031, "项目概况一段");
        Scope scope = scopes.forUser(Seeds.FILER_000);
        long startVersion = filing.page(scope, id).detail().version();

        FormPage a = new FormPage(first);
        FormPage b = new FormPage(second);
        first.open("/declarations/" + id + "/edit", FormPage.FORM);
        second.open("/declarations/" + id + "/edit", FormPage.FORM);
        a.htmxIdle();
        b.htmxIdle();
        assertThat(b.value("version")).isEqualTo(String.valueOf(startVersion));

        // the first user saves a change
        a.type("projectLeader", "张先锋");
        assertThat(a.saveSuccessfully()).contains("已保存");
        DeclarationDetail afterFirst = filing.page(scope, id).detail();
        assertThat(afterFirst.projectLeader()).isEqualTo("张先锋");
        assertThat(afterFirst.version()).isGreaterThan(startVersion);

        // the second user, still on the old version, changes the same field and a text block, and saves: 409
        b.type("projectLeader", "李后来");
        b.type("overallGoal", "第一段目标\n第二段目标");
        WebElement differences = b.save(By.id("differences"));
        second.screenshot("declaration-conflict-409");
        assertThat(second.script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n && n.responseStatus !== undefined ? n.responseStatus : 409;"))
                .as("the conflict page answers 409").isEqualTo(409L);
        assertThat(second.text(By.tagName("h1"))).contains("已被他人修改");
        WebElement leader = differences.findElement(By.cssSelector("tr[data-field='projectLeader']"));
        assertThat(leader.findElement(By.cssSelector("td.mine")).getText()).isEqualTo("李后来");
        assertThat(leader.findElement(By.cssSelector("td.stored")).getText()).isEqualTo("张先锋");
        assertThat(leader.findElement(By.cssSelector("th")).getText()).as("the field's Chinese label")
                .isEqualTo("项目负责人");
        WebElement goal = differences.findElement(By.cssSelector("tr[data-field='overallGoal']"));
        assertThat(goal.findElement(By.cssSelector("td.mine")).getText()).isEqualTo("第一段目标\n第二段目标");
        assertThat(goal.findElement(By.cssSelector("td.stored")).getText()).isEmpty();
        List<String> fields = differences.findElements(By.cssSelector("tbody tr[data-field]")).stream()
                .map(r -> r.getDomAttribute("data-field")).toList();
        assertThat(fields).as("only the fields that differ are listed").containsExactlyInAnyOrder("projectLeader",
                "overallGoal");
        second.assertNoMissingMessages();
        assertThat(filing.page(scope, id).detail().projectLeader()).as("nothing was overwritten yet")
                .isEqualTo("张先锋");

        // 用我的内容覆盖并继续编辑: back to the form with the user's values, on top of the stored version
        By keepMine = By.cssSelector("#keep-mine button[type=submit]");
        assertThat(second.text(keepMine)).isEqualTo("用我的内容覆盖并继续编辑");
        second.clickAndWait(keepMine, FormPage.FORM);
        b.htmxIdle();
        assertThat(b.value("projectLeader")).isEqualTo("李后来");
        assertThat(b.value("overallGoal")).isEqualTo("第一段目标\n第二段目标");
        assertThat(b.value("version")).isEqualTo(String.valueOf(afterFirst.version()));
        assertThat(b.rowIds("#section-indicators > tbody")).as("the 投入 rows are still there").hasSize(10);
        second.screenshot("declaration-conflict-kept");
        assertThat(b.saveSuccessfully()).contains("已保存");
        DeclarationDetail kept = filing.page(scope, id).detail();
        assertThat(kept.projectLeader()).isEqualTo("李后来");
        assertThat(Paragraphs.of(kept.texts().overallGoal())).containsExactly("第一段目标", "第二段目标");
        assertThat(kept.version()).isGreaterThan(afterFirst.version());
        assertThat(kept.indicators()).hasSize(10);
        second.assertNoConsoleErrors(FormPage.NO_FAVICON, "status of 409"); // the conflict page itself
        first.assertNoConsoleErrors(FormPage.NO_FAVICON);
    }

    /**
     * A text block of several paragraphs that neither user touched is no difference: the browser posts a
     * textarea's lines with CR LF, the stored block reads back with LF, and the 409 page compares paragraphs, not
     * line endings. (Fails while the page lists the untouched 项目概况; screenshot
     * {@code declaration-conflict-untouched-block.png}.)
     */
    @Test
    void anUntouchedBlockOfSeveralParagraphsIsNoDifference() {
        first.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        second.logIn("leader-001239", Seeds.PASSWORD);
        long id = newDraft(new FormPage(first), 2033, "项目概况第一段\n项目概况第二段");
        FormPage a = new FormPage(first);
        FormPage b = new FormPage(second);
        first.open("/declarations/" + id + "/edit", FormPage.FORM);
        second.open("/declarations/" + id + "/edit", FormPage.FORM);
        a.htmxIdle();
        b.htmxIdle();
        assertThat(b.value("overview")).isEqualTo("项目概况第一段\n项目概况第二段");

        a.type("projectLeader", "张先锋");
        assertThat(a.saveSuccessfully()).contains("已保存");
        b.type("contactPerson", "李后来");
        WebElement differences = b.save(By.id("differences"));
        second.screenshot("declaration-conflict-untouched-block");
        List<String> fields = differences.findElements(By.cssSelector("tbody tr[data-field]")).stream()
                .map(r -> r.getDomAttribute("data-field")).toList();
        assertThat(fields).as("the fields that differ: the first user's 项目负责人 and the second's 联系人 only")
                .containsExactlyInAnyOrder("projectLeader", "contactPerson");
    }

    @Test
    void aMalformedAmountIsReportedAtItsFieldWithEverythingTypedKept() {
        first.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        FormPage page = new FormPage(first);
        long id = newDraft(page, 2032, "");
        Scope scope = scopes.forUser(Seeds.FILER_000);
        long version = filing.page(scope, id).detail().version();

        first.open("/declarations/" + id + "/edit", FormPage.FORM);
        page.htmxIdle();
        page.type("contactPerson", "王填表");
        page.type("overview", "概况第一段\n概况第二段");
        int i = page.addRow(By.id("add-subProjects"), SUB_PROJECTS);
        page.type("subProjects[" + i + "].name", "数据采集子项目");
        page.type("subProjects[" + i + "].amount", "12,3x");
        int j = page.addRow(By.id("add-subProjects"), SUB_PROJECTS);
        page.type("subProjects[" + j + "].name", "监理");
        page.type("subProjects[" + j + "].amount", "2.5");

        page.save(By.cssSelector(".form-errors"));
        String amount = "subProjects[" + i + "].amount";
        String message = first.text(By.cssSelector("#row-subProjects-" + i + " .invalid-feedback"));
        assertThat(message).isEqualTo("请输入不小于 0 的金额（万元，最多 6 位小数），例如 41.86");
        first.waitUntil("focus on the malformed amount", d -> amount.equals(
                first.script("return document.activeElement && document.activeElement.name")) ? Boolean.TRUE : null);
        assertThat(first.driver().findElement(By.name(amount)).getDomAttribute("class")).contains("is-invalid");
        assertThat(first.text(By.cssSelector(".form-errors"))).contains("有 1 处需要修改").contains("您填写的内容都已保留");
        assertThat(page.value(amount)).as("the malformed amount as typed").isEqualTo("12,3x");
        assertThat(page.value("subProjects[" + i + "].name")).isEqualTo("数据采集子项目");
        assertThat(page.value("subProjects[" + j + "].name")).isEqualTo("监理");
        assertThat(page.value("subProjects[" + j + "].amount")).isEqualTo("2.5");
        assertThat(page.value("contactPerson")).isEqualTo("王填表");
        assertThat(page.value("overview")).isEqualTo("概况第一段\n概况第二段");
        assertThat(page.rowIds("#section-indicators > tbody")).hasSize(10);
        assertThat(first.driver().findElements(By.cssSelector(".invalid-feedback"))).as("one message only")
                .hasSize(1);
        first.screenshot("declaration-invalid-amount");
        first.assertNoMissingMessages();
        DeclarationDetail unchanged = filing.page(scope, id).detail();
        assertThat(unchanged.version()).as("nothing was saved").isEqualTo(version);
        assertThat(unchanged.contactPerson()).isNull();

        // corrected, it saves
        page.type(amount, "12.3");
        assertThat(page.saveSuccessfully()).contains("已保存");
        DeclarationDetail saved = filing.page(scope, id).detail();
        assertThat(saved.contactPerson()).isEqualTo("王填表");
        assertThat(saved.subProjects()).extracting(DeclarationDetail.SubProjectRow::name)
                .containsExactly("数据采集子项目", "监理");
        assertThat(saved.subProjectTotal().display()).isEqualTo("14.80");
        first.assertNoConsoleErrors(FormPage.NO_FAVICON);
    }

    /** A new Suzhou draft made through the page: name, year, 项目概况 and the library's 投入 rows; its id. */
    private static long newDraft(FormPage page, int year, String overview) {
        page.browser().open("/declarations/new?layout=SUZHOU", FormPage.FORM);
        page.htmxIdle();
        page.type("projectName", Seeds.uniqueName("并发保存测试项目"));
        page.type("year", String.valueOf(year));
        page.type("overview", overview);
        assertThat(page.saveSuccessfully()).contains("已保存");
        return page.idFromAddress();
    }
}
