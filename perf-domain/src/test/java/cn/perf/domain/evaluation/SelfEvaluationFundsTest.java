package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.d;
import static cn.perf.domain.evaluation.Fixtures.wan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfEvaluationFundsTest {

    @Test
    void aFilerCannotRecordAnIndicatorBalanceThatBreaksTheBudgetIdentity() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordCityBudgetExecution(
                CityBudgetExecution.of(wan("3773"), wan("10"), wan("3773"), wan("0"))))
                .isInstanceOf(FundsIdentityException.class)
                .hasMessage("市级预算执行情况：指标结余数 0.00 应等于 年初预算数 3773.00 + 当年使用上年结余、结转及当年调整预算数 10.00"
                        + " − 财政拨款数 3773.00 = 10.00");
        assertThat(e.cityBudgetExecution()).isEmpty();
    }

    @Test
    void theIndicatorBalanceCanBeDerivedFromTheOtherThreeFigures() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());
        e.recordCityBudgetExecution(CityBudgetExecution.derived(wan("3773"), wan("10.5"), wan("3700")));

        assertThat(e.cityBudgetExecution().orElseThrow().indicatorBalance()).isEqualTo(wan("83.50"));
        assertThat(e.fundsFindings()).isEmpty();
    }

    @Test
    void aFilerCannotRecordABalanceThatIsNotAppropriatedMinusPaid() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordCityFundsUse(
                CityFundsUse.of(wan("3773"), wan("3513"), wan("200"), wan("200"), wan("0"))))
                .isInstanceOf(FundsIdentityException.class)
                .hasMessage("市级财政资金使用情况：资金结余、结转数 200.00 应等于 财政拨款数 3773.00 − 实际支付数 3513.00 = 260.00");
    }

    @Test
    void aFilerCannotRecordTheSeed002FiguresWhoseBalanceIsNotSplitIntoCarryoverAndRecovery() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordCityFundsUse(
                CityFundsUse.of(wan("3773.00"), wan("3513.00"), wan("260.00"), wan("0.00"), wan("0.00"))))
                .isInstanceOf(FundsIdentityException.class)
                .hasMessage("市级财政资金使用情况：资金结余、结转数 260.00 应等于 结转数 0.00 + 财政收回数 0.00 = 0.00，相差 260.00")
                .satisfies(ex -> assertThat(((FundsIdentityException) ex).violations())
                        .extracting(FundsIdentityViolation::identity)
                        .containsExactly("资金结余、结转数 = 结转数 + 财政收回数"));
        assertThat(e.cityFundsUse()).isEmpty();
    }

    @Test
    void bothBrokenIdentitiesAreNamedInOneMessage() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());

        assertThatThrownBy(() -> e.recordCityFundsUse(
                CityFundsUse.of(wan("100"), wan("90"), wan("5"), wan("1"), wan("1"))))
                .hasMessageContaining("资金结余、结转数 5.00 应等于 财政拨款数 100.00 − 实际支付数 90.00 = 10.00")
                .hasMessageContaining("资金结余、结转数 5.00 应等于 结转数 1.00 + 财政收回数 1.00 = 2.00");
    }

    @Test
    void consistentFundsUseIsRecorded() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());
        e.recordCityFundsUse(CityFundsUse.of(wan("3773"), wan("3513"), wan("260"), wan("200"), wan("60")));

        assertThat(e.cityFundsUse().orElseThrow().carryover()).isEqualTo(wan("200"));
        assertThat(e.fundsFindings()).isEmpty();
    }

    @Test
    void anImportedFormKeepsThePrintedFiguresAndReportsTheBrokenIdentityAsAFinding() {
        SelfEvaluation e = SelfEvaluation.importing(Fixtures.suzhou())
                .cityBudgetExecution(CityBudgetExecution.of(wan("3773.00"), wan("0.00"), wan("3773.00"), wan("0.00")))
                .cityFundsUse(CityFundsUse.of(wan("3773.00"), wan("3513.00"), wan("260.00"), wan("0.00"), wan("0.00")))
                .filed(Instant.parse("2021-03-31T00:00:00Z"));

        assertThat(e.origin()).isEqualTo(EvaluationOrigin.IMPORTED);
        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(e.cityFundsUse().orElseThrow().balance()).isEqualTo(wan("260"));
        assertThat(e.fundsFindings()).extracting(FundsIdentityViolation::toString).containsExactly(
                "市级财政资金使用情况：资金结余、结转数 260.00 应等于 结转数 0.00 + 财政收回数 0.00 = 0.00，相差 260.00");
    }

    @Test
    void anImportedFormWhoseTwoAppropriationsDifferIsFlagged() {
        SelfEvaluation e = SelfEvaluation.importing(Fixtures.suzhou())
                .cityBudgetExecution(CityBudgetExecution.of(wan("100"), wan("0"), wan("100"), wan("0")))
                .cityFundsUse(CityFundsUse.of(wan("90"), wan("90"), wan("0"), wan("0"), wan("0")))
                .filed(Instant.EPOCH);

        assertThat(e.fundsFindings()).extracting(FundsIdentityViolation::message).containsExactly(
                "市级预算执行情况的财政拨款数 100.00 与市级财政资金使用情况的财政拨款数 90.00 不一致");
    }

    @Test
    void aPrintedSubProjectTotalThatDiffersFromTheSumIsFlagged() {
        SelfEvaluation e = SelfEvaluation.importing(Fixtures.suzhou())
                .subProjects(List.of(new SubProjectLine("甲", wan("1.10")), new SubProjectLine("乙", wan("2"))),
                        wan("3.00"))
                .filed(Instant.EPOCH);

        assertThat(e.fundsFindings()).extracting(FundsIdentityViolation::message)
                .containsExactly("2 个子项目实际金额之和 3.10 与合计 3.00 不一致");
    }

    @Test
    void subProjectsEnteredByTheFilerTotalTheirSum() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.suzhou());
        assertThat(e.subProjectTotal()).isEqualTo(wan("100"));

        e.replaceSubProjects(List.of(new SubProjectLine("甲", wan("12.345678")), new SubProjectLine("乙", wan("0.5"))));

        assertThat(e.subProjectTotal()).isEqualTo(wan("12.845678"));
        assertThat(e.subProjects()).extracting(EvaluationSubProject::position).containsExactly(1, 2);
        assertThat(e.fundsFindings()).isEmpty();
    }

    @Test
    void theNationalTotalRowMustBeTheSumOfItsPartsInEveryColumn() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.national());

        assertThatThrownBy(() -> e.recordNationalFunds(List.of(
                new NationalFundLine(NationalFundKind.TOTAL, wan("100"), wan("120"), wan("110")),
                new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("100"), wan("100"), wan("90")),
                new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("10"), wan("10")),
                new NationalFundLine(NationalFundKind.OTHER, wan("0"), wan("0"), wan("0")))))
                .isInstanceOf(FundsIdentityException.class)
                .hasMessage("项目资金：全年预算数：年度资金总额 120.00 应等于 本年财政拨款 100.00 + 上年结转资金 10.00 + 其他资金 0.00"
                        + " = 110.00；项目资金：全年执行数：年度资金总额 110.00 应等于 本年财政拨款 90.00 + 上年结转资金 10.00"
                        + " + 其他资金 0.00 = 100.00");
    }

    @Test
    void theNationalExecutionRateIsExecutedOverAnnualBudget() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(Fixtures.national());
        assertThat(e.budgetExecutionRatePercent()).as("A = 0 has no rate").isNull();

        e.recordNationalFunds(List.of(
                new NationalFundLine(NationalFundKind.TOTAL, wan("100"), wan("120"), wan("100")),
                new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("100"), wan("110"), wan("92")),
                new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("10"), wan("8")),
                NationalFundLine.zero(NationalFundKind.OTHER)));

        assertThat(e.budgetExecutionRatePercent()).isEqualByComparingTo(d("83.33"));
        assertThat(e.nationalFunds()).extracting(NationalFundRow::kind).containsExactly(NationalFundKind.values());
        assertThat(e.fundsFindings()).isEmpty();
    }

    @Test
    void aSuzhouFormHasNoNationalFundsBlockAndViceVersa() {
        SelfEvaluation suzhou = SelfEvaluation.fromDeclaration(Fixtures.suzhou());
        SelfEvaluation national = SelfEvaluation.fromDeclaration(Fixtures.national());

        assertThatThrownBy(() -> suzhou.recordNationalFunds(List.of()))
                .hasMessage("苏州市级财政支出项目绩效自评表没有“项目资金”一栏");
        assertThatThrownBy(() -> national.recordCityFundsUse(
                CityFundsUse.of(wan("1"), wan("1"), wan("0"), wan("0"), wan("0"))))
                .hasMessage("项目支出绩效自评表（财预〔2020〕10号）没有“市级财政资金使用情况”一栏");
    }
}
