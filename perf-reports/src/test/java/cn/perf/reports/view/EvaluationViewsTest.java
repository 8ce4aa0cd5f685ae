package cn.perf.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.reports.SeedForms;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 自评表 export views: seed 002's Suzhou form with its scores, the national 10号 form. */
class EvaluationViewsTest {

    @Test
    void theSuzhouFormPrintsSeed002InItsOrder() {
        FormView v = EvaluationViews.of(SeedForms.seed002());
        assertThat(v.title()).isEqualTo("苏州市级财政支出项目绩效自我评价报告");
        assertThat(((Grid) v.blocks().get(0)).caption()).isEqualTo("苏州市级财政支出项目绩效自评表");
        assertThat(Views.labels(v)).containsSubsequence("项目名称", "项目年份", "项目主管部门(单位)", "市级预算执行情况(万元)",
                "年初预算数", "当年使用上年结余、结转及当年调整预算数", "财政拨款数", "指标结余数", "市级财政资金使用情况(万元)",
                "财政拨款数", "实际支付数", "资金结余、结转数", "其中:", "结转数", "财政收回数",
                "项目资金构成(详细列出各子项目名称和金额)", "子项目名称", "实际金额(万元)", "合计", "项目", "类别", "指标名称",
                "目标值", "权重", "实际完成值", "自评分", "计算得分", "项目绩效实现情况\n(80分)", "投入目标\n(26分)",
                "产出目标\n(24分)", "结果目标\n(22分)", "影响力目标\n(8分)", "合计", "项目基本情况", "项目概况", "项目总目标",
                "年度绩效目标", "项目实施情况", "项目管理成效", "项目管理存在的问题及原因", "进一步加强项目管理的建议", "填报人",
                "单位负责人", "填报日期");
        assertThat(Views.notes(v).get(0)).startsWith("填表说明：1.“市级预算执行情况”").endsWith("得0分。");
        assertThat(Views.notes(v)).contains("（标注：项目概况、项目总目标、年度绩效目标由软件自动从申报表生成）");
    }

    @Test
    void eachRowShowsTheFiledAndTheComputedScoreAndTheTotalsBoth() {
        FormView v = EvaluationViews.of(SeedForms.seed002());
        List<String> budgetRow = row(v, "预算执行率");
        assertThat(budgetRow).containsExactly("预算执行率", "=100%", "6.00", "=93%", "6.00", "3.90");
        assertThat(row(v, "合计")).endsWith("80.00", "", "80.00", "77.90");
        assertThat(Views.notes(v)).anySatisfy(n -> assertThat(n).startsWith("按评分规则计算：总分 77.90"));
    }

    @Test
    void amountsPrintWithTwoDecimals() {
        FormView v = EvaluationViews.of(SeedForms.seed002());
        assertThat(Views.cells(v)).extracting(Cell::text).containsSubsequence("3773.00", "0.00", "3773.00", "0.00",
                "3773.00", "3513.00", "260.00", "0.00", "0.00", "合计", "3773.00", "苏州市“互联网+监管”监管数据中心", "98.00");
    }

    @Test
    void theNationalFormFollowsTheTenthCircularLayout() {
        SelfEvaluationDetail e = SeedForms.national2020();
        FormView v = EvaluationViews.of(e);
        assertThat(v.title()).isEqualTo("项目支出绩效自评表");
        assertThat(v.subtitle()).isEqualTo("（2020年度）");
        assertThat(Views.labels(v)).containsSubsequence("项目名称", "主管部门", "实施单位", "项目资金\n(万元)", "年初预算数",
                "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分", "年度总体目标", "预期目标", "实际完成情况",
                "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "计算得分", "偏差原因分析及改进措施",
                "总分", "填报人", "单位负责人", "填报日期", "提交时间", "审核人", "确认时间");
        assertThat(Views.after(v, "主管部门").text()).isEqualTo("济宁高新技术产业开发区管理委员会");
        assertThat(Views.after(v, "实施单位").text()).isEqualTo("济宁市高新区综合行政执法局");
        assertThat(row(v, "年度资金总额")).containsSequence("350.00", "350.00", "332.50", "10.00", "95.00%");
        assertThat(row(v, "上报案件量")).contains("70000", "68520", "受疫情影响，一季度巡查频次下降；已增加夜间巡查班次，明年按月通报上报量。");
        assertThat(Views.find(v, "绩效指标").orElseThrow().rowSpan()).isEqualTo(e.indicators().size());
        assertThat(row(v, "总分")).contains("100.00");
    }

    /** The texts of the last grid row that has a cell {@code first}, from that cell on. */
    private static List<String> row(FormView v, String first) {
        List<String> found = null;
        for (FormView.Block b : v.blocks()) {
            if (b instanceof Grid g) {
                for (FormView.Row r : g.rows()) {
                    List<String> texts = r.cells().stream().map(Cell::text).toList();
                    int at = texts.indexOf(first);
                    if (at >= 0) {
                        found = texts.subList(at, texts.size());
                    }
                }
            }
        }
        if (found == null) {
            throw new AssertionError("no row " + first);
        }
        return found;
    }
}
