package cn.perf.reports.xlsx;

import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.Signature;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.shared.Money;
import cn.perf.reports.xlsx.ImportedEvaluation.ResultRow;
import cn.perf.reports.xlsx.ImportedEvaluation.SubProjectAmount;
import cn.perf.reports.xlsx.SheetCells.Box;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a 自评表 of either layout from a sheet laid out like the official form (the export of {@code EvaluationViews}
 * + {@code XlsxRenderer}, or a copy with rows moved): what a filer may change on a draft, and the names an import
 * checks against the self-evaluation it updates.
 */
final class EvaluationReading extends FormReading {

    EvaluationReading(SheetCells cells, String title) {
        super(cells, title);
    }

    // ------------------------------------------------------------------ Suzhou (seed 002)

    ImportedEvaluation suzhou() {
        String projectName = text(right("项目名称", "projectName"));
        Integer year = year(right("项目年份", "year"), "项目年份");
        String unit = text(right("项目主管部门(单位)", "unit"));
        CityBudget budget = cityBudget();
        CityUse use = cityUse();
        List<SubProjectAmount> subs = suzhouSubProjects();
        List<ResultRow> rows = suzhouIndicators();
        rows = withReasons(rows);
        ImplementationReport report = ImplementationReport.suzhou(text(right("项目实施情况", "report.implementation")),
                text(right("项目管理成效", "report.managementResults")),
                text(right("项目管理存在的问题及原因", "report.problems")),
                text(right("进一步加强项目管理的建议", "report.suggestions")));
        return new ImportedEvaluation(title, EvaluationLayout.SUZHOU_2017, projectName, year, unit, budget, use, subs,
                null, null, rows, report, signature(), sorted(), this.rows);
    }

    /** 市级预算执行情况(万元): each figure under its header; all blank is no block. */
    private CityBudget cityBudget() {
        Optional<Box> block = label("市级预算执行情况(万元)");
        if (block.isEmpty()) {
            return null;
        }
        int from = block.get().firstRow();
        int to = block.get().lastRow();
        BigDecimal initial = wan(belowWithin("年初预算数", from, to, "cityBudget.initialBudget"), "年初预算数");
        BigDecimal adjustment = wan(belowWithin("当年使用上年结余、结转及当年调整预算数", from, to, "cityBudget.adjustment"),
                "当年使用上年结余、结转及当年调整预算数");
        BigDecimal appropriated = wan(belowWithin("财政拨款数", from, to, "cityBudget.appropriated"), "财政拨款数");
        BigDecimal balance = wan(belowWithin("指标结余数", from, to, "cityBudget.indicatorBalance"), "指标结余数");
        rows.put("cityBudget", rows.getOrDefault("cityBudget.initialBudget", block.get().excelRow()));
        if (initial == null && adjustment == null && appropriated == null && balance == null) {
            return null;
        }
        return new CityBudget(initial, adjustment, appropriated, balance);
    }

    /** 市级财政资金使用情况(万元): each figure under its header; all blank is no block. */
    private CityUse cityUse() {
        Optional<Box> block = label("市级财政资金使用情况(万元)");
        if (block.isEmpty()) {
            return null;
        }
        int from = block.get().firstRow();
        int to = block.get().lastRow();
        BigDecimal appropriated = wan(belowWithin("财政拨款数", from, to, "cityFundsUse.appropriated"), "财政拨款数");
        BigDecimal paid = wan(belowWithin("实际支付数", from, to, "cityFundsUse.actualPaid"), "实际支付数");
        BigDecimal balance = wan(belowWithin("资金结余、结转数", from, to, "cityFundsUse.balance"), "资金结余、结转数");
        BigDecimal carryover = wan(belowWithin("结转数", from, to, "cityFundsUse.carryover"), "结转数");
        BigDecimal recovered = wan(belowWithin("财政收回数", from, to, "cityFundsUse.recovered"), "财政收回数");
        rows.put("cityFundsUse", rows.getOrDefault("cityFundsUse.appropriated", block.get().excelRow()));
        if (appropriated == null && paid == null && balance == null && carryover == null && recovered == null) {
            return null;
        }
        return new CityUse(appropriated, paid, balance, carryover, recovered);
    }

    /** 项目资金构成: the rows after 合计, each 子项目名称 with its 实际金额. */
    private List<SubProjectAmount> suzhouSubProjects() {
        List<SubProjectAmount> out = new ArrayList<>();
        Optional<Box> header = label("实际金额(万元)");
        Optional<Box> names = header.flatMap(h -> inRow(h.firstRow(), "子项目名称"));
        if (header.isEmpty() || names.isEmpty()) {
            return out;
        }
        int nameCol = names.get().firstCol();
        int amountCol = header.get().firstCol();
        int anchor = Math.max(0, nameCol - 1);
        rows.put("subProjects", names.get().excelRow());
        for (int r : body(header.get().lastRow(), anchor, own -> false, nameCol, amountCol)) {
            Box name = cells.at(r, nameCol);
            if (name.normalized().equals("合计")) {
                continue;
            }
            rows.put("subProjects[" + out.size() + "]", r + 1);
            out.add(new SubProjectAmount(textOrEmpty(name), wan(cells.at(r, amountCol), "实际金额")));
        }
        return out;
    }

