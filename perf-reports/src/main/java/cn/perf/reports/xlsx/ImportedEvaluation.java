package cn.perf.reports.xlsx;

import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationCommands.RowEntry;
import cn.perf.domain.evaluation.EvaluationCommands.Signature;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A 自评表 read from a filled template: what the filer may change on a draft (the funds blocks, each indicator row's
 * 实际完成值, 自评分 and 偏差原因, the narratives, the sign-off), and what names the form and its rows (项目名称, 年度,
 * 子项目 and 指标 names), which an import checks against the self-evaluation it updates.
 *
 * @param subProjects  项目资金构成 in printed order: names and 实际金额 (null where blank)
 * @param nationalFunds the four 项目资金 rows (national), null when not read
 * @param budgetScore  national 预算执行率 得分 as filed (null: the computed one)
 * @param indicators   the indicator rows in printed order
 * @param rows         the Excel row of each command path ({@code rows[3]}, {@code cityBudget} …)
 */
public record ImportedEvaluation(String title, EvaluationLayout layout, String projectName, Integer year,
                                 String unitName, CityBudget cityBudget, CityUse cityFundsUse,
                                 List<SubProjectAmount> subProjects, List<NationalFundLine> nationalFunds,
                                 BigDecimal budgetScore, List<ResultRow> indicators, ImplementationReport report,
                                 Signature signature, List<ImportProblem> problems, Map<String, Integer> rows)
        implements ImportedForm {

    public ImportedEvaluation {
        Objects.requireNonNull(layout, "layout");
        subProjects = List.copyOf(subProjects);
        nationalFunds = nationalFunds == null ? null : List.copyOf(nationalFunds);
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
        rows = Map.copyOf(rows);
    }

    /** A 项目资金构成 row: 子项目名称 and 实际金额 (万元). */
    public record SubProjectAmount(String name, BigDecimal amount) {
    }

    /**
     * One indicator row as filed.
     *
     * @param row             the Excel row
     * @param category        类别 / 一级指标 as printed (Suzhou: "投入目标(26分)")
     * @param name            指标名称 / 三级指标
     * @param target          目标值 / 年度指标值 as printed
     * @param actual          实际完成值
     * @param recordedScore   自评分 / 得分 (null: blank)
     * @param deviationReason 偏差原因分析及改进措施 (null: none)
     */
    public record ResultRow(int row, String category, String subCategory, String name, String target, String actual,
                            BigDecimal recordedScore, String deviationReason) {
    }

    /** The save command of self-evaluation {@code id} at {@code version} (DESIGN.md §8), rows by position. */
    public RecordEvaluation toCommand(Long id, long version) {
        List<RowEntry> entries = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            ResultRow r = indicators.get(i);
            entries.add(new RowEntry(i + 1, r.actual() == null ? "" : r.actual(), r.recordedScore(),
                    r.deviationReason()));
        }
        return new RecordEvaluation(id, version, cityBudget, cityFundsUse,
                subProjects.stream().map(SubProjectAmount::amount).toList(), nationalFunds, budgetScore, entries,
                report, signature);
    }

    /** The domain's violations of the command, each at its row with its printed label. */
    public List<ImportProblem> problemsOf(List<Violation> violations) {
        return FieldLabels.problems(violations, rows, layout == EvaluationLayout.NATIONAL_2020
                ? Map.of("rows[].recordedScore", "得分") : Map.of());
    }
}
