package cn.perf.scoring.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.funds.NationalFunds;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.trace.RuleIds;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SheetScorerTest {

    private static final SheetScorer SUZHOU = new SheetScorer(ScoringRegimes.SUZHOU_2017);
    private static final SheetScorer NATIONAL = new SheetScorer(ScoringRegimes.NATIONAL_2020);

    /** A Suzhou sheet with one 产出 row of weight 24 (the only row of its category) plus the other categories empty. */
    private static SheetResult suzhouOne(IndicatorRow row) {
        Sheet sheet = Sheet.builder("t", "SUZHOU_2017").category("产出", "24").row(row).build();
        return SUZHOU.score(sheet);
    }

    private static SheetResult nationalOne(IndicatorRow row) {
        Sheet sheet = Sheet.builder("t", "NATIONAL_2020").category("产出", "50").row(row)
                .budgetExecution(new BudgetExecution(new BigDecimal("100"), new BigDecimal("100"))).build();
        return NATIONAL.score(sheet);
    }

    private static IndicatorRow.Builder output(String name) {
        return IndicatorRow.builder("产出", name).weight("24");
    }

    @Nested
    class MissingActualValues {

        @Test
        void noActualAndNoExplanationScoresZero() {
            SheetResult r = suzhouOne(output("验收合格率").target("=100%").actual("").build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.SCORED);
            assertThat(row.finalScore()).isEqualByComparingTo("0");
            assertThat(row.trace().ruleId()).isEqualTo(RuleIds.MISSING_ACTUAL_ZERO);
            assertThat(r.findings(FindingCode.ACTUAL_MISSING)).hasSize(1);
        }

        @Test
        void placeholderActualCountsAsMissing() {
            SheetResult r = suzhouOne(output("验收合格率").target("=100%").actual("/").build());
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("0");
        }

        @Test
        void noActualWithExplanationIsLeftForTheReviewerAndFlagged() {
            SheetResult r = suzhouOne(output("验收合格率").target("=100%").actual("-")
                    .deviationReason("验收延至次年1月，尚无数据").build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.PENDING_REVIEW);
            assertThat(row.status().label()).isEqualTo("待审核人评分");
            assertThat(row.finalScore()).isNull();
            assertThat(r.findings(FindingCode.PENDING_REVIEW)).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(r.complete()).isFalse();
            assertThat(r.gradeTrace().fullText()).contains("暂定");
            assertThat(r.total()).isEqualByComparingTo("0");
        }

        @Test
        void reviewerCanScoreAPendingRowWithAReason() {
            SheetResult r = suzhouOne(output("验收合格率").target("=100%").actual("").deviationReason("验收延期")
                    .reviewerAdjustment(new ReviewerAdjustment(new BigDecimal("12"), "据监理报告已完成主体验收", "王审核")).build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.ADJUSTED_BY_REVIEWER);
            assertThat(row.computedScore()).isNull();
            assertThat(row.finalScore()).isEqualByComparingTo("12.00");
            assertThat(row.trace().fullText()).contains("据监理报告已完成主体验收");
            assertThat(r.complete()).isTrue();
        }
    }

    @Nested
    class ReviewerAdjustments {

        @Test
        void reductionIsRecordedWithItsReasonNeverSilently() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "上报案件量").weight("50").target("70000").actual("98000")
                    .deviationReason("城市管理问题多发")
                    .reviewerAdjustment(new ReviewerAdjustment(new BigDecimal("45"), "目标值设定偏低，适度扣减")).build());
            RowResult row = r.rows().get(0);
            assertThat(row.computedScore()).isEqualByComparingTo("50.00");
            assertThat(row.finalScore()).isEqualByComparingTo("45.00");
            assertThat(row.status()).isEqualTo(RowStatus.ADJUSTED_BY_REVIEWER);
            assertThat(r.findings(FindingCode.REVIEWER_ADJUSTMENT)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("由 50.00 调整为 45.00，理由：目标值设定偏低，适度扣减"));
            assertThat(r.total()).isEqualByComparingTo("55.00");
        }

        @Test
        void adjustmentAboveTheWeightIsNotApplied() {
            SheetResult r = suzhouOne(output("验收合格率").target("=100%").actual("=90%")
                    .reviewerAdjustment(new ReviewerAdjustment(new BigDecimal("30"), "多给")).build());
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("12.00");
            assertThat(r.findings(FindingCode.REVIEWER_ADJUSTMENT_INVALID)).hasSize(1);
        }

        @Test
        void anAdjustmentNeedsAReason() {
            assertThatThrownBy(() -> new ReviewerAdjustment(BigDecimal.ONE, " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("理由");
        }
    }

    @Nested
    class OverAchievement {

        @Test
        void nationalFlagsAt120PercentNotBelow() {
            SheetResult at = nationalOne(IndicatorRow.builder("产出", "x").weight("50").target("≥100").actual("120").build());
            assertThat(at.findings(FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("120.0% ≥ 120%"));
            SheetResult below = nationalOne(IndicatorRow.builder("产出", "x").weight("50").target("≥100").actual("119.99").build());
            assertThat(below.findings(FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED)).isEmpty();
        }

        @Test
        void explainedOverAchievementIsInformational() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "x").weight("50").target("≥100").actual("150")
                    .deviationReason("新增上级任务").build());
            assertThat(r.findings(FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED)).isEmpty();
            assertThat(r.findings(FindingCode.OVER_ACHIEVEMENT_EXPLAINED)).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(r.rows().get(0).trace().fullText()).contains("新增上级任务");
        }
    }

    @Nested
    class Qualitative {

        @Test
        void suzhouGradesAreMultipliers() {
            String[][] cases = {{"好", "24.00"}, {"较好", "19.20"}, {"一般", "14.40"}, {"较差", "9.60"}, {"差", "4.80"}};
            for (String[] c : cases) {
                SheetResult r = suzhouOne(output("制度健全性").target("健全").actual(c[0]).build());
                assertThat(r.rows().get(0).finalScore()).as(c[0]).isEqualByComparingTo(c[1]);
            }
        }

        @Test
        void unmappableQualitativeActualIsLeftForTheReviewer() {
            SheetResult r = suzhouOne(output("制度健全性").target("健全").actual("基本健全").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
            assertThat(r.findings(FindingCode.QUALITATIVE_ACTUAL_UNMAPPED)).hasSize(1);
        }

        @Test
        void percentageBelowHundredForAQualitativeTargetIsNotGuessed() {
            SheetResult r = suzhouOne(output("政府采购规范性").target("规范").actual("=90%").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
        }

        @Test
        void nationalChosenScoreInsideTheTierBandCounts() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "制度建设").weight("50").target("建立").actual("达成")
                    .chosenScore("45").build());
            RowResult row = r.rows().get(0);
            assertThat(row.finalScore()).isEqualByComparingTo("45.00");
            assertThat(row.trace().ruleId()).isEqualTo(RuleIds.QUALITATIVE_TIER);
            assertThat(row.trace().text()).contains("[40.00, 50.00]");
        }

        @Test
        void nationalChosenScoreOutsideTheBandIsRejected() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "制度建设").weight("50").target("建立").actual("部分达成")
                    .chosenScore("40").build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.REJECTED);
            assertThat(row.finalScore()).isNull();
            assertThat(r.findings(FindingCode.QUALITATIVE_SCORE_OUT_OF_BAND)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("[30.00, 40.00)");
            });
        }

        @Test
        void nationalBandBoundariesBelongToTheHigherTier() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "制度建设").weight("50").target("建立").actual("部分达成")
                    .chosenScore("30").build());
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("30.00");
            SheetResult notYet = nationalOne(IndicatorRow.builder("产出", "制度建设").weight("50").target("建立").actual("未达成")
                    .chosenScore("30").build());
            assertThat(notYet.rows().get(0).status()).isEqualTo(RowStatus.REJECTED);
        }

        @Test
        void nationalWithoutChosenScoreWaitsUnlessTheRegimeSaysOtherwise() {
            IndicatorRow row = IndicatorRow.builder("产出", "制度建设").weight("50").target("建立").actual("建立").build();
            assertThat(nationalOne(row).rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
            ScoringRegime upper = ScoringRegimes.fromMap(Map.of("regime.base", "NATIONAL_2020", "qualitative.tierDefault", "UPPER"));
            Sheet sheet = Sheet.builder("t", "x").category("产出", "50").row(row)
                    .budgetExecution(new BudgetExecution(BigDecimal.TEN, BigDecimal.TEN)).build();
            RowResult scored = new SheetScorer(upper).score(sheet).rows().get(0);
            assertThat(scored.finalScore()).isEqualByComparingTo("50.00");
            assertThat(scored.trace().text()).contains("取档次上限");
        }
    }

    @Nested
    class UnitsAndParsing {

        @Test
        void unitOnOneSideIsAssumedForBoth() {
            SheetResult r = suzhouOne(output("基础库建成数").target("=8").actual("=8个").build());
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("24.00");
            assertThat(r.findings(FindingCode.UNIT_ASSUMED)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("目标值未写单位，按“个”理解"));
        }

        @Test
        void differentUnitsAreNotCompared() {
            SheetResult r = suzhouOne(output("设备数").target("=4台").actual("=4套").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
            assertThat(r.findings(FindingCode.UNIT_MISMATCH)).hasSize(1);
        }

        @Test
        void percentOnOneSideOnlyIsNotCompared() {
            SheetResult r = suzhouOne(output("覆盖率").target("=80").actual("=80%").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
            assertThat(r.findings(FindingCode.UNIT_MISMATCH)).hasSize(1);
        }

        @Test
        void wanMagnitudesAreCompared() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "财政支出").weight("50").target("<350万").actual("320").build());
            // was: actual "3200000" read as 3200000 元; a bare actual now takes the target's magnitude (320 万)
            assertThat(r.findings(FindingCode.UNIT_ASSUMED)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("实际值未写单位，按目标值单位“万”计"));
            assertThat(r.rows().get(0).trace().ruleId()).isEqualTo(RuleIds.LOWER_MET);
        }

        @Test
        void unparseableTargetRejectsTheRow() {
            SheetResult r = suzhouOne(output("覆盖率").target("80%-90%").actual("=85%").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.REJECTED);
            assertThat(r.findings(FindingCode.TARGET_UNPARSEABLE)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("多个数值"));
        }

        @Test
        void qualitativeActualForAQuantitativeTargetIsLeftForTheReviewer() {
            SheetResult r = suzhouOne(output("覆盖率").target("=80%").actual("好").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
        }

        @Test
        void numberInQualitativeTargetIsPointedOut() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "就业").weight("50").target("提供78个就业机会")
                    .actual("提供78个就业机会").chosenScore("50").build());
            assertThat(r.findings(FindingCode.NUMBER_IN_QUALITATIVE_TARGET)).hasSize(1);
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("50.00");
        }
    }

    @Nested
    class Direction_ {

        @Test
        void equalsTargetOnAComplaintRateIsLintedAndScoredByDefault() {
            SheetResult r = suzhouOne(output("业务系统投诉率").target("=5%").actual("=3%").build());
            Finding f = r.findings(FindingCode.EQUALITY_DIRECTION_LINT).get(0);
            assertThat(f.message()).contains("投诉率").contains("越低越好").contains("≤5%");
            assertThat(r.rows().get(0).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        }

        @Test
        void confirmedDirectionIsUsedAndNotLinted() {
            SheetResult r = suzhouOne(output("业务系统投诉率").target("=5%").actual("=3%").direction(Direction.LOWER_IS_BETTER).build());
            assertThat(r.findings(FindingCode.EQUALITY_DIRECTION_LINT)).isEmpty();
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("24.00");
            assertThat(r.rows().get(0).trace().ruleId()).isEqualTo(RuleIds.LOWER_MET);
        }

        @Test
        void explanationSayingAtLeastIsLinted() {
            // seed 000: 电子化考核率 =70%, 指标解释 "整体考核中, 本系统考核占比达70%及以上"
            Sheet sheet = Sheet.builder("t", "x").category("结果", "24").row(IndicatorRow.builder("结果", "电子化考核率")
                    .weight("24").target("=70%").actual("=75%").explanation("整体考核中, 本系统考核占比达70%及以上").build()).build();
            SheetResult ok = SUZHOU.score(sheet);
            assertThat(ok.findings(FindingCode.EQUALITY_DIRECTION_LINT)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("70%及以上").contains("≥70%"));
        }

        @Test
        void explicitDirectionAgainstTheOperatorIsWarned() {
            SheetResult r = suzhouOne(output("x").target("≥5").actual("=3").direction(Direction.LOWER_IS_BETTER).build());
            assertThat(r.findings(FindingCode.DIRECTION_CONTRADICTS_OPERATOR)).hasSize(1);
        }
    }

    @Nested
    class WeightsAndCategories {

        @Test
        void weightsThatDoNotSumAreReported() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "24")
                    .row(IndicatorRow.of("产出", "a", "=1", "10", "=1", null))
                    .row(IndicatorRow.of("产出", "b", "=1", "10", "=1", null)).build();
            SheetResult r = SUZHOU.score(sheet);
            assertThat(r.findings(FindingCode.WEIGHT_SUM_MISMATCH)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("权重合计 20，与类别分值 24 不一致");
            });
        }

        @Test
        void missingWeightsShareWhatIsLeft() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "24")
                    .row(IndicatorRow.of("产出", "a", "=1", "10", "=1", null))
                    .row(IndicatorRow.of("产出", "b", "=1", null, "=1", null))
                    .row(IndicatorRow.of("产出", "c", "=1", null, "=1", null)).build();
            SheetResult r = SUZHOU.score(sheet);
            assertThat(r.rows()).extracting(RowResult::weight).map(BigDecimal::toPlainString).containsExactly("10", "7.00", "7.00");
            assertThat(r.findings(FindingCode.WEIGHT_SUM_MISMATCH)).isEmpty();
            assertThat(r.findings(FindingCode.WEIGHT_COMPUTED)).hasSize(1);
        }

        @Test
        void unknownCategoryIsRejected() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "24")
                    .row(IndicatorRow.of("产出", "a", "=1", "24", "=1", null))
                    .row(IndicatorRow.of("效果", "b", "=1", "1", "=1", null)).build();
            SheetResult r = SUZHOU.score(sheet);
            assertThat(r.rows().get(1).status()).isEqualTo(RowStatus.REJECTED);
            assertThat(r.findings(FindingCode.CATEGORY_UNKNOWN)).hasSize(1);
        }

        @Test
        void categoryPointsAndTotalPointsAreChecked() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "60").category("效益", "30")
                    .row(IndicatorRow.of("产出", "a", "≥1", "60", "=1", null))
                    .row(IndicatorRow.of("效益", "b", "≥1", "30", "=1", null))
                    .budgetExecution(new BudgetExecution(BigDecimal.TEN, BigDecimal.TEN)).build();
            SheetResult r = NATIONAL.score(sheet);
            assertThat(r.findings(FindingCode.CATEGORY_POINTS_DIFFER)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("表中分值 60 与评分规则默认分值 50 不同"));
            assertThat(r.findings(FindingCode.TOTAL_POINTS_MISMATCH)).isEmpty(); // 60 + 30 + 10 = 100
            assertThat(r.total()).isEqualByComparingTo("100.00");
            assertThat(r.grade().name()).isEqualTo("优");
        }

        @Test
        void categoryWithPointsButNoRowsIsWarned() {
            SheetResult r = SUZHOU.score(Sheet.builder("t", "x").rows(java.util.List.of(
                    IndicatorRow.of("产出", "a", "=1", "24", "=1", null))).build());
            assertThat(r.findings(FindingCode.CATEGORY_WITHOUT_ROWS)).hasSize(3);
            assertThat(r.maxPoints()).isEqualByComparingTo("80");
        }
    }

    @Nested
    class BudgetExecutionScore {

        @Test
        void nationalScoresBudgetExecutionSeparately() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "50").category("效益", "30").category("满意度", "10")
                    .row(IndicatorRow.of("产出", "a", "≥1", "50", "=1", null))
                    .row(IndicatorRow.of("效益", "b", "≥1", "30", "=1", null))
                    .row(IndicatorRow.of("满意度", "c", "≥90%", "10", "=99%", null))
                    .budgetExecution(new BudgetExecution(new BigDecimal("350"), new BigDecimal("315"))).build();
            SheetResult r = NATIONAL.score(sheet);
            assertThat(r.budgetExecutionScore()).contains(new BigDecimal("9.00"));
            assertThat(r.total()).isEqualByComparingTo("99.00");
            assertThat(r.maxPoints()).isEqualByComparingTo("100");
            assertThat(r.findings(FindingCode.TOTAL_POINTS_MISMATCH)).isEmpty();
        }

        @Test
        void theNationalFundsColumnsAreCheckedAndABrokenColumnIsOneFinding() {
            NationalFunds.Row appropriation = new NationalFunds.Row(new BigDecimal("300"), new BigDecimal("300"),
                    new BigDecimal("290.5"));
            NationalFunds.Row carryover = new NationalFunds.Row(BigDecimal.ZERO, new BigDecimal("20"),
                    new BigDecimal("20"));
            NationalFunds.Row zero = new NationalFunds.Row(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            Sheet.Builder b = Sheet.builder("t", "x").category("产出", "50").category("效益", "30")
                    .category("满意度", "10")
                    .row(IndicatorRow.of("产出", "a", "≥1", "50", "=1", null))
                    .row(IndicatorRow.of("效益", "b", "≥1", "30", "=1", null))
                    .row(IndicatorRow.of("满意度", "c", "≥90%", "10", "=99%", null))
                    .budgetExecution(new BudgetExecution(new BigDecimal("320"), new BigDecimal("310.5")));
            Sheet ok = b.nationalFunds(new NationalFunds(new NationalFunds.Row(new BigDecimal("300"),
                    new BigDecimal("320"), new BigDecimal("310.5")), appropriation, carryover, zero)).build();
            assertThat(NATIONAL.score(ok).findings(FindingCode.FUNDS_NATIONAL_TOTAL)).isEmpty();

            Sheet broken = b.nationalFunds(new NationalFunds(new NationalFunds.Row(new BigDecimal("300"),
                    new BigDecimal("330"), new BigDecimal("310.5")), appropriation, carryover, zero)).build();
            SheetResult r = NATIONAL.score(broken);
            assertThat(r.findings(FindingCode.FUNDS_NATIONAL_TOTAL)).singleElement()
                    .satisfies(f -> assertThat(f.message()).startsWith("全年预算数：年度资金总额 330.00 应等于"));
            assertThat(broken.withRows(broken.rows()).nationalFunds()).isEqualTo(broken.nationalFunds());
        }

        @Test
        void missingBudgetFiguresAreReported() {
            Sheet sheet = Sheet.builder("t", "x").category("产出", "90").row(IndicatorRow.of("产出", "a", "≥1", "90", "=1", null)).build();
            SheetResult r = NATIONAL.score(sheet);
            assertThat(r.findings(FindingCode.BUDGET_EXECUTION_MISSING)).hasSize(1);
            assertThat(r.complete()).isFalse();
        }

        @Test
        void suzhouFundsStandInWhenNationalFiguresAreAbsent() {
            SheetResult r = NATIONAL.score(Seed002.sheet());
            assertThat(r.budgetExecutionScore()).contains(new BigDecimal("9.31"));
            assertThat(r.budgetExecutionTrace().orElseThrow().fullText()).contains("年初预算数 + 调整数 = 3773.00");
        }
    }

    @Test
    void scoringIsPureSameInputSameResult() {
        assertThat(SUZHOU.score(Seed002.sheet())).isEqualTo(SUZHOU.score(Seed002.sheet()));
    }
}