    /** The indicator table: 类别, 指标名称, 目标值, 实际完成值, 自评分, down to 合计. */
    private List<ResultRow> suzhouIndicators() {
        List<ResultRow> out = new ArrayList<>();
        Optional<Box> header = label("实际完成值");
        if (header.isEmpty()) {
            return out;
        }
        int hr = header.get().firstRow();
        int category = column(hr, "类别");
        int name = column(hr, "指标名称");
        int target = column(hr, "目标值");
        int actual = header.get().firstCol();
        int score = column(hr, "自评分");
        if (category < 0 || name < 0 || target < 0 || score < 0) {
            return out;
        }
        int anchor = Math.max(0, category - 1);
        for (int r : body(header.get().lastRow(), anchor, own -> own.startsWith("项目绩效实现情况"), name, actual,
                score)) {
            String path = "rows[" + out.size() + "]";
            rows.put(path, r + 1);
            String actualText = textOrEmpty(cells.at(r, actual));
            checkValue(r + 1, "实际完成值", actualText);
            out.add(new ResultRow(r + 1, textOrEmpty(cells.at(r, category)), null, textOrEmpty(cells.at(r, name)),
                    textOrEmpty(cells.at(r, target)), actualText, score(cells.at(r, score), "自评分"), null));
        }
        return out;
    }

    /**
     * 偏差原因分析及改进措施 (the Suzhou table has no column for it): a table of 序号, 指标名称 and the reason, when the
     * form has any; each reason goes to the row of its 序号.
     */
    private List<ResultRow> withReasons(List<ResultRow> rowsIn) {
        Optional<Box> header = cells.find("序号").stream()
                .filter(b -> inRow(b.firstRow(), "偏差原因分析及改进措施").isPresent()).findFirst();
        if (header.isEmpty()) {
            return rowsIn;
        }
        int hr = header.get().firstRow();
        int reasonCol = inRow(hr, "偏差原因分析及改进措施").get().firstCol();
        int numberCol = header.get().firstCol();
        Map<Integer, String> reasons = new HashMap<>();
        for (int r : body(header.get().lastRow(), numberCol, own -> own.matches("\\d+"), numberCol, reasonCol)) {
            Box n = cells.at(r, numberCol);
            String t = n.number() != null ? n.number().stripTrailingZeros().toPlainString() : n.text().strip();
            int position = t.matches("\\d+") ? Integer.parseInt(t) : -1;
            if (position < 1 || position > rowsIn.size()) {
                problems.add(ImportProblem.error(r + 1, "序号", "position", "序号“" + t + "”不是指标表中的行（1–"
                        + rowsIn.size() + "）", t, rowsIn.size()));
                continue;
            }
            reasons.put(position, text(cells.at(r, reasonCol)));
        }
        List<ResultRow> out = new ArrayList<>();
        for (int i = 0; i < rowsIn.size(); i++) {
            ResultRow r = rowsIn.get(i);
            out.add(new ResultRow(r.row(), r.category(), r.subCategory(), r.name(), r.target(), r.actual(),
                    r.recordedScore(), reasons.get(i + 1)));
        }
        return out;
    }

    // ------------------------------------------------------------------ national (财预〔2020〕10号)

    ImportedEvaluation national() {
        Integer year = yearNote();
        String projectName = text(right("项目名称", "projectName"));
        String unit = text(right("实施单位", "unit"));
        NationalFunds funds = nationalFunds();
        String achievement = text(below("实际完成情况", "report.goalAchievement"));
        rows.put("report", rows.getOrDefault("report.goalAchievement", 0));
        List<ResultRow> rows = nationalIndicators();
        return new ImportedEvaluation(title, EvaluationLayout.NATIONAL_2020, projectName, year, unit, null, null,
                List.of(), funds.lines(), funds.score(), rows, ImplementationReport.national(achievement), signature(),
                sorted(), this.rows);
    }

    private record NationalFunds(List<NationalFundLine> lines, BigDecimal score) {
    }

