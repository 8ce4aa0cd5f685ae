package cn.perf.reports;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.demo.DemoDeclarations;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.ReviewAction;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSheets;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.evaluation.RegimeChoice;
import cn.perf.domain.evaluation.ScoringOutcome;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SuzhouFormText;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The read models of the four seed forms, built through the domain from the demo resources the application loads
 * ({@code demo/seed-00N/} and {@code demo/evaluation/} in perf-domain), every value as printed — without a database:
 * <ul>
 *   <li>{@link #seed000()} 苏州市城管执法考核系统 (Suzhou 申报表, 已提交);</li>
 *   <li>{@link #seed001()} 苏州市住建局“互联网+监管” (Suzhou 申报表, 财政审核 优, with {@link #seed001History()});</li>
 *   <li>{@link #seed002()} 电子政务项目建设资金 (Suzhou 自评表, imported as filed and scored: 80 filed, 77.90 computed);</li>
 *   <li>{@link #seed003()} 济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目 (national 申报表).</li>
 * </ul>
 * Plus {@link #national2020()}, a national 自评表 made from seed 003's 年度 indicators (no seed prints one).
 * The same construction as {@code DemoDeclarations}, except that the 投入 rows are taken from the resource as printed
 * instead of being pre-filled from the common-indicator library (which lives in the database).
 */
public final class SeedForms {

    public static final String SEED_000 = "苏州市城管执法考核系统";
    public static final String SEED_001 = "苏州市住建局“互联网+监管”";
    public static final String SEED_003 = "济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目";
    static final String IT = "信息化工程及维护类";

    private SeedForms() {
    }

    public static DeclarationDetail seed000() {
        Declaration d = Declaration.newSuzhou(1L, 1L, FiscalYear.of(2021),
                new SuzhouHeader(SEED_000, IT, "市立项目", true, false, "魏延豪", "魏延豪", "13732637755"), List.of());
        d.reviseTexts(suzhouTexts("seed-000"));
        d.recordPriorYearFunds(PriorYearFunds.NONE);
        d.addSubProject("共享局大数据平台数据库", Money.ofWan("5.00"));
        d.addSubProject("项目监理", Money.ofWan("2.00"));
        d.addSubProject("苏州市城管执法考核系统", Money.ofWan("45.00"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("52.00"), null, Money.ofWan("52.00"));
        suzhouIndicators(d, "seed-000");
        return with(DeclarationDetail.of(d, "001239", "苏州市城市管理局"), Map.of("status",
                DeclarationStatus.SUBMITTED));
    }

    public static DeclarationDetail seed001() {
        Declaration d = Declaration.newSuzhou(2L, 2L, FiscalYear.of(2021),
                new SuzhouHeader(SEED_001, IT, "市立项目", true, false, "肖军", "潘柯", "65109046"), List.of());
        d.reviseTexts(suzhouTexts("seed-001"));
        d.recordPriorYearFunds(new PriorYearFunds(Money.ofWan("300.00"), Money.ofWan("300.00"),
                Money.ofWan("300.00")));
        d.addSubProject("“互联网+监管”信息化平台", Money.ofWan("21.86"));
        d.addSubProject("行政监管栏目", Money.ofWan("10.00"));
        d.addSubProject("统一执法栏目", Money.ofWan("10.00"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("433.60"), Money.ofWan("300.00"),
                Money.ofWan("41.86"));
        d.orderFundingSources(List.of(FundingSourceKind.CITY, FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER,
                FundingSourceKind.SUPERIOR));
        suzhouIndicators(d, "seed-001");
        return with(DeclarationDetail.of(d, "001276", "苏州市住房和城乡建设局"), Map.of(
                "status", DeclarationStatus.APPROVED, "financeGrade", FinanceGrade.EXCELLENT));
    }

    /** Seed 001's review as the demo runs it: submitted, approved by the department, graded 优 by the bureau. */
    public static List<HistoryRow> seed001History() {
        return List.of(
                new HistoryRow(Instant.parse("2020-10-12T01:30:00Z"), "filer-001276", "住建局填报人（演示）",
                        "苏州市住房和城乡建设局", ReviewAction.SUBMITTED, null, null, DeclarationStatus.DRAFT,
                        DeclarationStatus.SUBMITTED),
                new HistoryRow(Instant.parse("2020-10-14T06:05:00Z"), "reviewer-001276", "住建局主管部门审核人（演示）",
                        "苏州市住房和城乡建设局", ReviewAction.DEPARTMENT_APPROVED, null, "同意报送。",
                        DeclarationStatus.SUBMITTED, DeclarationStatus.DEPARTMENT_APPROVED),
                new HistoryRow(Instant.parse("2020-11-02T02:45:00Z"), "finance", "财政局审核人（演示）", "苏州市财政局",
                        ReviewAction.GRADED, FinanceGrade.EXCELLENT, "绩效目标明确，指标细化量化，同意。",
                        DeclarationStatus.DEPARTMENT_APPROVED, DeclarationStatus.APPROVED));
    }

    public static DeclarationDetail seed003() {
        Declaration d = DemoDeclarations.seed003Form(3L, 3L);
        return with(DeclarationDetail.of(d, null, "济宁市高新区综合行政执法局"), Map.of("status",
                DeclarationStatus.SUBMITTED));
    }

    /** Seed 002 as the demo imports it, scored by SUZHOU_2017. */
    public static SelfEvaluationDetail seed002() {
        SuzhouFormText form = SuzhouFormText.read("demo/evaluation/suzhou-2020-dianzi-zhengwu.txt");
        List<IndicatorLine> rows = form.rows().stream()
                .map(r -> new IndicatorLine(r.category(), null, r.name(), IndicatorValue.of(r.target()), r.weight(),
                        null))
                .toList();
        DeclarationCarryOver carryOver = new DeclarationCarryOver(4L, EvaluationLayout.SUZHOU_2017, 4L, null,
                form.projectName(), FiscalYear.of(form.year()), form.narrative("项目概况"), form.narrative("项目总目标"),
                form.narrative("年度绩效目标"), form.categories(), rows, form.subProjects());
        SelfEvaluation.FiledForm filed = SelfEvaluation.importing(carryOver)
                .cityBudgetExecution(form.cityBudgetExecution())
                .cityFundsUse(form.cityFundsUse())
                .subProjects(form.subProjects(), form.subProjectTotal())
                .report(ImplementationReport.suzhou(form.narrative("项目实施情况"), form.narrative("项目管理成效"),
                        form.narrative("项目管理存在的问题及原因"), form.narrative("进一步加强项目管理的建议")))
                .recordedTotal(form.recordedTotal());
        int position = 1;
        for (SuzhouFormText.Row r : form.rows()) {
            filed.result(position++, r.actual(), r.recordedScore(), null);
        }
        SelfEvaluation e = filed.filed(Instant.parse("2021-03-15T02:00:00Z"));
        score(e, IndicatorFramework.SUZHOU_2017);
        return SelfEvaluationDetail.of(e, form.unitName(), "苏州市大数据管理局");
    }

    /**
     * A national 自评表 (财预〔2020〕10号) of seed 003's project for 2020: its 年度 indicators with 产出 50, 效益 30 and a
     * 满意度 row of 10, the four 项目资金 rows, one row short of its target with its 偏差原因.
     */
    public static SelfEvaluationDetail national2020() {
        List<IndicatorLine> rows = new ArrayList<>();
        List<String[]> annual = rows("seed-003").stream().filter(c -> c[0].equals("ANNUAL")).toList();
        long outputs = annual.stream().filter(c -> c[1].equals("产出指标")).count();
        long benefits = annual.stream().filter(c -> c[1].equals("效益指标")).count();
        for (String[] c : annual) {
            BigDecimal weight = c[1].equals("产出指标") ? new BigDecimal(50).divide(BigDecimal.valueOf(outputs))
                    : new BigDecimal(30).divide(BigDecimal.valueOf(benefits));
            rows.add(new IndicatorLine(c[1], c[2], c[3], IndicatorValue.of(c[4]), weight, null));
        }
        rows.add(new IndicatorLine("满意度指标", "服务对象满意度指标", "群众满意度", IndicatorValue.of("≥90%"),
                new BigDecimal("10"), null));
        DeclarationCarryOver carryOver = new DeclarationCarryOver(5L, EvaluationLayout.NATIONAL_2020, 3L, 6L, SEED_003,
                FiscalYear.of(2020), text("seed-003", "overview.txt"), text("seed-003", "overall-goal.txt"),
                text("seed-003", "annual-goal.txt"),
                List.of(new CategoryLine("产出指标", new BigDecimal("50")), new CategoryLine("效益指标", new BigDecimal("30")),
                        new CategoryLine("满意度指标", new BigDecimal("10"))),
                rows, List.of());
        SelfEvaluation.FiledForm filed = SelfEvaluation.importing(carryOver)
                .nationalFunds(List.of(
                        new NationalFundLine(NationalFundKind.TOTAL, Money.ofWan("350"), Money.ofWan("350"),
                                Money.ofWan("332.50")),
                        new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, Money.ofWan("350"),
                                Money.ofWan("350"), Money.ofWan("332.50")),
                        NationalFundLine.zero(NationalFundKind.PRIOR_CARRYOVER),
                        NationalFundLine.zero(NationalFundKind.OTHER)), new BigDecimal("9.5"))
                .report(ImplementationReport.national("全年上报城市管理问题 68520 件，处置 60210 件，案件上报处置率 87.9%；"
                        + "数字城管覆盖建成区，运行效果保持全省前列。"));
        String[] actual = {"68520", "60210", "=87.9%", "=332.5万", "提升城市形象，促进新动能转换", "提供78个就业机会",
            "采集上报城市管理问题", "显著", "=93%"};
        for (int i = 0; i < rows.size(); i++) {
            String reason = i == 0 ? "受疫情影响，一季度巡查频次下降；已增加夜间巡查班次，明年按月通报上报量。" : null;
            filed.result(i + 1, i < actual.length ? actual[i] : "", null, reason);
        }
        filed.signOff(cn.perf.domain.evaluation.SignOff.of("李长洋", "王常磊", LocalDate.of(2021, 2, 26)));
        SelfEvaluation e = filed.filed(Instant.parse("2021-02-26T02:00:00Z"));
        score(e, IndicatorFramework.NATIONAL_2020);
        return SelfEvaluationDetail.of(e, "济宁市高新区综合行政执法局", "济宁高新技术产业开发区管理委员会");
    }

    // ------------------------------------------------------------------ internals

    private static void score(SelfEvaluation e, String framework) {
        RegimeChoice choice = RegimeChoice.of(e.layout(), framework);
        SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
        e.storeScoring(ScoringOutcome.of(result, choice, Instant.parse("2021-03-16T01:00:00Z")));
    }

    /** The 分解目标 rows exactly as printed (投入 rows included, in the seed's order). */
    private static void suzhouIndicators(Declaration d, String seed) {
        for (String[] c : rows(seed)) {
            List<String> subProjects = c[1].isBlank() ? List.of() : Arrays.asList(c[1].split(", "));
            d.addIndicator(IndicatorDraft.suzhou(c[0], subProjects, c[2], c[3], c[4], c[5]));
        }
    }

    private static DeclarationTexts suzhouTexts(String seed) {
        return DeclarationTexts.builder()
                .overview(text(seed, "overview.txt"))
                .establishmentBasis(text(seed, "establishment-basis.txt"))
                .necessity(text(seed, "necessity.txt"))
                .safeguards(text(seed, "safeguards.txt"))
                .implementationPlan(text(seed, "implementation-plan.txt"))
                .overallGoal(text(seed, "overall-goal.txt"))
                .annualGoal(text(seed, "annual-goal.txt"))
                .build();
    }

    static List<String[]> rows(String seed) {
        return text(seed, "indicators.tsv").lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }

    static String text(String seed, String file) {
        return resource("demo/" + seed + "/" + file);
    }

    /** A UTF-8 classpath resource. */
    public static String resource(String path) {
        try (InputStream in = SeedForms.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /**
     * A copy of {@code d} with some components replaced (status and grade: the workflow needs the indicator framework
     * from the database, and the view only reads them).
     */
    public static DeclarationDetail with(DeclarationDetail d, Map<String, Object> changes) {
        try {
            RecordComponent[] components = DeclarationDetail.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = changes.containsKey(components[i].getName()) ? changes.get(components[i].getName())
                        : components[i].getAccessor().invoke(d);
            }
            return DeclarationDetail.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
