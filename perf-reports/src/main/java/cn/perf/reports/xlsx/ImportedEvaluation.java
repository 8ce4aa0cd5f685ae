package cn.perf.reports.xlsx;

import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationCommands.RowEntry;
import cn.perf.domain.evaluation.EvaluationCommands.Signature;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Paragraphs;
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

    /**
     * What keeps this file from updating {@code stored}: another layout, project or year, or 子项目 and indicator rows
     * that are not the form's (an import fills in a self-evaluation; it does not change its rows). Blocking.
     */
    public List<ImportProblem> problemsAgainst(SelfEvaluationDetail stored) {
        List<ImportProblem> out = new ArrayList<>();
        if (stored.layout() != layout) {
            out.add(ImportProblem.error(0, "", "layout.evaluation", "文件的自评表格式与所选自评表不同"));
            return out;
        }
        if (!same(projectName, stored.projectName())) {
            out.add(ImportProblem.error(rows.getOrDefault("projectName", 0), "项目名称", "project.other",
                    "文件是“" + nullToEmpty(projectName) + "”的自评表，所选自评表是“" + stored.projectName() + "”",
                    nullToEmpty(projectName), stored.projectName()));
        }
        if (year != null && year != stored.year()) {
            out.add(ImportProblem.error(rows.getOrDefault("year", 0), "年度", "year.other.evaluation", "文件的年度是 " + year
                    + "，所选自评表是 " + stored.year() + " 年度", year, stored.year()));
        }
        if (subProjects.size() != stored.subProjects().size()) {
            out.add(ImportProblem.error(rows.getOrDefault("subProjects", 0), "项目资金构成", "rows.count.subProjects",
                    "应有 " + stored.subProjects().size() + " 个子项目，文件中有 " + subProjects.size() + " 个",
                    stored.subProjects().size(), subProjects.size()));
        } else {
            for (int i = 0; i < subProjects.size(); i++) {
                String want = stored.subProjects().get(i).name();
                if (!same(subProjects.get(i).name(), want)) {
                    out.add(ImportProblem.error(rows.getOrDefault("subProjects[" + i + "]", 0), "子项目名称",
                            "rows.name", "应为“" + want + "”，文件中为“" + subProjects.get(i).name() + "”", want,
                            subProjects.get(i).name()));
                }
            }
        }
        if (indicators.size() != stored.indicators().size()) {
            out.add(ImportProblem.error(0, "指标", "rows.count.indicators", "应有 " + stored.indicators().size()
                    + " 行指标，文件中有 " + indicators.size() + " 行", stored.indicators().size(), indicators.size()));
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                String want = stored.indicators().get(i).name();
                if (!same(indicators.get(i).name(), want)) {
                    out.add(ImportProblem.error(indicators.get(i).row(), "指标名称", "rows.name", "应为“" + want
                            + "”，文件中为“" + indicators.get(i).name() + "”", want, indicators.get(i).name()));
                }
            }
        }
        return out;
    }

    /**
     * One value the import changes: the field as printed, the row it belongs to (a 子项目, "第 3 行 指标名称"), the
     * value stored now and the one imported.
     */
    public record Change(String field, String item, String before, String after) {
    }

    /** What confirming this file would change on {@code stored}, field by field. */
    public List<Change> changesFrom(SelfEvaluationDetail stored) {
        List<Change> out = new ArrayList<>();
        var b = stored.cityBudgetExecution();
        if (layout == EvaluationLayout.SUZHOU_2017) {
            change(out, "年初预算数", "市级预算执行情况", b == null ? null : b.initialBudget(),
                    cityBudget == null ? null : cityBudget.initialBudget());
            change(out, "当年使用上年结余、结转及当年调整预算数", "市级预算执行情况", b == null ? null : b.adjustment(),
                    cityBudget == null ? null : cityBudget.adjustment());
            change(out, "财政拨款数", "市级预算执行情况", b == null ? null : b.appropriated(),
                    cityBudget == null ? null : cityBudget.appropriated());
            change(out, "指标结余数", "市级预算执行情况", b == null ? null : b.indicatorBalance(),
                    cityBudget == null ? null : cityBudget.indicatorBalance());
            var u = stored.cityFundsUse();
            change(out, "财政拨款数", "市级财政资金使用情况", u == null ? null : u.appropriated(),
                    cityFundsUse == null ? null : cityFundsUse.appropriated());
            change(out, "实际支付数", "市级财政资金使用情况", u == null ? null : u.actualPaid(),
                    cityFundsUse == null ? null : cityFundsUse.actualPaid());
            change(out, "资金结余、结转数", "市级财政资金使用情况", u == null ? null : u.balance(),
                    cityFundsUse == null ? null : cityFundsUse.balance());
            change(out, "结转数", "市级财政资金使用情况", u == null ? null : u.carryover(),
                    cityFundsUse == null ? null : cityFundsUse.carryover());
            change(out, "财政收回数", "市级财政资金使用情况", u == null ? null : u.recovered(),
                    cityFundsUse == null ? null : cityFundsUse.recovered());
            for (int i = 0; i < Math.min(subProjects.size(), stored.subProjects().size()); i++) {
                change(out, "实际金额", stored.subProjects().get(i).name(), stored.subProjects().get(i).actualAmount(),
                        subProjects.get(i).amount());
            }
        } else {
            for (int i = 0; nationalFunds != null && i < Math.min(nationalFunds.size(), stored.nationalFunds().size());
                 i++) {
                var was = stored.nationalFunds().get(i);
                var now = nationalFunds.get(i);
                String item = was.kind().label();
                change(out, "年初预算数", item, was.initialBudget(), now.initialBudget().wan());
                change(out, "全年预算数（A）", item, was.annualBudget(), now.annualBudget().wan());
                change(out, "全年执行数（B）", item, was.executed(), now.executed().wan());
            }
            text(out, "得分", "预算执行率", plain(stored.budgetExecutionRecordedScore()), plain(budgetScore));
        }
        for (int i = 0; i < Math.min(indicators.size(), stored.indicators().size()); i++) {
            var was = stored.indicators().get(i);
            ResultRow now = indicators.get(i);
            String item = "第 " + (i + 1) + " 行 " + was.name();
            text(out, "实际完成值", item, was.actual(), now.actual());
            text(out, layout == EvaluationLayout.NATIONAL_2020 ? "得分" : "自评分", item, plain(was.recordedScore()),
                    plain(now.recordedScore()));
            paragraphs(out, "偏差原因分析及改进措施", item, was.deviationReason(), now.deviationReason());
        }
        var r = stored.report();
        if (layout == EvaluationLayout.SUZHOU_2017) {
            paragraphs(out, "项目实施情况", null, r == null ? null : r.implementation(), report.implementation());
            paragraphs(out, "项目管理成效", null, r == null ? null : r.managementResults(), report.managementResults());
            paragraphs(out, "项目管理存在的问题及原因", null, r == null ? null : r.problems(), report.problems());
            paragraphs(out, "进一步加强项目管理的建议", null, r == null ? null : r.suggestions(), report.suggestions());
        } else {
            paragraphs(out, "实际完成情况", "年度总体目标", r == null ? null : r.goalAchievement(),
                    report.goalAchievement());
        }
        text(out, "填报人", null, stored.filer(), signature.filer());
        text(out, "单位负责人", null, stored.unitLeader(), signature.unitLeader());
        text(out, "填报日期", null, stored.filingDate() == null ? null : stored.filingDate().toString(),
                signature.filingDate() == null ? null : signature.filingDate().toString());
        return out;
    }

    private static void change(List<Change> out, String field, String item, Money before, BigDecimal after) {
        String b = before == null ? null : before.display();
        String a = after == null ? null
                : after.setScale(Money.DISPLAY_SCALE, java.math.RoundingMode.HALF_UP).toPlainString();
        text(out, field, item, b, a);
    }

    private static void text(List<Change> out, String field, String item, String before, String after) {
        String b = before == null || before.isBlank() ? null : before.strip();
        String a = after == null || after.isBlank() ? null : after.strip();
        if (!java.util.Objects.equals(b, a)) {
            out.add(new Change(field, item, b, a));
        }
    }

    private static void paragraphs(List<Change> out, String field, String item, String before, String after) {
        if (!Paragraphs.of(before).equals(Paragraphs.of(after))) {
            out.add(new Change(field, item, Paragraphs.asLines(before), Paragraphs.asLines(after)));
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static boolean same(String a, String b) {
        return nullToEmpty(a).strip().equals(nullToEmpty(b).strip());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The domain's violations of the command, each at its row with its printed label. */
    public List<ImportProblem> problemsOf(List<Violation> violations) {
        return FieldLabels.problems(violations, rows, layout == EvaluationLayout.NATIONAL_2020
                ? Map.of("rows[].recordedScore", "得分") : Map.of());
    }
}
