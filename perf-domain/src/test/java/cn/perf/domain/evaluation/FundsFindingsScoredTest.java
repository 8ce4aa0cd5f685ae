package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.wan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stored findings alone cover every funds identity {@link SelfEvaluation#fundsFindings()} checks, each once:
 * an imported form (stored as printed) with exactly one identity broken, scored, keeps exactly one funds finding,
 * with the code of that identity, and the domain's own check names the same single identity.
 */
class FundsFindingsScoredTest {

    private static final Instant T = Instant.parse("2021-03-01T02:00:00Z");
    private static final Set<String> FUNDS_CODES = Set.of("FUNDS_BUDGET_BALANCE", "FUNDS_PAYMENT_BALANCE",
            "FUNDS_CARRYOVER_SPLIT", "FUNDS_APPROPRIATION_DIFFERS", "FUNDS_NATIONAL_TOTAL", "SUBPROJECT_SUM_MISMATCH");

    private static final CityBudgetExecution BUDGET_OK = CityBudgetExecution.of(wan("100"), wan("0"), wan("100"),
            wan("0"));
    private static final CityFundsUse USE_OK = CityFundsUse.of(wan("100"), wan("93"), wan("7"), wan("5"), wan("2"));
    private static final List<SubProjectLine> SUBS = List.of(new SubProjectLine("子项目甲", wan("60")),
            new SubProjectLine("子项目乙", wan("40")));

    private static SelfEvaluation suzhou(CityBudgetExecution budget, CityFundsUse use, String subTotal) {
        return SelfEvaluation.importing(Fixtures.suzhou()).cityBudgetExecution(budget).cityFundsUse(use)
                .subProjects(SUBS, wan(subTotal)).filed(T);
    }

    private static SelfEvaluation national(String totalExecuted) {
        return SelfEvaluation.importing(Fixtures.national()).nationalFunds(List.of(
                new NationalFundLine(NationalFundKind.TOTAL, wan("100"), wan("120"), wan(totalExecuted)),
                new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("100"), wan("100"), wan("80")),
                new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("20"), wan("16")),
                NationalFundLine.zero(NationalFundKind.OTHER)), null).filed(T);
    }

    /** The funds findings of one scoring, as stored on the form. */
    private static List<EvaluationFinding> scoredFundsFindings(SelfEvaluation e) {
        RegimeChoice choice = RegimeChoice.of(e.layout(), null);
        SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
        e.storeScoring(ScoringOutcome.of(result, choice, T));
        return e.findings().stream().filter(f -> FUNDS_CODES.contains(f.code())).toList();
    }

    private static void exactlyOne(SelfEvaluation e, String code, String identity) {
        assertThat(e.fundsFindings()).extracting(FundsIdentityViolation::identity).containsExactly(identity);
        assertThat(scoredFundsFindings(e)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.rowPosition()).isNull();
        });
    }

    @Test
    void consistentFiguresGiveNoFundsFinding() {
        SelfEvaluation suzhou = suzhou(BUDGET_OK, USE_OK, "100");
        SelfEvaluation national = national("96");

        assertThat(suzhou.fundsFindings()).isEmpty();
        assertThat(scoredFundsFindings(suzhou)).isEmpty();
        assertThat(national.fundsFindings()).isEmpty();
        assertThat(scoredFundsFindings(national)).isEmpty();
    }

    @Test
    void aBrokenIndicatorBalanceIsOneFinding() {
        exactlyOne(suzhou(CityBudgetExecution.of(wan("100"), wan("0"), wan("100"), wan("5")), USE_OK, "100"),
                "FUNDS_BUDGET_BALANCE", "指标结余数 = 年初预算数 + 当年使用上年结余、结转及当年调整预算数 − 财政拨款数");
    }

    @Test
    void aBalanceOtherThanAppropriationMinusPaymentIsOneFinding() {
        // 100 − 90 = 10, filed 7 = 5 + 2
        exactlyOne(suzhou(BUDGET_OK, CityFundsUse.of(wan("100"), wan("90"), wan("7"), wan("5"), wan("2")), "100"),
                "FUNDS_PAYMENT_BALANCE", "资金结余、结转数 = 财政拨款数 − 实际支付数");
    }

    @Test
    void anUnsplitBalanceIsOneFinding() {
        // seed 002's case: 7 = 100 − 93, but 结转数 0 + 财政收回数 0
        exactlyOne(suzhou(BUDGET_OK, CityFundsUse.of(wan("100"), wan("93"), wan("7"), wan("0"), wan("0")), "100"),
                "FUNDS_CARRYOVER_SPLIT", "资金结余、结转数 = 结转数 + 财政收回数");
    }

    @Test
    void twoDifferentAppropriationsAreOneFinding() {
        exactlyOne(suzhou(BUDGET_OK, CityFundsUse.of(wan("90"), wan("83"), wan("7"), wan("5"), wan("2")), "100"),
                "FUNDS_APPROPRIATION_DIFFERS", "两处财政拨款数一致");
    }

    @Test
    void subProjectsNotAddingUpToTheTotalAreOneFinding() {
        exactlyOne(suzhou(BUDGET_OK, USE_OK, "90"), "SUBPROJECT_SUM_MISMATCH", "合计 = 各子项目实际金额之和");
    }

    @Test
    void aNationalColumnNotAddingUpIsOneFinding() {
        // 全年执行数: 80 + 16 + 0 = 96, filed 90
        SelfEvaluation e = national("90");
        exactlyOne(e, "FUNDS_NATIONAL_TOTAL", "年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金");
        assertThat(e.findings()).filteredOn(f -> f.code().equals("FUNDS_NATIONAL_TOTAL")).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo("项目资金");
                    assertThat(f.message()).isEqualTo("全年执行数：年度资金总额 90.00 应等于 本年财政拨款 80.00 + 上年结转资金 16.00 "
                            + "+ 其他资金 0.00 = 96.00，相差 -6.00");
                });
    }

    @Test
    void everyIdentityTheDomainChecksIsAlsoAStoredFindingWhenAllAreBroken() {
        SelfEvaluation e = suzhou(CityBudgetExecution.of(wan("100"), wan("0"), wan("100"), wan("5")),
                CityFundsUse.of(wan("90"), wan("80"), wan("7"), wan("0"), wan("0")), "90");

        assertThat(e.fundsFindings()).hasSize(5);
        assertThat(scoredFundsFindings(e)).extracting(EvaluationFinding::code).containsExactlyInAnyOrder(
                "FUNDS_BUDGET_BALANCE", "FUNDS_PAYMENT_BALANCE", "FUNDS_CARRYOVER_SPLIT",
                "FUNDS_APPROPRIATION_DIFFERS", "SUBPROJECT_SUM_MISMATCH");
    }
}
