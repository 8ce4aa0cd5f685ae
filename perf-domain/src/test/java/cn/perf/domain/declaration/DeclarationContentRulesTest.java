package cn.perf.domain.declaration;

import static cn.perf.domain.declaration.Contents.cityFunding;
import static cn.perf.domain.declaration.Contents.cleanNational;
import static cn.perf.domain.declaration.Contents.cleanSuzhou;
import static cn.perf.domain.declaration.Contents.nationalRow;
import static cn.perf.domain.declaration.Contents.plusIndicators;
import static cn.perf.domain.declaration.Contents.sub;
import static cn.perf.domain.declaration.Contents.suzhouRow;
import static cn.perf.domain.declaration.Contents.withFunding;
import static cn.perf.domain.declaration.Contents.withHeader;
import static cn.perf.domain.declaration.Contents.withIndicator;
import static cn.perf.domain.declaration.Contents.withKeys;
import static cn.perf.domain.declaration.Contents.withMilestones;
import static cn.perf.domain.declaration.Contents.withName;
import static cn.perf.domain.declaration.Contents.withSubProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.perf.domain.declaration.DeclarationContent.FundingRow;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What a whole-form save must satisfy ({@link DeclarationContentRules}): every violation at once, as values with the
 * form path and a message code, and nothing changed when there is any.
 */
class DeclarationContentRulesTest {

    static List<Violation> check(DeclarationContent c, FormLayout layout) {
        return DeclarationContentRules.check(c, layout, Set.of(), Set.of(), Set.of());
    }

