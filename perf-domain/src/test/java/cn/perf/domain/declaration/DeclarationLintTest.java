package cn.perf.domain.declaration;

import static cn.perf.domain.declaration.Contents.NATIONAL_FRAMEWORK;
import static cn.perf.domain.declaration.Contents.SUZHOU_FRAMEWORK;
import static cn.perf.domain.declaration.Contents.cityFunding;
import static cn.perf.domain.declaration.Contents.cleanNational;
import static cn.perf.domain.declaration.Contents.cleanSuzhou;
import static cn.perf.domain.declaration.Contents.funding;
import static cn.perf.domain.declaration.Contents.nationalRow;
import static cn.perf.domain.declaration.Contents.plusIndicators;
import static cn.perf.domain.declaration.Contents.sub;
import static cn.perf.domain.declaration.Contents.suzhouRow;
import static cn.perf.domain.declaration.Contents.withCategory;
import static cn.perf.domain.declaration.Contents.withDirection;
import static cn.perf.domain.declaration.Contents.withExplanation;
import static cn.perf.domain.declaration.Contents.withFunding;
import static cn.perf.domain.declaration.Contents.withIndicator;
import static cn.perf.domain.declaration.Contents.withKeys;
import static cn.perf.domain.declaration.Contents.withLeader;
import static cn.perf.domain.declaration.Contents.withMeasureUnit;
import static cn.perf.domain.declaration.Contents.withName;
import static cn.perf.domain.declaration.Contents.withRequest;
import static cn.perf.domain.declaration.Contents.withSubProjects;
import static cn.perf.domain.declaration.Contents.withTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationLint.Rule;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.scoring.target.Direction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each named rule of {@link DeclarationLint}: it fires on a minimal content that breaks it, and not on the corrected
 * content. The clean contents of {@link Contents} have no finding at all, so every test changes one thing.
 */
class DeclarationLintTest {

    static final DeclarationLint LINT = DeclarationLint.standard();

    static List<DeclarationFinding> suzhou(DeclarationContent c) {
        return LINT.check(c, FormLayout.SUZHOU, SUZHOU_FRAMEWORK);
    }

    static List<DeclarationFinding> national(DeclarationContent c) {
        return LINT.check(c, FormLayout.NATIONAL, NATIONAL_FRAMEWORK);
    }

