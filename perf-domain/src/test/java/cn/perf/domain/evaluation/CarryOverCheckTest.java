package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.shared.IndicatorValue;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link CarryOverCheck}: a self-evaluation against the carry-over of its approved declaration. The declared side
 * is a {@link DeclarationCarryOver} (what {@link SelfEvaluationService#carryOver} gives today); the filed side an
 * imported form whose rows differ where a test says so.
 */
class CarryOverCheckTest {

    private static final Instant T = Instant.parse("2021-03-01T02:00:00Z");

    /** A form as imported from {@code source} (the rows exactly as {@code source} has them). */
    private static SelfEvaluation filed(DeclarationCarryOver source) {
        return SelfEvaluation.importing(source).filed(T);
    }

    private static DeclarationCarryOver withRows(DeclarationCarryOver c, UnaryOperator<List<IndicatorLine>> change) {
        return new DeclarationCarryOver(c.declarationId(), c.layout(), c.unitId(), c.departmentId(), c.projectName(),
                c.year(), c.overview(), c.overallGoal(), c.annualGoal(), c.categories(),
                change.apply(new ArrayList<>(c.indicators())), c.subProjects());
    }

    private static DeclarationCarryOver withCategories(DeclarationCarryOver c, List<CategoryLine> categories) {
        return new DeclarationCarryOver(c.declarationId(), c.layout(), c.unitId(), c.departmentId(), c.projectName(),
                c.year(), c.overview(), c.overallGoal(), c.annualGoal(), categories, c.indicators(), c.subProjects());
    }

    private static IndicatorLine national(String category, String sub, String name, String target, String weight) {
        return new IndicatorLine(category, sub, name, IndicatorValue.of(target), d(weight), null);
    }

    private static List<String> messages(List<ScoringOutcome.FindingLine> findings) {
        return findings.stream().map(f -> f.location() + "：" + f.message()).toList();
    }

    @Test
    void aFormStartedFromTheDeclarationAgreesWithIt() {
        assertThat(CarryOverCheck.differences(Fixtures.suzhou(), SelfEvaluation.fromDeclaration(Fixtures.suzhou())))
                .isEmpty();
        assertThat(CarryOverCheck.differences(Fixtures.national(), SelfEvaluation.fromDeclaration(Fixtures.national())))
                .isEmpty();
    }

    @Test
    void aChangedTargetIsAWarningOnItsRowNamingBothValues() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "数量指标", "执法车辆购置数", "≥5个", "50"));
            return rows;
        }));

        assertThat(CarryOverCheck.differences(Fixtures.national(), e)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.code()).isEqualTo("DIFFERS_FROM_DECLARATION");
            assertThat(f.rowPosition()).isEqualTo(1);
            assertThat(f.location()).isEqualTo("第1行 执法车辆购置数");
            assertThat(f.message()).isEqualTo("目标值“≥5个”与批复的申报表“=6个”不一致");
        });
    }

    @Test
    void whiteSpaceInATargetOrANameIsNoDifference() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "数量指标", "执法车辆 购置数", " = 6 个", "50"));
            return rows;
        }));

        assertThat(CarryOverCheck.differences(Fixtures.national(), e)).isEmpty();
    }

    @Test
    void theSuzhouInputRowsComeFromTheLibraryAndAreNotCompared() {
        // 投入目标 rows: another target and another name than the carry-over's, still no finding
        SelfEvaluation e = filed(withRows(Fixtures.suzhou(), rows -> {
            rows.set(0, IndicatorLine.suzhou("投入目标", "预算执行率", "≥95%", "3"));
            rows.set(1, IndicatorLine.suzhou("投入目标", "资金使用规范性", "规范", "3"));
            return rows;
        }));
        assertThat(CarryOverCheck.differences(Fixtures.suzhou(), e)).isEmpty();

        // … while its 产出 row is the declaration's
        SelfEvaluation output = filed(withRows(Fixtures.suzhou(), rows -> {
            rows.set(2, IndicatorLine.suzhou("产出目标", "圈存机布点数", "=800个", "4"));
            return rows;
        }));
        assertThat(messages(CarryOverCheck.differences(Fixtures.suzhou(), output)))
                .containsExactly("第3行 圈存机布点数：目标值“=800个”与批复的申报表“=805个”不一致");
    }

    @Test
    void aNationalFormComparesEveryRowIncludingItsSecondLevel() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "质量指标", "执法车辆购置数", "=6个", "50"));
            return rows;
        }));

        assertThat(messages(CarryOverCheck.differences(Fixtures.national(), e)))
                .containsExactly("第1行 执法车辆购置数：二级指标“质量指标”与批复的申报表“数量指标”不一致");
    }

    @Test
    void aRowMissingFromTheFormIsReportedOnItsCategory() {
        DeclarationCarryOver declared = withRows(Fixtures.national(), rows -> {
            rows.add(2, national("效益指标", "社会效益指标", "案件结案率", "≥90%", "10"));
            return rows;
        });

        assertThat(CarryOverCheck.differences(declared, filed(Fixtures.national()))).singleElement().satisfies(f -> {
            assertThat(f.rowPosition()).isNull();
            assertThat(f.location()).isEqualTo("效益指标类");
            assertThat(f.message()).isEqualTo("自评表缺少批复的申报表中的指标“案件结案率”（目标值“≥90%”）");
        });
    }

    @Test
    void aRowAddedToTheFormIsReportedOnItsRowAndDoesNotShiftTheOthers() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.add(1, national("产出指标", "数量指标", "执法人员培训人次", "≥100人次", "10"));
            return rows;
        }));

        assertThat(CarryOverCheck.differences(Fixtures.national(), e)).singleElement().satisfies(f -> {
            assertThat(f.rowPosition()).isEqualTo(2);
            assertThat(f.location()).isEqualTo("第2行 执法人员培训人次");
            assertThat(f.message()).isEqualTo("批复的申报表中没有此指标（产出指标，目标值“≥100人次”）");
        });
    }

    @Test
    void aRenamedRowAndARowInAnotherCategoryArePairedAndNamed() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "数量指标", "执法车辆采购数", "=6个", "50"));
            rows.set(2, national("效益指标", "服务对象满意度指标", "群众满意度", "≥85%", "10"));
            return rows;
        }));

        assertThat(messages(CarryOverCheck.differences(Fixtures.national(), e))).containsExactly(
                "第1行 执法车辆采购数：指标名称“执法车辆采购数”与批复的申报表“执法车辆购置数”不一致",
                "第3行 群众满意度：类别“效益指标”与批复的申报表“满意度指标”不一致");
    }

    @Test
    void aDifferentWeightIsADifference() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "数量指标", "执法车辆购置数", "=6个", "40"));
            return rows;
        }));

        assertThat(messages(CarryOverCheck.differences(Fixtures.national(), e)))
                .containsExactly("第1行 执法车辆购置数：权重 40 与按批复的申报表结转的权重 50 不一致");
    }

    @Test
    void categoriesMissingAddedOrWithOtherPointsAreReported() {
        DeclarationCarryOver declared = withCategories(Fixtures.national(), List.of(
                new CategoryLine("产出指标", d("50")), new CategoryLine("效益指标", d("30")),
                new CategoryLine("满意度指标", d("10")), new CategoryLine("成本指标", d("5"))));
        SelfEvaluation e = filed(withCategories(Fixtures.national(), List.of(
                new CategoryLine("产出指标", d("45")), new CategoryLine("效益指标", d("30")),
                new CategoryLine("满意度指标", d("10")), new CategoryLine("其他指标", d("5")))));

        List<ScoringOutcome.FindingLine> found = CarryOverCheck.differences(declared, e);

        assertThat(messages(found)).containsExactly(
                "产出指标类：分值 45 与批复的申报表的 50 不一致",
                "成本指标类：自评表缺少批复的申报表中的指标类别“成本指标”（5 分）",
                "其他指标类：批复的申报表中没有指标类别“其他指标”（自评表中 5 分）");
        assertThat(found).allSatisfy(f -> assertThat(f.rowPosition()).isNull());
    }

    @Test
    void findingsComeCategoriesFirstThenRowsInPrintedOrderThenMissingRows() {
        DeclarationCarryOver declared = withRows(Fixtures.national(), rows -> {
            rows.add(national("满意度指标", "服务对象满意度指标", "企业满意度", "≥80%", "5"));
            return rows;
        });
        SelfEvaluation e = filed(withCategories(withRows(Fixtures.national(), rows -> {
            rows.set(2, national("满意度指标", "服务对象满意度指标", "群众满意度", "≥80%", "10"));
            rows.set(0, national("产出指标", "数量指标", "执法车辆购置数", "≥5个", "50"));
            return rows;
        }), List.of(new CategoryLine("产出指标", d("50")), new CategoryLine("效益指标", d("30")),
                new CategoryLine("满意度指标", d("15")))));

        assertThat(messages(CarryOverCheck.differences(declared, e))).containsExactly(
                "满意度指标类：分值 15 与批复的申报表的 10 不一致",
                "第1行 执法车辆购置数：目标值“≥5个”与批复的申报表“=6个”不一致",
                "第3行 群众满意度：目标值“≥80%”与批复的申报表“≥85%”不一致",
                "满意度指标类：自评表缺少批复的申报表中的指标“企业满意度”（目标值“≥80%”）");
    }

    @Test
    void theDifferencesAreStoredAfterTheEnginesFindingsNumberedOnFromThem() {
        SelfEvaluation e = filed(withRows(Fixtures.national(), rows -> {
            rows.set(0, national("产出指标", "数量指标", "执法车辆购置数", "≥5个", "50"));
            return rows;
        }));
        RegimeChoice choice = RegimeChoice.of(e.layout(), null);
        SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(e, choice.regime()));
        int engine = result.findings().size();

        e.storeScoring(ScoringOutcome.of(result, choice, T)
                .withFindings(CarryOverCheck.differences(Fixtures.national(), e)));

        assertThat(e.findings()).hasSize(engine + 1);
        assertThat(e.findings().get(engine)).satisfies(f -> {
            assertThat(f.position()).isEqualTo(engine + 1);
            assertThat(f.code()).isEqualTo("DIFFERS_FROM_DECLARATION");
            assertThat(f.rowPosition()).isEqualTo(1);
        });
        ScoringOutcome outcome = ScoringOutcome.of(result, choice, T);
        assertThat(outcome.withFindings(List.of())).isSameAs(outcome);
    }

    @Test
    void aNoteSaysWhenTheFormCouldNotBeCompared() {
        ScoringOutcome.FindingLine note = CarryOverCheck.notCompared("申报表当前状态为“已被目标调整替代”，未比对");
        assertThat(note.severity()).isEqualTo(Severity.INFO);
        assertThat(note.code()).isEqualTo("DECLARATION_NOT_COMPARED");
        assertThat(note.rowPosition()).isNull();
        assertThat(note).hasToString("[提示][DECLARATION_NOT_COMPARED] 申报表：申报表当前状态为“已被目标调整替代”，未比对");
    }

    @Test
    void inputIsRecognisedWithOrWithoutSuffix() {
        assertThat(CarryOverCheck.isInput("投入")).isTrue();
        assertThat(CarryOverCheck.isInput("投入目标")).isTrue();
        assertThat(CarryOverCheck.isInput("投入指标")).isTrue();
        assertThat(CarryOverCheck.isInput("产出")).isFalse();
    }
}
