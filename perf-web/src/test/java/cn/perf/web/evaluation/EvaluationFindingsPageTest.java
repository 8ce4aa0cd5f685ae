package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.CityBudgetExecution;
import cn.perf.domain.evaluation.CityFundsUse;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SubProjectLine;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.target.Direction;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * The findings panel (DESIGN.md §3.3): every finding the scoring engine can raise on a self-evaluation that a user
 * reaches through the pages appears in {@code #findings-panel} with its {@code data-code}, and a finding about a row
 * links to that row ({@code href="#row-N"}, and the row is on the page). One test per finding code, on forms made
 * once for the class: a Suzhou draft filled through the edit page with one row per row-level finding, a national draft,
 * a submitted and reviewed form, a form imported as printed (funds findings are only possible there: the page refuses
 * figures that break an identity), and the what-if page. Seed 002 shows its printed figures against the computed ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationFindingsPageTest extends EvaluationPageSupport {

    enum Form { SUZHOU, NATIONAL, REVIEWED, IMPORTED, WHAT_IF_SUZHOU, WHAT_IF_NATIONAL }

    /** Where each finding code is raised: the form, and the row (by indicator name) or null for a form finding. */
    record Case(FindingCode code, Form form, String row) {
        @Override
        public String toString() {
            return code + " on " + form + (row == null ? "" : " (row " + row + ")");
        }
    }

    static final List<Case> CASES = List.of(
            new Case(FindingCode.RECORDED_SCORE_MISMATCH, Form.SUZHOU, "系统可用率"),
            new Case(FindingCode.RECORDED_TOTAL_MISMATCH, Form.REVIEWED, null),
            new Case(FindingCode.WEIGHT_SUM_MISMATCH, Form.SUZHOU, null),
            new Case(FindingCode.TOTAL_POINTS_MISMATCH, Form.WHAT_IF_SUZHOU, null),
            new Case(FindingCode.CATEGORY_POINTS_DIFFER, Form.WHAT_IF_SUZHOU, null),
            new Case(FindingCode.CATEGORY_WITHOUT_ROWS, Form.REVIEWED, null),
            new Case(FindingCode.CATEGORY_UNKNOWN, Form.WHAT_IF_NATIONAL, "城市管理水平"),
            new Case(FindingCode.TARGET_UNPARSEABLE, Form.IMPORTED, "文档份数"),
            new Case(FindingCode.ACTUAL_UNPARSEABLE, Form.SUZHOU, "建设文档数"),
            new Case(FindingCode.ACTUAL_MISSING, Form.SUZHOU, "群众满意度"),
            new Case(FindingCode.PENDING_REVIEW, Form.SUZHOU, "媒体报道篇数"),
            new Case(FindingCode.UNIT_MISMATCH, Form.SUZHOU, "服务器数量"),
            new Case(FindingCode.UNIT_ASSUMED, Form.SUZHOU, "采购设备数"),
            new Case(FindingCode.TARGET_UNIT_MISSING, Form.SUZHOU, "日均处理量"),
            new Case(FindingCode.TARGET_APPROXIMATE, Form.SUZHOU, "覆盖街道数"),
            new Case(FindingCode.ACTUAL_APPROXIMATE, Form.SUZHOU, "接入终端数"),
            new Case(FindingCode.QUALITATIVE_ACTUAL_UNMAPPED, Form.SUZHOU, "市民知晓度"),
            new Case(FindingCode.QUALITATIVE_SCORE_OUT_OF_BAND, Form.NATIONAL, "城市管理水平"),
            new Case(FindingCode.QUALITATIVE_SCORE_NOT_CHOSEN, Form.NATIONAL, "长效管理机制"),
            new Case(FindingCode.NUMBER_IN_QUALITATIVE_TARGET, Form.SUZHOU, "就业岗位"),
            new Case(FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED, Form.SUZHOU, "培训人次"),
            new Case(FindingCode.OVER_ACHIEVEMENT_EXPLAINED, Form.SUZHOU, "巡查次数"),
            new Case(FindingCode.DEVIATION_REASON_MISSING, Form.SUZHOU, "上线模块数"),
            new Case(FindingCode.EQUALITY_DIRECTION_LINT, Form.SUZHOU, "业务系统投诉率"),
            new Case(FindingCode.DIRECTION_CONTRADICTS_OPERATOR, Form.SUZHOU, "故障处理时长"),
            new Case(FindingCode.REVIEWER_ADJUSTMENT, Form.REVIEWED, "平台上线模块数"),
            new Case(FindingCode.FUNDS_BUDGET_BALANCE, Form.IMPORTED, null),
            new Case(FindingCode.FUNDS_PAYMENT_BALANCE, Form.IMPORTED, null),
            new Case(FindingCode.FUNDS_CARRYOVER_SPLIT, Form.IMPORTED, null),
            new Case(FindingCode.FUNDS_APPROPRIATION_DIFFERS, Form.SUZHOU, null),
            new Case(FindingCode.SUBPROJECT_SUM_MISMATCH, Form.IMPORTED, null),
            new Case(FindingCode.BUDGET_EXECUTION_MISSING, Form.NATIONAL, null));

    /** Codes no self-evaluation reachable through the pages can carry, and why. */
    static final Map<FindingCode, String> UNREACHABLE = Map.of(
            FindingCode.WEIGHT_COMPUTED, "every row of a self-evaluation has a weight: the carry-over gives each the "
                    + "declaration's or the category's equal split, and an imported row must have one",
            FindingCode.FUNDS_NATIONAL_TOTAL, "the edit page refuses national 项目资金 columns that do not add up "
                    + "(NationalSelfEvaluationInChromiumIT sees the message live); only an imported national form could "
                    + "carry one, and no page imports one yet (issue 10); FundsFindingsScoredTest covers the engine",
            FindingCode.REVIEWER_ADJUSTMENT_INVALID, "the aggregate refuses an adjustment outside [0, 权重] "
                    + "(EvaluationSubmitAndReviewTest: 不能超过权重)");

    @Autowired
    SelfEvaluationScoring scoring;

    private final Map<Form, Long> forms = new LinkedHashMap<>();

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @Test
    void everyFindingCodeIsEitherShownOnAPageOrExplainedAsUnreachable() {
        Set<FindingCode> covered = EnumSet.noneOf(FindingCode.class);
        CASES.forEach(c -> covered.add(c.code()));
        assertThat(covered).doesNotContainAnyElementsOf(UNREACHABLE.keySet());
        covered.addAll(UNREACHABLE.keySet());
        assertThat(covered).as("a new FindingCode needs a case here").containsExactlyInAnyOrder(FindingCode.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFindingIsInTheFindingsPanelAndLinksToItsRow(Case c) throws Exception {
        long id = forms.get(c.form());
        boolean whatIf = c.form() == Form.WHAT_IF_SUZHOU || c.form() == Form.WHAT_IF_NATIONAL;
        Document page = doc(FILER, "/evaluations/" + id + (whatIf ? "/compare" : ""));
        assertShown(page, c, whatIf);
        if (c.form() == Form.SUZHOU || c.form() == Form.NATIONAL) {
            assertShown(editPage(FILER, id), c, false);
        }
    }

    private static void assertShown(Document page, Case c, boolean whatIf) {
        Elements panels = page.select(whatIf ? "#findings-other" : "#findings-panel");  // what-if: the other regime's
        assertThat(panels).as("findings panel").isNotEmpty();
        Element panel = panels.first();
        Elements items = panel.select("li.finding[data-code=" + c.code() + "]");
        assertThat(items).as("%s in %s", c, panel.select("li.finding").eachAttr("data-code")).isNotEmpty();
        assertThat(items.text()).as("its message").isNotBlank();
        if (c.row() == null) {
            assertThat(items.select("a[href^=#row-]")).as("a form finding links to no row").isEmpty();
            return;
        }
        int position = positionIn(page, c.row(), whatIf);
        Elements mine = items.select("[data-row=" + position + "]");
        assertThat(mine).as("%s names row %d", c, position).isNotEmpty();
        assertThat(mine.select("a").eachAttr("href")).contains("#row-" + position);
        assertThat(page.getElementById("row-" + position)).as("the link's target #row-%d is on the page", position)
                .isNotNull();
    }

    private static int positionIn(Document page, String name, boolean whatIf) {
        if (!whatIf) {
            return positionOf(page, name);
        }
        for (Element tr : page.select("#comparison tbody tr")) {
            if (tr.select("td").eachText().contains(name)) {
                return Integer.parseInt(tr.selectFirst("td").text());
            }
        }
        throw new AssertionError("no row " + name + " on the what-if page");
    }

    // ------------------------------------------------------------------ seed 002

    @Test
    void seed002ShowsItsFiledTotal80AgainstTheComputed7790AndItsBudgetExecutionRow() throws Exception {
        long id = doc(XXZX_FILER, "/evaluations?year=2020&name=" + SEED_002).select("#evaluations tr[data-id]")
                .stream().map(tr -> Long.parseLong(tr.attr("data-id"))).findFirst().orElseThrow();

        Document page = doc(XXZX_FILER, "/evaluations/" + id);

        assertThat(new BigDecimal(text(page, "#board-total"))).isEqualByComparingTo("77.90");
        List<BigDecimal> recorded = numbers(text(page, "#board-recorded"));
        assertThat(recorded.get(0)).as("filed total").isEqualByComparingTo("80");
        assertThat(recorded.get(1)).as("computed total").isEqualByComparingTo("77.90");
        Element row5 = page.getElementById("row-5");
        assertThat(row5).isNotNull();
        assertThat(row5.select("> td").get(2).text()).isEqualTo("预算执行率");
        assertThat(row5.select("> td").get(3).text()).isEqualTo("=100%");
        assertThat(row5.select("> td").get(5).text()).isEqualTo("=93%");
        assertThat(new BigDecimal(row5.select("> td").get(6).text())).as("filed 自评分").isEqualByComparingTo("6");
        assertThat(text(page, "#row-5 .final-score")).isEqualTo("3.90");
        assertThat(row5.hasClass("score-differs")).isTrue();
        assertThat(row5.select(".trace").text()).contains("6 × 65% = 3.90");
        assertThat(findings(page)).contains("RECORDED_SCORE_MISMATCH@5", "DEVIATION_REASON_MISSING@5",
                "RECORDED_TOTAL_MISMATCH", "FUNDS_CARRYOVER_SPLIT");
        assertThat(page.select("#findings-panel li.finding[data-code=RECORDED_SCORE_MISMATCH] a")
                .eachAttr("href")).contains("#row-5");
        assertThat(page.select("#findings-panel li.finding[data-code=FUNDS_CARRYOVER_SPLIT]").text())
                .contains("260.00");
        assertThat(text(page, ".detail-toolbar")).contains("导入的已填报表");
    }

    // ------------------------------------------------------------------ the forms, made once

    @BeforeAll
    void forms() throws Exception {
        forms.put(Form.SUZHOU, suzhouDraft());
        forms.put(Form.NATIONAL, nationalDraft());
        forms.put(Form.REVIEWED, reviewed());
        forms.put(Form.IMPORTED, imported());
        forms.put(Form.WHAT_IF_SUZHOU, forms.get(Form.SUZHOU));
        forms.put(Form.WHAT_IF_NATIONAL, forms.get(Form.NATIONAL));
    }

    /** One row per row-level finding, filled through the edit page; funds whose two 财政拨款数 differ. */
    private long suzhouDraft() throws Exception {
        long id = suzhouEvaluation(unique("检查发现"),
                Row.suzhou("产出", "上线模块数", "≥10个"),
                Row.suzhou("产出", "培训人次", "≥100人次"),
                Row.suzhou("产出", "巡查次数", "≥100次"),
                Row.suzhou("产出", "接入终端数", "≥35个"),
                Row.suzhou("产出", "建设文档数", "≥12份"),
                Row.suzhou("产出", "服务器数量", "=4台"),
                Row.suzhou("产出", "采购设备数", "≥6个"),
                Row.suzhou("产出", "系统可用率", "≥99%"),
                Row.suzhou("结果", "日均处理量", "140000"),
                Row.suzhou("结果", "覆盖街道数", "约35个"),
                Row.suzhou("结果", "就业岗位", "提供78个就业机会"),
                Row.suzhou("结果", "市民知晓度", "提升"),
                Row.suzhou("结果", "业务系统投诉率", "=5%").weight("10"),
                Row.suzhou("影响力", "故障处理时长", "≥2小时").confirmed(Direction.LOWER_IS_BETTER),
                Row.suzhou("影响力", "群众满意度", "≥90%"),
                Row.suzhou("影响力", "媒体报道篇数", "≥5篇"));
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> form = filledAsMet(edit);
        set(form, edit, "上线模块数", "8个", null, null);
        set(form, edit, "培训人次", "150人次", null, null);
        set(form, edit, "巡查次数", "140次", null, "开展专项整治，巡查加密");
        set(form, edit, "接入终端数", "35个左右", null, null);
        set(form, edit, "建设文档数", "12-15份", null, null);
        set(form, edit, "服务器数量", "4套", null, null);
        set(form, edit, "采购设备数", "6", null, null);
        set(form, edit, "系统可用率", "99.5%", "1", null);
        set(form, edit, "日均处理量", "140000", null, null);
        set(form, edit, "覆盖街道数", "35个", null, null);
        set(form, edit, "就业岗位", "好", null, null);
        set(form, edit, "市民知晓度", "还行", null, null);
        set(form, edit, "业务系统投诉率", "3%", null, "投诉率低于目标");
        set(form, edit, "故障处理时长", "1小时", null, null);
        set(form, edit, "群众满意度", "", null, null);
        set(form, edit, "媒体报道篇数", "", null, "年底统计中");
        form.set("cityFundsUse.appropriated", "90");                 // 市级预算执行情况 says 100
        form.set("cityFundsUse.actualPaid", "80");
        form.set("cityFundsUse.balance", "10");
        form.set("cityFundsUse.carryover", "10");
        save(FILER, id, form);
        return id;
    }

    /** 产出 weights 25 + 20 ≠ 50, no 满意度 row, two 定性 rows (one with a score outside its band), no funds. */
    private long nationalDraft() throws Exception {
        long id = nationalEvaluation(unique("全国检查发现"),
                Row.national("产出指标", "数量指标", "采集案件数", "≥50000件").weight("25"),
                Row.national("产出指标", "质量指标", "案件结案率", "≥95%").weight("20"),
                Row.national("效益指标", "社会效益指标", "城市管理水平", "显著提升"),
                Row.national("效益指标", "可持续影响指标", "长效管理机制", "建立"));
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> form = evaluationForm(edit);
        set(form, edit, "采集案件数", "50000件", null, null);
        set(form, edit, "案件结案率", "96%", null, null);
        set(form, edit, "城市管理水平", "达成", "5", null);          // 达成: 12.00–15.00 of 15
        set(form, edit, "长效管理机制", "达成", null, null);
        save(FILER, id, form);
        return id;
    }

    /** Every target met but one 自评分 typed lower, submitted; the reviewer started and adjusted a row. */
    private long reviewed() throws Exception {
        long id = suzhouEvaluation(unique("已审核检查"), Row.suzhou("产出", "平台上线模块数", "≥10个"),
                Row.suzhou("结果", "系统可用率", "≥99%"));
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> form = filledAsMet(edit);
        set(form, edit, "系统可用率", "99%", "20", null);
        save(FILER, id, form);
        MvcResult submitted = post(FILER, "/evaluations/" + id + "/submit",
                params("version", String.valueOf(storedVersion(id))));
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id);
        post(REVIEWER, "/evaluations/" + id + "/review", params("version", String.valueOf(storedVersion(id)),
                "action", "START"));
        int row = positionOf(edit, "平台上线模块数");
        MvcResult adjusted = post(REVIEWER, "/evaluations/" + id + "/review", params("version",
                String.valueOf(storedVersion(id)), "action", "ADJUST", "position", String.valueOf(row), "score", "23",
                "reason", "部分模块验收资料不全"));
        assertThat(follow(REVIEWER, adjusted).select(".alert-success").text()).contains("已调整评分");
        return id;
    }

    /**
     * A form filed elsewhere, recorded as printed (SelfEvaluation.importing, as the demo loads seed 002): 指标结余数,
     * 资金结余、结转数 and its split do not add up, the sub-projects do not sum to the printed 合计, one 目标值 is unreadable.
     */
    private long imported() {
        String name = unique("导入检查");
        long declaration = fixtures().approvedSuzhou(CHENGGUAN, name, Row.suzhou("产出", "平台上线模块数", "≥10个"));
        Long unit = fixtures().unitId(CHENGGUAN);
        return new TransactionTemplate(transactions).execute(s -> {
            DeclarationCarryOver carryOver = new DeclarationCarryOver(declaration, EvaluationLayout.SUZHOU_2017, unit,
                    null, name, FiscalYear.of(EvaluationFixtures.YEAR), "项目概况", "总目标", "年度目标",
                    List.of(new CategoryLine("投入", new BigDecimal("26")), new CategoryLine("产出", new BigDecimal("24")),
                            new CategoryLine("结果", new BigDecimal("22")), new CategoryLine("影响力", new BigDecimal("8"))),
                    List.of(IndicatorLine.suzhou("投入", "预算执行率", "=100%", "26"),
                            IndicatorLine.suzhou("产出", "文档份数", "12-15份", "24"),
                            IndicatorLine.suzhou("结果", "系统可用率", "≥99%", "22"),
                            IndicatorLine.suzhou("影响力", "群众满意度", "≥90%", "8")),
                    List.of(new SubProjectLine("平台建设", Money.ofWan("30")),
                            new SubProjectLine("系统运维", Money.ofWan("11.86"))));
            SelfEvaluation.FiledForm filed = SelfEvaluation.importing(carryOver)
                    .cityBudgetExecution(CityBudgetExecution.of(Money.ofWan("100"), Money.ofWan("0"),
                            Money.ofWan("90"), Money.ofWan("20")))                       // 100 + 0 − 90 = 10
                    .cityFundsUse(CityFundsUse.of(Money.ofWan("90"), Money.ofWan("70"), Money.ofWan("15"),
                            Money.ofWan("5"), Money.ofWan("5")))                         // 90 − 70 = 20; 5 + 5 = 10
                    .subProjects(List.of(new SubProjectLine("平台建设", Money.ofWan("30")),
                            new SubProjectLine("系统运维", Money.ofWan("11.86"))), Money.ofWan("50"))
                    .report(ImplementationReport.suzhou("按计划实施", null, null, null))
                    .recordedTotal(new BigDecimal("80"));
            filed.result(1, "93%", new BigDecimal("26"), null);
            filed.result(2, "13份", new BigDecimal("24"), null);
            filed.result(3, "99.5%", new BigDecimal("22"), null);
            filed.result(4, "95%", new BigDecimal("8"), null);
            SelfEvaluation e = filed.filed(Instant.now());
            scoring.score(e);
            return evaluations.save(e).id();
        });
    }

    /** Sets the row named {@code name}: 实际完成值, 自评分 and 偏差原因 (null: left as it is). */
    private static void set(MultiValueMap<String, String> form, Document edit, String name, String actual,
                            String score, String reason) {
        int k = positionOf(edit, name) - 1;
        form.set("rows[" + k + "].actual", actual);
        if (score != null) {
            form.set("rows[" + k + "].recordedScore", score);
        }
        if (reason != null) {
            form.set("rows[" + k + "].deviationReason", reason);
        }
    }
}