    static List<DeclarationFinding> of(Rule rule, List<DeclarationFinding> findings) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    static Set<Rule> rules(List<DeclarationFinding> findings) {
        return findings.stream().map(DeclarationFinding::rule).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Rule.class)));
    }

    @Test
    void theCleanContentsHaveNoFindingAtAll() {
        assertThat(suzhou(cleanSuzhou())).isEmpty();
        assertThat(national(cleanNational())).isEmpty();
    }

    @Nested
    class Funds {

        @Test
        void aSuzhouFormWithoutSubProjectsIsBlocked() {
            DeclarationContent none = withSubProjects(cleanSuzhou(), List.of())
                    .withIndicators(List.of(suzhouRow("产出", List.of(), "建设模块数", "≥6个")));
            assertThat(of(Rule.NO_SUB_PROJECT, suzhou(none))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("subProjects");
                assertThat(f.message()).isEqualTo("项目资金构成至少要有一个子项目");
            });
            assertThat(rules(suzhou(cleanSuzhou()))).doesNotContain(Rule.NO_SUB_PROJECT);
        }

        @Test
        void aSubProjectWithoutAmountIsBlockedAndNamesItsRow() {
            DeclarationContent c = withSubProjects(cleanSuzhou(),
                    List.of(sub("s1", "平台建设", "10"), sub("s2", "项目监理", null)));
            c = withIndicator(c, 0, r -> withKeys(r, List.of("s1", "s2")));
            assertThat(of(Rule.SUB_PROJECT_AMOUNT_MISSING, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("subProjects[1]");
                assertThat(f.rowIndex()).isEqualTo(1);
                assertThat(f.table()).isEqualTo("subProjects");
                assertThat(f.message()).isEqualTo("子项目第 2 行“项目监理”的预算金额未填写");
            });
            DeclarationContent filled = withSubProjects(c, List.of(sub("s1", "平台建设", "10"), sub("s2", "项目监理", "0")));
            assertThat(rules(suzhou(filled))).doesNotContain(Rule.SUB_PROJECT_AMOUNT_MISSING);
        }

        @Test
        void seed001PlanEqualsItsCompositionAndAnyOtherPlanIsBlocked() {
            // 本年度计划数合计 41.86 = 21.86 + 10 + 10
            DeclarationContent seed001 = Contents.suzhou(
                    List.of(sub("a", "“互联网+监管”信息化平台", "21.86"), sub("b", "行政监管栏目", "10.00"),
                            sub("c", "统一执法栏目", "10.00")),
                    cityFunding("433.60", "300.00", "41.86"),
                    List.of(suzhouRow("产出", List.of("a", "b", "c"), "系统建设模块数", "=4个")));
            assertThat(suzhou(seed001)).isEmpty();
            assertThat(DeclarationTotals.of(seed001).planMatchesComposition()).isTrue();

            DeclarationContent off = withFunding(seed001, cityFunding("433.60", "300.00", "40"));
            assertThat(of(Rule.PLAN_NOT_COMPOSITION, suzhou(off))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("fundingSources");
                assertThat(f.message()).isEqualTo("本年度计划数合计（40.00 万元）≠ 项目资金构成合计（41.86 万元）");
            });
            assertThat(DeclarationTotals.of(off).planMatchesComposition()).isFalse();
        }

        @Test
        void anEmptyPlanCountsAsZeroAgainstTheComposition() {
            DeclarationContent c = withFunding(cleanSuzhou(), cityFunding(null, null, null));
            assertThat(of(Rule.PLAN_NOT_COMPOSITION, suzhou(c))).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("本年度计划数合计（0.00 万元）≠ 项目资金构成合计（10.00 万元）"));
        }

        @Test
        void aFundingRowWhosePriorAndPlannedExceedItsInvestmentIsANotice() {
            // 市级财政资金 is the second printed row
            DeclarationContent over = withFunding(cleanSuzhou(), cityFunding("20", "15", "10"));
            assertThat(of(Rule.FUNDING_EXCEEDS_INVESTMENT, suzhou(over))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("fundingSources[1]");
                assertThat(f.message()).isEqualTo("市级财政资金：上年度资金与本年度计划数之和（25.00 万元）超过项目投资总额（20.00 万元）");
            });
            DeclarationContent exactly = withFunding(cleanSuzhou(), cityFunding("20", "10", "10"));
            assertThat(rules(suzhou(exactly))).doesNotContain(Rule.FUNDING_EXCEEDS_INVESTMENT);
            DeclarationContent noInvestment = withFunding(cleanSuzhou(), cityFunding(null, "15", "10"));
            assertThat(rules(suzhou(noInvestment))).doesNotContain(Rule.FUNDING_EXCEEDS_INVESTMENT);
        }

        @Test
        void aNationalFormWithoutTotalIsBlocked() {
            DeclarationContent missing = withRequest(cleanNational(), FundsRequest.NONE);
            assertThat(of(Rule.FUNDS_REQUEST_MISSING, national(missing))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("fundsRequest");
            });
            assertThat(rules(national(missing))).doesNotContain(Rule.FUNDS_REQUEST_MISMATCH);
            assertThat(rules(national(cleanNational()))).doesNotContain(Rule.FUNDS_REQUEST_MISSING);
        }

        @Test
        void aNationalTotalMustBeTheAppropriationPlusOwnFunds() {
            DeclarationContent mismatch = withRequest(cleanNational(),
                    new FundsRequest(Money.ofWan("350"), Money.ofWan("300"), null, null, null));
            assertThat(of(Rule.FUNDS_REQUEST_MISMATCH, national(mismatch))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("fundsRequest");
                assertThat(f.message()).isEqualTo("资金总额（350.00 万元）≠ 财政拨款与自有资金之和（300.00 万元）");
            });
            // 350 = 350 + 0 (seed 003), and 350 = 300 + 20 + 10 + 20
            assertThat(national(withRequest(cleanNational(),
                    new FundsRequest(Money.ofWan("350"), Money.ofWan("350"), null, null, null)))).isEmpty();
            assertThat(national(withRequest(cleanNational(), new FundsRequest(Money.ofWan("350"), Money.ofWan("300"),
                    Money.ofWan("20"), Money.ofWan("10"), Money.ofWan("20"))))).isEmpty();
        }

        @Test
        void theSuzhouFundsRulesDoNotApplyToANationalFormAndViceVersa() {
            assertThat(rules(LINT.check(cleanSuzhou(), FormLayout.SUZHOU, null)))
                    .doesNotContain(Rule.FUNDS_REQUEST_MISSING, Rule.FUNDS_REQUEST_MISMATCH);
            assertThat(rules(LINT.check(cleanNational(), FormLayout.NATIONAL, null)))
                    .doesNotContain(Rule.NO_SUB_PROJECT, Rule.PLAN_NOT_COMPOSITION);
        }
    }

    @Nested
    class Indicators {

        @Test
        void aFormWithoutIndicatorsIsBlocked() {
            DeclarationContent none = cleanSuzhou().withIndicators(List.of());
            assertThat(of(Rule.NO_INDICATOR, suzhou(none))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators");
                assertThat(f.message()).isEqualTo("至少要有一个绩效指标");
            });
            assertThat(rules(suzhou(cleanSuzhou()))).doesNotContain(Rule.NO_INDICATOR);
        }

        @Test
        void aNationalFormNeedsAnAnnualIndicatorNotOnlyLongTermOnes() {
            DeclarationContent longTermOnly = cleanNational().withIndicators(List.of(
                    nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "新增监控点位", "≥35个")));
            assertThat(of(Rule.NO_INDICATOR, national(longTermOnly))).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("年度绩效指标至少要有一行"));
            assertThat(rules(national(cleanNational()))).doesNotContain(Rule.NO_INDICATOR);
        }

        @Test
        void aRowWithoutNameIsBlocked() {
            DeclarationContent c = withIndicator(cleanSuzhou(), 1, r -> withName(r, " "));
            assertThat(of(Rule.INDICATOR_NAME_MISSING, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 2 行“ ”：指标名称未填写");
            });
            assertThat(of(Rule.INDICATOR_NAME_MISSING, suzhou(withIndicator(cleanSuzhou(), 1, r -> withName(r, null)))))
                    .hasSize(1);
        }

        @Test
        void aCategoryOutsideTheFrameworkIsBlocked() {
            DeclarationContent foreign = withIndicator(cleanNational(), 1, r -> withCategory(r, "产出指标", "时效指标"));
            assertThat(of(Rule.CATEGORY_NOT_IN_FRAMEWORK, national(foreign))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).startsWith("年度绩效指标第 1 行“新增监控点位”：“产出指标”的二级指标应为数量指标、质量指标、成本指标之一");
            });
            DeclarationContent fundsBased = withIndicator(cleanNational(), 1, r -> withCategory(r, "预算执行率", null));
            assertThat(of(Rule.CATEGORY_NOT_IN_FRAMEWORK, national(fundsBased))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("指标类别“预算执行率”不属于全国2020"));
            DeclarationContent suzhouForeign = withIndicator(cleanSuzhou(), 1, r -> withCategory(r, "效益指标", null));
            assertThat(of(Rule.CATEGORY_NOT_IN_FRAMEWORK, suzhou(suzhouForeign))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("指标类别“效益指标”不属于苏州2017（可选：投入、产出、结果、影响力）"));

            DeclarationContent corrected = withIndicator(cleanNational(), 1, r -> withCategory(r, "产出指标", "质量指标"));
            assertThat(rules(national(corrected))).doesNotContain(Rule.CATEGORY_NOT_IN_FRAMEWORK);
        }

        @Test
        void withoutAFrameworkTheCategoriesAreNotChecked() {
            DeclarationContent foreign = withIndicator(cleanNational(), 1, r -> withCategory(r, "无此类别", null));
            assertThat(rules(LINT.check(foreign, FormLayout.NATIONAL, null)))
                    .doesNotContain(Rule.CATEGORY_NOT_IN_FRAMEWORK);
        }

        @Test
        void anEmptyTargetIsBlocked() {
            DeclarationContent c = withIndicator(cleanSuzhou(), 0, r -> withTarget(r, "  "));
            assertThat(of(Rule.TARGET_MISSING, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators[0]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 1 行“建设模块数”：目标值未填写");
            });
            assertThat(rules(suzhou(c))).doesNotContain(Rule.TARGET_UNREADABLE, Rule.PLACEHOLDER_TARGET);
            assertThat(rules(suzhou(cleanSuzhou()))).doesNotContain(Rule.TARGET_MISSING);
        }

        @Test
        void aRangeIsUnreadableAndBlocked() {
            DeclarationContent c = withIndicator(cleanSuzhou(), 1, r -> withTarget(r, "80%-90%"));
            assertThat(of(Rule.TARGET_UNREADABLE, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).startsWith("年度绩效指标第 2 行“系统可用率”：目标值“80%-90%”无法识别（")
                        .contains("含有多个数值");
            });
            assertThat(rules(suzhou(withIndicator(cleanSuzhou(), 1, r -> withTarget(r, "≥80%")))))
                    .doesNotContain(Rule.TARGET_UNREADABLE);
        }

        @Test
        void aPlaceholderTargetBlocksButAPlaceholderExplanationIsANotice() {
            DeclarationContent star = withIndicator(cleanSuzhou(), 0, r -> withTarget(r, "*"));
            assertThat(of(Rule.PLACEHOLDER_TARGET, suzhou(star))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isTrue();
                assertThat(f.path()).isEqualTo("indicators[0]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 1 行“建设模块数”：目标值“*”是占位符，请填写实际目标");
            });
            assertThat(rules(suzhou(star))).doesNotContain(Rule.TARGET_UNREADABLE, Rule.TARGET_MISSING);

            DeclarationContent slash = withIndicator(cleanSuzhou(), 0, r -> withExplanation(r, "/"));
            assertThat(of(Rule.PLACEHOLDER_VALUE, suzhou(slash))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[0]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 1 行“建设模块数”：指标解释“/”是占位符，请填写实际内容");
            });

            DeclarationContent header = withLeader(cleanSuzhou(), "无");
            assertThat(of(Rule.PLACEHOLDER_VALUE, suzhou(header))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("projectLeader");
            });

            DeclarationContent corrected = withIndicator(cleanSuzhou(), 0,
                    r -> withExplanation(withTarget(r, "≥6个"), "建设的功能模块个数"));
            assertThat(rules(suzhou(corrected))).doesNotContain(Rule.PLACEHOLDER_VALUE, Rule.PLACEHOLDER_TARGET);
        }

        @Test
        void aQuantitativeTargetWithoutUnitIsANoticeUnlessTheRowNamesItsUnit() {
            DeclarationContent c = plusIndicators(cleanSuzhou(),
                    suzhouRow("结果", List.of(), "日均访问量", "43.2"),
                    suzhouRow("结果", List.of(), "办件量", "100"));
            List<DeclarationFinding> found = of(Rule.QUANTITATIVE_WITHOUT_UNIT, suzhou(c));
            assertThat(found).extracting(DeclarationFinding::path).containsExactly("indicators[2]", "indicators[3]");
            assertThat(found).allSatisfy(f -> assertThat(f.blocking()).isFalse());
            assertThat(found.get(0).message()).isEqualTo(
                    "年度绩效指标第 3 行“日均访问量”：定量目标值“43.2”没有单位，请写明单位（如 %、个、万元）");

            DeclarationContent withUnits = plusIndicators(cleanSuzhou(),
                    withMeasureUnit(suzhouRow("结果", List.of(), "日均访问量", "43.2"), "万人次"),
                    suzhouRow("结果", List.of(), "办件量", "100件"));
            assertThat(rules(suzhou(withUnits))).doesNotContain(Rule.QUANTITATIVE_WITHOUT_UNIT);
        }

        @Test
        void anApproximateTargetIsANoticeNamingItsRowAndTheExactWayToWriteIt() {
            DeclarationContent c = plusIndicators(cleanSuzhou(),
                    suzhouRow("结果", List.of(), "数据交换节点数", "约35个"),
                    suzhouRow("结果", List.of(), "接入部门数", "35个左右"),
                    suzhouRow("结果", List.of(), "培训人次", "近500人次"));
            List<DeclarationFinding> found = of(Rule.APPROXIMATE_TARGET, suzhou(c));
            assertThat(found).extracting(DeclarationFinding::path)
                    .containsExactly("indicators[2]", "indicators[3]", "indicators[4]");
            assertThat(found).allSatisfy(f -> assertThat(f.blocking()).isFalse());
            assertThat(found).extracting(DeclarationFinding::message).containsExactly(
                    "年度绩效指标第 3 行“数据交换节点数”：目标值“约35个”是约数（“约”），不是确切目标，评分时只能暂按 35个 计；"
                            + "请写成确切的目标值，如“≥35个”",
                    "年度绩效指标第 4 行“接入部门数”：目标值“35个左右”是约数（“左右”），不是确切目标，评分时只能暂按 35个 计；"
                            + "请写成确切的目标值，如“≥35个”",
                    "年度绩效指标第 5 行“培训人次”：目标值“近500人次”是约数（“近”），不是确切目标，评分时只能暂按 500人次 计；"
                            + "请写成确切的目标值，如“≥500人次”");
            // stored as 定性 text, so the unit rule does not also fire on it
            assertThat(rules(suzhou(c))).doesNotContain(Rule.QUANTITATIVE_WITHOUT_UNIT);

            DeclarationContent exact = plusIndicators(cleanSuzhou(),
                    suzhouRow("结果", List.of(), "数据交换节点数", "≥35个"),
                    suzhouRow("结果", List.of(), "安全运行", "近3年无安全事故"));
            assertThat(rules(suzhou(exact))).as("an exact number, and prose that starts with 近")
                    .doesNotContain(Rule.APPROXIMATE_TARGET);
        }

        @Test
        void anApproximateTargetWithoutUnitAlsoAsksForTheUnitAndNationalRowsAreCheckedToo() {
            DeclarationContent c = cleanNational().withIndicators(List.of(
                    nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "新增监控点位", "约35"),
                    nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "新增监控点位", "≥20个")));
            assertThat(of(Rule.APPROXIMATE_TARGET, national(c))).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("indicators[0]");
                assertThat(f.message()).isEqualTo("长期绩效指标第 1 行“新增监控点位”：目标值“约35”是约数（“约”），不是确切目标，"
                        + "评分时只能暂按 35 计；请写成确切的目标值，如“≥35”，并写明单位");
            });
        }

        @Test
        void aRateAbove100PercentIsANotice() {
            DeclarationContent c = withIndicator(cleanSuzhou(), 1, r -> withTarget(r, "≥120%"));
            assertThat(of(Rule.RATE_ABOVE_100, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).contains("“≥120%”超过 100%");
            });
            assertThat(rules(suzhou(withIndicator(cleanSuzhou(), 1, r -> withTarget(r, "≥100%")))))
                    .doesNotContain(Rule.RATE_ABOVE_100);
            // a lower-is-better rate may be above 100 (≤120% of last year's cost)
            assertThat(rules(suzhou(withIndicator(cleanSuzhou(), 1, r -> withTarget(r, "≤120%")))))
                    .doesNotContain(Rule.RATE_ABOVE_100);
        }

        @Test
        void anEqualsTargetOnAComplaintRateIsFlaggedUntilTheRowCarriesLowerIsBetter() {
            IndicatorRow complaints = suzhouRow("结果", List.of(), "业务系统投诉率", "=5%");
            DeclarationContent c = plusIndicators(cleanSuzhou(), complaints);
            assertThat(of(Rule.AMBIGUOUS_DIRECTION, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[2]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 3 行“业务系统投诉率”：目标值“=5%”按“越高越好”计分，"
                        + "但指标名称含“投诉率”，通常越低越好，请确认方向");
            });
            DeclarationContent confirmed = plusIndicators(cleanSuzhou(),
                    withDirection(complaints, Direction.LOWER_IS_BETTER));
            assertThat(rules(suzhou(confirmed))).doesNotContain(Rule.AMBIGUOUS_DIRECTION);
            // confirming "higher is better" against the hint is the filer's decision too: no more notice
            DeclarationContent confirmedHigher = plusIndicators(cleanSuzhou(),
                    withDirection(complaints, Direction.HIGHER_IS_BETTER));
            assertThat(rules(suzhou(confirmedHigher))).doesNotContain(Rule.AMBIGUOUS_DIRECTION);
        }

        @Test
        void anExplanationThatAgreesWithTheDefaultDirectionRaisesNothing() {
            // 电子化考核率 =70% whose explanation says 70%及以上: scored higher-is-better, as meant
            DeclarationContent c = plusIndicators(cleanSuzhou(),
                    withExplanation(suzhouRow("结果", List.of(), "电子化考核率", "=70%"), "电子化考核占比达70%及以上"));
            assertThat(rules(suzhou(c))).doesNotContain(Rule.AMBIGUOUS_DIRECTION);
            // … and one that says "at most" is flagged although the name suggests nothing
            DeclarationContent atMost = plusIndicators(cleanSuzhou(),
                    withExplanation(suzhouRow("结果", List.of(), "资金节约率", "=15%"), "节约率15%及其以下"));
            assertThat(of(Rule.AMBIGUOUS_DIRECTION, suzhou(atMost))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("指标解释写明“节约率15%及其以下”"));
        }

        @Test
        void moreThanHalfOfTheOutputRowsQualitativeIsANotice() {
            DeclarationContent three = cleanSuzhou().withIndicators(List.of(
                    suzhouRow("结果", List.of("s1"), "系统可用率", "≥99%"),
                    suzhouRow("产出", List.of(), "制度建设", "健全"),
                    suzhouRow("产出", List.of(), "采购程序", "合规"),
                    suzhouRow("产出", List.of(), "资料归档", "规范"),
                    suzhouRow("产出", List.of(), "建设模块数", "≥6个"),
                    suzhouRow("产出", List.of(), "接入部门数", "≥12个")));
            assertThat(of(Rule.MOSTLY_QUALITATIVE_OUTPUT, suzhou(three))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).isEqualTo("年度绩效指标：产出指标 5 行中有 3 行是定性指标，超过一半；产出指标应尽量量化");
            });
            DeclarationContent two = withIndicator(three, 3, r -> withTarget(r, "≥2套"));
            assertThat(rules(suzhou(two))).doesNotContain(Rule.MOSTLY_QUALITATIVE_OUTPUT);
        }

        @Test
        void aSatisfactionIndicatorFiledAsOutputIsANotice() {
            DeclarationContent c = plusIndicators(cleanSuzhou(), suzhouRow("产出", List.of("s1"), "群众满意度", "≥90%"));
            assertThat(of(Rule.SATISFACTION_AS_OUTPUT, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[2]");
            });
            DeclarationContent asResult = plusIndicators(cleanSuzhou(),
                    suzhouRow("结果", List.of("s1"), "群众满意度", "≥90%"));
            assertThat(rules(suzhou(asResult))).doesNotContain(Rule.SATISFACTION_AS_OUTPUT);
            // national 产出指标 counts as 产出 too
            DeclarationContent national = plusIndicators(cleanNational(),
                    nationalRow(IndicatorTerm.ANNUAL, "产出指标", "质量指标", "服务满意度", "≥90%"));
            assertThat(of(Rule.SATISFACTION_AS_OUTPUT, national(national))).hasSize(1);
        }

        @Test
        void anAnnualCountAboveTheLongTermCountOfTheSameIndicatorIsANotice() {
            DeclarationContent c = withIndicator(cleanNational(), 1, r -> withTarget(r, "≥40个"));
            assertThat(of(Rule.ANNUAL_EXCEEDS_LONG_TERM, national(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 1 行“新增监控点位”：年度指标值“≥40个”大于长期指标值“≥35个”，"
                        + "累计数量的年度值不应超过长期值");
            });
            assertThat(rules(national(withIndicator(cleanNational(), 1, r -> withTarget(r, "≥30个")))))
                    .doesNotContain(Rule.ANNUAL_EXCEEDS_LONG_TERM);
            assertThat(rules(national(withIndicator(cleanNational(), 1, r -> withTarget(r, "≥40台")))))
                    .doesNotContain(Rule.ANNUAL_EXCEEDS_LONG_TERM);
            // another indicator of the same unit is not compared
            assertThat(rules(national(withIndicator(c, 1, r -> withName(r, "新增摄像头")))))
                    .doesNotContain(Rule.ANNUAL_EXCEEDS_LONG_TERM);
        }

        @Test
        void aSubProjectNoIndicatorNamesIsANotice() {
            DeclarationContent c = withSubProjects(cleanSuzhou(),
                    List.of(sub("s1", "平台建设", "6"), sub("s2", "项目监理", "4")));
            assertThat(of(Rule.UNCOVERED_SUB_PROJECT, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("subProjects[1]");
                assertThat(f.message()).isEqualTo("子项目“项目监理”没有对应的绩效指标");
            });
            DeclarationContent covered = withIndicator(c, 1, r -> withKeys(r, List.of("s2")));
            assertThat(suzhou(covered)).isEmpty();
        }

        @Test
        void twoRowsOfTheSameTableWithTheSameNameAreANotice() {
            DeclarationContent c = plusIndicators(cleanSuzhou(), suzhouRow("结果", List.of(), "系统 可用率", "≥98%"));
            assertThat(of(Rule.DUPLICATE_INDICATOR_NAME, suzhou(c))).singleElement().satisfies(f -> {
                assertThat(f.blocking()).isFalse();
                assertThat(f.path()).isEqualTo("indicators[2]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 3 行“系统 可用率”：与年度绩效指标第 2 行“系统可用率”的指标名称相同");
            });
            DeclarationContent renamed = withIndicator(c, 2, r -> withName(r, "系统响应率"));
            assertThat(rules(suzhou(renamed))).doesNotContain(Rule.DUPLICATE_INDICATOR_NAME);
            // the same name in the 长期 and the 年度 table is how national forms are filled
            assertThat(rules(national(cleanNational()))).doesNotContain(Rule.DUPLICATE_INDICATOR_NAME);
        }
    }

    @Nested
    class FindingsAsAWhole {

        /** One content per layout that breaks every rule at once. */
        List<DeclarationFinding> everything() {
            DeclarationContent s = Contents.suzhou(
                    List.of(sub("s1", "平台建设", null), sub("s2", "项目监理", "4")),
                    List.of(funding(FundingSourceKind.SUPERIOR, null, null, null),
                            funding(FundingSourceKind.CITY, "10", "8", "9"),
                            funding(FundingSourceKind.SUBORDINATE, null, null, null),
                            funding(FundingSourceKind.OTHER, null, null, null)),
                    List.of(suzhouRow("产出", List.of("s1"), "制度建设", "健全"),
                            suzhouRow("产出", List.of("s1"), "采购程序", "合规"),
                            suzhouRow("产出", List.of("s1"), "群众满意度", "≥120%"),
                            suzhouRow("产出", List.of("s1"), "制度建设", "规范"),
                            suzhouRow("效益", List.of(), "", ""),
                            suzhouRow("结果", List.of(), "范围", "80%-90%"),
                            suzhouRow("结果", List.of(), "占位", "*"),
                            suzhouRow("结果", List.of(), "日均访问量", "43.2"),
                            suzhouRow("结果", List.of(), "数据交换节点数", "约35个"),
                            suzhouRow("结果", List.of(), "业务系统投诉率", "=5%")));
            DeclarationContent n = cleanNational().withIndicators(List.of(
                    nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "新增监控点位", "≥35个"),
                    nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "新增监控点位", "≥40个")));
            List<DeclarationFinding> all = new ArrayList<>(suzhou(s));
            all.addAll(national(n));
            all.addAll(suzhou(withSubProjects(s, List.of()).withIndicators(List.of())));
            all.addAll(national(withRequest(n, FundsRequest.NONE)));
            all.addAll(national(withRequest(n, new FundsRequest(Money.ofWan("1"), null, null, null, null))));
            all.addAll(suzhou(withLeader(s, "无")));
            return all;
        }

        @Test
        void everyRuleCanFire() {
            assertThat(rules(everything())).containsExactlyInAnyOrder(Rule.values());
        }

        @Test
        void aFindingBlocksExactlyWhenItsRuleDoes() {
            for (DeclarationFinding f : everything()) {
                assertThat(f.blocking()).as(f.rule() + " " + f.message()).isEqualTo(f.rule().blocking());
            }
            assertThat(EnumSet.allOf(Rule.class).stream().filter(Rule::blocking)).containsExactlyInAnyOrder(
                    Rule.NO_SUB_PROJECT, Rule.SUB_PROJECT_AMOUNT_MISSING, Rule.PLAN_NOT_COMPOSITION,
                    Rule.FUNDS_REQUEST_MISSING, Rule.FUNDS_REQUEST_MISMATCH, Rule.NO_INDICATOR,
                    Rule.INDICATOR_NAME_MISSING, Rule.CATEGORY_NOT_IN_FRAMEWORK, Rule.TARGET_MISSING,
                    Rule.TARGET_UNREADABLE, Rule.PLACEHOLDER_TARGET);
        }

        @Test
        void everyRowFindingNamesItsRowAndTheRowLabelMatches() {
            for (DeclarationFinding f : everything()) {
                if (f.path().startsWith("indicators[")) {
                    assertThat(f.path()).matches("indicators\\[\\d+]");
                    assertThat(f.table()).isEqualTo("indicators");
                    assertThat(f.rowIndex()).isGreaterThanOrEqualTo(0);
                } else if (f.path().startsWith("subProjects[") || f.path().startsWith("fundingSources[")) {
                    assertThat(f.rowIndex()).isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(f.rowIndex()).isEqualTo(-1);
                }
            }
            DeclarationContent s = plusIndicators(cleanSuzhou(), suzhouRow("结果", List.of(), "占位", "*"),
                    suzhouRow("结果", List.of(), "日均访问量", "43.2"));
            assertThat(suzhou(s)).extracting(DeclarationFinding::path)
                    .containsExactly("indicators[2]", "indicators[3]");
            assertThat(suzhou(s)).extracting(DeclarationFinding::message)
                    .allSatisfy(m -> assertThat(m).startsWith("年度绩效指标第 "));
            assertThat(suzhou(s).get(1).message()).startsWith("年度绩效指标第 4 行“日均访问量”");
        }

        @Test
        void rowLabelsNumberRowsWithinTheirOwnTable() {
            // two 长期 rows first, then the 年度 table: its first row is 年度绩效指标第 1 行
            DeclarationContent c = cleanNational().withIndicators(List.of(
                    nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "新增监控点位", "≥35个"),
                    nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "", "≥2套"),
                    nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "上报案件数", ""),
                    nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "处置案件数", "80%-90%")));
            List<DeclarationFinding> found = national(c);
            assertThat(of(Rule.INDICATOR_NAME_MISSING, found)).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("indicators[1]");
                assertThat(f.message()).startsWith("长期绩效指标第 2 行“”");
            });
            assertThat(of(Rule.TARGET_MISSING, found)).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("indicators[2]");
                assertThat(f.message()).isEqualTo("年度绩效指标第 1 行“上报案件数”：目标值未填写");
            });
            assertThat(of(Rule.TARGET_UNREADABLE, found)).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("indicators[3]");
                assertThat(f.message()).startsWith("年度绩效指标第 2 行“处置案件数”");
            });
            assertThat(DeclarationLint.rowLabel(c, 3)).isEqualTo("年度绩效指标第 2 行“处置案件数”");
        }

        @Test
        void findingsComeInFormOrderFundsThenRowsThenWholeTables() {
            DeclarationContent c = plusIndicators(
                    withSubProjects(cleanSuzhou(), List.of(sub("s1", "平台建设", "10"), sub("s2", "项目监理", null))),
                    suzhouRow("结果", List.of(), "日均访问量", "43.2"));
            assertThat(suzhou(c)).extracting(DeclarationFinding::rule).containsExactly(
                    Rule.SUB_PROJECT_AMOUNT_MISSING, Rule.QUANTITATIVE_WITHOUT_UNIT, Rule.UNCOVERED_SUB_PROJECT);
        }

        @Test
        void aDeclarationReportsTheFindingsOfItsContentAndRefusesSubmissionWhileAnyBlocks() {
            Declaration d = Contents.newSuzhouDraft();
            d.revise(withIndicator(cleanSuzhou(), 0, r -> withTarget(r, "80%-90%")));
            assertThat(d.findings(SUZHOU_FRAMEWORK)).extracting(DeclarationFinding::rule)
                    .containsExactly(Rule.TARGET_UNREADABLE);
            assertThatThrownBy(() -> d.findings(NATIONAL_FRAMEWORK))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.submit(SUZHOU_FRAMEWORK))
                    .isInstanceOfSatisfying(DeclarationRuleException.class, e -> assertThat(e.findings())
                            .extracting(DeclarationFinding::path).containsExactly("indicators[0]"));
            assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);

            d.revise(cleanSuzhou());
            d.submit(SUZHOU_FRAMEWORK);
            assertThat(d.status()).isEqualTo(DeclarationStatus.SUBMITTED);
        }
    }
}
