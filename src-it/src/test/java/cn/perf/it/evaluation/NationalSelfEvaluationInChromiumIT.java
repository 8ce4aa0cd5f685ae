package cn.perf.it.evaluation;

import static cn.perf.it.evaluation.EvaluationPages.actual;
import static cn.perf.it.evaluation.EvaluationPages.finalScore;
import static cn.perf.it.evaluation.EvaluationPages.reason;
import static cn.perf.it.evaluation.EvaluationPages.recordedScore;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A national 自评表 (财预〔2020〕10号, DESIGN.md §2.4, §3.2) filed and reviewed in a real Chromium. The declaration is
 * the test's own: a 济宁市高新区综合行政执法局 form in the national layout (NATIONAL_2020: 产出指标 50 over four rows, 效益指标
 * 30 over two, 满意度指标 10, 预算执行率 10), approved through the domain by {@code reviewer-jining} and
 * {@code finance-jining}. Then, as {@code filer-jining}: 生成自评表; 项目资金 with the 年度资金总额 row first off by 2
 * (the live check names the column) and then equal to the sum of its three rows per column, the 预算执行率 score
 * (10 × 342 / 360 = 9.50) on the board; 实际完成值 with row 1 short (63000 of ≥70000个: 90%), row 2 over-achieved
 * (75000 of ≥59500个: 126% ≥ 120%, flagged), row 6 定性 (达成) whose 得分 the filer picks: first outside the tier's band
 * (the QUALITATIVE_SCORE_OUT_OF_BAND finding), then inside it; the reasons; 提交. The bureau ({@code finance-jining})
 * 开始审核, reduces the over-achieved row's score 适度 with a reason (10号) and 确认; the stored form holds the total the
 * page showed. Screenshots: {@code target/screenshots/evaluation-national-*.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class NationalSelfEvaluationInChromiumIT {

    static final int SHORT = 1;
    static final int OVER = 2;
    static final int QUALITATIVE = 6;
    static final Pattern BAND = Pattern.compile("达成 (\\d+\\.\\d{2})–(\\d+\\.\\d{2})");

    static final String SHORT_REASON = "下半年两个网格采集员空缺，上报量不足；已补招人员并调整考核办法。";
    static final String OVER_REASON = "创城迎检期间开展专项整治，处置量集中增加；下年度目标按实际处置能力测算。";
    static final String ADJUST_REASON = "目标值设置偏低（完成率 126%），按财预〔2020〕10号适度扣减 1 分。";

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
    void fundsAndBudgetScoreAQualitativeScoreInsideItsBandSubmittedAndConfirmedByTheBureau() {
        browser.baseUrl("http://localhost:" + port).signOut();
        EvaluationPages page = new EvaluationPages(browser);
        String name = ApprovedDeclarations.uniqueName("济宁数字城管自评");
        long declarationId = new ApprovedDeclarations(declarations, declarationReview, scopes)
                .approvedNational(name, 2021);

        // 1. the unit's filer starts the 自评表
        browser.logIn(ApprovedDeclarations.FILER_JINING, ApprovedDeclarations.PASSWORD);
        browser.open("/declarations/" + declarationId, By.id("start-evaluation"));
        browser.clickAndWait(By.id("start-evaluation"), By.id("evaluation-form"));
        long id = page.evaluationIdFromEditPage();
        // 主管部门 and 实施单位: the unit's department and the unit itself
        assertThat(browser.text(By.cssSelector(".evaluation-header"))).contains(name,
                "济宁高新技术产业开发区管理委员会", "济宁市高新区综合行政执法局");
        assertThat(browser.driver().findElements(By.cssSelector("#indicators tbody tr"))).hasSize(7);
        assertThat(browser.text(By.cssSelector("#computed-" + QUALITATIVE + " .band"))).contains("达成", "部分达成",
                "未达成");
        browser.assertNoMissingMessages();

        // 2. 项目资金: the total row off by 2 in 全年执行数 is named live; then every column adds up
        String before = page.total();
        Map<String, String> funds = new LinkedHashMap<>();
        funds.put(fund(NationalFundKind.TOTAL, "initialBudget"), "350.00");
        funds.put(fund(NationalFundKind.TOTAL, "annualBudget"), "360.00");
        funds.put(fund(NationalFundKind.TOTAL, "executed"), "340.00");
        funds.put(fund(NationalFundKind.CURRENT_APPROPRIATION, "initialBudget"), "330.00");
        funds.put(fund(NationalFundKind.CURRENT_APPROPRIATION, "annualBudget"), "330.00");
        funds.put(fund(NationalFundKind.CURRENT_APPROPRIATION, "executed"), "315.00");
        funds.put(fund(NationalFundKind.PRIOR_CARRYOVER, "initialBudget"), "20.00");
        funds.put(fund(NationalFundKind.PRIOR_CARRYOVER, "annualBudget"), "20.00");
        funds.put(fund(NationalFundKind.PRIOR_CARRYOVER, "executed"), "20.00");
        funds.put(fund(NationalFundKind.OTHER, "initialBudget"), "0.00");
        funds.put(fund(NationalFundKind.OTHER, "annualBudget"), "10.00");
        funds.put(fund(NationalFundKind.OTHER, "executed"), "7.00");
        funds.forEach((field, value) -> browser.type(By.name(field), value));
        // the last field typed (其他资金's 全年执行数 7.00) is in: the sum is 342.00, the total says 340.00
        page.waitForTextContaining(By.id("funds-check"), "= 342.00");
        assertThat(browser.driver().findElements(By.cssSelector("#funds-check li"))).singleElement()
                .satisfies(li -> assertThat(li.getText()).contains("全年执行数", "年度资金总额 340.00"));
        browser.screenshot("evaluation-national-1-funds-off");

        funds.put(fund(NationalFundKind.TOTAL, "executed"), "342.00");
        browser.type(By.name(fund(NationalFundKind.TOTAL, "executed")), "342.00");
        page.waitForTextContaining(By.id("board-budget"), "9.50");
        assertThat(browser.driver().findElements(By.cssSelector("#funds-check li"))).isEmpty();
        assertThat(page.totalOtherThan(before)).isEqualTo("9.50");

        // 3. the actual values; the qualitative row's 得分 first outside its band
        Map<Integer, String> actuals = new LinkedHashMap<>();
        actuals.put(SHORT, "63000个");
        actuals.put(OVER, "75000个");
        actuals.put(3, "90%");
        actuals.put(4, "340万元");
        actuals.put(5, "80个");
        actuals.put(QUALITATIVE, "达成");
        actuals.put(7, "95%");
        actuals.forEach((n, value) -> browser.type(actual(n), value));
        page.waitForText(finalScore(7), "10.00");
        String band = browser.text(By.cssSelector("#computed-" + QUALITATIVE + " .band"));
        Matcher m = BAND.matcher(band);
        assertThat(m.find()).as("the 达成 band in '%s'", band).isTrue();
        BigDecimal low = new BigDecimal(m.group(1));
        BigDecimal high = new BigDecimal(m.group(2));
        assertThat(low).isEqualByComparingTo("12.00");
        assertThat(high).isEqualByComparingTo("15.00");

        BigDecimal outside = low.subtract(BigDecimal.ONE); // 11.00: a 部分达成 score for a 达成 row
        browser.type(recordedScore(QUALITATIVE), outside.toPlainString());
        String finding = page.waitForTextContent(By.cssSelector("#findings-panel "
                + "li[data-code='QUALITATIVE_SCORE_OUT_OF_BAND'][data-row='" + QUALITATIVE + "']"), "不在区间内");
        assertThat(finding).contains("所选得分 " + outside.stripTrailingZeros().toPlainString(), "12.00",
                "15.00");
        assertThat(browser.driver().findElements(By.cssSelector("#findings-panel "
                + "li[data-code='QUALITATIVE_SCORE_OUT_OF_BAND'] a[href='#row-" + QUALITATIVE + "']"))).hasSize(1);
        assertThat(page.textContent(By.cssSelector("#computed-" + QUALITATIVE + " .trace"))).contains("达成",
                "不在区间内");
        page.screenshotAtRow(QUALITATIVE, "evaluation-national-2-out-of-band");

        browser.type(recordedScore(QUALITATIVE), "14.00");
        page.waitForText(finalScore(QUALITATIVE), "14.00");
        browser.waitUntil("the out-of-band finding to go", d -> d.findElements(By.cssSelector(
                "#findings-panel li[data-code='QUALITATIVE_SCORE_OUT_OF_BAND']")).isEmpty());

        // short and over-achieved rows: scores, traces and reason flags
        page.waitForText(finalScore(SHORT), "11.25");
        page.waitForText(finalScore(OVER), "12.50");
        assertThat(page.textContent(By.cssSelector("#computed-" + SHORT + " .trace"))).contains("90");
        assertThat(browser.text(By.cssSelector("#computed-" + SHORT + " .reason-flag"))).isNotBlank();
        assertThat(browser.text(By.cssSelector("#computed-" + OVER + " .reason-flag"))).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector(
                "#findings-panel li[data-code='OVER_ACHIEVEMENT_UNEXPLAINED'] a[href='#row-" + OVER + "']")))
                .hasSize(1);
        // 产出 48.75 + 效益 29.00 + 满意度 10.00 + 预算执行率 9.50
        page.waitForText(By.id("board-total"), "97.25");
        assertThat(browser.text(By.id("board-budget"))).contains("9.50");
        page.screenshotAtRow(OVER, "evaluation-national-3-live-score");
        browser.assertNoConsoleErrors(EvaluationPages.EXPECTED_CONSOLE_ERRORS);

        // 4. 提交 is refused without the reasons, then goes through with them
        browser.clickAndWait(By.id("submit-button"), By.id("submit-problems"));
        assertThat(browser.text(By.id("submit-problems"))).contains("第" + SHORT + "行", "第" + OVER + "行");
        funds.forEach((field, value) -> assertThat(page.value(By.name(field))).as(field).isEqualTo(value));
        assertThat(page.value(recordedScore(QUALITATIVE))).isEqualTo("14.00");
        browser.type(reason(SHORT), SHORT_REASON);
        browser.type(reason(OVER), OVER_REASON);
        browser.waitUntil("the reason flags to go", d -> d.findElements(By.cssSelector(".reason-flag")).isEmpty());
        browser.clickAndWait(By.id("submit-button"), By.cssSelector(".evaluation-detail"));
        browser.waitForPath("/evaluations/" + id);
        page.waitForStatus("已提交");
        assertThat(browser.text(By.id("national-funds"))).contains("342.00", "95.00%");
        browser.screenshot("evaluation-national-4-submitted");
        browser.assertNoMissingMessages();
        browser.signOut();

        // 5. the bureau reviews: reduces the over-achieved row 适度 with a reason, confirms
        browser.logIn(ApprovedDeclarations.FINANCE_JINING, ApprovedDeclarations.PASSWORD);
        browser.open("/evaluations/" + id, By.id("review-start"));
        browser.clickAndWait(By.id("review-start"), By.id("adjust-form"));
        page.waitForStatus("审核中");
        page.adjust(OVER, "11.50", ADJUST_REASON);
        assertThat(browser.text(By.id("adjustments"))).contains("第" + OVER + "行", "12.50", "11.50", ADJUST_REASON);
        assertThat(page.textContent(By.cssSelector("#row-" + OVER + " .trace"))).contains("11.50", ADJUST_REASON);
        String shownTotal = page.total();
        assertThat(shownTotal).isEqualTo("96.25");
        browser.clickAndWait(By.id("review-confirm"), By.cssSelector(".evaluation-detail"));
        page.waitForStatus("已确认");
        assertThat(page.total()).isEqualTo(shownTotal);
        browser.screenshot("evaluation-national-5-confirmed");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(EvaluationPages.EXPECTED_CONSOLE_ERRORS);

        // 6. what is stored is what the page showed
        SelfEvaluationDetail stored = evaluations.detail(id).orElseThrow();
        assertThat(stored.layout()).isEqualTo(EvaluationLayout.NATIONAL_2020);
        assertThat(stored.status()).isEqualTo(EvaluationStatus.CONFIRMED);
        assertThat(stored.computedTotal()).isEqualByComparingTo(shownTotal);
        assertThat(stored.budgetExecutionComputedScore()).isEqualByComparingTo("9.50");
        assertThat(stored.indicators().get(QUALITATIVE - 1).recordedScore()).isEqualByComparingTo("14.00");
        assertThat(stored.indicators().get(OVER - 1).effectiveScore()).isEqualByComparingTo("11.50");
        assertThat(stored.nationalFunds()).extracting(f -> f.executed().wan().stripTrailingZeros().toPlainString())
                .containsExactly("342", "315", "20", "7");
    }

    private static String fund(NationalFundKind kind, String column) {
        return "nationalFunds[" + kind.ordinal() + "]." + column;
    }
}
