package cn.perf.reports.view;

import static cn.perf.reports.view.Printed.date;
import static cn.perf.reports.view.Printed.paragraphs;
import static cn.perf.reports.view.Printed.text;
import static cn.perf.reports.view.Printed.widths;

import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationDetail.AdjustmentView;
import cn.perf.domain.evaluation.SelfEvaluationDetail.CityBudgetRow;
import cn.perf.domain.evaluation.SelfEvaluationDetail.CityFundsUseRow;
import cn.perf.domain.evaluation.SelfEvaluationDetail.IndicatorView;
import cn.perf.domain.evaluation.SelfEvaluationDetail.NationalFundView;
import cn.perf.domain.evaluation.SubProjectLine;
import cn.perf.domain.shared.Money;
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
 * The export view of a 绩效自评表 in its layout (DESIGN.md §2.3, §2.4): the Suzhou 自评表 of seed 002 (inside its
 * 自我评价报告, with the form's 填表说明) and the national 项目支出绩效自评表 of 财预〔2020〕10号. Every field of
 * {@link SelfEvaluationDetail} has its place: the funds blocks, the indicator table with 权重/分值, 实际完成值, the
 * filed 自评分/得分 and the 计算得分 of the scoring rules (a reviewer's adjustment included, as in the computed total),
 * the narratives, the sign-off, and — when there are any — 偏差原因 (Suzhou), the reviewer's adjustments and the
 * review. Amounts in 万元 and scores with two decimals.
 */
public final class EvaluationViews {

    /** The Suzhou form's 填表说明 as printed under its table (seed 002). */
    static final String SUZHOU_INSTRUCTIONS = "填表说明：1.“市级预算执行情况”、“市级财政资金使用情况”均含非税收入。“年初预算数”填“二下”数；"
            + "“当年使用上年结余、结转及当年调整预算数”填当年使用上年结余、结转数以及追加或调减预算数；“财政拨款数”填财政部门实际拨付的款项数；"
            + "“实际支付数”填资金实际支付到最终使用者的数额；“结转数”填结转以后年度使用的资金数；“财政收回数”填财政部门收回的资金数。"
            + "指标结余数=年初预算数+当年使用上年结余、结转及当年调整预算数-财政拨款数；资金结余、结转数=财政拨款数-实际支付数=结转数+财政收回数。"
            + "2.“指标名称”中“投入”类指标根据项目类型，按照《2017年度苏州市级财政支出项目绩效评价“投入”类共性指标》规定，逐一对照进行自我评价；"
            + "“产出”、“结果”、“影响力”三类指标填列预算部门（单位）报送的绩效目标申报表中经财政部门审核通过的指标，如发生绩效目标调整的，"
            + "以经财政部门批准调整后的指标为准。3.各项指标权重值为根据指标数量将该类总分值分摊到各项指标的分值，即各项指标分值=该类总分值/指标个数。"
            + "4.各项数据采集的时间节点均为2019年12月31日。定性指标按照好、较好、一般、较差、差等级评分，分别得对应权重值的100%、80%、60%、40%和20%。"
            + "定量指标评分规则：“产出”类每项指标的实际完成值对应预期设定的目标值，完成100%~130%得权重值满分，实际完成值每低于目标值1个百分点相应扣减权重值的5%，"
            + "超过130%的每超过1%扣权重值1%；除指标解释中有特别说明的以外，“投入”类指标评分规则同“产出”类指标；“结果”类指标以100%及以上为满分，"
            + "每降低1%扣权重值5%。某项指标无法提供具体数值，且无说明，得0分。";

    /** The remark under the Suzhou form's 项目基本情况 (seed 002). */
    static final String SUZHOU_REMARK = "（标注：项目概况、项目总目标、年度绩效目标由软件自动从申报表生成）";

    /** The Suzhou grids' eight columns: 项目, 类别, 指标名称, 目标值, 权重, 实际完成值, 自评分, 计算得分. */
    private static final List<Float> SUZHOU_COLUMNS = widths(9, 13, 25, 12, 8, 12, 9, 12);
    /** The first two Suzhou columns together: the header's label column. */
    private static final float SUZHOU_LABEL = 22f;
    private static final float NATIONAL_LABEL = 12f;

    private EvaluationViews() {
    }

    /** The form of {@code e} in its layout. */
    public static FormView of(SelfEvaluationDetail e) {
        Objects.requireNonNull(e, "self-evaluation");
        String header = e.year() + "年度 · " + e.status().label() + " · " + text(e.projectName());
        if (e.layout() == EvaluationLayout.NATIONAL_2020) {
            return new FormView("项目支出绩效自评表", "（" + e.year() + "年度）", header, national(e));
        }
        return new FormView("苏州市级财政支出项目绩效自我评价报告", "", header, suzhou(e));
    }

    // ------------------------------------------------------------------ Suzhou (seed 002)

    private static List<Block> suzhou(SelfEvaluationDetail e) {
        List<Block> blocks = new ArrayList<>();
        List<Row> head = new ArrayList<>();
        head.add(Row.of(Cell.label("项目名称").span(2), Cell.text(text(e.projectName())).span(3),
                Cell.label("项目年份"), Cell.centered(String.valueOf(e.year())).span(2)));
        head.add(Row.of(Cell.label("项目主管部门(单位)").span(2), Cell.text(text(e.unitName())).span(6)));

        CityBudgetRow b = e.cityBudgetExecution();
        head.add(Row.of(Cell.label("市级预算执行情况(万元)").span(2).rows(2), Cell.label("年初预算数"),
                Cell.label("当年使用上年结余、结转及当年调整预算数").span(2), Cell.label("财政拨款数"),
                Cell.label("指标结余数").span(2)));
        head.add(Row.of(amount(b == null ? null : b.initialBudget()),
                amount(b == null ? null : b.adjustment()).span(2), amount(b == null ? null : b.appropriated()),
                amount(b == null ? null : b.indicatorBalance()).span(2)));

        CityFundsUseRow u = e.cityFundsUse();
        head.add(Row.of(Cell.label("市级财政资金使用情况(万元)").span(2).rows(3), Cell.label("财政拨款数").rows(2),
                Cell.label("实际支付数").rows(2), Cell.label("资金结余、结转数").span(2).rows(2),
                Cell.label("其中:").span(2)));
        head.add(Row.of(Cell.label("结转数"), Cell.label("财政收回数")));
        head.add(Row.of(amount(u == null ? null : u.appropriated()), amount(u == null ? null : u.actualPaid()),
                amount(u == null ? null : u.balance()).span(2), amount(u == null ? null : u.carryover()),
                amount(u == null ? null : u.recovered())));

        List<SubProjectLine> subs = e.subProjects();
        head.add(Row.of(Cell.label("项目资金构成(详细列出各子项目名称和金额)").span(2).rows(subs.size() + 2),
                Cell.label("子项目名称").span(4), Cell.label("实际金额(万元)").span(2)));
        head.add(Row.of(Cell.label("合计").span(4), amount(e.subProjectTotal()).span(2)));
        for (SubProjectLine s : subs) {
            head.add(Row.of(Cell.text(text(s.name())).span(4), amount(s.actualAmount()).span(2)));
        }
        blocks.add(new Grid("苏州市级财政支出项目绩效自评表", SUZHOU_COLUMNS, List.of(), head));

        blocks.add(suzhouIndicators(e));
        blocks.addAll(deviationReasons(e));
        blocks.add(new Note(SUZHOU_INSTRUCTIONS));
        scoringNote(e).ifPresent(blocks::add);

        ImplementationReport r = e.report() == null ? ImplementationReport.suzhou(null, null, null, null) : e.report();
        List<Row> basics = new ArrayList<>();
        basics.add(Row.of(Cell.label("项目基本情况").span(2)));
        basics.add(block("项目概况", e.overview()));
        basics.add(block("项目总目标", e.overallGoal()));
        basics.add(block("年度绩效目标", e.annualGoal()));
        basics.add(block("项目实施情况", r.implementation()));
        basics.add(block("项目管理成效", r.managementResults()));
        basics.add(block("项目管理存在的问题及原因", r.problems()));
        basics.add(block("进一步加强项目管理的建议", r.suggestions()));
        blocks.add(Grid.of(widths(SUZHOU_LABEL, 100 - SUZHOU_LABEL), basics));
        blocks.add(new Note(SUZHOU_REMARK));

        blocks.add(signOff(e));
        blocks.addAll(review(e));
        return blocks;
    }

    /** 项目绩效实现情况 (80分) over all rows, each 类别 with its points over its rows, the 合计 row. */
    private static Grid suzhouIndicators(SelfEvaluationDetail e) {
        Row header = Row.of(Cell.label("项目"), Cell.label("类别"), Cell.label("指标名称"), Cell.label("目标值"),
                Cell.label("权重"), Cell.label("实际完成值"), Cell.label("自评分"), Cell.label("计算得分"));
        List<IndicatorView> rows = e.indicators();
        List<Row> body = new ArrayList<>();
        int[] spans = Printed.runs(rows, IndicatorView::category);
        for (int i = 0; i < rows.size(); i++) {
            IndicatorView r = rows.get(i);
            List<Cell> cells = new ArrayList<>();
            if (i == 0) {
                cells.add(Cell.label("项目绩效实现情况\n(" + Printed.points(categoryPoints(e)) + "分)")
                        .rows(rows.size()));
            }
            if (spans[i] > 0) {
                cells.add(Cell.label(suzhouCategory(r.category(), e.categories())).rows(spans[i]));
            }
            cells.add(Cell.text(text(r.name())));
            cells.add(Cell.centered(text(r.target())));
            cells.add(score(r.weight()));
            cells.add(Cell.centered(text(r.actual())));
            cells.add(score(r.recordedScore()));
            cells.add(score(computed(r)));
            body.add(new Row(cells));
        }
        body.add(Row.of(Cell.label("合计").span(4), score(e.totalPoints()), Cell.empty(), score(e.recordedTotal()),
                score(e.computedTotal())));
        return new Grid("", SUZHOU_COLUMNS, List.of(header), body);
    }

    /** "投入目标(26分)": the category as the Suzhou form prints it, with its points. */
    static String suzhouCategory(String category, List<CategoryLine> categories) {
        String name = text(category);
        BigDecimal points = categories.stream().filter(c -> c.name().equals(category)).map(CategoryLine::points)
                .findFirst().orElse(null);
        String printed = name.endsWith("目标") ? name : name + "目标";
        return points == null ? printed : printed + "\n(" + Printed.points(points) + "分)";
    }

    private static BigDecimal categoryPoints(SelfEvaluationDetail e) {
        return e.categories().stream().map(CategoryLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Rows with a 偏差原因分析及改进措施 (the Suzhou table has no column for it). */
    private static List<Block> deviationReasons(SelfEvaluationDetail e) {
        List<Row> rows = new ArrayList<>();
        for (IndicatorView r : e.indicators()) {
            if (r.deviationReason() != null && !r.deviationReason().isBlank()) {
                rows.add(Row.of(Cell.centered(String.valueOf(r.position())), Cell.text(text(r.name())),
                        Cell.paragraphs(paragraphs(r.deviationReason()))));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Row header = Row.of(Cell.label("序号"), Cell.label("指标名称"), Cell.label("偏差原因分析及改进措施"));
        return List.of(new Heading("偏差原因分析及改进措施"), new Grid("", widths(8, 30, 62), List.of(header), rows));
    }

    // ------------------------------------------------------------------ national (财预〔2020〕10号)

    private static List<Block> national(SelfEvaluationDetail e) {
        List<Block> blocks = new ArrayList<>();
        float half = (100 - 2 * NATIONAL_LABEL) / 2;
        String department = e.departmentName() != null ? e.departmentName() : e.unitName();
        blocks.add(Grid.of(widths(NATIONAL_LABEL, half, NATIONAL_LABEL, half), List.of(
                Row.of(Cell.label("项目名称"), Cell.text(text(e.projectName())).span(3)),
                Row.of(Cell.label("主管部门"), Cell.text(text(department)), Cell.label("实施单位"),
                        Cell.text(text(e.unitName()))))));

        List<Row> funds = new ArrayList<>();
        List<NationalFundView> lines = e.nationalFunds();
        funds.add(Row.of(Cell.label("项目资金\n(万元)").rows(lines.size() + 1), Cell.label(""),
                Cell.label("年初预算数"), Cell.label("全年预算数（A）"), Cell.label("全年执行数（B）"), Cell.label("分值"),
                Cell.label("执行率（B/A）"), Cell.label("得分")));
        for (int i = 0; i < lines.size(); i++) {
            NationalFundView n = lines.get(i);
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(n.kind().label()), amount(n.initialBudget()),
                    amount(n.annualBudget()), amount(n.executed())));
            if (i == 0) {
                cells.add(score(e.budgetExecutionPoints()).rows(lines.size()));
            }
            cells.add(Cell.number(n.executionRatePercent() == null ? "" : Printed.two(n.executionRatePercent()) + "%",
                    Printed.twoValue(n.executionRatePercent())));
            if (i == 0) {
                cells.add(budgetScore(e).rows(lines.size()));
            }
            funds.add(new Row(cells));
        }
        blocks.add(Grid.of(widths(NATIONAL_LABEL, 17, 12, 12, 12, 9, 12, 14), funds));

        ImplementationReport r = e.report() == null ? ImplementationReport.national(null) : e.report();
        float g = (100 - NATIONAL_LABEL) / 2;
        blocks.add(Grid.of(widths(NATIONAL_LABEL, g, g), List.of(
                Row.of(Cell.label("年度总体目标").rows(2), Cell.label("预期目标"), Cell.label("实际完成情况")),
                Row.of(Cell.paragraphs(paragraphs(e.annualGoal())),
                        Cell.paragraphs(paragraphs(r.goalAchievement()))))));

        blocks.add(nationalIndicators(e));
        scoringNote(e).ifPresent(blocks::add);
        blocks.add(signOff(e));
        blocks.addAll(review(e));
        return blocks;
    }

    private static Grid nationalIndicators(SelfEvaluationDetail e) {
        Row header = Row.of(Cell.label(""), Cell.label("一级指标"), Cell.label("二级指标"), Cell.label("三级指标"),
                Cell.label("年度指标值"), Cell.label("实际完成值"), Cell.label("分值"), Cell.label("得分"),
                Cell.label("计算得分"), Cell.label("偏差原因分析及改进措施"));
        List<IndicatorView> rows = e.indicators();
        List<Row> body = new ArrayList<>();
        int[] level1 = Printed.runs(rows, IndicatorView::category);
        int[] level2 = Printed.runs(rows, r -> r.category() + "\u0000" + r.subCategory());
        for (int i = 0; i < rows.size(); i++) {
            IndicatorView r = rows.get(i);
            List<Cell> cells = new ArrayList<>();
            if (i == 0) {
                cells.add(Cell.label("绩效指标").rows(rows.size()));
            }
            if (level1[i] > 0) {
                cells.add(Cell.centered(text(r.category())).rows(level1[i]));
            }
            if (level2[i] > 0) {
                cells.add(Cell.centered(text(r.subCategory())).rows(level2[i]));
            }
            cells.add(Cell.text(text(r.name())));
            cells.add(Cell.centered(text(r.target())));
            cells.add(Cell.centered(text(r.actual())));
            cells.add(score(r.weight()));
            cells.add(score(r.recordedScore()));
            cells.add(score(computed(r)));
            cells.add(Cell.text(paragraphs(r.deviationReason())));
            body.add(new Row(cells));
        }
        body.add(Row.of(Cell.label("总分").span(6), score(e.totalPoints()), score(e.recordedTotal()),
                score(e.computedTotal()), Cell.empty()));
        return new Grid("", widths(NATIONAL_LABEL, 7, 8, 13, 11, 11, 8, 7, 8, 15), List.of(header), body);
    }

    /** The filed 预算执行率 得分, and the computed one under it where it differs. */
    private static Cell budgetScore(SelfEvaluationDetail e) {
        BigDecimal filed = e.budgetExecutionRecordedScore();
        BigDecimal computed = e.budgetExecutionComputedScore();
        String printed = Printed.two(filed);
        if (computed != null && (filed == null || filed.compareTo(computed) != 0)) {
            printed = (printed.isEmpty() ? "" : printed + "\n") + "计算得分 " + Printed.two(computed);
        }
        return Cell.number(printed, Printed.twoValue(filed != null ? filed : computed));
    }

    // ------------------------------------------------------------------ both layouts

    /** 计算得分: a reviewer's adjusted score, else the rules' score; empty until scored. */
    private static BigDecimal computed(IndicatorView r) {
        return r.adjustedScore() != null ? r.adjustedScore() : r.computedScore();
    }

    /** The computed total and grade with the rules that gave them, once scored. */
    private static java.util.Optional<Note> scoringNote(SelfEvaluationDetail e) {
        if (e.scoring() == null || !e.scoring().scored()) {
            return java.util.Optional.empty();
        }
        StringBuilder s = new StringBuilder("按评分规则计算：");
        if (e.computedTotal() == null) {
            s.append("尚有指标待审核人评分，总分和等级待定");
        } else {
            s.append("总分 ").append(Printed.two(e.computedTotal()));
            if (e.scoring().grade() != null) {
                s.append("，等级 ").append(e.scoring().grade());
            }
        }
        s.append("（评分时间 ").append(Printed.minute(e.scoring().scoredAt())).append("）。");
        if (e.scoring().regimeReason() != null) {
            s.append(text(e.scoring().regimeReason()));
        }
        return java.util.Optional.of(new Note(s.toString()));
    }

    /** 填报人, 单位负责人, 填报日期; under them, once there are any, 提交时间 and the reviewer's confirmation. */
    private static Grid signOff(SelfEvaluationDetail e) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(Cell.label("填报人"), Cell.text(text(e.filer())), Cell.label("单位负责人"),
                Cell.text(text(e.unitLeader())), Cell.label("填报日期"), Cell.centered(date(e.filingDate()))));
        if (e.submittedAt() != null || e.confirmedAt() != null) {
            rows.add(Row.of(Cell.label("提交时间"), Cell.centered(Printed.minute(e.submittedAt())),
                    Cell.label("审核人"), Cell.text(text(e.reviewer())), Cell.label("确认时间"),
                    Cell.centered(Printed.minute(e.confirmedAt()))));
        }
        return Grid.of(widths(15, 19, 14, 19, 14, 19), rows);
    }

    /** The reviewer's adjustments and a return comment, when there are any. */
    private static List<Block> review(SelfEvaluationDetail e) {
        List<Block> out = new ArrayList<>();
        if (!e.adjustments().isEmpty()) {
            Row header = Row.of(Cell.label("行号"), Cell.label("指标名称"), Cell.label("调整前得分"),
                    Cell.label("调整后得分"), Cell.label("调整理由"), Cell.label("审核人"), Cell.label("调整时间"));
            List<Row> rows = new ArrayList<>();
            for (AdjustmentView a : e.adjustments()) {
                rows.add(Row.of(Cell.centered(String.valueOf(a.indicatorPosition())), Cell.text(text(a.indicatorName())),
                        score(a.previousScore()), score(a.adjustedScore()), Cell.text(text(a.reason())),
                        Cell.text(text(a.reviewer())), Cell.centered(Printed.minute(a.adjustedAt()))));
            }
            out.add(new Heading("审核调整"));
            out.add(new Grid("", widths(7, 22, 10, 10, 25, 11, 15), List.of(header), rows));
        }
        if (e.returnComment() != null && !e.returnComment().isBlank()) {
            out.add(new Note("退回意见：" + text(e.returnComment())));
        }
        return out;
    }

    private static Row block(String label, String stored) {
        return Row.of(Cell.label(label), Cell.paragraphs(paragraphs(stored)));
    }

    private static Cell amount(Money m) {
        return DeclarationViews.amount(m);
    }

    private static Cell score(BigDecimal v) {
        return Cell.number(Printed.two(v), Printed.twoValue(v));
    }
}
