package cn.perf.scoring.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.trace.RuleIds;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 002 (Suzhou 2020 自评表, 电子政务项目建设资金) scored completely under SUZHOU_2017. */
class Seed002Test {

    private final SheetResult result = new SheetScorer(ScoringRegimes.SUZHOU_2017).score(Seed002.sheet());

    @Test
    void theSheetHasAllRowsAsPrinted() {
        assertThat(result.rows()).hasSize(38);
        assertThat(result.rows().stream().collect(Collectors.groupingBy(RowResult::category, Collectors.counting())))
                .containsEntry("投入", 14L).containsEntry("产出", 11L).containsEntry("结果", 9L).containsEntry("影响力", 4L);
    }

    @ParameterizedTest(name = "{0} {1} → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            1  | 资金使用合规性 | 3.00 | QUALITATIVE_GRADE | 实际完成值评为“好”，按等级“好”得权重的 100%：3 × 100% = 3.00
            2  | 财务制度健全性 | 3.00 | QUALITATIVE_GRADE | 3 × 100% = 3.00
            3  | 资产产权明确性 | 1.00 | QUALITATIVE_GRADE | 1 × 100% = 1.00
            4  | 各级财政应承担资金到位率 | 1.00 | BAND_FULL | 完成率 100.0%，在 100%~130% 满分区间内
            5  | 预算执行率 | 3.90 | BAND_SHORT | 完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：6 × 65% = 3.90
            6  | 专款专用率 | 3.00 | BAND_FULL | 完成率 100.0%
            7  | 资金节约率 | 1.00 | LOWER_MET | 越低越好，实际 1 ≤ 目标 15，已达成
            8  | 配套设施到位率 | 1.00 | BAND_FULL | 满分区间内
            9  | 实际风险事件有效控制率 | 1.00 | BAND_FULL | 满分区间内
            10 | 政府采购规范性 | 2.00 | QUALITATIVE_GRADE | 实际完成值以百分比填报为“=100%”（≥100%），视为完全达成
            11 | 可行研究充分性 | 1.00 | QUALITATIVE_GRADE | 按等级“好”
            12 | 工程变更合规性 | 1.00 | QUALITATIVE_GRADE | 按等级“好”
            13 | 与预期质量计划差距定期检查率 | 1.00 | BAND_FULL | 满分区间内
            14 | 业务运维体系健全性 | 1.00 | QUALITATIVE_GRADE | 按等级“好”
            15 | 项目验收通过率 | 2.18 | BAND_FULL | 满分区间内
            16 | 各项目目标达成率 | 2.18 | BAND_FULL | 满分区间内
            17 | 项目建设管理规范 | 2.18 | QUALITATIVE_GRADE | 实际完成值“规范”与目标一致
            18 | 年内项目启动数 | 2.18 | BAND_FULL | 7 ÷ 7
            19 | 签名验签服务器 | 2.18 | BAND_FULL | 4 ÷ 4
            20 | 圈存机布点数 | 2.18 | BAND_FULL | 1000 ÷ 805，完成率 124.22%，在 100%~130% 满分区间内
            21 | 监管数据中心基础库建成数 | 2.18 | BAND_FULL | 8 ÷ 8
            22 | 落实项目监理制数量 | 2.18 | BAND_FULL | 10 ÷ 10
            23 | 业务中台通用服务能力 | 2.18 | BAND_FULL | 7 ÷ 6，完成率 116.67%
            24 | 提供数据质量的第三方数据质量监测服务 | 2.18 | BAND_FULL | 40 ÷ 40
            25 | 安全认证网关 | 2.20 | BAND_FULL | 得满分 2.20
            26 | 数据交换前置交换节点数 | 2.44 | THRESHOLD_FULL | 40 ÷ 35，完成率 114.29%，≥ 100% 得满分 2.44
            27 | 业务标签信息 | 2.44 | THRESHOLD_FULL | 完成率 192.73%
            28 | 对接业务部门服务 | 2.44 | THRESHOLD_FULL | 完成率 200.0%
            29 | APP 下载数 | 2.44 | THRESHOLD_FULL | 完成率 538.0%，≥ 100% 得满分 2.44（该类超出目标不扣分）
            30 | 架构治理服务提交电子政务项目初审报告数 | 2.44 | THRESHOLD_FULL | 100 ÷ 100
            31 | 数据中台综合监控分析项 | 2.44 | THRESHOLD_FULL | 20 ÷ 20
            32 | 数据资源分析算数据资源分析算法 | 2.44 | THRESHOLD_FULL | 4 ÷ 4
            33 | 监管数据中心对接部门数 | 2.44 | THRESHOLD_FULL | 完成率 160.0%
            34 | 业务中台需要对接部门业务服务 | 2.48 | THRESHOLD_FULL | 得满分 2.48
            35 | 数据库标准化水平 | 2.00 | QUALITATIVE_GRADE | 实际完成值“提升”与目标一致
            36 | 部门用户满意度 | 2.00 | THRESHOLD_FULL | 100 ÷ 95，完成率 105.26%
            37 | 部门沟通机制健全性 | 2.00 | QUALITATIVE_GRADE | 实际完成值“健全”与目标一致
            38 | 全市电子政务项目治理水平 | 2.00 | QUALITATIVE_GRADE | 2 × 100% = 2.00
            """)
    void everyRowScoresWithItsRuleAndTrace(int rowNumber, String name, String score, String ruleId, String traceText) {
        RowResult r = result.rows().get(rowNumber - 1);
        assertThat(r.name()).isEqualTo(name);
        assertThat(r.status()).isEqualTo(RowStatus.SCORED);
        assertThat(r.finalScore()).isEqualByComparingTo(score);
        assertThat(r.trace().ruleId()).isEqualTo(ruleId);
        assertThat(r.trace().text()).contains(traceText);
    }

    @Test
    void influenceRowsSayTheRuleTextDoesNotNameThem() {
        result.rows().stream().filter(r -> r.category().equals("影响力"))
                .forEach(r -> assertThat(r.trace().fullText()).contains("填表说明未列明影响力类评分规则"));
        assertThat(result.row("部门用户满意度").trace().fullText()).contains("定量指标按结果类规则评分");
    }

    @Test
    void computedTotalIs77Point90AgainstRecorded80() {
        assertThat(result.total()).isEqualByComparingTo("77.90");
        assertThat(result.sheet().recordedTotal()).isEqualByComparingTo("80");
        assertThat(result.maxPoints()).isEqualByComparingTo("80");
        assertThat(result.categories()).extracting(CategoryResult::name, c -> c.score().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("投入", "23.90"),
                        org.assertj.core.groups.Tuple.tuple("产出", "24.00"),
                        org.assertj.core.groups.Tuple.tuple("结果", "22.00"),
                        org.assertj.core.groups.Tuple.tuple("影响力", "8.00"));
        assertThat(result.complete()).isTrue();
    }

    @Test
    void totalIsTheSumOfRoundedRows() {
        BigDecimal sum = result.rows().stream().map(RowResult::finalScore).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.total()).isEqualByComparingTo(sum);
    }

    @Test
    void gradeIsTakenOnTheScoreRate() {
        assertThat(result.grade().name()).isEqualTo("优");
        assertThat(result.gradeTrace().text()).contains("77.90 / 满分 80").contains("97.38%");
    }

    @Test
    void recordedSixForBudgetExecutionIsFound() {
        List<Finding> f = result.findings(FindingCode.RECORDED_SCORE_MISMATCH);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).rowNumber()).isEqualTo(5);
        assertThat(f.get(0).message()).contains("填报自评分 6，按规则计算为 3.90，相差 2.10");
    }

    @Test
    void recordedTotalMismatchIsFound() {
        assertThat(result.findings(FindingCode.RECORDED_TOTAL_MISMATCH)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("填报合计 80，按规则计算为 77.90"));
    }

    @Test
    void balanceEqualsAppropriationMinusPaymentButNotCarryoverPlusRecovered() {
        assertThat(result.findings(FindingCode.FUNDS_PAYMENT_BALANCE)).isEmpty();
        assertThat(result.findings(FindingCode.FUNDS_BUDGET_BALANCE)).isEmpty();
        assertThat(result.findings(FindingCode.FUNDS_APPROPRIATION_DIFFERS)).isEmpty();
        assertThat(result.findings(FindingCode.FUNDS_CARRYOVER_SPLIT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("260.00").contains("结转数 0.00 + 财政收回数 0.00 = 0.00");
        });
    }

    @Test
    void thirteenSubProjectsSumTo3773() {
        assertThat(Seed002.subProjects().items()).hasSize(13);
        assertThat(Seed002.subProjects().sum()).isEqualByComparingTo("3773");
        assertThat(result.findings(FindingCode.SUBPROJECT_SUM_MISMATCH)).isEmpty();
    }

    @Test
    void weightsSumToCategoryPoints() {
        assertThat(result.findings(FindingCode.WEIGHT_SUM_MISMATCH)).isEmpty();
        assertThat(result.categories()).allSatisfy(c -> assertThat(c.weightSum()).isEqualByComparingTo(c.points()));
    }

    @Test
    void overAchievedResultsWithoutExplanationAreFlagged() {
        assertThat(result.findings(FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED)).extracting(Finding::rowNumber)
                .containsExactly(27, 28, 29, 33);
    }

    @Test
    void theShortBudgetRowLacksADeviationReason() {
        assertThat(result.findings(FindingCode.DEVIATION_REASON_MISSING)).extracting(Finding::rowNumber).containsExactly(5);
    }

    @Test
    void exactlyTheseFindingsAreRaised() {
        assertThat(result.findings()).extracting(Finding::code).containsExactlyInAnyOrder(
                FindingCode.DEVIATION_REASON_MISSING, FindingCode.RECORDED_SCORE_MISMATCH,
                FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED, FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED,
                FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED, FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED,
                FindingCode.RECORDED_TOTAL_MISMATCH, FindingCode.FUNDS_CARRYOVER_SPLIT,
                // the seed's seven bare-number targets (=8, =10, =6, =40, =2, ≥10, ≥30) carry no unit
                FindingCode.TARGET_UNIT_MISSING, FindingCode.TARGET_UNIT_MISSING, FindingCode.TARGET_UNIT_MISSING,
                FindingCode.TARGET_UNIT_MISSING, FindingCode.TARGET_UNIT_MISSING, FindingCode.TARGET_UNIT_MISSING,
                FindingCode.TARGET_UNIT_MISSING);
    }

    @Test
    void bareNumberTargetsAreReportedWithoutChangingTheScores() {
        assertThat(result.findings(FindingCode.TARGET_UNIT_MISSING)).extracting(Finding::rowNumber)
                .containsExactly(21, 22, 23, 24, 25, 33, 34);
        assertThat(result.findings(FindingCode.TARGET_UNIT_MISSING)).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(cn.perf.scoring.check.Severity.WARNING);
            assertThat(f.message()).contains("未写单位，无法确定计量口径");
        });
    }

    @Test
    void weightsComputedFromLibraryAndEqualSplitMatchThePrintedOnes() {
        List<IndicatorRow> unweighted = Seed002.rows().stream()
                .map(r -> new IndicatorRow(r.category(), r.subCategory(), r.name(), r.target(), r.direction(), null,
                        r.actual(), r.explanation(), r.deviationReason(), r.recordedScore(), r.chosenScore(),
                        r.reviewerAdjustment()))
                .toList();
        Sheet sheet = Sheet.builder("seed 002 without weights", "SUZHOU_2017")
                .category("投入", "26").category("产出", "24").category("结果", "22").category("影响力", "8")
                .rows(unweighted).libraryWeights(Seed002.INPUT_LIBRARY).build();
        SheetResult computed = new SheetScorer(ScoringRegimes.SUZHOU_2017).score(sheet);
        for (int i = 0; i < 38; i++) {
            assertThat(computed.rows().get(i).weight()).as(Seed002.rows().get(i).name())
                    .isEqualByComparingTo(Seed002.rows().get(i).weight());
        }
        assertThat(computed.row("预算执行率").weightTrace().ruleId()).isEqualTo(RuleIds.WEIGHT_LIBRARY);
        assertThat(computed.row("安全认证网关").weightTrace().text()).contains("24 ÷ 11 = 2.18").contains("末项取余 24 − 2.18 × 10 = 2.20");
        assertThat(computed.row("业务中台需要对接部门业务服务").weightTrace().text()).contains("末项取余 22 − 2.44 × 8 = 2.48");
        assertThat(computed.row("部门用户满意度").weight()).isEqualByComparingTo("2");
        assertThat(computed.total()).isEqualByComparingTo("77.90");
    }

    @Test
    void fullTraceCanBePrinted() {
        String text = result.toText();
        assertThat(text).contains("第5行【投入】预算执行率").contains("合计：77.90 / 80（填报合计 80）")
                .contains("FUNDS_CARRYOVER_SPLIT");
        assertThat(text.lines().count()).isGreaterThan(38 * 3);
    }
}
