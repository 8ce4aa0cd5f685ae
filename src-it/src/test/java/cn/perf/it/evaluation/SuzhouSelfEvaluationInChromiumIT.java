package cn.perf.it.evaluation;

import static cn.perf.it.evaluation.EvaluationPages.actual;
import static cn.perf.it.evaluation.EvaluationPages.computed;
import static cn.perf.it.evaluation.EvaluationPages.finalScore;
import static cn.perf.it.evaluation.EvaluationPages.reason;
import static cn.perf.it.evaluation.EvaluationPages.recordedScore;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationDetail.IndicatorView;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Suzhou 自评表 (DESIGN.md §2.3, §3.1) filed and reviewed in a real Chromium. The declaration is the test's own: seed
 * 001's content (苏州市住房和城乡建设局) under a new name, approved through the domain (submitted, 主管部门 通过, 财政
 * 优), so the test runs again and again in the same database. Then, as the unit's filer {@code filer-001276}: 生成自评表
 * on the declaration's read view; the two funds blocks with figures for which both identities hold; every 实际完成值,
 * with the live score (the debounced preview swaps the board, the findings and each row's computed cell) watched for:
 * row 15 over-achieved on 产出 (6个 of =4个, 150% ≥ 130%: loses 20% of its weight), row 17 short (95% of =100%: loses
 * 25%), row 21 qualitative (较好: 80%), row 19 left missing (0). 提交 is refused while rows 15 and 17 have no
 * 偏差原因分析及改进措施, with everything typed kept; with the reasons, and row 19 explained (so left to the reviewer)
 * with the 自评分 the unit claims for it, it is 已提交.
 * Then the finance bureau ({@code finance}) 开始审核, adjusts row 19 with a reason (the adjustments list and the row's
 * trace say so) and 确认; the stored form holds the total the page showed.
 * Screenshots: {@code target/screenshots/evaluation-suzhou-*.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class SuzhouSelfEvaluationInChromiumIT {

    static final int OVER = 15;
    static final int SHORT = 17;
    static final int MISSING = 19;
    static final int QUALITATIVE = 21;

    static final String OVER_REASON = "需求调整后增加了统计分析、移动端两个模块；下年度申报时按实际需求测算目标值。";
    static final String SHORT_REASON = "统一执法栏目的对接延至次年一季度完成；已明确责任人和完成时限。";
    static final String MISSING_EXPLANATION = "用户操作手册随系统终验一并交付，终验安排在次年一月，年底尚无终稿。";
    static final String ADJUST_REASON = "用户操作手册初稿已提交并经使用单位确认，按权重一半计分。";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DeclarationFiling declarations;

    @Autowired
    DeclarationReview declarationReview;

    @Autowired
    ScopeResolver scopes;

    @Autowired
    SelfEvaluationQueries evaluations;

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

    @Test
    void filedWithTheLiveScoreRefusedWithoutReasonsSubmittedAdjustedAndConfirmed() {
        browser.baseUrl("http://localhost:" + port).signOut();
        EvaluationPages page = new EvaluationPages(browser);
        String name = ApprovedDeclarations.uniqueName("苏州住建自评");
        long declarationId = new ApprovedDeclarations(declarations, declarationReview, scopes)
                .approvedSuzhou(name, 2021);

        // 1. the unit's filer starts the 自评表 from the approved declaration
        browser.logIn(ApprovedDeclarations.FILER_ZHUJIAN, ApprovedDeclarations.PASSWORD);
        browser.open("/declarations/" + declarationId, By.id("start-evaluation"));
        browser.clickAndWait(By.id("start-evaluation"), By.id("evaluation-form"));
        long id = page.evaluationIdFromEditPage();
        assertThat(browser.text(By.cssSelector(".evaluation-header"))).contains(name, "苏州市住房和城乡建设局");
        assertThat(browser.driver().findElements(By.cssSelector("#indicators tbody tr"))).hasSize(30);
        assertThat(page.total()).isEqualTo("0.00");
        browser.assertNoMissingMessages();

        // 2. the live score: the first actual value moves the total off 0.00
        browser.type(actual(1), "合规");
        assertThat(page.totalOtherThan("0.00")).isEqualTo("3.00");
        page.waitForText(finalScore(1), "3.00");

        // 3. the funds blocks: 指标结余数 = 年初预算数 + 调整数 − 财政拨款数 (41.86 + 5.00 − 40.00 = 6.86);
        //    资金结余结转数 = 财政拨款数 − 实际支付数 = 结转数 + 财政收回数 (40.00 − 38.50 = 1.50 = 1.00 + 0.50)
        Map<String, String> funds = new LinkedHashMap<>();
        funds.put("cityBudget.initialBudget", "41.86");
        funds.put("cityBudget.adjustment", "5.00");
        funds.put("cityBudget.appropriated", "40.00");
        funds.put("cityBudget.indicatorBalance", "6.86");
        funds.put("cityFundsUse.appropriated", "40.00");
        funds.put("cityFundsUse.actualPaid", "38.50");
        funds.put("cityFundsUse.balance", "1.50");
        funds.put("cityFundsUse.carryover", "1.00");
        funds.put("cityFundsUse.recovered", "0.50");
        funds.forEach((field, value) -> browser.type(By.name(field), value));

        // 4. every other actual value; row 19 stays empty
        Map<Integer, String> actuals = actuals();
        actuals.forEach((n, value) -> browser.type(actual(n), value));
        page.waitForText(finalScore(30), "2.00");
        page.waitForText(finalScore(OVER), "3.84");
        page.waitForText(finalScore(SHORT), "3.60");
        page.waitForText(finalScore(QUALITATIVE), "2.51");
        page.waitForText(finalScore(MISSING), "0.00");
        page.waitForText(By.id("board-total"), "72.41");
        assertThat(browser.driver().findElements(By.cssSelector("#funds-check li"))).as("both funds identities hold")
                .isEmpty();

        // the short row: below its weight, the trace says why, the reason is asked for
        BigDecimal weight = new BigDecimal(browser.text(By.cssSelector("#row-" + SHORT + " td:nth-child(5)")));
        assertThat(new BigDecimal(browser.text(finalScore(SHORT)))).isLessThan(weight);
        assertThat(page.textContent(By.cssSelector("#computed-" + SHORT + " .trace"))).contains("完成率 95.0%",
                "扣减权重 25%", "= 3.60");
        assertThat(browser.text(By.cssSelector("#computed-" + SHORT + " .reason-flag"))).contains("偏差原因分析及改进措施");
        assertThat(browser.text(By.cssSelector("#computed-" + OVER + " .reason-flag"))).isNotBlank();
        assertThat(page.textContent(By.cssSelector("#computed-" + OVER + " .trace"))).contains("150", "130");
        assertThat(browser.driver().findElements(By.cssSelector("#computed-" + QUALITATIVE + " .reason-flag")))
                .as("a qualitative 较好 asks for no reason").isEmpty();
        // … and the findings panel links to the rows
        assertThat(browser.driver().findElements(By.cssSelector(
                "#findings-panel li[data-code='DEVIATION_REASON_MISSING'] a[href='#row-" + SHORT + "']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector(
                "#findings-panel li[data-code='OVER_ACHIEVEMENT_UNEXPLAINED'] a[href='#row-" + OVER + "']")))
                .hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector(
                "#findings-panel li[data-code='ACTUAL_MISSING'] a[href='#row-" + MISSING + "']"))).hasSize(1);
        page.screenshotAtRow(SHORT, "evaluation-suzhou-1-live-score");
        browser.assertNoConsoleErrors(EvaluationPages.EXPECTED_CONSOLE_ERRORS);

        // 5. 提交 is refused while rows 15 and 17 have no reason; nothing typed is lost
        browser.clickAndWait(By.id("submit-button"), By.id("submit-problems"));
        assertThat(browser.text(By.id("submit-problems"))).contains("第" + OVER + "行", "第" + SHORT + "行",
                "偏差原因分析及改进措施");
        browser.screenshot("evaluation-suzhou-2-submit-refused");
        funds.forEach((field, value) -> assertThat(page.value(By.name(field))).as(field).isEqualTo(value));
        actuals.forEach((n, value) -> assertThat(page.value(actual(n))).as("row %d", n).isEqualTo(value));
        assertThat(page.value(actual(MISSING))).isEmpty();
        page.waitForText(By.id("board-total"), "72.41");

        // 6. with the reasons, and row 19 explained (left to the reviewer) with the score the unit claims for it,
        //    提交 goes through; the filed total is the sum of the 自评分, the page keeps computing its own
        browser.type(reason(OVER), OVER_REASON);
        browser.type(reason(SHORT), SHORT_REASON);
        browser.type(reason(MISSING), MISSING_EXPLANATION);
        browser.type(recordedScore(MISSING), "4.80");
        browser.waitUntil("the reason flags of rows " + OVER + " and " + SHORT + " to go",
                d -> d.findElements(By.cssSelector("#computed-" + OVER + " .reason-flag, #computed-" + SHORT
                        + " .reason-flag")).isEmpty());
        page.waitForTextContent(computed(MISSING), "待审核人评分");
        page.waitForText(By.id("board-total"), "72.41");
        browser.clickAndWait(By.id("submit-button"), By.cssSelector(".evaluation-detail"));
        browser.waitForPath("/evaluations/" + id);
        page.waitForStatus("已提交");
        assertThat(browser.text(By.id("board-recorded"))).contains("77.21", "72.41");
        browser.screenshot("evaluation-suzhou-3-submitted");
        browser.assertNoMissingMessages();
        browser.signOut();

        // 7. the finance bureau reviews: starts, adjusts row 19 with a reason, confirms
        browser.logIn(ApprovedDeclarations.FINANCE_SUZHOU, ApprovedDeclarations.PASSWORD);
        browser.open("/evaluations/" + id, By.id("review-start"));
        browser.clickAndWait(By.id("review-start"), By.id("adjust-form"));
        page.waitForStatus("审核中");
        page.adjust(MISSING, "2.40", ADJUST_REASON);
        assertThat(browser.text(By.id("adjustments"))).contains("第" + MISSING + "行", "2.40", ADJUST_REASON);
        assertThat(page.textContent(By.cssSelector("#row-" + MISSING + " .trace"))).contains("调整", "2.40",
                ADJUST_REASON);
        page.waitForText(By.cssSelector("#row-" + MISSING + " .final-score"), "2.40");
        String shownTotal = page.total();
        assertThat(shownTotal).isEqualTo("74.81");
        page.screenshotAtRow(MISSING, "evaluation-suzhou-4-adjusted");
        browser.clickAndWait(By.id("review-confirm"), By.cssSelector(".evaluation-detail"));
        page.waitForStatus("已确认");
        assertThat(page.total()).isEqualTo(shownTotal);
        browser.screenshot("evaluation-suzhou-5-confirmed");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(EvaluationPages.EXPECTED_CONSOLE_ERRORS);

        // 8. what is stored is what the page showed
        SelfEvaluationDetail stored = evaluations.detail(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(EvaluationStatus.CONFIRMED);
        assertThat(stored.declarationId()).isEqualTo(declarationId);
        assertThat(stored.computedTotal()).isEqualByComparingTo(shownTotal);
        assertThat(stored.recordedTotal()).isEqualByComparingTo("77.21");
        assertThat(stored.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.indicatorPosition()).isEqualTo(MISSING);
            assertThat(a.adjustedScore()).isEqualByComparingTo("2.40");
            assertThat(a.reason()).isEqualTo(ADJUST_REASON);
        });
        IndicatorView shortRow = stored.indicators().get(SHORT - 1);
        assertThat(shortRow.actual()).isEqualTo("95%");
        assertThat(shortRow.effectiveScore()).isEqualByComparingTo("3.60");
        assertThat(shortRow.deviationReason()).isEqualTo(SHORT_REASON);
        assertThat(stored.cityBudgetExecution().indicatorBalance().wan()).isEqualByComparingTo("6.86");
        assertThat(stored.cityFundsUse().recovered().wan()).isEqualByComparingTo("0.50");
    }

    /** 实际完成值 of every row but the first (typed before) and row 19 (left missing), by 序号. */
    private static Map<Integer, String> actuals() {
        Map<Integer, String> a = new LinkedHashMap<>();
        // 投入 (library rows, 26 points)
        a.put(2, "健全");
        a.put(3, "资产明确");
        a.put(4, "100%");
        a.put(5, "100%");
        a.put(6, "100%");
        a.put(7, "12%");
        a.put(8, "100%");
        a.put(9, "100%");
        a.put(10, "规范");
        a.put(11, "充分");
        a.put(12, "合规");
        a.put(13, "100%");
        a.put(14, "健全");
        // 产出 (24 points over 5 rows)
        a.put(OVER, "6个");
        a.put(16, "1套");
        a.put(SHORT, "95%");
        a.put(18, "100%");
        // 结果 (22 points over 7 rows)
        a.put(20, "96%");
        a.put(QUALITATIVE, "较好");
        a.put(22, "5%");
        a.put(23, "安全");
        a.put(24, "100%");
        a.put(25, "100%");
        a.put(26, "100%");
        // 影响力 (8 points over 4 rows)
        a.put(27, "建立");
        a.put(28, "落实");
        a.put(29, "建立");
        a.put(30, "建立");
        return a;
    }
}
