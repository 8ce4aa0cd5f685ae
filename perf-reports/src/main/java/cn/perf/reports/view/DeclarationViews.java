package cn.perf.reports.view;

import static cn.perf.reports.view.Printed.date;
import static cn.perf.reports.view.Printed.money;
import static cn.perf.reports.view.Printed.paragraphs;
import static cn.perf.reports.view.Printed.text;
import static cn.perf.reports.view.Printed.wan;
import static cn.perf.reports.view.Printed.widths;

import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationDetail.FundingRow;
import cn.perf.domain.declaration.DeclarationDetail.IndicatorRow;
import cn.perf.domain.declaration.DeclarationDetail.MilestoneRow;
import cn.perf.domain.declaration.DeclarationDetail.SubProjectRow;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Note;
import cn.perf.reports.view.FormView.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The export view of a 绩效目标申报表 in its layout (DESIGN.md §2.1, §2.2), with the official order and labels of the
 * seed forms: the Suzhou 申报表 (seeds 000, 001) and the national 申报表 of 财预〔2015〕88号 (seed 003). The PDF and
 * Excel renderers draw it; every layout decision is here.
 * <p>
 * Both layouts are printed as one bordered form made of several grids whose first column (the section labels) has
 * the same width, so they join into one table. Amounts are in 万元 with two decimals; computed figures (合计 rows,
 * 资金到位率, 预算执行率, 自有资金) come from the read model, never recomputed here. Text blocks print their
 * paragraphs. An approved declaration (also one superseded since) ends with its review history on a page of its own.
 */
public final class DeclarationViews {

    /** The label column of every grid, in the relative units of the widths (the grids' widths sum to 100). */
    static final float LABEL = 15f;

    private DeclarationViews() {
    }

    /** The form without the review history. */
    public static FormView of(DeclarationDetail d) {
        return of(d, List.of());
    }

    /**
     * The form of {@code d}; when it is approved (or superseded by an approved 目标调整) and {@code history} is not
     * empty, the review history follows on a page of its own.
     */
    public static FormView of(DeclarationDetail d, List<HistoryRow> history) {
        Objects.requireNonNull(d, "declaration");
        List<Block> blocks = d.layout() == FormLayout.NATIONAL ? national(d) : suzhou(d);
        if (showsHistory(d.status()) && history != null && !history.isEmpty()) {
            blocks = new ArrayList<>(blocks);
            blocks.add(new Heading("审核记录", true));
            blocks.add(history(history));
        }
        String subtitle = d.layout() == FormLayout.NATIONAL ? "（" + d.year().value() + "年度）" : "";
        return new FormView(d.layout().title(), subtitle, runningHeader(d), blocks);
    }

    /** The running page header: 2021年度 · 状态 · 项目名称 (the name last: a long one is shortened at its end). */
    static String runningHeader(DeclarationDetail d) {
        return d.year().value() + "年度 · " + d.status().label() + " · " + text(d.projectName());
    }

    static boolean showsHistory(DeclarationStatus status) {
        return status == DeclarationStatus.APPROVED || status == DeclarationStatus.SUPERSEDED;
    }

    // ------------------------------------------------------------------ Suzhou (seeds 000, 001)

