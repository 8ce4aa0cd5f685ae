package cn.perf.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the 自评表 pages (DESIGN.md §8): what the filer typed, already shaped (numbers parsed by the form
 * object), with the version the page showed. Blocks left wholly blank are {@code null}.
 */
public final class EvaluationCommands {

    private EvaluationCommands() {
    }

    /**
     * 保存草稿: everything the filer may change on a draft.
     *
     * @param cityBudget      市级预算执行情况 (Suzhou), {@code null} when not filled
     * @param cityFundsUse    市级财政资金使用情况 (Suzhou), {@code null} when not filled
     * @param subProjects     项目资金构成 实际金额 per row in order (Suzhou; names are the declaration's)
     * @param nationalFunds   项目资金 (national), {@code null} when not filled
     * @param budgetScore     national 预算执行率 得分 as the filer gives it, {@code null} = the computed one
     * @param rows            one entry per indicator row, by position
     */
    public record RecordEvaluation(Long id, long expectedVersion, CityBudget cityBudget, CityUse cityFundsUse,
                                   List<BigDecimal> subProjects, List<NationalFundLine> nationalFunds,
                                   BigDecimal budgetScore, List<RowEntry> rows, ImplementationReport report,
                                   Signature signature) {
        public RecordEvaluation {
            subProjects = subProjects == null ? List.of() : java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(subProjects));
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /** 市级预算执行情况 (万元); a null figure is a blank field. */
    public record CityBudget(BigDecimal initialBudget, BigDecimal adjustment, BigDecimal appropriated,
                             BigDecimal indicatorBalance) {
    }

    /** 市级财政资金使用情况 (万元); a null figure is a blank field. */
    public record CityUse(BigDecimal appropriated, BigDecimal actualPaid, BigDecimal balance, BigDecimal carryover,
                          BigDecimal recovered) {
    }

    /**
     * One indicator row as typed.
     *
     * @param position        1-based row
     * @param actual          实际完成值 (any text in the target grammar; a Suzhou 定性 row: 好/较好/一般/较差/差)
     * @param recordedScore   自评分 / 得分; {@code null} = take the computed score
     * @param deviationReason 偏差原因分析及改进措施
     */
    public record RowEntry(int position, String actual, BigDecimal recordedScore, String deviationReason) {
    }

    /** 填报人, 单位负责人, 填报日期. */
    public record Signature(String filer, String unitLeader, LocalDate filingDate) {
    }
}
