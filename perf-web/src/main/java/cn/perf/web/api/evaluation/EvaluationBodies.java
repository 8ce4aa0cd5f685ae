package cn.perf.web.api.evaluation;

import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.web.evaluation.EvaluationForm;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * The bodies of the 自评表 writes. A save carries what the edit page posts, under the page's own field names
 * ({@code cityBudget.initialBudget}, {@code rows[3].actual}, …), and is read by the page's own form object
 * ({@link EvaluationForm#toCommand}): the same shape checks, the same messages, the same field paths, which are then
 * the paths in the body. Amounts and scores are decimal strings; every problem is reported at once and nothing is
 * changed.
 */
final class EvaluationBodies {

    private EvaluationBodies() {
    }

    @Schema(name = "EvaluationUpdate", description = "保存自评表（与页面“保存草稿”相同的内容）：读取时的 version，"
            + "资金部分、每行的实际完成值 / 自评分 / 偏差原因、文字部分、签署。苏州版式读 cityBudget、cityFundsUse、"
            + "subProjects；全国版式读 nationalFunds、budgetScore。未给出的行保持不变。")
    record EvaluationUpdate(@Schema(description = "读取时的版本号", example = "1", requiredMode =
            Schema.RequiredMode.REQUIRED) Long version,
                            @Schema(description = "市级预算执行情况（苏州，万元）") CityBudget cityBudget,
                            @Schema(description = "市级财政资金使用情况（苏州，万元）") CityUse cityFundsUse,
                            @Schema(description = "项目资金构成的实际金额（苏州，万元），按行的顺序", example = "[\"150.00\"]")
                            List<String> subProjects,
                            @Schema(description = "项目资金（全国，万元）：TOTAL、CURRENT_APPROPRIATION、PRIOR_CARRYOVER、OTHER 四行")
                            List<Fund> nationalFunds,
                            @Schema(description = "预算执行率得分（全国，填报）；空为按计算得分", example = "9.50")
                            String budgetScore,
                            @Schema(description = "指标行，按顺序（第 k 项为第 k+1 行）") List<Row> rows,
                            Report report, Signature signature) {
    }

    @Schema(name = "EvaluationCityBudgetInput")
    record CityBudget(@Schema(example = "3773.00") String initialBudget, @Schema(example = "0.00") String adjustment,
                      @Schema(example = "3773.00") String appropriated,
                      @Schema(example = "0.00") String indicatorBalance) {
    }

    @Schema(name = "EvaluationCityFundsUseInput")
    record CityUse(String appropriated, String actualPaid, String balance, String carryover, String recovered) {
    }

    @Schema(name = "EvaluationNationalFundInput")
    record Fund(NationalFundKind kind, String initialBudget, String annualBudget, String executed) {
    }

    @Schema(name = "EvaluationRowInput")
    record Row(@Schema(description = "实际完成值", example = "=93%") String actual,
               @Schema(description = "自评分 / 得分；空为提交时取计算得分", example = "3.90") String recordedScore,
               @Schema(description = "偏差原因分析及改进措施") String deviationReason) {
    }

    @Schema(name = "EvaluationReportInput", description = "苏州：项目实施情况、项目管理成效、存在的问题及原因、建议；全国：总体目标完成情况")
    record Report(String implementation, String managementResults, String problems, String suggestions,
                  String goalAchievement) {
    }

    @Schema(name = "EvaluationSignatureInput")
    record Signature(String filer, String unitLeader, LocalDate filingDate) {
    }

    @Schema(name = "EvaluationVersion", description = "提交：读取时的 version")
    record VersionOnly(@Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED) Long version) {
    }

    /** The reviewer's steps of the page. */
    enum Action { START, ADJUST, CONFIRM, RETURN }

    @Schema(name = "EvaluationReviewInput", description = "审核：START 开始审核；ADJUST 调整第 position 行的得分为 score（须写 reason）；"
            + "CONFIRM 确认；RETURN 退回（须写 comment）")
    record ReviewBody(@Schema(example = "3", requiredMode = Schema.RequiredMode.REQUIRED) Long version,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Action action,
                      @Schema(description = "调整的行（ADJUST）", example = "5") Integer position,
                      @Schema(description = "调整后的得分（ADJUST）", example = "4.50") String score,
                      @Schema(description = "调整理由（ADJUST）") String reason,
                      @Schema(description = "退回意见（RETURN）") String comment) {
    }

    /** The version a body carries; refused (422) when missing. */
    static long version(Long version) {
        if (version == null) {
            throw new InvalidCommandException(List.of(Violation.of("version", "api.required", "必填")));
        }
        return version;
    }

    /** The command of a save, read by the edit page's form object; shape problems are all refused at once. */
    static RecordEvaluation toCommand(EvaluationUpdate body, long id, long version, EvaluationLayout layout,
                                      MessageSource messages) {
        EvaluationForm form = new EvaluationForm();
        List<Violation> refused = new ArrayList<>();
        if (body.cityBudget() != null) {
            CityBudget b = body.cityBudget();
            form.getCityBudget().setInitialBudget(b.initialBudget());
            form.getCityBudget().setAdjustment(b.adjustment());
            form.getCityBudget().setAppropriated(b.appropriated());
            form.getCityBudget().setIndicatorBalance(b.indicatorBalance());
        }
        if (body.cityFundsUse() != null) {
            CityUse u = body.cityFundsUse();
            form.getCityFundsUse().setAppropriated(u.appropriated());
            form.getCityFundsUse().setActualPaid(u.actualPaid());
            form.getCityFundsUse().setBalance(u.balance());
            form.getCityFundsUse().setCarryover(u.carryover());
            form.getCityFundsUse().setRecovered(u.recovered());
        }
        if (body.subProjects() != null) {
            form.setSubProjects(new ArrayList<>(body.subProjects()));
        }
        if (body.nationalFunds() != null) {
            NationalFundKind[] kinds = NationalFundKind.values();
            for (int k = 0; k < body.nationalFunds().size(); k++) {
                Fund f = body.nationalFunds().get(k);
                if (k >= kinds.length || f.kind() != kinds[k]) {
                    refused.add(Violation.of("nationalFunds[" + k + "].kind", "fundKindOrder",
                            "项目资金应为 TOTAL、CURRENT_APPROPRIATION、PRIOR_CARRYOVER、OTHER 四行，依此顺序"));
                    continue;
                }
                EvaluationForm.FundFields row = new EvaluationForm.FundFields();
                row.setKind(f.kind().name());
                row.setInitialBudget(f.initialBudget());
                row.setAnnualBudget(f.annualBudget());
                row.setExecuted(f.executed());
                form.getNationalFunds().add(row);
            }
        }
        form.setBudgetScore(body.budgetScore());
        if (body.rows() != null) {
            if (body.rows().size() > EvaluationForm.MAX_ROWS) {
                refused.add(Violation.of("rows", "tooManyRows", "最多 " + EvaluationForm.MAX_ROWS + " 行",
                        EvaluationForm.MAX_ROWS));
            }
            for (Row r : body.rows()) {
                EvaluationForm.RowFields row = new EvaluationForm.RowFields();
                if (r != null) {
                    row.setActual(r.actual());
                    row.setRecordedScore(r.recordedScore());
                    row.setDeviationReason(r.deviationReason());
                }
                form.getRows().add(row);
            }
        }
        if (body.report() != null) {
            Report t = body.report();
            form.getReport().setImplementation(t.implementation());
            form.getReport().setManagementResults(t.managementResults());
            form.getReport().setProblems(t.problems());
            form.getReport().setSuggestions(t.suggestions());
            form.getReport().setGoalAchievement(t.goalAchievement());
        }
        if (body.signature() != null) {
            Signature g = body.signature();
            form.getSignature().setFiler(g.filer());
            form.getSignature().setUnitLeader(g.unitLeader());
            form.getSignature().setFilingDate(g.filingDate() == null ? null : g.filingDate().toString());
        }
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "form");
        RecordEvaluation cmd = form.toCommand(id, version, layout, errors);
        errors.getFieldErrors().forEach(e -> refused.add(Violation.of(e.getField(), "api.shape",
                messages.getMessage((FieldError) e, LocaleContextHolder.getLocale()))));
        if (!refused.isEmpty()) {
            throw new InvalidCommandException(refused);
        }
        return cmd;
    }
}
