package cn.perf.scoring.sheet;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.regime.GradeBand;
import cn.perf.scoring.trace.Numbers;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scored sheet.
 *
 * @param regimeId             the regime used
 * @param regimeName           its Chinese name
 * @param sheet                the input
 * @param rows                 one result per row, in order
 * @param categories           subtotals per category
 * @param budgetExecutionScore 预算执行率 score when the regime scores it separately and it could be computed
 * @param budgetExecutionTrace its trace (also present when it could not be computed)
 * @param total                sum of the rounded final row scores plus the budget-execution score
 * @param maxPoints            category points plus budget-execution points
 * @param grade                the grade on the score rate
 * @param gradeTrace           why
 * @param findings             all findings, rows first, in order
 */
public record SheetResult(String regimeId, String regimeName, Sheet sheet, List<RowResult> rows,
                          List<CategoryResult> categories, Optional<BigDecimal> budgetExecutionScore,
                          Optional<Trace> budgetExecutionTrace, BigDecimal total, BigDecimal maxPoints,
                          GradeBand grade, Trace gradeTrace, List<Finding> findings) {

    public SheetResult {
        rows = List.copyOf(rows);
        categories = List.copyOf(categories);
        findings = List.copyOf(findings);
    }

    /** True when every row has a score (none pending or rejected) and budget execution, if required, was scored. */
    public boolean complete() {
        return rows.stream().allMatch(r -> r.status().hasScore())
                && findings.stream().noneMatch(f -> f.code() == FindingCode.BUDGET_EXECUTION_MISSING);
    }

    /** Findings with the given code. */
    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    /** Findings with the given severity. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The row result by indicator name (first match). */
    public RowResult row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有指标：" + name));
    }

    /** A full Chinese report: every row with its trace, subtotals, budget execution, total, grade and findings. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("评分规则：").append(regimeName).append("（").append(regimeId).append("）\n");
        if (!sheet.title().isEmpty()) {
            b.append("项目：").append(sheet.title()).append('\n');
        }
        b.append('\n');
        for (RowResult r : rows) {
            b.append("第").append(r.rowNumber()).append("行【").append(r.category()).append("】").append(r.name())
                    .append("　权重 ").append(Numbers.plain(r.weight()))
                    .append("　得分 ").append(r.finalScore() == null ? "—" : r.finalScore().toPlainString())
                    .append("　").append(r.status().label());
            if (r.row().recordedScore() != null) {
                b.append("　（填报自评分 ").append(Numbers.plain(r.row().recordedScore())).append("）");
            }
            b.append('\n');
            b.append("    权重：").append(r.weightTrace().text()).append('\n');
            b.append("    评分：").append(r.trace().fullText()).append('\n');
        }
        b.append('\n');
        for (CategoryResult c : categories) {
            b.append("类别小计：").append(c.name()).append(" ").append(Numbers.plain(c.points())).append(" 分，")
                    .append(c.rows()).append(" 项，权重合计 ").append(Numbers.plain(c.weightSum()))
                    .append("，得分 ").append(c.score().toPlainString()).append('\n');
        }
        budgetExecutionTrace.ifPresent(t -> b.append("预算执行率：").append(t.fullText()).append('\n'));
        b.append("合计：").append(total.toPlainString()).append(" / ").append(Numbers.plain(maxPoints));
        if (sheet.recordedTotal() != null) {
            b.append("（填报合计 ").append(Numbers.plain(sheet.recordedTotal())).append("）");
        }
        b.append('\n');
        b.append("等级：").append(gradeTrace.fullText()).append('\n');
        b.append('\n').append("检查发现（").append(findings.size()).append(" 项）：\n");
        for (Finding f : findings) {
            b.append("  ").append(f).append('\n');
        }
        return b.toString();
    }
}
