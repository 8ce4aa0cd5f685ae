package cn.perf.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.reports.SeedForms;
import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 申报表 export views: the seeds' order and labels, amounts as printed, the review history of approved forms. */
class DeclarationViewsTest {

    @Test
    void theSuzhouFormPrintsItsSectionsInTheSeedsOrder() {
        FormView v = DeclarationViews.of(SeedForms.seed000());
        assertThat(v.title()).isEqualTo("苏州市级财政支出项目绩效目标申报表");
        assertThat(Views.labels(v)).containsSubsequence("申报单位名称", "项目名称", "项目类型", "项目属性", "是否政府采购",
                "是否政府购买服务", "项目负责人", "联系人", "联系电话", "项目年度", "项目概况", "项目设立依据（相关批文名称）",
                "项目设立的必要性", "保证项目实施的制度、措施", "本项目上年度市级财政资金使用情况", "预算安排资金（万元）",
                "财政拨款资金（万元）", "实际支出资金（万元）", "资金到位率（%）", "预算执行率（%）",
                "项目资金构成（详细列出各子项目名称和金额）", "子项目名称", "预算金额（万元）", "合计：", "项目资金来源（万元）",
                "资金来源", "项目投资总额", "上年度资金", "本年度计划数", "合计", "项目实施计划", "项目总目标", "年度绩效目标",
                "类别", "对应子项目名称", "指标名称", "目标值", "指标解释", "目标值来源", "分解目标", "需要说明的其它问题",
                "填报单位负责人：", "填报人：", "填报日期：");
        assertThat(Views.after(v, "申报单位名称").text()).isEqualTo("001239 苏州市城市管理局");
        assertThat(Views.after(v, "是否政府采购").text()).isEqualTo("是");
        assertThat(Views.after(v, "是否政府购买服务").text()).isEqualTo("否");
    }

    @Test
    void amountsAreInWanYuanWithTwoDecimalsAndKeepTheirNumberForExcel() {
        FormView v = DeclarationViews.of(SeedForms.seed001());
        Cell total = Views.after(v, "合计：");
        assertThat(total.text()).isEqualTo("41.86");
        assertThat(total.kind()).isEqualTo(Kind.NUMBER);
        assertThat(total.number()).isEqualByComparingTo(new BigDecimal("41.86"));
        assertThat(Views.after(v, "预算安排资金（万元）").text()).isEqualTo("300.00");
        assertThat(Views.after(v, "资金到位率（%）").text()).isEqualTo("100.00");
        assertThat(Views.cells(v)).extracting(Cell::text).containsSubsequence("市级财政资金", "433.60", "300.00", "41.86",
                "下级财政资金", "其他", "上级财政资金", "合计", "433.60", "300.00", "41.86");
    }

    @Test
    void aNewProjectLeavesThePriorYearFiguresAndRatesEmpty() {
        FormView v = DeclarationViews.of(SeedForms.seed000());
        assertThat(Views.after(v, "预算安排资金（万元）").text()).isEmpty();
        assertThat(Views.after(v, "资金到位率（%）").text()).isEmpty();
    }

    @Test
    void textBlocksPrintTheirParagraphsNeverTheStoredMarkup() {
        FormView v = DeclarationViews.of(SeedForms.seed001());
        Cell overview = Views.after(v, "项目概况");
        assertThat(overview.kind()).isEqualTo(Kind.PARAGRAPHS);
        assertThat(overview.text()).doesNotContain("<p>").contains("\n").startsWith("2019年2月22号");
        assertThat(Views.cells(v)).extracting(Cell::text).noneMatch(t -> t.contains("<p"));
    }

    @Test
    void theCategoryIsMergedOverItsRowsAndSubProjectsPrintAsTheSeedsDo() {
        FormView v = DeclarationViews.of(SeedForms.seed000());
        Cell input = Views.find(v, "投入").orElseThrow();
        assertThat(input.rowSpan()).isEqualTo(10);
        assertThat(Views.find(v, "产出").orElseThrow().rowSpan()).isEqualTo(3);
        assertThat(Views.find(v, "苏州市城管执法考核系统, 共享局大数据平台数据库, 项目监理")).isPresent();
        assertThat(Views.find(v, "分解目标").orElseThrow().rowSpan()).isEqualTo(18);
    }

    @Test
    void anApprovedDeclarationEndsWithItsReviewHistoryOnAPageOfItsOwn() {
        FormView approved = DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History());
        Block last = approved.blocks().get(approved.blocks().size() - 1);
        Block heading = approved.blocks().get(approved.blocks().size() - 2);
        assertThat(heading).isEqualTo(new Heading("审核记录", true));
        assertThat(((Grid) last).rows()).hasSize(3);
        assertThat(Views.cells(approved)).extracting(Cell::text).contains("财政审核", "优", "绩效目标明确，指标细化量化，同意。",
                "主管部门审核通过 → 财政审核通过", "2020-11-02 10:45");

        FormView submitted = DeclarationViews.of(SeedForms.seed000(), SeedForms.seed001History());
        assertThat(Views.headings(submitted)).as("only approved forms carry their history").isEmpty();
        DeclarationDetail superseded = SeedForms.with(SeedForms.seed001(), Map.of("status",
                DeclarationStatus.SUPERSEDED));
        assertThat(Views.headings(DeclarationViews.of(superseded, SeedForms.seed001History()))).containsExactly("审核记录");
    }

    @Test
    void theNationalFormFollowsSeed003() {
        FormView v = DeclarationViews.of(SeedForms.seed003());
        assertThat(v.title()).isEqualTo("财政支出项目绩效目标申报表");
        assertThat(v.subtitle()).isEqualTo("（2020年度）");
        assertThat(Views.notes(v)).first().isEqualTo("填报单位（盖章）：济宁市高新区综合行政执法局");
        assertThat(Views.labels(v)).containsSubsequence("项目名称", "项目属性", "主管部门", "主管部门编码", "项目单位",
                "项目负责人", "联系电话", "项目起止时间", "项目资金申请（万元）", "资金总额", "财政拨款", "自有资金", "1、事业收入",
                "2、经营性收入", "3、其他", "项目单位职能概述", "项目概况", "项目立项情况", "项目立项的依据", "项目申报的可行性",
                "项目实施进度计划", "项目实施内容", "开始时间", "完成时间", "项目绩效目标", "长期目标", "年度目标", "长期绩效指标",
                "一级指标", "二级指标", "指标内容", "指标值", "年度绩效指标", "其他需说明的问题", "预算部门审核意见");
        assertThat(Views.after(v, "项目属性").text()).isEqualTo("■新增项目　□延续项目");
        assertThat(Views.find(v, "2019年8月1日")).isPresent();
        assertThat(Views.notes(v)).last().isEqualTo("填报人：李长洋　　　　单位负责人：王常磊　　　　填报日期：2019年12月2日");
        assertThat(Views.find(v, "产出指标").orElseThrow().rowSpan()).isEqualTo(4);
        assertThat(Views.labels(v)).doesNotContain("计量单位", "指标解释");
    }

    @Test
    void theIndicatorTablesHeaderRepeatsWithItsName() {
        FormView v = DeclarationViews.of(SeedForms.seed003());
        List<String> headers = v.blocks().stream().filter(b -> b instanceof Grid g && !g.headerRows().isEmpty())
                .map(b -> ((Grid) b).headerRows().get(0).cells().get(0).text()).toList();
        assertThat(headers).containsExactly("长期绩效指标", "年度绩效指标");
    }
}
