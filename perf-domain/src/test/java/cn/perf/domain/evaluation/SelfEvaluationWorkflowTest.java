package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.d;
import static cn.perf.domain.evaluation.Fixtures.wan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.IndicatorValue;
import java.time.Instant;
import java.util.Map;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SelfEvaluationWorkflowTest {

    private static final Instant T = Instant.parse("2021-02-01T08:00:00Z");

    @Test
    void aNewSelfEvaluationIsADraftCarryingTheDeclarationsIndicatorsTargetsAndWeights() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThat(e.status()).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(e.origin()).isEqualTo(EvaluationOrigin.DECLARATION);
        assertThat(e.declarationId()).isEqualTo(1L);
        assertThat(e.indicators()).extracting(i -> i.category() + "/" + i.name() + "/" + i.target().originalText()
                + "/" + i.weight()).containsExactly("投入目标/预算执行率/=100%/3.00", "投入目标/资金使用合规性/合规/3.00",
                "产出目标/圈存机布点数/=805个/4.00");
        assertThat(e.indicators()).allSatisfy(i -> {
            assertThat(i.actual().isBlank()).isTrue();
            assertThat(i.recordedScore()).isNull();
            assertThat(i.computedScore()).isNull();
        });
        assertThat(e.totalPoints()).isEqualByComparingTo(d("10"));
        assertThat(e.annualGoal()).isEqualTo("年度目标");
    }

    @Test
    void anIndicatorMustNameAKnownCategory() {
        assertThatThrownBy(() -> new DeclarationCarryOver(1L, EvaluationLayout.SUZHOU_2017, 1L, null, "项目",
                Fixtures.suzhou().year(), null, null, null, Fixtures.suzhou().categories(),
                java.util.List.of(IndicatorLine.suzhou("结果目标", "满意度", "≥95%", "2")), java.util.List.of()))
                .hasMessageStartingWith("指标“满意度”的类别“结果目标”不在类别表中");
    }

    @Test
    void aDraftWithoutFundsFiguresCannotBeSubmitted() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.submit(T)).isInstanceOf(WorkflowException.class)
                .hasMessageStartingWith("自评表不能提交：未填报市级预算执行情况；未填报市级财政资金使用情况；")
                .hasMessageContaining("以下指标既无实际完成值也无说明：第1行“预算执行率”、第2行“资金使用合规性”、第3行“圈存机布点数”");
        assertThat(e.status()).isEqualTo(EvaluationStatus.DRAFT);
    }

    @Test
    void submittingSumsTheSelfScoresIntoTheRecordedTotal() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.submit(T);

        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(e.recordedTotal()).isEqualByComparingTo(d("10"));
        assertThat(e.submittedAt()).isEqualTo(T);
    }

    @Test
    void aMissingActualValueIsAcceptedWhenExplained() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.recordResult(3, IndicatorValue.of(""), d("0"), "圈存机采购延期至次年，无法提供完成值");
        e.submit(T);

        assertThat(e.indicators().get(2).deviationReason()).isEqualTo("圈存机采购延期至次年，无法提供完成值");
    }

    @Test
    void anExplainedMissingValueIsLeftForTheReviewerWithoutASelfScore() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        BigDecimal others = e.indicators().stream().filter(i -> i.position() != 3).map(EvaluationIndicator::recordedScore)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        e.recordResult(3, IndicatorValue.of(""), null, "圈存机采购延期至次年，无法提供完成值");
        e.submit(T);

        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(e.indicators().get(2).recordedScore()).isNull();
        assertThat(e.recordedTotal()).isEqualByComparingTo(others);
    }

    @Test
    void anActualValueWithoutASelfScoreStillNeedsOne() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.recordResult(3, IndicatorValue.of("=900个"), null, null);

        assertThatThrownBy(() -> e.submit(T)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("以下指标未填自评分：第3行“圈存机布点数”");
    }

    @Test
    void aSelfScoreCannotExceedTheWeight() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordResult(3, IndicatorValue.of("=900个"), d("4.01"), null))
                .hasMessage("指标“圈存机布点数”的自评分 4.01 不能超过权重 4.00");
        assertThatThrownBy(() -> e.recordResult(4, IndicatorValue.of("1"), d("1"), null))
                .hasMessage("没有第 4 行指标（共 3 行）");
    }

    @Test
    void aSubmittedFormIsNoLongerEditableByTheFiler() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.submit(T);

        assertThatThrownBy(() -> e.recordResult(1, IndicatorValue.of("=100%"), d("3"), null))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("自评表当前状态为“已提交”，不能填报实际完成值（需为“草稿”）");
        assertThatThrownBy(() -> e.submit(T)).isInstanceOf(WorkflowException.class);
    }

    @Test
    void aDraftCannotBeReviewedAdjustedOrConfirmed() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();

        assertThatThrownBy(() -> e.startReview("审核人")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> e.adjustScore(1, d("2"), "理由", "审核人", T))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("自评表当前状态为“草稿”，不能调整评分（需为“审核中”）");
        assertThatThrownBy(() -> e.confirm("审核人", T)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> e.returnForRevision("请补充")).isInstanceOf(WorkflowException.class)
                .hasMessage("只有已提交或审核中的自评表才能退回，当前状态：草稿");
    }

    @Test
    void aReviewerAdjustsAScoreOnlyWithAReasonAndTheChangeIsRecorded() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.submit(T);
        e.startReview("财政局审核人");

        assertThatThrownBy(() -> e.adjustScore(1, d("2.4"), " ", "财政局审核人", T))
                .hasMessage("调整评分的理由不能为空");
        assertThatThrownBy(() -> e.adjustScore(1, d("3.5"), "超出", "财政局审核人", T))
                .hasMessage("指标“预算执行率”调整后的得分 3.50 不能超过权重 3.00");

        ScoreAdjustment a = e.adjustScore(1, d("2.4"), "预算执行率 93%，低于目标 7 个百分点", "财政局审核人", T);

        assertThat(a.previousScore()).isEqualByComparingTo(d("3"));
        assertThat(a.adjustedScore()).isEqualByComparingTo(d("2.40"));
        assertThat(e.indicators().get(0).adjustedScore()).isEqualByComparingTo(d("2.40"));
        assertThat(e.indicators().get(0).effectiveScore()).isEqualByComparingTo(d("2.40"));
        assertThat(e.indicators().get(0).recordedScore()).as("the filer's score stays on record")
                .isEqualByComparingTo(d("3"));
        assertThat(e.adjustments()).hasSize(1);
    }

    @Test
    void confirmingEndsTheWorkflow() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.submit(T);
        e.startReview("财政局审核人");
        e.confirm("财政局审核人", T.plusSeconds(60));

        assertThat(e.status()).isEqualTo(EvaluationStatus.CONFIRMED);
        assertThat(e.confirmedAt()).isEqualTo(T.plusSeconds(60));
        assertThatThrownBy(() -> e.returnForRevision("再改")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> e.storeComputedScores(Map.of(1, d("3")), null))
                .hasMessage("已确认的自评表不能重新评分");
    }

    @Test
    void returningNeedsACommentAndReopensTheDraft() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.submit(T);
        assertThatThrownBy(() -> e.returnForRevision("")).hasMessage("退回意见不能为空");

        e.returnForRevision("请补充圈存机布点数的说明");

        assertThat(e.status()).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(e.returnComment()).isEqualTo("请补充圈存机布点数的说明");
        e.recordResult(3, IndicatorValue.of("=1000个"), d("4"), "超额完成：需求增加");
        e.submit(T);
        assertThat(e.returnComment()).isNull();
    }

    @Test
    void aReturnedImportedFormMustBeCorrectedBeforeItCanBeSubmittedAgain() {
        SelfEvaluation e = SelfEvaluation.importing(Fixtures.suzhou())
                .cityBudgetExecution(CityBudgetExecution.of(wan("100"), wan("0"), wan("100"), wan("0")))
                .cityFundsUse(CityFundsUse.of(wan("100"), wan("90"), wan("10"), wan("0"), wan("0")))
                .result(1, "=90%", d("3"), null).result(2, "好", d("3"), null).result(3, "=805个", d("4"), null)
                .filed(T);
        e.returnForRevision("结余资金去向未填");

        assertThatThrownBy(() -> e.submit(T)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("资金结余、结转数 10.00 应等于 结转数 0.00 + 财政收回数 0.00 = 0.00");

        e.recordCityFundsUse(CityFundsUse.of(wan("100"), wan("90"), wan("10"), wan("10"), wan("0")));
        e.submit(T);
        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
    }

    @Test
    void computedScoresFillTheComputedTotalOnceEveryRowIsScored() {
        SelfEvaluation e = Fixtures.filledSuzhouDraft();
        e.storeComputedScores(Map.of(1, d("2.00"), 2, d("3")), null);
        assertThat(e.computedTotal()).as("row 3 not scored yet").isNull();

        e.storeComputedScores(Map.of(3, d("4")), null);
        assertThat(e.computedTotal()).isEqualByComparingTo(d("9.00"));
        assertThat(e.indicators().get(0).effectiveScore()).isEqualByComparingTo(d("2"));
    }

    @Test
    void theNationalFormScoresBudgetExecutionOutOfTen() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.national());
        assertThat(e.totalPoints()).isEqualByComparingTo(d("100"));
        assertThat(e.budgetExecutionPoints()).isEqualByComparingTo(d("10"));
        assertThatThrownBy(() -> e.recordBudgetExecutionScore(d("10.5")))
                .hasMessage("预算执行率得分 10.50 不能超过分值 10.00");

        e.recordBudgetExecutionScore(d("8.33"));
        e.recordResult(1, IndicatorValue.of("=6个"), d("50"), null);
        e.recordResult(2, IndicatorValue.of("提升"), d("27"), null);
        e.recordResult(3, IndicatorValue.of("=80%"), d("9.41"), "宣传不足，下年度加强公开");
        e.describe(ImplementationReport.national("完成执法车辆购置，执法效率提升"));
        e.submit(T);

        assertThat(e.recordedTotal()).isEqualByComparingTo(d("94.74"));
        assertThat(e.report().goalAchievement()).isEqualTo("完成执法车辆购置，执法效率提升");
        assertThatThrownBy(() -> SelfEvaluation.fromDeclaration(Fixtures.national())
                .describe(ImplementationReport.suzhou("实施", null, null, null)))
                .hasMessage("财预〔2020〕10号自评表只有“年度总体目标·实际完成情况”一栏叙述");
    }

    @Test
    void scoresHaveTwoDecimalsAndAreNeverNegative() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordResult(1, IndicatorValue.of("=1%"), d("-1"), null))
                .hasMessage("指标“预算执行率”的自评分不能为负数：-1");
        assertThatThrownBy(() -> e.recordResult(1, IndicatorValue.of("=1%"), d("1.005"), null))
                .hasMessage("指标“预算执行率”的自评分最多两位小数：1.005");
    }
}