    private static List<Block> suzhou(DeclarationDetail d) {
        List<Block> blocks = new ArrayList<>();
        float half = (100 - 2 * LABEL) / 2;
        List<Row> head = new ArrayList<>();
        String unit = d.unitCode() == null || d.unitCode().isBlank() ? text(d.unitName())
                : d.unitCode() + " " + text(d.unitName());
        head.add(Row.of(Cell.label("申报单位名称"), Cell.text(unit).span(3)));
        head.add(Row.of(Cell.label("项目名称"), Cell.text(text(d.projectName())).span(3)));
        head.add(Row.of(Cell.label("项目类型"), Cell.text(text(d.projectType())), Cell.label("项目属性"),
                Cell.text(text(d.projectAttribute()))));
        head.add(Row.of(Cell.label("是否政府采购"), Cell.centered(Printed.yesNo(d.governmentProcurement())),
                Cell.label("是否政府购买服务"), Cell.centered(Printed.yesNo(d.governmentPurchasedService()))));
        head.add(Row.of(Cell.label("项目负责人"), Cell.text(text(d.projectLeader())), Cell.label("联系人"),
                Cell.text(text(d.contactPerson()))));
        head.add(Row.of(Cell.label("联系电话"), Cell.text(text(d.contactPhone())).span(3)));
        head.add(Row.of(Cell.label("项目年度"), Cell.text(String.valueOf(d.year().value())).span(3)));
        head.add(block("项目概况", d.texts().overview(), 3));
        head.add(block("项目设立依据（相关批文名称）", d.texts().establishmentBasis(), 3));
        head.add(block("项目设立的必要性", d.texts().necessity(), 3));
        head.add(block("保证项目实施的制度、措施", d.texts().safeguards(), 3));
        blocks.add(Grid.of(widths(LABEL, half, LABEL, half), head));

        float q = (100 - LABEL) / 4;
        blocks.add(Grid.of(widths(LABEL, q, q, q, q), List.of(
                Row.of(Cell.label("本项目上年度市级财政资金使用情况").rows(3), Cell.label("预算安排资金（万元）"),
                        amount(d.priorYearFunds().budgeted()), Cell.label("财政拨款资金（万元）"),
                        amount(d.priorYearFunds().allocated())),
                Row.of(Cell.label("实际支出资金（万元）"), amount(d.priorYearFunds().spent()),
                        Cell.label("资金到位率（%）"), rate(d.priorAllocationRate())),
                Row.of(Cell.label("预算执行率（%）"), rate(d.priorExecutionRate()), Cell.empty().span(2)))));

        List<Row> composition = new ArrayList<>();
        int subRows = d.subProjects().size() + 2;
        composition.add(Row.of(Cell.label("项目资金构成（详细列出各子项目名称和金额）").rows(subRows),
                Cell.label("子项目名称"), Cell.label("预算金额（万元）")));
        for (SubProjectRow s : d.subProjects()) {
            composition.add(Row.of(Cell.text(text(s.name())), amount(s.amount())));
        }
        composition.add(Row.of(Cell.label("合计："), amount(d.subProjectTotal())));
        blocks.add(Grid.of(widths(LABEL, 55, 100 - LABEL - 55), composition));

        List<Row> funding = new ArrayList<>();
        funding.add(Row.of(Cell.label("项目资金来源（万元）").rows(d.fundingSources().size() + 2),
                Cell.label("资金来源"), Cell.label("项目投资总额"), Cell.label("上年度资金"), Cell.label("本年度计划数")));
        for (FundingRow f : d.fundingSources()) {
            funding.add(Row.of(Cell.centered(f.label()), amount(f.totalInvestment()), amount(f.priorYear()),
                    amount(f.currentYear())));
        }
        funding.add(Row.of(Cell.label("合计"), amount(d.fundingTotals().totalInvestment()),
                amount(d.fundingTotals().priorYear()), amount(d.fundingTotals().currentYear())));
        blocks.add(Grid.of(widths(LABEL, q, q, q, q), funding));

        blocks.add(Grid.of(widths(LABEL, 100 - LABEL), List.of(
                block("项目实施计划", d.texts().implementationPlan(), 1),
                block("项目总目标", d.texts().overallGoal(), 1),
                block("年度绩效目标", d.texts().annualGoal(), 1))));

        blocks.add(suzhouTargets(d.indicators(IndicatorTerm.ANNUAL)));

        float s = (100 - 3 * LABEL) / 3;
        blocks.add(Grid.of(widths(LABEL, s, LABEL, s, LABEL, s), List.of(
                block("需要说明的其它问题", d.texts().otherIssues(), 5),
                Row.of(Cell.label("填报单位负责人："), Cell.text(text(d.signOff().unitLeader())), Cell.label("填报人："),
                        Cell.text(text(d.signOff().preparer())), Cell.label("填报日期："),
                        Cell.centered(date(d.signOff().filedOn()))))));
        return blocks;
    }

    /** 分解目标: 类别 merged over its rows, 对应子项目名称 as the seeds print them (comma-separated). */
    private static Grid suzhouTargets(List<IndicatorRow> rows) {
        Row header = Row.of(Cell.label(""), Cell.label("类别"), Cell.label("对应子项目名称"), Cell.label("指标名称"),
                Cell.label("目标值"), Cell.label("指标解释"), Cell.label("目标值来源"));
        List<Row> body = new ArrayList<>();
        int[] categorySpans = Printed.runs(rows, IndicatorRow::category);
        for (int i = 0; i < rows.size(); i++) {
            IndicatorRow r = rows.get(i);
            List<Cell> cells = new ArrayList<>();
            if (i == 0) {
                cells.add(Cell.label("分解目标").rows(rows.size()));
            }
            if (categorySpans[i] > 0) {
                cells.add(Cell.centered(text(r.category())).rows(categorySpans[i]));
            }
            cells.add(Cell.text(String.join(", ", r.subProjectNames())));
            cells.add(Cell.text(text(r.name())));
            cells.add(Cell.centered(r.target() == null ? "" : r.target().originalText()));
            cells.add(Cell.text(paragraphs(r.explanation())));
            cells.add(Cell.text(text(r.targetBasis())));
            body.add(new Row(cells));
        }
        if (rows.isEmpty()) {
            body.add(Row.of(Cell.label("分解目标"), Cell.empty(), Cell.empty(), Cell.empty(), Cell.empty(),
                    Cell.empty(), Cell.empty()));
        }
        return new Grid("", widths(LABEL, 7, 13, 12, 10, 27, 16), List.of(header), body);
    }