    static List<Violation> refused(ThrowingCallable save) {
        List<Violation> out = new ArrayList<>();
        assertThatThrownBy(save).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> out.addAll(e.violations()));
        return out;
    }

    @Test
    void theCleanContentsHaveNoViolation() {
        assertThat(check(cleanSuzhou(), FormLayout.SUZHOU)).isEmpty();
        assertThat(check(cleanNational(), FormLayout.NATIONAL)).isEmpty();
    }

    @Test
    void everySuzhouViolationIsReportedAtOnceWithItsPathAndCode() {
        DeclarationContent c = withHeader(cleanSuzhou(), "项".repeat(20_000), "请打电话", null, null);
        c = withSubProjects(c, List.of(sub("s1", "😀🎉", "10")));
        c = withFunding(c, cityFunding("20", "-5", "10"));

        DeclarationContent finalC = c;
        List<Violation> violations = refused(() -> Contents.newSuzhouDraft().revise(finalC));
        assertThat(violations).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("projectName", "tooLong"),
                tuple("contactPhone", "phone"),
                tuple("subProjects[0].name", "noText"),
                tuple("fundingSources[1].priorYear", "negative"));
        assertThat(violations).filteredOn(v -> v.path().equals("projectName")).singleElement().satisfies(v -> {
            assertThat(v.args()).containsExactly("项目名称", 200, 20_000);
            assertThat(v.message()).isEqualTo("项目名称不能超过 200 个字（现有 20000 个）");
        });
        assertThat(check(c, FormLayout.SUZHOU)).hasSize(4);
    }

    @Test
    void everyNationalViolationIsReportedAtOnceIncludingDatesOutOfOrder() {
        DeclarationContent c = withHeader(cleanNational(), "项".repeat(20_000), "12",
                LocalDate.of(2021, 1, 1), LocalDate.of(2020, 12, 31));
        c = withIndicator(c, 0, r -> withName(r, "😀"));
        DeclarationContent finalC = c;
        List<Violation> violations = refused(() -> Contents.newNationalDraft().revise(finalC));
        assertThat(violations).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("projectName", "tooLong"),
                tuple("contactPhone", "phone"),
                tuple("periodEnd", "dateOrder"),
                tuple("indicators[0].name", "noText"));

        DeclarationContent milestones = withMilestones(cleanNational(), List.of(
                new MilestoneRow(null, "采集上报", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 5, 31)),
                new MilestoneRow(null, " ", null, null)));
        assertThat(check(milestones, FormLayout.NATIONAL)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("milestones[0].endOn", "dateOrder"), tuple("milestones[1].content", "required"));
    }

    @Test
    void requiredHeaderFieldsDependOnTheLayout() {
        DeclarationContent noName = withHeader(cleanSuzhou(), "  ", null, null, null);
        assertThat(check(noName, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("projectName", "required"));
        DeclarationContent noType = new DeclarationContent("项目", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(), cleanSuzhou().fundingSources(), List.of(), List.of(),
                null);
        assertThat(check(noType, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("projectType", "required"));
        // the national layout asks for 新增项目 or 延续项目 and no project type
        assertThat(check(noType, FormLayout.NATIONAL)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("projectAttribute", "required"));
        DeclarationContent otherAttribute = new DeclarationContent("项目", null, "市立项目", null, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null);
        assertThat(check(otherAttribute, FormLayout.NATIONAL)).extracting(Violation::code)
                .containsExactly("projectAttribute");
    }

    @Test
    void aPhoneMayHoldDigitsAreaCodeSeparatorsAndExtensionsOnly() {
        for (String ok : List.of("13732637755", "0512-65109046", "0512 6510 9046", "65100000转8001", "（0537）1234567",
                "+86 512 65100000")) {
            assertThat(check(withHeader(cleanSuzhou(), "项目", ok, null, null), FormLayout.SUZHOU)).as(ok).isEmpty();
        }
        assertThat(check(withHeader(cleanSuzhou(), "项目", "0512-6510abcd", null, null), FormLayout.SUZHOU))
                .extracting(Violation::code).containsExactly("phone");
        assertThat(check(withHeader(cleanSuzhou(), "项目", "1".repeat(33), null, null), FormLayout.SUZHOU))
                .extracting(Violation::code).containsExactly("tooLong");
    }

    @Test
    void aForgedRowIdIsRefusedInEveryTable() {
        DeclarationContent c = withSubProjects(cleanSuzhou(), List.of(new SubProjectRow(7L, "s1", "平台建设",
                Money.ofWan("10"))));
        c = withIndicator(c, 1, r -> new IndicatorRow(99L, r.term(), r.category(), r.subCategory(),
                r.subProjectKeys(), r.name(), r.targetText(), r.direction(), r.explanation(), r.targetBasis(),
                r.basisKind(), r.measureUnit(), r.weight(), r.libraryEntryId()));
        // 7 is a stored sub-project, 99 is not one of the stored indicators 1 and 2
        assertThat(DeclarationContentRules.check(c, FormLayout.SUZHOU, Set.of(7L), Set.of(1L, 2L), Set.of()))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("indicators[1].name", "forgedRow"));
        assertThat(DeclarationContentRules.check(c, FormLayout.SUZHOU, Set.of(8L), Set.of(99L), Set.of()))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("subProjects[0].name", "forgedRow"));

        DeclarationContent milestone = withMilestones(cleanNational(),
                List.of(new MilestoneRow(5L, "采集上报", null, null)));
        assertThat(DeclarationContentRules.check(milestone, FormLayout.NATIONAL, Set.of(), Set.of(), Set.of(4L)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("milestones[0].content", "forgedRow"));

        // the same stored row twice is forged as well
        DeclarationContent twice = plusIndicators(c, c.indicators().get(1));
        assertThat(DeclarationContentRules.check(twice, FormLayout.SUZHOU, Set.of(7L), Set.of(99L), Set.of()))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("indicators[2].name", "forgedRow"));
    }

    @Test
    void aNewDeclarationHasNoRowAnIdCouldName() {
        DeclarationContent c = withSubProjects(cleanSuzhou(), List.of(new SubProjectRow(1L, null, "平台建设",
                Money.ofWan("10"))));
        c = withIndicator(c, 0, r -> withKeys(r, List.of("id-1")));
        DeclarationContent finalC = c;
        assertThat(refused(() -> Contents.newSuzhouDraft().revise(finalC)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("subProjects[0].name", "forgedRow"));
    }

    @Test
    void anIndicatorMayOnlyNameSubProjectKeysOfTheSameContent() {
        DeclarationContent c = withIndicator(cleanSuzhou(), 1, r -> withKeys(r, List.of("s1", "id-4711")));
        assertThat(check(c, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("indicators[1].subProjectKeys", "unknownSubProject"));
        DeclarationContent twice = withIndicator(cleanSuzhou(), 1, r -> withKeys(r, List.of("s1", "s1")));
        assertThat(check(twice, FormLayout.SUZHOU)).extracting(Violation::code).containsExactly("unknownSubProject");
        DeclarationContent sameKey = withSubProjects(cleanSuzhou(),
                List.of(sub("s1", "平台建设", "5"), sub("s1", "项目监理", "5")));
        assertThat(check(sameKey, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("subProjects[1].name", "forgedRow"));
    }

    @Test
    void subProjectNamesAreUniqueAfterStripping() {
        DeclarationContent c = withSubProjects(cleanSuzhou(),
                List.of(sub("s1", "平台建设", "5"), sub("s2", " 平台建设 ", "5")));
        assertThat(check(c, FormLayout.SUZHOU)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("subProjects[1].name");
            assertThat(v.code()).isEqualTo("duplicateSubProject");
            assertThat(v.args()).containsExactly("平台建设");
        });
    }

    @Test
    void nationalRowsMayNotLinkSubProjectsAndSuzhouRowsAreAnnual() {
        DeclarationContent national = withIndicator(cleanNational(), 1, r -> withKeys(r, List.of("s1")));
        assertThat(check(national, FormLayout.NATIONAL)).extracting(Violation::path, Violation::code)
                .contains(tuple("indicators[1].subProjectKeys", "nationalNoSubProjects"));
        DeclarationContent longTerm = plusIndicators(cleanSuzhou(),
                nationalRow(IndicatorTerm.LONG_TERM, "产出", null, "长期指标", "≥1个"));
        assertThat(check(longTerm, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("indicators[2].term", "suzhouAnnualOnly"));
    }

    @Test
    void theFourFundingRowsMustEachBeThereOnce() {
        List<FundingRow> three = new ArrayList<>(cleanSuzhou().fundingSources());
        three.remove(3);
        assertThat(check(withFunding(cleanSuzhou(), three), FormLayout.SUZHOU))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("fundingSources", "fundingRows"));
        List<FundingRow> doubled = new ArrayList<>(cleanSuzhou().fundingSources());
        doubled.set(3, doubled.get(1));
        assertThat(check(withFunding(cleanSuzhou(), doubled), FormLayout.SUZHOU))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("fundingSources[3].kind", "forgedRow"), tuple("fundingSources", "fundingRows"));
    }

    @Test
    void weightsAndLongIndicatorFieldsAreChecked() {
        DeclarationContent c = withIndicator(cleanSuzhou(), 1, r -> new IndicatorRow(null, r.term(), r.category(),
                r.subCategory(), r.subProjectKeys(), "名".repeat(501), "1".repeat(2001), null, null, null, null,
                "单".repeat(33), new BigDecimal("1.234"), null));
        assertThat(check(c, FormLayout.SUZHOU)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("indicators[1].name", "tooLong"),
                tuple("indicators[1].targetText", "tooLong"),
                tuple("indicators[1].measureUnit", "tooLong"),
                tuple("indicators[1].weight", "weight"));
        DeclarationContent negative = withIndicator(cleanSuzhou(), 1, r -> new IndicatorRow(null, r.term(),
                r.category(), r.subCategory(), r.subProjectKeys(), r.name(), r.targetText(), null, null, null, null,
                null, new BigDecimal("-1"), null));
        assertThat(check(negative, FormLayout.SUZHOU)).extracting(Violation::code).containsExactly("weight");
    }

    @Test
    void anIndicatorNameOver500CharactersIsAViolationWith500Allowed() {
        DeclarationContent over = withIndicator(cleanSuzhou(), 1, r -> withName(r, "名".repeat(501)));
        assertThat(check(over, FormLayout.SUZHOU)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("indicators[1].name");
            assertThat(v.code()).isEqualTo("tooLong");
            assertThat(v.message()).isEqualTo("指标名称不能超过 500 个字（现有 501 个）");
            assertThat(v.args()).containsExactly("指标名称", 500, 501);
        });
        assertThat(check(withIndicator(cleanSuzhou(), 1, r -> withName(r, "名".repeat(500))), FormLayout.SUZHOU))
                .isEmpty();

        // a save is refused as a whole, naming the row
        Declaration d = Contents.newSuzhouDraft();
        assertThat(refused(() -> d.revise(over))).extracting(Violation::message)
                .containsExactly("指标名称不能超过 500 个字（现有 501 个）");
    }

    @Test
    void everyIndicatorAndSubProjectTextCarriedIntoASelfEvaluationHasItsLimit() {
        DeclarationContent c = withSubProjects(withIndicator(cleanNational(), 1, r -> new IndicatorRow(null, r.term(),
                        "类".repeat(65), "二".repeat(65), List.of(), r.name(), "1".repeat(2001), null,
                        "释".repeat(20_001), null, null, null, null, null)), List.of());
        assertThat(check(c, FormLayout.NATIONAL)).extracting(Violation::path, Violation::message).containsExactly(
                tuple("indicators[1].category", "指标类别不能超过 64 个字（现有 65 个）"),
                tuple("indicators[1].subCategory", "二级指标不能超过 64 个字（现有 65 个）"),
                tuple("indicators[1].targetText", "目标值不能超过 2000 个字"),
                tuple("indicators[1].explanation", "指标解释不能超过 20000 个字（现有 20001 个）"));
        DeclarationContent longSub = withSubProjects(cleanSuzhou(), List.of(sub("s1", "子".repeat(201), "10")));
        assertThat(check(longSub, FormLayout.SUZHOU)).extracting(Violation::path, Violation::message)
                .containsExactly(tuple("subProjects[0].name", "子项目名称不能超过 200 个字（现有 201 个）"));
    }

    @Test
    void theRowByRowVerbsKeepTheSameLimits() {
        Declaration d = Contents.newSuzhouDraft();
        assertThatThrownBy(() -> d.addIndicator(IndicatorDraft.suzhou("产出", List.of(), "名".repeat(501), "≥1个",
                null, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("指标名称不能超过 500 个字（现有 501 个）");
        assertThatThrownBy(() -> d.addSubProject("子".repeat(201), Money.ofWan("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("子项目名称不能超过 200 个字（现有 201 个）");
        assertThat(d.addIndicator(IndicatorDraft.suzhou("产出", List.of(), "名".repeat(500), "≥1个", null, null))
                .name()).hasSize(500);
    }

    @Test
    void aDraftMayBeIncompleteWithoutAnyViolation() {
        // empty amounts, empty targets, unnamed rows, no indicator at all: findings of the lint, not violations
        DeclarationContent c = withSubProjects(cleanSuzhou(), List.of(sub("s1", "平台建设", null)))
                .withIndicators(List.of(suzhouRow(null, List.of(), null, ""), suzhouRow("产出", List.of(), "x", "*")));
        assertThat(check(c, FormLayout.SUZHOU)).isEmpty();
        assertThat(check(cleanSuzhou().withIndicators(List.of()), FormLayout.SUZHOU)).isEmpty();
    }

    @Test
    void onAnyViolationNothingAboutTheDeclarationChanges() {
        Declaration d = Contents.stored(Contents.newSuzhouDraft());
        d.revise(cleanSuzhou());
        Contents.stored(d);
        DeclarationContent before = d.content();
        Money totalBefore = d.totalAmount();

        DeclarationContent bad = withSubProjects(d.content(), List.of(
                new SubProjectRow(d.subProjects().get(0).id(), null, "改名的平台", Money.ofWan("99")),
                sub("new", "😀", "1")));
        bad = withHeader(bad, "新的项目名称", "电话", null, null);
        DeclarationContent finalBad = bad;
        assertThatThrownBy(() -> d.revise(finalBad)).isInstanceOf(InvalidCommandException.class);

        assertThat(d.content()).isEqualTo(before);
        assertThat(d.totalAmount()).isEqualTo(totalBefore);
        assertThat(d.projectName()).isEqualTo("检查测试项目");
        assertThat(d.subProjects()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("平台建设"));
    }

    /**
     * Documents a bug: {@code Declaration.revise} calls {@code requireEditable()}, which {@code touch()}es
     * {@code updatedAt}, before the content is checked; a refused save therefore changes 更新时间 (and, within a
     * transaction that goes on, the root's version) although "on any violation nothing changes". Fails today.
     */
    @Test
    void aRefusedSaveDoesNotChangeTheUpdateTime() {
        Declaration d = Contents.newSuzhouDraft();
        d.revise(cleanSuzhou());
        Instant before = d.updatedAt();
        assertThatThrownBy(() -> d.revise(withHeader(cleanSuzhou(), " ", null, null, null)))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(d.updatedAt()).isEqualTo(before);
    }
}
