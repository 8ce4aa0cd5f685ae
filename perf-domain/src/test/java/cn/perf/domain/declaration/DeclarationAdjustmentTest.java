package cn.perf.domain.declaration;

import static cn.perf.domain.declaration.DeclarationTest.SUZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 目标调整 on the aggregate: only from an approved declaration, one at a time, superseding it when approved. */
class DeclarationAdjustmentTest {

    private static Declaration approved() {
        Declaration d = DeclarationTest.seed001Like();
        d.submit(SUZHOU);
        d.approveByDepartment();
        d.grade(FinanceGrade.EXCELLENT, null);
        return d;
    }

    @Test
    void anAdjustmentIsANewDraftWithTheSameContentLinkedToTheApprovedDeclaration() {
        Declaration d = approved();

        Declaration a = d.startAdjustment();

        assertThat(a.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(a.adjustsId()).isEqualTo(d.id());
        assertThat(a.projectId()).isEqualTo(d.projectId());
        assertThat(a.year()).isEqualTo(d.year());
        assertThat(a.subProjects()).extracting(SubProject::name, SubProject::amount)
                .containsExactlyElementsOf(d.subProjects().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.name(), s.amount())).toList());
        assertThat(a.indicators()).extracting(Indicator::name).containsExactly("系统建设模块数", "业务系统投诉率");
        assertThat(a.indicators().get(0).subProjectNames()).containsExactly("“互联网+监管”信息化平台", "行政监管栏目",
                "统一执法栏目");
        assertThat(a.fundingTotals()).isEqualTo(d.fundingTotals());
        assertThat(DeclarationDiff.between(d.content(), a.content()).isEmpty()).isTrue();
        assertThat(d.status()).as("the approved one stays in force").isEqualTo(DeclarationStatus.APPROVED);
        assertThat(d.adjustmentOpen()).isTrue();
    }

    @Test
    void onlyOneAdjustmentAtATimeAndOnlyFromAnApprovedDeclaration() {
        Declaration draft = DeclarationTest.seed001Like();
        assertThatThrownBy(draft::startAdjustment).isInstanceOf(IllegalStateException.class)
                .hasMessage("申报表当前状态为“草稿”，不能目标调整");

        Declaration d = approved();
        d.startAdjustment();
        assertThatThrownBy(d::startAdjustment).isInstanceOf(IllegalStateException.class)
                .hasMessage("该申报表已有一份正在办理的目标调整，不能再发起");

        d.closeAdjustment();
        assertThat(d.adjustmentOpen()).isFalse();
        assertThat(d.startAdjustment().status()).isEqualTo(DeclarationStatus.DRAFT);
    }

    @Test
    void anApprovedDeclarationStaysLockedWhileAdjustedAndIsSupersededWhenTheAdjustmentIsApproved() {
        Declaration d = approved();
        Declaration a = d.startAdjustment();
        assertThatThrownBy(() -> d.reviseSubProject("行政监管栏目", "行政监管栏目", Money.ofWan("1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("变更须走目标调整");

        a.reviseSubProject("行政监管栏目", "行政监管栏目", Money.ofWan("12"));
        a.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("433.60"), Money.ofWan("300.00"),
                Money.ofWan("43.86"));
        a.submit(SUZHOU);
        a.approveByDepartment();
        a.grade(FinanceGrade.GOOD, "按约定压缩");
        d.supersede();

        assertThat(d.status()).isEqualTo(DeclarationStatus.SUPERSEDED);
        assertThat(d.status().editable()).isFalse();
        assertThat(d.adjustmentOpen()).isFalse();
        assertThatThrownBy(d::startAdjustment).hasMessage("申报表当前状态为“已被目标调整替代”，不能目标调整");
        assertThatThrownBy(d::supersede).hasMessage("申报表当前状态为“已被目标调整替代”，不能被目标调整替代");
    }

    @Test
    void theDiffNamesChangedFieldsAndAddedRemovedAndChangedRows() {
        Declaration d = approved();
        Declaration a = d.startAdjustment();
        DeclarationContent c = a.content();
        List<DeclarationContent.SubProjectRow> subs = new java.util.ArrayList<>(c.subProjects());
        subs.remove(2);
        subs.add(new DeclarationContent.SubProjectRow(null, "new-1", "数据治理", Money.ofWan("5")));
        DeclarationContent changed = new DeclarationContent("苏州市住建局“互联网+监管”二期", c.projectType(),
                c.projectAttribute(), c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(),
                c.contactPerson(), c.contactPhone(), null, null, null, null, null, c.texts(), c.priorYearFunds(),
                c.fundsRequest(), subs, c.fundingSources(),
                List.of(c.indicators().get(0), new DeclarationContent.IndicatorRow(c.indicators().get(1).id(),
                        IndicatorTerm.ANNUAL, "结果", null, List.of(), "业务系统投诉率", "≤3%", null, "业务系统投诉率",
                        "业务系统投诉情况统计", null, null, null, null)),
                c.milestones(), c.signOff());

        DeclarationDiff diff = DeclarationDiff.between(d.content(), changed);

        assertThat(diff.rows()).extracting(r -> r.field() + "|" + r.item() + "|" + r.change() + "|" + r.before()
                + "|" + r.after()).contains(
                "projectName|null|CHANGED|苏州市住建局“互联网+监管”|苏州市住建局“互联网+监管”二期",
                "subProjectName|统一执法栏目|REMOVED|10.00|null",
                "subProjectName|数据治理|ADDED|null|5.00",
                "targetText|业务系统投诉率|CHANGED|=5%|≤3%");
        assertThat(diff.asDetails()).containsEntry("before.projectName", "苏州市住建局“互联网+监管”")
                .containsEntry("after.projectName", "苏州市住建局“互联网+监管”二期")
                .containsKey("rows");
    }
}