    // ------------------------------------------------------------------ national (seed 003)

    private static List<Block> national(DeclarationDetail d) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Note("填报单位（盖章）：" + text(d.unitName())));

        List<Row> head = new ArrayList<>();
        head.add(Row.of(Cell.label("项目名称"), Cell.text(text(d.projectName())).span(3), Cell.label("项目属性"),
                Cell.text(attribute(d.projectAttribute()))));
        head.add(Row.of(Cell.label("主管部门"), Cell.text(text(d.competentDepartmentName())).span(3),
                Cell.label("主管部门编码"), Cell.text(text(d.competentDepartmentCode()))));
        head.add(Row.of(Cell.label("项目单位"), Cell.text(text(d.projectUnitName())), Cell.label("项目负责人"),
                Cell.text(text(d.projectLeader())), Cell.label("联系电话"), Cell.text(text(d.contactPhone()))));
        head.add(Row.of(Cell.label("项目起止时间"), Cell.text(period(d)).span(5)));
        blocks.add(Grid.of(widths(LABEL, 20, 12, 19, 13, 100 - LABEL - 64), head));

        float m = (100 - LABEL) / 6;
        blocks.add(Grid.of(widths(LABEL, m, m, m, m, m, m), List.of(
                Row.of(Cell.label("项目资金申请（万元）").rows(2), Cell.label("资金总额"), Cell.label("财政拨款"),
                        Cell.label("自有资金"), Cell.label("1、事业收入"), Cell.label("2、经营性收入"),
                        Cell.label("3、其他")),
                Row.of(amount(d.fundsRequest().total()), amount(d.fundsRequest().fiscalAppropriation()),
                        amount(d.ownFunds()), amount(d.fundsRequest().serviceRevenue()),
                        amount(d.fundsRequest().businessRevenue()), amount(d.fundsRequest().otherRevenue())))));

        blocks.add(Grid.of(widths(LABEL, 100 - LABEL), List.of(
                block("项目单位职能概述", d.texts().unitFunctions(), 1),
                block("项目概况", d.texts().overview(), 1))));

        blocks.add(Grid.of(widths(LABEL, LABEL, 100 - 2 * LABEL), List.of(
                Row.of(Cell.label("项目立项情况").rows(2), Cell.label("项目立项的依据"),
                        Cell.paragraphs(paragraphs(d.texts().establishmentBasis()))),
                Row.of(Cell.label("项目申报的可行性"), Cell.paragraphs(paragraphs(d.texts().feasibility()))))));

        List<Row> plan = new ArrayList<>();
        plan.add(Row.of(Cell.label("项目实施进度计划").rows(d.milestones().size() + 1), Cell.label("项目实施内容"),
                Cell.label("开始时间"), Cell.label("完成时间")));
        for (MilestoneRow r : d.milestones()) {
            plan.add(Row.of(Cell.text(text(r.content())), Cell.centered(date(r.startOn())),
                    Cell.centered(date(r.endOn()))));
        }
        blocks.add(Grid.of(widths(LABEL, 100 - LABEL - 30, 15, 15), plan));

        float g = (100 - LABEL) / 2;
        blocks.add(Grid.of(widths(LABEL, g, g), List.of(
                Row.of(Cell.label("项目绩效目标").rows(2), Cell.label("长期目标"), Cell.label("年度目标")),
                Row.of(Cell.paragraphs(paragraphs(d.texts().overallGoal())),
                        Cell.paragraphs(paragraphs(d.texts().annualGoal()))))));

        List<IndicatorRow> longTerm = d.indicators(IndicatorTerm.LONG_TERM);
        List<IndicatorRow> annual = d.indicators(IndicatorTerm.ANNUAL);
        boolean detailed = d.indicators().stream().anyMatch(DeclarationViews::detailed);
        blocks.add(nationalTargets("长期绩效指标", longTerm, detailed));
        blocks.add(nationalTargets("年度绩效指标", annual, detailed));

        blocks.add(Grid.of(widths(LABEL, 100 - LABEL - 22, 22), List.of(
                block("其他需说明的问题", d.texts().otherIssues(), 2),
                Row.of(Cell.label("预算部门审核意见"), Cell.paragraphs(paragraphs(d.texts().departmentOpinion())),
                        Cell.centered("（盖章）\n\n年　　月　　日")))));

        blocks.add(new Note("填报人：" + text(d.signOff().preparer()) + "　　　　单位负责人："
                + text(d.signOff().unitLeader()) + "　　　　填报日期：" + date(d.signOff().filedOn())));
        return blocks;
    }

    /**
     * 长期 / 年度绩效指标: 一级指标 and 二级指标 merged over their rows. Under 财预〔2021〕101号 (any row with a 计量单位,
     * 指标解释 or 指标值设定依据) three more columns print them.
     */
    private static Grid nationalTargets(String label, List<IndicatorRow> rows, boolean detailed) {
        List<Float> w = detailed ? widths(LABEL, 10, 12, 17, 11, 7, 17, 11) : widths(LABEL, 13, 17, 30, 25);
        List<Cell> head = new ArrayList<>(List.of(Cell.label(label), Cell.label("一级指标"), Cell.label("二级指标"),
                Cell.label("指标内容"), Cell.label("指标值")));
        if (detailed) {
            head.addAll(List.of(Cell.label("计量单位"), Cell.label("指标解释"), Cell.label("指标值设定依据")));
        }
        List<Row> body = new ArrayList<>();
        int[] level1 = Printed.runs(rows, IndicatorRow::category);
        int[] level2 = Printed.runs(rows, r -> r.category() + "\u0000" + r.subCategory());
        for (int i = 0; i < rows.size(); i++) {
            IndicatorRow r = rows.get(i);
            List<Cell> cells = new ArrayList<>();
            if (i == 0) {
                cells.add(Cell.empty().rows(rows.size()));
            }
            if (level1[i] > 0) {
                cells.add(Cell.centered(text(r.category())).rows(level1[i]));
            }
            if (level2[i] > 0) {
                cells.add(Cell.centered(text(r.subCategory())).rows(level2[i]));
            }
            cells.add(Cell.text(text(r.name())));
            cells.add(Cell.text(r.target() == null ? "" : r.target().originalText()));
            if (detailed) {
                cells.add(Cell.centered(text(r.measureUnit())));
                cells.add(Cell.text(paragraphs(r.explanation())));
                String basis = r.basisKind() == null ? text(r.targetBasis())
                        : (r.basisKind().label() + (r.targetBasis() == null ? "" : "\n" + text(r.targetBasis())));
                cells.add(Cell.text(basis));
            }
            body.add(new Row(cells));
        }
        if (rows.isEmpty()) {
            List<Cell> empty = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                empty.add(Cell.empty());
            }
            body.add(new Row(empty));
        }
        return new Grid("", w, List.of(new Row(head)), body);
    }

    private static boolean detailed(IndicatorRow r) {
        return r.measureUnit() != null && !r.measureUnit().isBlank() || r.explanation() != null
                && !r.explanation().isBlank() || r.basisKind() != null || r.targetBasis() != null
                && !r.targetBasis().isBlank();
    }

    /** 项目属性 as the national form prints it: both boxes, the filed one checked. */
    static String attribute(String filed) {
        String attr = text(filed);
        return (NationalHeader.NEW_PROJECT.equals(attr) ? "■" : "□") + NationalHeader.NEW_PROJECT + "　"
                + (NationalHeader.CONTINUING_PROJECT.equals(attr) ? "■" : "□") + NationalHeader.CONTINUING_PROJECT;
    }

    private static String period(DeclarationDetail d) {
        if (d.periodStart() == null && d.periodEnd() == null) {
            return "";
        }
        return date(d.periodStart()) + " 至 " + date(d.periodEnd());
    }

    // ------------------------------------------------------------------ review history

    private static Grid history(List<HistoryRow> history) {
        Row header = Row.of(Cell.label("序号"), Cell.label("时间"), Cell.label("办理人"), Cell.label("单位"),
                Cell.label("环节"), Cell.label("审核等级"), Cell.label("意见"), Cell.label("状态变化"));
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (HistoryRow h : history) {
            rows.add(Row.of(Cell.centered(String.valueOf(n++)), Cell.centered(Printed.minute(h.at())),
                    Cell.text(text(h.actorName() != null ? h.actorName() : h.username())),
                    Cell.text(text(h.actorUnit())), Cell.centered(h.action() == null ? "" : h.action().label()),
                    Cell.centered(h.grade() == null ? "" : h.grade().label()), Cell.text(text(h.comment())),
                    Cell.text((h.from() == null ? "" : h.from().label()) + " → "
                            + (h.to() == null ? "" : h.to().label()))));
        }
        return new Grid("", widths(6, 15, 12, 15, 12, 8, 18, 14), List.of(header), rows);
    }

    // ------------------------------------------------------------------ cells

    /** A label and its text block across {@code span} columns. */
    private static Row block(String label, String stored, int span) {
        return Row.of(Cell.label(label), Cell.paragraphs(paragraphs(stored)).span(span));
    }

    static Cell amount(Money m) {
        return Cell.number(money(m), wan(m));
    }

    static Cell rate(BigDecimal percent) {
        return Cell.number(Printed.two(percent), Printed.twoValue(percent));
    }
}
