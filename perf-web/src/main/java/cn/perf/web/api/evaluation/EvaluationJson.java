package cn.perf.web.api.evaluation;

import static cn.perf.web.api.ApiDecimals.decimal;
import static cn.perf.web.api.ApiDecimals.money;

import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationListRow;
import cn.perf.domain.evaluation.EvaluationOrigin;
import cn.perf.domain.evaluation.EvaluationPage;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.ScoreBoard;
import cn.perf.domain.evaluation.ScoringOutcome;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.shared.ResultPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 绩效自评表 as the API shows it, built from the pages' read models: the stored form
 * ({@link SelfEvaluationDetail}) and its scoring by the engine now ({@link ScoreBoard}, the board the pages show).
 * Scores, weights and amounts are decimal strings.
 */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    // ------------------------------------------------------------------ list

    @Schema(description = "自评表列表的一页")
    public record EvaluationList(List<EvaluationSummary> rows, long total, int page, int size, int totalPages) {

        static EvaluationList of(ResultPage<EvaluationListRow> r) {
            return new EvaluationList(r.rows().stream().map(EvaluationSummary::of).toList(), r.total(), r.page(),
                    r.size(), r.totalPages());
        }
    }

    @Schema(description = "自评表列表的一行")
    public record EvaluationSummary(long id, long declarationId, long unitId, String unitName,
                                    @Schema(example = "电子政务项目建设资金") String projectName,
                                    @Schema(example = "2020") int year, EvaluationLayout layout,
                                    EvaluationStatus status, @Schema(example = "已确认") String statusLabel,
                                    @Schema(description = "自评总分（填报）", example = "92.00") String recordedTotal,
                                    @Schema(description = "系统计算的总分", example = "91.53") String computedTotal,
                                    @Schema(example = "优") String grade, long findings, EvaluationLinks links) {

        static EvaluationSummary of(EvaluationListRow r) {
            return new EvaluationSummary(r.id(), r.declarationId(), r.unitId(), r.unitName(), r.projectName(),
                    r.year().value(), r.layout(), r.status(), r.status().label(), decimal(r.recordedTotal()),
                    decimal(r.computedTotal()), r.grade(), r.findings(), EvaluationLinks.of(r.id(),
                            r.declarationId()));
        }
    }

    public record EvaluationLinks(@Schema(example = "/api/v1/evaluations/1") String self,
                                  @Schema(example = "/evaluations/1") String page,
                                  @Schema(example = "/api/v1/evaluations/1/pdf") String pdf,
                                  @Schema(example = "/api/v1/evaluations/1/xlsx") String xlsx,
                                  @Schema(example = "/api/v1/declarations/5") String declaration) {

        static EvaluationLinks of(long id, Long declarationId) {
            String api = "/api/v1/evaluations/" + id;
            return new EvaluationLinks(api, "/evaluations/" + id, api + "/pdf", api + "/xlsx",
                    declarationId == null ? null : "/api/v1/declarations/" + declarationId);
        }
    }

    // ------------------------------------------------------------------ one form

    @Schema(description = "一张自评表：填报内容、每行的实际完成值与计算得分（含计算过程）、类别小计、总分、等级、发现的问题")
    public record EvaluationDocument(long id, @Schema(description = "版本号", example = "4") long version,
                                     Long declarationId, EvaluationLayout layout, EvaluationOrigin origin,
                                     EvaluationStatus status, String statusLabel, long unitId, String unitName,
                                     Long departmentId, String departmentName, String projectName, int year,
                                     @Schema(description = "调用者现在能否修改") boolean editable,
                                     Funds funds, Scoring scoring, List<Category> categories, List<Row> rows,
                                     @Schema(description = "不属于某一行的问题（资金、合计）") List<Finding> formFindings,
                                     Texts texts, Signature signOff, Review review, List<HistoryStep> history,
                                     EvaluationLinks links) {

        static EvaluationDocument of(EvaluationPage page) {
            SelfEvaluationDetail d = page.detail();
            ScoreBoard b = page.board();
            Map<Integer, SelfEvaluationDetail.IndicatorView> stored = d.indicators().stream()
                    .collect(Collectors.toMap(SelfEvaluationDetail.IndicatorView::position, Function.identity(),
                            (x, y) -> x));
            ImplementationReport r = d.report();
            return new EvaluationDocument(d.id(), d.version(), d.declarationId(), d.layout(), d.origin(), d.status(),
                    d.status().label(), d.unitId(), d.unitName(), d.departmentId(), d.departmentName(),
                    d.projectName(), d.year(), page.editable(), Funds.of(d),
                    new Scoring(b.regimeId(), b.regimeName(), b.regimeReason(), decimal(b.total()),
                            decimal(b.maxPoints()), b.complete(), b.grade(), b.gradeTrace(),
                            decimal(b.recordedTotal()), decimal(b.budgetExecutionPoints()),
                            decimal(b.budgetExecutionScore()), decimal(b.budgetExecutionRecordedScore()),
                            b.budgetExecutionTrace()),
                    b.categories().stream().map(c -> new Category(c.name(), decimal(c.points()),
                            decimal(c.weightSum()), decimal(c.score()), c.rows())).toList(),
                    b.rows().stream().map(x -> Row.of(x, stored.get(x.position()))).toList(),
                    b.formFindings().stream().map(Finding::of).toList(),
                    new Texts(d.overview(), d.overallGoal(), d.annualGoal(),
                            r == null ? null : r.implementation(), r == null ? null : r.managementResults(),
                            r == null ? null : r.problems(), r == null ? null : r.suggestions(),
                            r == null ? null : r.goalAchievement()),
                    new Signature(d.filer(), d.unitLeader(), d.filingDate()),
                    new Review(d.submittedAt(), d.reviewer(), d.confirmedAt(), d.returnComment(),
                            d.adjustments().stream().map(a -> new Adjustment(a.indicatorPosition(),
                                    a.indicatorName(), decimal(a.previousScore()), decimal(a.adjustedScore()),
                                    a.reason(), a.reviewer(), a.adjustedAt())).toList()),
                    page.history().stream().map(h -> new HistoryStep(h.at(), h.actor(), h.action(), h.note()))
                            .toList(),
                    EvaluationLinks.of(d.id(), d.declarationId()));
        }
    }

    @Schema(description = "自评表的评分问题（与页面相同）")
    public record EvaluationFindings(long id, long version,
                                     @Schema(description = "错误数") long errors,
                                     @Schema(description = "警告数") long warnings,
                                     @Schema(description = "提交前须填写偏差原因分析及改进措施的行") List<Integer> rowsNeedingReason,
                                     List<Finding> findings) {

        static EvaluationFindings of(EvaluationPage page) {
            ScoreBoard b = page.board();
            List<Finding> all = b.findings().stream().map(Finding::of).toList();
            return new EvaluationFindings(page.detail().id(), page.detail().version(),
                    all.stream().filter(f -> f.severity().equals("ERROR")).count(),
                    all.stream().filter(f -> f.severity().equals("WARNING")).count(),
                    b.rowsNeedingReason().stream().map(ScoreBoard.Row::position).toList(), all);
        }
    }

    @Schema(name = "EvaluationFunds", description = "资金部分（万元）：苏州 市级预算执行情况、市级财政资金使用情况、项目资金构成；全国 项目资金表")
    public record Funds(CityBudget cityBudgetExecution, CityFundsUse cityFundsUse, List<SubProject> subProjects,
                        String subProjectTotal, List<NationalFund> nationalFunds,
                        @Schema(description = "资金恒等式不成立之处") List<FundsFinding> fundsFindings) {

        static Funds of(SelfEvaluationDetail d) {
            SelfEvaluationDetail.CityBudgetRow b = d.cityBudgetExecution();
            SelfEvaluationDetail.CityFundsUseRow u = d.cityFundsUse();
            return new Funds(b == null ? null : new CityBudget(money(b.initialBudget()), money(b.adjustment()),
                    money(b.appropriated()), money(b.indicatorBalance())),
                    u == null ? null : new CityFundsUse(money(u.appropriated()), money(u.actualPaid()),
                            money(u.balance()), money(u.carryover()), money(u.recovered())),
                    d.subProjects().stream().map(s -> new SubProject(s.name(), money(s.actualAmount()))).toList(),
                    money(d.subProjectTotal()),
                    d.nationalFunds().stream().map(n -> new NationalFund(n.kind(), n.kind().label(),
                            money(n.initialBudget()), money(n.annualBudget()), money(n.executed()),
                            decimal(n.executionRatePercent()))).toList(),
                    d.fundsFindings().stream().map(f -> new FundsFinding(f.block(), f.identity(), f.message()))
                            .toList());
        }
    }


    @Schema(name = "CityBudgetExecution")
    public record CityBudget(@Schema(description = "年初预算数") String initialBudget,
                             @Schema(description = "当年使用上年结余结转及当年调整预算数") String adjustment,
                             @Schema(description = "财政拨款数") String appropriated,
                             @Schema(description = "指标结余数") String indicatorBalance) {
    }


    @Schema(name = "CityFundsUse")
    public record CityFundsUse(String appropriated, @Schema(description = "实际支付数") String actualPaid,
                               @Schema(description = "资金结余结转数") String balance,
                               @Schema(description = "结转数") String carryover,
                               @Schema(description = "财政收回数") String recovered) {
    }


    @Schema(name = "EvaluationSubProject")
    public record SubProject(String name, @Schema(description = "实际金额（万元）") String actualAmount) {
    }


    @Schema(name = "NationalFund")
    public record NationalFund(NationalFundKind kind, String label, String initialBudget, String annualBudget,
                               String executed, @Schema(description = "执行率 %") String executionRatePercent) {
    }


    @Schema(name = "FundsFinding")
    public record FundsFinding(String block, String identity, String message) {
    }

    @Schema(name = "EvaluationScoring", description = "评分：所用规则、总分、等级，全国版式另有预算执行率得分")
    public record Scoring(@Schema(example = "SUZHOU_2017") String regimeId, String regimeName, String regimeReason,
                          @Schema(description = "计算总分", example = "91.53") String total,
                          @Schema(example = "100.00") String maxPoints,
                          @Schema(description = "每行都已评分") boolean complete,
                          @Schema(example = "EXCELLENT") String grade, String gradeTrace,
                          @Schema(description = "填报的总分") String recordedTotal,
                          String budgetExecutionPoints, String budgetExecutionScore,
                          String budgetExecutionRecordedScore, String budgetExecutionTrace) {
    }


    @Schema(name = "EvaluationCategory")
    public record Category(@Schema(example = "产出目标") String name, @Schema(example = "24.00") String points,
                           String weightSum, String score, int rows) {
    }

    @Schema(name = "EvaluationRow", description = "指标表的一行：目标值、权重、实际完成值、填报得分与计算得分、计算过程")
    public record Row(int position, String category, String subCategory, String name, String explanation,
                      @Schema(example = "≥35个") String target, @Schema(example = "2.18") String weight,
                      @Schema(description = "实际完成值（原文）", example = "38个") String actual,
                      @Schema(description = "填报的自评分") String recordedScore,
                      @Schema(description = "系统计算的得分") String computedScore,
                      @Schema(description = "审核人调整后的得分") String adjustedScore,
                      @Schema(description = "计入总分的得分") String finalScore,
                      @Schema(example = "SCORED") String status, String statusLabel,
                      @Schema(description = "所用规则") String traceRule,
                      @Schema(description = "计算过程（中文）",
                              example = "完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：6 × 65% = 3.90") String trace,
                      boolean qualitative, @Schema(description = "定性指标可选的档次") String band,
                      @Schema(description = "偏差原因分析及改进措施") String deviationReason,
                      @Schema(description = "提交前须填写偏差原因") boolean reasonRequired,
                      List<Finding> findings) {

        static Row of(ScoreBoard.Row r, SelfEvaluationDetail.IndicatorView stored) {
            return new Row(r.position(), r.category(), r.subCategory(), r.name(),
                    stored == null ? null : stored.explanation(), r.target(), decimal(r.weight()), r.actual(),
                    decimal(r.recordedScore()), decimal(r.computedScore()),
                    stored == null ? null : decimal(stored.adjustedScore()), decimal(r.finalScore()), r.status(),
                    r.statusLabel(), r.traceRule(), r.trace(), r.qualitative(), r.band(), r.deviationReason(),
                    r.reasonRequired(), r.findings().stream().map(Finding::of).toList());
        }
    }

    @Schema(name = "EvaluationFinding", description = "评分发现的问题")
    public record Finding(@Schema(example = "WARNING") String severity,
                          @Schema(example = "RECORDED_SCORE_MISMATCH") String code, String message,
                          @Schema(description = "所指行号；空为整张表") Integer rowPosition, String location) {

        public static Finding of(ScoringOutcome.FindingLine f) {
            return new Finding(f.severity().name(), f.code(), f.message(), f.rowPosition(), f.location());
        }
    }


    @Schema(name = "EvaluationTexts")
    public record Texts(String overview, String overallGoal, String annualGoal, String implementation,
                        String managementResults, String problems, String suggestions, String goalAchievement) {
    }


    @Schema(name = "EvaluationSignOff")
    public record Signature(String filer, String unitLeader, LocalDate filingDate) {
    }


    @Schema(name = "EvaluationReview")
    public record Review(Instant submittedAt, String reviewer, Instant confirmedAt, String returnComment,
                         List<Adjustment> adjustments) {
    }


    @Schema(name = "EvaluationAdjustment")
    public record Adjustment(int position, String indicatorName, String previousScore, String adjustedScore,
                             String reason, String reviewer, Instant adjustedAt) {
    }


    @Schema(name = "EvaluationHistoryStep")
    public record HistoryStep(Instant at, String actor, @Schema(example = "evaluation.submitted") String action,
                              String note) {
    }
}
