package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.d;
import static cn.perf.domain.evaluation.Fixtures.wan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.Category;
import cn.perf.scoring.sheet.IndicatorRow;
import cn.perf.scoring.sheet.RowStatus;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluationSheetsTest {

    private static final Instant T = Instant.parse("2021-03-01T02:00:00Z");

    @Nested
    class SuzhouLayout {

        @Test
        void categoriesTakeTheRegimesNamesAndKeepTheFormsPoints() {
            Sheet sheet = EvaluationSheets.toSheet(Fixtures.filledSuzhouDraft(), ScoringRegimes.SUZHOU_2017);

            assertThat(sheet.regimeId()).isEqualTo("SUZHOU_2017");
            assertThat(sheet.title()).isEqualTo("测试项目");
            assertThat(sheet.categories()).containsExactly(new Category("投入", d("6.00")), new Category("产出", d("4.00")));
            assertThat(sheet.rows()).extracting(IndicatorRow::category).containsExactly("投入", "投入", "产出");
        }

        @Test
        void rowsCarryTextsAsFiledWeightsAndRecordedScores() {
            Sheet sheet = EvaluationSheets.toSheet(Fixtures.filledSuzhouDraft(), ScoringRegimes.SUZHOU_2017);

            IndicatorRow first = sheet.rows().get(0);
            assertThat(first.name()).isEqualTo("预算执行率");
            assertThat(first.target()).isEqualTo("=100%");
            assertThat(first.actual()).isEqualTo("=93%");
            assertThat(first.weight()).isEqualByComparingTo("3");
            assertThat(first.recordedScore()).isEqualByComparingTo("3");
            assertThat(first.direction()).as("not confirmed by the filer: the scorer defaults and lints it").isNull();
            assertThat(first.subCategory()).isNull();
            assertThat(first.reviewerAdjustment()).isNull();
            assertThat(first.chosenScore()).as("quantitative rows have no chosen score").isNull();
            assertThat(sheet.rows()).extracting(IndicatorRow::name)
                    .containsExactly("预算执行率", "资金使用合规性", "圈存机布点数");
            assertThat(sheet.rows().get(1).chosenScore()).as("qualitative: the recorded score is the filer's pick")
                    .isEqualByComparingTo("3");
        }

        @Test
        void fundsBlocksSubProjectsAndTheRecordedTotalAreMapped() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            e.submit(T);
            Sheet sheet = EvaluationSheets.toSheet(e, ScoringRegimes.SUZHOU_2017);

            assertThat(sheet.cityBudget().initialBudget()).isEqualByComparingTo("100");
            assertThat(sheet.cityBudget().appropriated()).isEqualByComparingTo("100");
            assertThat(sheet.cityBudget().indicatorBalance()).isEqualByComparingTo("0");
            assertThat(sheet.cityFundsUse().actualPaid()).isEqualByComparingTo("93");
            assertThat(sheet.cityFundsUse().balance()).isEqualByComparingTo("7");
            assertThat(sheet.cityFundsUse().carryover()).isEqualByComparingTo("5");
            assertThat(sheet.cityFundsUse().recovered()).isEqualByComparingTo("2");
            assertThat(sheet.subProjects().items()).extracting(s -> s.name() + "=" + s.amount().stripTrailingZeros()
                    .toPlainString()).containsExactly("子项目甲=60", "子项目乙=40");
            assertThat(sheet.subProjects().printedTotal()).isEqualByComparingTo("100");
            assertThat(sheet.recordedTotal()).isEqualByComparingTo("10");
            assertThat(sheet.budgetExecution()).isNull();
            assertThat(sheet.nationalFunds()).isNull();
        }

        @Test
        void aConfirmedDirectionExplanationAndDeviationReasonReachTheRow() {
            DeclarationCarryOver source = new DeclarationCarryOver(1L, EvaluationLayout.SUZHOU_2017, 7L, null,
                    "方向测试", FiscalYear.of(2021), null, null, null, List.of(new CategoryLine("结果", d("22"))),
                    List.of(new IndicatorLine("结果", null, "业务系统投诉率",
                                    IndicatorValue.of("=5%").withDirection(Direction.LOWER_IS_BETTER), d("11"),
                                    "业务系统投诉情况统计"),
                            new IndicatorLine("结果", null, "电子化考核率", IndicatorValue.of("=70%"), d("11"), null)),
                    List.of());
            SelfEvaluation e = SelfEvaluation.fromDeclaration(source);
            e.recordResult(1, IndicatorValue.of("=3%"), d("11"), "投诉较少");

            Sheet sheet = EvaluationSheets.toSheet(e, ScoringRegimes.SUZHOU_2017);

            assertThat(sheet.rows().get(0).direction()).isEqualTo(Direction.LOWER_IS_BETTER);
            assertThat(sheet.rows().get(0).explanation()).isEqualTo("业务系统投诉情况统计");
            assertThat(sheet.rows().get(0).deviationReason()).isEqualTo("投诉较少");
            assertThat(sheet.rows().get(1).direction()).isNull();
            assertThat(sheet.rows().get(1).actual()).as("nothing filed yet").isEmpty();
            assertThat(sheet.subProjects()).isNull();
            assertThat(sheet.recordedTotal()).isNull();
        }

        @Test
        void aReviewersAdjustmentGoesWithItsLatestReason() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            e.submit(T);
            e.startReview("财政局审核人");
            e.adjustScore(1, d("2.50"), "初次调整", "财政局审核人", T);
            e.adjustScore(1, d("2.80"), "执行率接近目标，适度调整", "财政局审核人乙", T);

            IndicatorRow row = EvaluationSheets.toSheet(e, ScoringRegimes.SUZHOU_2017).rows().get(0);

            assertThat(row.reviewerAdjustment().score()).isEqualByComparingTo("2.80");
            assertThat(row.reviewerAdjustment().reason()).isEqualTo("执行率接近目标，适度调整");
            assertThat(row.reviewerAdjustment().reviewer()).isEqualTo("财政局审核人乙");
        }

        @Test
        void anUnknownCategoryKeepsItsNameAndTheScorerReportsIt() {
            DeclarationCarryOver source = new DeclarationCarryOver(1L, EvaluationLayout.SUZHOU_2017, 7L, null,
                    "类别测试", FiscalYear.of(2021), null, null, null, List.of(new CategoryLine("其他指标", d("5"))),
                    List.of(new IndicatorLine("其他指标", null, "某指标", IndicatorValue.of("=1个"), d("5"), null)),
                    List.of());
            Sheet sheet = EvaluationSheets.toSheet(SelfEvaluation.fromDeclaration(source), ScoringRegimes.SUZHOU_2017);

            assertThat(sheet.categories()).extracting(Category::name).containsExactly("其他指标");
            SheetResult result = new SheetScorer(ScoringRegimes.SUZHOU_2017).score(sheet);
            assertThat(result.rows().get(0).status()).isEqualTo(RowStatus.REJECTED);
        }
    }

    @Nested
    class NationalLayout {

        private SelfEvaluation national() {
            SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.national());
            e.recordNationalFunds(List.of(
                    new NationalFundLine(NationalFundKind.TOTAL, wan("100"), wan("120"), wan("96")),
                    new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("100"), wan("100"), wan("80")),
                    new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("20"), wan("16")),
                    NationalFundLine.zero(NationalFundKind.OTHER)));
            e.recordResult(1, IndicatorValue.of("=3个"), d("50"), "车辆采购延期");
            e.recordResult(2, IndicatorValue.of("达成"), d("27"), null);
            e.recordResult(3, IndicatorValue.of("=90%"), d("10"), null);
            return e;
        }

        @Test
        void firstLevelIndicatorsTakeTheRegimesNamesAndSecondLevelIsKept() {
            Sheet sheet = EvaluationSheets.toSheet(national(), ScoringRegimes.NATIONAL_2020);

            assertThat(sheet.categories()).containsExactly(new Category("产出", d("50.00")),
                    new Category("效益", d("30.00")), new Category("满意度", d("10.00")));
            assertThat(sheet.rows()).extracting(r -> r.category() + "/" + r.subCategory() + "/" + r.name())
                    .containsExactly("产出/数量指标/执法车辆购置数", "效益/社会效益指标/执法效率", "满意度/服务对象满意度指标/群众满意度");
        }

        @Test
        void theYearTotalRowGivesBudgetAndExecution() {
            Sheet sheet = EvaluationSheets.toSheet(national(), ScoringRegimes.NATIONAL_2020);

            assertThat(sheet.budgetExecution().annualBudget()).isEqualByComparingTo("120");
            assertThat(sheet.budgetExecution().executed()).isEqualByComparingTo("96");
            assertThat(sheet.nationalFunds().total().annualBudget()).isEqualByComparingTo("120");
            assertThat(sheet.nationalFunds().currentAppropriation().executed()).isEqualByComparingTo("80");
            assertThat(sheet.nationalFunds().priorCarryover().annualBudget()).isEqualByComparingTo("20");
            assertThat(sheet.nationalFunds().other().initialBudget()).isEqualByComparingTo("0");
            assertThat(sheet.cityBudget()).isNull();
            assertThat(sheet.cityFundsUse()).isNull();
            assertThat(sheet.subProjects()).isNull();
        }

        /** 全年预算数 100, 全年执行数 86.2: 10 × 86.2 / 100 = 8.62. */
        private SelfEvaluation nationalWithBudgetScore(String filed) {
            SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.national());
            e.recordNationalFunds(List.of(
                    new NationalFundLine(NationalFundKind.TOTAL, wan("100"), wan("100"), wan("86.2")),
                    new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("100"), wan("100"), wan("86.2")),
                    NationalFundLine.zero(NationalFundKind.PRIOR_CARRYOVER),
                    NationalFundLine.zero(NationalFundKind.OTHER)));
            e.recordBudgetExecutionScore(filed == null ? null : d(filed));
            return e;
        }

        @Test
        void theFiledBudgetExecutionScoreReachesTheSheet() {
            Sheet sheet = EvaluationSheets.toSheet(nationalWithBudgetScore("9"), ScoringRegimes.NATIONAL_2020);

            assertThat(sheet.budgetExecution().recordedScore()).isEqualByComparingTo("9");
            assertThat(EvaluationSheets.toSheet(nationalWithBudgetScore(null), ScoringRegimes.NATIONAL_2020)
                    .budgetExecution().recordedScore()).isNull();
        }

        @Test
        void aFiledBudgetExecutionScoreOtherThanTheComputedOneIsAMismatchFinding() {
            SelfEvaluation e = nationalWithBudgetScore("9");
            RegimeChoice choice = RegimeChoice.of(e.layout(), "NATIONAL_2020");
            SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
            e.storeScoring(ScoringOutcome.of(result, choice, T));

            assertThat(e.budgetExecutionComputedScore()).isEqualByComparingTo("8.62");
            assertThat(e.findings()).filteredOn(f -> f.code().equals("RECORDED_SCORE_MISMATCH")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.rowPosition()).as("about the 项目资金 block, not a row").isNull();
                        assertThat(f.location()).isEqualTo("预算执行率");
                        assertThat(f.message()).startsWith("填报自评分 9，按规则计算为 8.62，相差 0.38");
                    });
            assertThat(e.budgetExecutionTraceText()).contains("填报自评分 9 与计算得分 8.62 不一致");
        }

        @Test
        void aFiledBudgetExecutionScoreEqualToTheComputedOneIsNoFinding() {
            SelfEvaluation e = nationalWithBudgetScore("8.62");
            SheetResult result = new SheetScorer(ScoringRegimes.NATIONAL_2020)
                    .score(EvaluationSheets.toSheet(e, ScoringRegimes.NATIONAL_2020));

            assertThat(result.budgetExecutionScore()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("8.62"));
            assertThat(result.findings()).noneMatch(f -> f.location().equals("预算执行率"));
        }

        @Test
        void scoredByTheNationalRulesAHigherIsBetterRowShortOfTargetGetsWeightTimesActualOverTarget() {
            SelfEvaluation e = national();
            RegimeChoice choice = RegimeChoice.of(e.layout(), "NATIONAL_2020");
            SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
            e.storeScoring(ScoringOutcome.of(result, choice, T));

            EvaluationIndicator vehicles = e.indicators().get(0);
            assertThat(vehicles.computedScore()).isEqualByComparingTo("25.00");      // 50 × 3/6
            assertThat(vehicles.traceRule()).isEqualTo("PROPORTIONAL_SHORT");
            assertThat(vehicles.traceText()).contains("25.00");
            assertThat(e.indicators().get(1).computedScore()).as("达成 with the filer's pick 27 of 30")
                    .isEqualByComparingTo("27.00");
            assertThat(e.indicators().get(2).computedScore()).isEqualByComparingTo("10.00");
            assertThat(e.budgetExecutionComputedScore()).isEqualByComparingTo("8.00");   // min(10, 10 × 96/120)
            assertThat(e.budgetExecutionTraceText()).contains("96.00").contains("120.00").contains("8.00");
            assertThat(e.computedTotal()).isEqualByComparingTo("70.00");
            assertThat(e.computedTotal().scale()).isEqualTo(2);
            assertThat(e.scoringRegime()).isEqualTo("NATIONAL_2020");
        }
    }

    @Nested
    class StoringAScoring {

        private ScoringOutcome scored(SelfEvaluation e) {
            RegimeChoice choice = RegimeChoice.of(e.layout(), "SUZHOU_2017");
            SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
            return ScoringOutcome.of(result, choice, T);
        }

        @Test
        void scoresTracesRegimeAndFindingsAreKeptOnTheForm() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            e.storeScoring(scored(e));

            EvaluationIndicator budget = e.indicators().get(0);
            assertThat(budget.computedScore()).isEqualByComparingTo("1.95");    // 3 × (1 − 7 × 5%)
            assertThat(budget.scoreStatus()).isEqualTo(RowStatus.SCORED);
            assertThat(budget.traceRule()).isEqualTo("BAND_SHORT");
            assertThat(budget.traceText()).contains("完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：3 × 65% = 1.95");
            assertThat(e.indicators()).allSatisfy(i -> assertThat(i.traceText()).isNotBlank());
            assertThat(e.computedTotal()).isEqualByComparingTo("8.95");
            assertThat(e.scoringRegime()).isEqualTo("SUZHOU_2017");
            assertThat(e.scoringRegimeReason()).contains("SUZHOU_2017");
            assertThat(e.scoredAt()).isEqualTo(T);
            assertThat(e.budgetExecutionTraceText()).isNull();
            assertThat(e.findings()).filteredOn(f -> f.code().equals("RECORDED_SCORE_MISMATCH"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.rowPosition()).isEqualTo(1);
                        assertThat(f.message()).startsWith("填报自评分 3，按规则计算为 1.95");
                    });
            assertThat(e.findings()).extracting(EvaluationFinding::position)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, e.findings().size())
                            .boxed().toList());
        }

        @Test
        void scoringAgainReplacesTheFindings() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            e.storeScoring(scored(e));
            int first = e.findings().size();
            e.recordResult(1, IndicatorValue.of("=100%"), d("3"), null);
            e.storeScoring(scored(e));

            assertThat(first).isGreaterThan(e.findings().size());
            assertThat(e.findings()).noneMatch(f -> f.code().equals("RECORDED_SCORE_MISMATCH"));
            assertThat(e.indicators().get(0).computedScore()).isEqualByComparingTo("3.00");
            assertThat(e.computedTotal()).isEqualByComparingTo("10.00");
        }

        @Test
        void aConfirmedFormRefusesToBeScoredAgain() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            ScoringOutcome outcome = scored(e);
            e.submit(T);
            e.startReview("财政局审核人");
            e.confirm("财政局审核人", T);

            assertThatThrownBy(() -> e.storeScoring(outcome)).isInstanceOf(WorkflowException.class)
                    .hasMessage("已确认的自评表不能重新评分");
            assertThat(e.indicators()).allSatisfy(i -> assertThat(i.traceText()).isNull());
            assertThat(e.findings()).isEmpty();
        }

        @Test
        void anOutcomeOfAnotherFormIsRefused() {
            SelfEvaluation e = Fixtures.filledSuzhouDraft();
            ScoringOutcome other = new ScoringOutcome("SUZHOU_2017", "测试", T,
                    List.of(new ScoringOutcome.RowScore(1, new BigDecimal("1.00"), RowStatus.SCORED, "BAND_FULL", "…")),
                    null, null, "优", List.of());

            assertThatThrownBy(() -> e.storeScoring(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("评分结果有 1 行，自评表有 3 行指标");
        }
    }

    @Nested
    class ChoosingTheRegime {

        @Test
        void theDeclarationsFrameworkNamesTheRegime() {
            RegimeChoice c = RegimeChoice.of(EvaluationLayout.SUZHOU_2017, "SUZHOU_2017");
            assertThat(c.regime()).isSameAs(ScoringRegimes.SUZHOU_2017);
            assertThat(c.reason()).startsWith("按申报表指标体系 SUZHOU_2017 的评分规则");
            assertThat(RegimeChoice.of(EvaluationLayout.NATIONAL_2020, "NATIONAL_2020").regime())
                    .isSameAs(ScoringRegimes.NATIONAL_2020);
        }

        @Test
        void aFrameworkWithoutARegimeOfItsOwnFallsBackToTheLayout() {
            RegimeChoice c = RegimeChoice.of(EvaluationLayout.NATIONAL_2020, "NATIONAL_2021");
            assertThat(c.regime()).isSameAs(ScoringRegimes.NATIONAL_2020);
            assertThat(c.reason()).startsWith("申报表指标体系 NATIONAL_2021 没有同名的评分规则，按自评表样式");
        }

        @Test
        void noFrameworkMeansTheLayoutDecides() {
            assertThat(RegimeChoice.of(EvaluationLayout.SUZHOU_2017, null).regime())
                    .isSameAs(ScoringRegimes.SUZHOU_2017);
            assertThat(RegimeChoice.of(EvaluationLayout.NATIONAL_2020, " ").reason()).startsWith("未找到申报表指标体系");
        }

        @Test
        void aSuzhouFormIsNeverScoredByANationalRegime() {
            assertThat(RegimeChoice.of(EvaluationLayout.SUZHOU_2017, "NATIONAL_2020").regime())
                    .isSameAs(ScoringRegimes.SUZHOU_2017);
        }
    }
}