    /** 项目资金: the four rows (年初预算数, 全年预算数（A）, 全年执行数（B）), and the 得分 merged beside them. */
    private NationalFunds nationalFunds() {
        Optional<Box> header = label("年初预算数");
        if (header.isEmpty()) {
            return new NationalFunds(null, null);
        }
        Box h = header.get();
        int hr = h.firstRow();
        int annual = column(hr, "全年预算数（A）");
        int executed = column(hr, "全年执行数（B）");
        int score = column(hr, "得分");
        int kindCol = h.firstCol() - 1;
        if (annual < 0 || executed < 0 || score < 0 || kindCol < 0) {
            return new NationalFunds(null, null);
        }
        rows.put("nationalFunds", h.excelRow());
        rows.put("budgetScore", h.excelRow() + 1);
        Map<NationalFundKind, NationalFundLine> lines = new EnumMap<>(NationalFundKind.class);
        BigDecimal filedScore = null;
        boolean first = true;
        for (int r : body(h.lastRow(), Math.max(0, cells.at(hr, kindCol).firstCol() - 1), own -> false, kindCol,
                h.firstCol(), annual,
                executed)) {
            if (first) {
                filedScore = budgetScore(cells.at(r, score));
                first = false;
            }
            Box label = cells.at(r, kindCol);
            NationalFundKind kind = null;
            for (NationalFundKind k : NationalFundKind.values()) {
                if (SheetCells.normalize(k.label()).equals(label.normalized())) {
                    kind = k;
                }
            }
            if (kind == null) {
                problems.add(ImportProblem.error(r + 1, "项目资金", "fundKind", "未知的资金行“" + label.text().strip()
                        + "”", label.text().strip()));
                continue;
            }
            Money a = orZero(money(cells.at(r, h.firstCol()), "年初预算数"));
            Money b = orZero(money(cells.at(r, annual), "全年预算数"));
            Money c = orZero(money(cells.at(r, executed), "全年执行数"));
            lines.put(kind, new NationalFundLine(kind, a, b, c));
        }
        if (lines.size() != NationalFundKind.values().length) {
            problems.add(ImportProblem.error(h.excelRow(), "项目资金", "fundRows",
                    "项目资金应有年度资金总额、其中：本年财政拨款、上年结转资金、其他资金四行"));
            return new NationalFunds(null, filedScore);
        }
        return new NationalFunds(List.copyOf(lines.values()), filedScore);
    }

    /** The filed 得分 of 预算执行率: its first line ("9.50", or "9.50\n计算得分 9.70"); blank or only the computed one: null. */
    private BigDecimal budgetScore(Box b) {
        if (b.blank() || b.text().strip().startsWith("计算得分")) {
            return null;
        }
        if (b.number() != null) {
            return b.number();
        }
        String first = b.text().strip().lines().findFirst().orElse("").strip();
        return score(new Box(b.firstRow(), b.lastRow(), b.firstCol(), b.lastCol(), first, null, null), "得分");
    }

    /** 一级/二级/三级指标, 年度指标值, 实际完成值, 得分, 偏差原因分析及改进措施, down to 总分. */
    private List<ResultRow> nationalIndicators() {
        List<ResultRow> out = new ArrayList<>();
        Optional<Box> header = label("三级指标");
        if (header.isEmpty()) {
            return out;
        }
        int hr = header.get().firstRow();
        int level1 = column(hr, "一级指标");
        int level2 = column(hr, "二级指标");
        int name = header.get().firstCol();
        int target = column(hr, "年度指标值");
        int actual = column(hr, "实际完成值");
        int score = column(hr, "得分");
        int reason = column(hr, "偏差原因分析及改进措施");
        if (level1 < 0 || level2 < 0 || target < 0 || actual < 0 || score < 0 || reason < 0) {
            return out;
        }
        int anchor = Math.max(0, level1 - 1);
        String own = SheetCells.normalize("绩效指标");
        for (int r : body(header.get().lastRow(), anchor, own::equals, name, actual, score, reason)) {
            rows.put("rows[" + out.size() + "]", r + 1);
            String actualText = textOrEmpty(cells.at(r, actual));
            checkValue(r + 1, "实际完成值", actualText);
            out.add(new ResultRow(r + 1, textOrEmpty(cells.at(r, level1)), textOrEmpty(cells.at(r, level2)),
                    textOrEmpty(cells.at(r, name)), textOrEmpty(cells.at(r, target)), actualText,
                    score(cells.at(r, score), "得分"), text(cells.at(r, reason))));
        }
        return out;
    }

    // ------------------------------------------------------------------ shared

    /** 填报人, 单位负责人, 填报日期. */
    private Signature signature() {
        String filer = text(right("填报人", "signature.filer"));
        String leader = text(right("单位负责人", "signature.unitLeader"));
        return new Signature(filer, leader, date(right("填报日期", "signature.filingDate"), "填报日期"));
    }

    private int column(int r, String label) {
        Optional<Box> b = inRow(r, label);
        if (b.isEmpty()) {
            missing(label);
            return -1;
        }
        return b.get().firstCol();
    }

    private static Money orZero(Money m) {
        return m == null ? Money.ZERO : m;
    }

    private List<ImportProblem> sorted() {
        List<ImportProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(ImportProblem::row));
        return out;
    }
}
