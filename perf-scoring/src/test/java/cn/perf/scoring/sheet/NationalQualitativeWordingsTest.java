package cn.perf.scoring.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.rule.QualitativeWordings;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** National forms write qualitative actuals as 达成预期指标 / 基本达成 / 未达到预期 and file the chosen score as 自评分. */
class NationalQualitativeWordingsTest {

    private static final SheetScorer NATIONAL = new SheetScorer(ScoringRegimes.NATIONAL_2020);

    private static SheetResult nationalOne(IndicatorRow row) {
        return NATIONAL.score(Sheet.builder("t", "NATIONAL_2020").category("效益", "10").row(row)
                .budgetExecution(new BudgetExecution(new BigDecimal("100"), new BigDecimal("100"))).build());
    }

    private static IndicatorRow.Builder benefit(String actual, String filed) {
        return IndicatorRow.builder("效益", "群众获得感").weight("10").target("显著提升").actual(actual).recordedScore(filed);
    }

    @ParameterizedTest
    @CsvSource({"达成预期指标,0", "达到预期目标,0", "已完成,0", "全部完成。,0", "达标,0", "符合预期,0", "实现年度目标,0",
            "基本达成,1", "部分达成,1", "基本达到预期目标,1", "部分完成,1",
            "未达到预期,2", "未达成,2", "未完成年度目标,2", "未达标,2", "没有达到预期目标,2"})
    void wordingsMapToTiers(String text, int tier) {
        assertThat(QualitativeWordings.tierIndex(text)).hasValue(tier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"效果明显", "达到预期目标，但仍有差距", "较好", "有所提升", ""})
    void otherTextsAreNotMapped(String text) {
        assertThat(QualitativeWordings.tierIndex(text)).isEmpty();
    }

    @Test
    void aFiledScoreInsideTheTierIsTheChosenScore() {
        SheetResult r = nationalOne(benefit("达成预期指标", "9").build());
        RowResult row = r.rows().get(0);
        assertThat(row.status()).isEqualTo(RowStatus.SCORED);
        assertThat(row.finalScore()).isEqualByComparingTo("9");
        assertThat(row.trace().fullText()).contains("实际完成值“达成预期指标”按定性表述对照表属“达成”档")
                .contains("以填报自评分 9 作为填报人在档次内所选得分");
        assertThat(r.findings(FindingCode.RECORDED_SCORE_MISMATCH)).isEmpty();
        assertThat(r.findings(FindingCode.QUALITATIVE_ACTUAL_UNMAPPED)).isEmpty();
        assertThat(r.total()).isEqualByComparingTo("19.00");
    }

    @Test
    void basicallyAchievedIsPartlyAndAFiledScoreAboveItsBandIsAFinding() {
        SheetResult r = nationalOne(benefit("基本达成", "9").build());
        RowResult row = r.rows().get(0);
        assertThat(row.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(r.findings(FindingCode.QUALITATIVE_SCORE_OUT_OF_BAND)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("“基本达成”按定性表述对照表属“部分达成”档").contains("所选得分 9 不在区间内")
                    .contains("以填报自评分 9 作为填报人在档次内所选得分");
        });
    }

    @Test
    void notAchievedWithALowFiledScoreIsScored() {
        SheetResult r = nationalOne(benefit("未达到预期", "4").build());
        assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("4");
        assertThat(r.rows().get(0).trace().fullText()).contains("属“未达成”档");
    }

    @Test
    void anUnknownWordingWithAFiledScoreAsksForReview() {
        SheetResult r = nationalOne(benefit("效果明显", "9").build());
        assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
        assertThat(r.findings(FindingCode.QUALITATIVE_ACTUAL_UNMAPPED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("效果明显").contains("待审核人评分"));
    }

    @Test
    void aKnownWordingWithoutAnyScoreStillWaitsForTheFiler() {
        SheetResult r = nationalOne(benefit("达到预期目标", null).build());
        assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.PENDING_REVIEW);
        assertThat(r.findings(FindingCode.QUALITATIVE_SCORE_NOT_CHOSEN)).hasSize(1);
    }
}
