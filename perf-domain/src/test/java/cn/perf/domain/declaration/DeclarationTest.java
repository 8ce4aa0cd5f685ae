package cn.perf.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkCategory;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationTest {

    static final IndicatorFramework SUZHOU = IndicatorFramework.define(IndicatorFramework.SUZHOU_2017, "苏州2017",
            FormLayout.SUZHOU, "苏州市", 2017, null, "项目绩效实现情况", new BigDecimal("80"), "填表说明",
            List.of(FrameworkCategory.topLevel("投入", new BigDecimal("26")),
                    FrameworkCategory.topLevel("产出", new BigDecimal("24")),
                    FrameworkCategory.topLevel("结果", new BigDecimal("22")),
                    FrameworkCategory.topLevel("影响力", new BigDecimal("8"))));

    static final IndicatorFramework NATIONAL = IndicatorFramework.define(IndicatorFramework.NATIONAL_2020, "全国2020",
            FormLayout.NATIONAL, "全国", 2020, 2021, "总分", new BigDecimal("100"), "财预〔2020〕10号",
            List.of(FrameworkCategory.topLevel("产出指标", new BigDecimal("50")),
                    FrameworkCategory.sub("产出指标", "数量指标"),
                    FrameworkCategory.sub("产出指标", "成本指标"),
                    FrameworkCategory.topLevel("效益指标", new BigDecimal("30")),
                    FrameworkCategory.sub("效益指标", "社会效益指标"),
                    FrameworkCategory.fundsBased("预算执行率", new BigDecimal("10"))));

    static Declaration seed001Like() {
        Declaration d = Declaration.newSuzhou(1L, 2L, FiscalYear.of(2021),
                new SuzhouHeader("苏州市住建局“互联网+监管”", "信息化工程及维护类", "市立项目", true, false, "肖军", "潘柯",
                        "65109046"), List.of());
        d.addSubProject("“互联网+监管”信息化平台", Money.ofWan("21.86"));
        d.addSubProject("行政监管栏目", Money.ofWan("10.00"));
        d.addSubProject("统一执法栏目", Money.ofWan("10.00"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("433.60"), Money.ofWan("300.00"),
                Money.ofWan("41.86"));
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of("“互联网+监管”信息化平台", "行政监管栏目", "统一执法栏目"),
                "系统建设模块数", "=4个", "系统建设模块数", "系统内模块数"));
        d.addIndicator(IndicatorDraft.suzhou("结果", List.of("“互联网+监管”信息化平台"), "业务系统投诉率", "=5%",
                "业务系统投诉率", "业务系统投诉情况统计"));
        return d;
    }

    @Test
    void theSubProjectTotalAndTheFundingTotalsAreComputed() {
        Declaration d = seed001Like();
        assertThat(d.subProjectTotal()).isEqualTo(Money.ofWan("41.86"));
        assertThat(d.totalAmount()).isEqualTo(Money.ofWan("41.86"));
        assertThat(d.fundingTotals().currentYear()).isEqualTo(Money.ofWan("41.86"));
        assertThat(d.fundingTotals().priorYear()).isEqualTo(Money.ofWan("300"));
        assertThat(d.findings(SUZHOU)).noneMatch(DeclarationFinding::blocking);
    }

    @Test
    void aPlannedTotalThatDiffersFromTheSubProjectsIsReportedAndBlocksSubmission() {
        Declaration d = seed001Like();
        d.reviseSubProject("行政监管栏目", "行政监管栏目", Money.ofWan("12.00"));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.blocking()).isTrue();
            assertThat(f.message()).isEqualTo("本年度计划数合计（41.86 万元）≠ 项目资金构成合计（43.86 万元）");
        });
        assertThatThrownBy(() -> d.submit(SUZHOU)).isInstanceOf(DeclarationRuleException.class)
                .hasMessageContaining("不能提交").hasMessageContaining("本年度计划数合计（41.86 万元）≠ 项目资金构成合计（43.86 万元）");
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void anEqualsTargetOnAComplaintRateIsFlaggedUntilTheFilerConfirmsTheDirection() {
        Declaration d = seed001Like();
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.blocking()).isFalse();
            assertThat(f.message()).contains("业务系统投诉率").contains("投诉率").contains("请确认方向");
        });
        d.confirmTargetDirection(1, Direction.LOWER_IS_BETTER);
        assertThat(d.indicators().get(1).target().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(d.findings()).noneMatch(f -> f.message().contains("请确认方向"));
    }

    @Test
    void unreadableAndEmptyTargetsAndForeignCategoriesBlockSubmission() {
        Declaration d = seed001Like();
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of(), "圈存机布点数", "80%-90%", null, null));
        d.addIndicator(IndicatorDraft.suzhou("影响力", List.of(), "共享机制的建立", " ", null, null));
        d.addIndicator(IndicatorDraft.suzhou("效益指标", List.of(), "满意度", "≥95%", null, null));
        List<String> blocking = d.findings(SUZHOU).stream().filter(DeclarationFinding::blocking)
                .map(DeclarationFinding::message).toList();
        assertThat(blocking).anySatisfy(m -> assertThat(m).startsWith("年度绩效指标第 3 行“圈存机布点数”：目标值“80%-90%”无法识别"));
        assertThat(blocking).contains("年度绩效指标第 4 行“共享机制的建立”：目标值未填写");
        assertThat(blocking).anySatisfy(m -> assertThat(m).contains("指标类别“效益指标”不属于苏州2017"));
    }

    @Test
    void anIndicatorCanOnlyNameSubProjectsOfTheDeclaration() {
        Declaration d = seed001Like();
        assertThatThrownBy(() -> d.addIndicator(IndicatorDraft.suzhou("产出", List.of("不存在的子项目"), "x", "1个", null,
                null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("指标“x”对应的子项目“不存在的子项目”不在项目资金构成中");
        assertThatThrownBy(() -> d.addSubProject("行政监管栏目", Money.ofWan("1"))).hasMessage("子项目“行政监管栏目”已存在");
    }

    @Test
    void removingASubProjectUnlinksItFromIndicatorsAndRenumbers() {
        Declaration d = seed001Like();
        d.removeSubProject("行政监管栏目");
        assertThat(d.subProjects()).extracting(SubProject::name).containsExactly("“互联网+监管”信息化平台", "统一执法栏目");
        assertThat(d.subProjects()).extracting(SubProject::position).containsExactly(0, 1);
        assertThat(d.indicators().get(0).subProjectNames()).containsExactly("“互联网+监管”信息化平台", "统一执法栏目");
        assertThat(d.totalAmount()).isEqualTo(Money.ofWan("31.86"));
    }

    @Test
    void theWorkflowMovesOnlyAlongItsArrowsAndLocksApprovedTargets() {
        Declaration d = seed001Like();
        assertThatThrownBy(d::approveByDepartment).isInstanceOf(IllegalStateException.class)
                .hasMessage("申报表当前状态为“草稿”，不能主管部门审核");
        d.submit(SUZHOU);
        assertThat(d.status()).isEqualTo(DeclarationStatus.SUBMITTED);
        assertThatThrownBy(() -> d.addSubProject("新子项目", Money.ofWan("1"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("申报表当前状态为“已提交”，不能修改");
        assertThatThrownBy(() -> d.grade(FinanceGrade.EXCELLENT, null)).hasMessage("申报表当前状态为“已提交”，不能财政审核");
        d.approveByDepartment();
        assertThatThrownBy(() -> d.grade(FinanceGrade.GOOD, " ")).hasMessage("审核等级为“良”时，审核意见不能为空");
        d.grade(FinanceGrade.EXCELLENT, null);
        assertThat(d.status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(d.financeGrade()).isEqualTo(FinanceGrade.EXCELLENT);
        assertThatThrownBy(() -> d.reviseTexts(DeclarationTexts.EMPTY))
                .hasMessage("申报表当前状态为“财政审核通过”，不能修改：审核通过的绩效目标已锁定，变更须走目标调整");
        assertThatThrownBy(() -> d.returnForRevision("再改改")).hasMessage("申报表当前状态为“财政审核通过”，不能退回");
    }

    @Test
    void aReturnAlwaysCarriesACommentAndAReturnedDeclarationCanBeEditedAndResubmitted() {
        Declaration d = seed001Like();
        d.submit(SUZHOU);
        assertThatThrownBy(() -> d.returnForRevision("")).hasMessage("退回意见不能为空");
        d.returnForRevision("请补充产出指标");
        assertThat(d.status()).isEqualTo(DeclarationStatus.RETURNED);
        assertThat(d.reviewComment()).isEqualTo("请补充产出指标");
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of(), "用户操作手册", "=1份", "用户操作手册", "用户操作手册"));
        d.submit(SUZHOU);
        d.approveByDepartment();
        d.grade(FinanceGrade.FAIR, "目标值偏低");
        assertThat(d.status()).isEqualTo(DeclarationStatus.RETURNED);
        d.submit(SUZHOU);
        d.approveByDepartment();
        d.grade(FinanceGrade.POOR, "不符合立项条件");
        assertThat(d.status()).isEqualTo(DeclarationStatus.REJECTED);
    }

    @Test
    void priorYearRatesAreComputedAndEmptyWhenNotComputable() {
        PriorYearFunds seed001 = new PriorYearFunds(Money.ofWan("300.00"), Money.ofWan("300.00"), Money.ofWan("300.00"));
        assertThat(seed001.allocationRate()).isEqualByComparingTo("100");
        assertThat(seed001.executionRate()).isEqualByComparingTo("100");
        assertThat(PriorYearFunds.NONE.allocationRate()).isNull();
        assertThat(new PriorYearFunds(Money.ZERO, Money.ZERO, null).allocationRate()).isNull();
        assertThat(new PriorYearFunds(Money.ofWan("3773"), Money.ofWan("3513"), Money.ofWan("3000")).allocationRate())
                .isEqualByComparingTo("93.11");
    }

    @Test
    void nationalFundsMustAddUpAndTheLayoutsKeepTheirOwnParts() {
        Declaration d = Declaration.newNational(1L, 3L, FiscalYear.of(2020), new NationalHeader("数字城管", "新增项目", null,
                null, "济宁市高新区综合行政执法局", "孟凡华", null, null, null), IndicatorFramework.NATIONAL_2020);
        d.requestFunds(new FundsRequest(Money.ofWan("350"), Money.ofWan("300"), null, null, Money.ofWan("20")));
        d.addIndicator(IndicatorDraft.national(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "上报案件量", "70000"));
        assertThat(d.findings(NATIONAL)).filteredOn(DeclarationFinding::blocking).extracting(DeclarationFinding::message)
                .containsExactly("资金总额（350.00 万元）≠ 财政拨款与自有资金之和（320.00 万元）");
        d.requestFunds(new FundsRequest(Money.ofWan("350"), Money.ofWan("330"), null, null, Money.ofWan("20")));
        assertThat(d.findings(NATIONAL)).noneMatch(DeclarationFinding::blocking);
        assertThat(d.totalAmount()).isEqualTo(Money.ofWan("350"));

        assertThatThrownBy(() -> d.addSubProject("子项目", Money.ofWan("1"))).hasMessage("财政支出项目绩效目标申报表没有“子项目”");
        d.addIndicator(IndicatorDraft.national(IndicatorTerm.ANNUAL, "产出指标", "时效指标", "处置率", "≥85%"));
        assertThat(d.findings(NATIONAL)).filteredOn(DeclarationFinding::blocking).extracting(DeclarationFinding::message)
                .containsExactly("年度绩效指标第 2 行“处置率”：“产出指标”的二级指标应为数量指标、成本指标之一，而不是“时效指标”");
        assertThatThrownBy(() -> d.addMilestone("采集", LocalDate.of(2020, 7, 31), LocalDate.of(2019, 8, 1)))
                .hasMessage("实施进度“采集”的完成时间 2019-08-01 早于开始时间 2020-07-31");
        assertThatThrownBy(() -> new NationalHeader("x", "市立项目", null, null, null, null, null, null, null))
                .hasMessage("项目属性应为“新增项目”或“延续项目”：市立项目");
    }

    @Test
    void malformedFiguresGetChineseMessages() {
        assertThatThrownBy(() -> Money.ofWan("41.8六")).hasMessageContaining("金额格式不正确");
        assertThatThrownBy(() -> seed001Like().addSubProject("负数", Money.ofWan("-1")))
                .hasMessage("子项目“负数”的预算金额不能为负数：-1.00 万元");
        assertThatThrownBy(() -> new SuzhouHeader("x", "信息化工程及维护类", null, null, null, null, null, "电话abc"))
                .hasMessage("联系电话格式不正确（只能包含数字、区号分隔符“-”和“转”）：电话abc");
        assertThatThrownBy(() -> seed001Like().addIndicator(IndicatorDraft.suzhou("产出", List.of(), "x", "1个", null, null)
                .withWeight(new BigDecimal("2.185")))).hasMessage("指标“x”的权重最多两位小数：2.185");
    }

    @Test
    void theFundingRowsKeepThePrintedOrder() {
        Declaration d = seed001Like();
        d.orderFundingSources(List.of(FundingSourceKind.CITY, FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER,
                FundingSourceKind.SUPERIOR));
        assertThat(d.fundingSources()).extracting(FundingSource::kind).containsExactly(FundingSourceKind.CITY,
                FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER, FundingSourceKind.SUPERIOR);
        assertThatThrownBy(() -> d.orderFundingSources(List.of(FundingSourceKind.CITY)))
                .hasMessageContaining("资金来源的顺序应恰好包含");
    }
}
