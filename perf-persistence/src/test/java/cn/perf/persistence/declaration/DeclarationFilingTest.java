package cn.perf.persistence.declaration;

import static cn.perf.persistence.declaration.FilingContents.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.declaration.ReviewLog;
import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationFinding;
import cn.perf.domain.declaration.DeclarationLint;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationRuleException;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FundingSource;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.NewDeclaration;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.declaration.SubProject;
import cn.perf.domain.demo.DemoDeclarations;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.scoring.target.Direction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link DeclarationFiling}, the use cases of the 申报表 pages, on PostgreSQL: whole-form create and save, stale
 * versions, scope (a forged id is 404 and changes nothing), 复制到下一年度, 提交, and the statements a page takes.
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DeclarationFiling.class, JdbcDeclarationStamps.class, DemoOrganization.class, DemoDeclarations.class, DeclarationFilingTest.Hasher.class,
        ReviewLog.class, AccountDirectory.class, RecordedEvents.class})
class DeclarationFilingTest {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    DeclarationFiling filing;
    @Autowired
    Declarations declarations;
    @Autowired
    Projects projects;
    @Autowired
    BudgetUnits units;
    @Autowired
    DemoOrganization demoOrganization;
    @Autowired
    DemoDeclarations demoDeclarations;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit unit;
    BudgetUnit otherUnit;
    Scope filer;
    Scope otherFiler;

    @BeforeEach
    void units() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("填报测试财政局", "填报测试市"));
        unit = units.save(BudgetUnit.department("990301", "填报测试住建局", bureau.id(), "填报测试市"));
        BudgetUnit otherBureau = units.save(BudgetUnit.financeBureau("填报测试他市财政局", "填报测试他市"));
        otherUnit = units.save(BudgetUnit.department("990302", "填报测试他市城管局", otherBureau.id(), "填报测试他市"));
        filer = new Scope("filer", Set.of(unit.id()), null, Set.of(unit.id()));
        otherFiler = new Scope("other", Set.of(otherUnit.id()), null, Set.of(otherUnit.id()));
    }

    Long createSuzhou(String name, int year) {
        return filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, year,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou(name)));
    }

    Declaration reloaded(Long id) {
        em.flush();
        em.clear();
        return declarations.findById(id).orElseThrow();
    }

    // ------------------------------------------------------------------ create

    @Test
    void aSuzhouDraftIsCreatedWithExactlyTheContentSent() {
        DeclarationContent sent = FilingContents.suzhou("苏州市住建局“互联网+监管”");
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, sent));
        assertThat(id).isNotNull();

        Declaration stored = reloaded(id);
        assertThat(withoutIds(stored.content())).isEqualTo(withoutIds(sent));
        assertThat(stored.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(stored.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(stored.frameworkCode()).isEqualTo(IndicatorFramework.SUZHOU_2017);
        assertThat(stored.year()).isEqualTo(FiscalYear.of(2021));
        assertThat(stored.unitId()).isEqualTo(unit.id());
        assertThat(stored.totalAmount()).isEqualTo(Money.ofWan("41.86"));
        assertThat(stored.indicators().get(1).subProjectNames()).containsExactly("信息化平台", "行政监管栏目", "统一执法栏目");
        assertThat(stored.indicators().get(3).target().directionConfirmed()).isTrue();
        assertThat(stored.content().subProjects()).allSatisfy(s -> assertThat(s.key()).isEqualTo("id-" + s.id()));
        Project project = projects.findByUnitIdAndName(unit.id(), "苏州市住建局“互联网+监管”").orElseThrow();
        assertThat(stored.projectId()).isEqualTo(project.id());
        assertThat(project.firstYear()).isEqualTo(FiscalYear.of(2021));
    }

    @Test
    void aNationalDraftIsCreatedWithExactlyTheContentSent() {
        DeclarationContent sent = FilingContents.national("数字化城市管理数据采集");
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.NATIONAL, 2020,
                IndicatorFramework.NATIONAL_2020, sent));

        Declaration stored = reloaded(id);
        assertThat(withoutIds(stored.content())).isEqualTo(withoutIds(sent));
        assertThat(stored.layout()).isEqualTo(FormLayout.NATIONAL);
        assertThat(stored.indicators(IndicatorTerm.LONG_TERM)).hasSize(2);
        assertThat(stored.milestones()).hasSize(2);
        assertThat(stored.totalAmount()).isEqualTo(Money.ofWan("350"));
        assertThat(stored.fundsRequest().ownFunds()).isEqualTo(Money.ofWan("50"));
    }

    @Test
    void aSecondDeclarationOfTheSameProjectAndYearIsRefusedAtTheProjectName() {
        createSuzhou("重复项目", 2021);
        assertThatThrownBy(() -> createSuzhou("重复项目", 2021)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("projectName", "duplicateDeclaration")));
        // the next year of the same project is fine, and keeps the project
        Long next = createSuzhou("重复项目", 2022);
        assertThat(reloaded(next).projectId())
                .isEqualTo(projects.findByUnitIdAndName(unit.id(), "重复项目").orElseThrow().id());
        assertThat(jdbc.queryForObject("select count(*) from declaration d join project p on p.id = d.project_id "
                + "where p.unit_id = ? and p.name = ?", Integer.class, unit.id(), "重复项目")).isEqualTo(2);
    }

    @Test
    void creatingIsRefusedForAUnitOutsideTheScopeAndForInvalidContentAllAtOnce() {
        assertThatThrownBy(() -> filing.create(otherFiler, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou("越权项目"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.create(filer, new CreateDeclaration(null, FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou("无单位项目"))))
                .isInstanceOf(NotFoundException.class);

        DeclarationContent forged = FilingContents.withSubProjects(FilingContents.suzhou("伪造行项目"),
                List.of(new SubProjectRow(1L, "k1", "信息化平台", Money.ofWan("41.86"))));
        assertThatThrownBy(() -> filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 1999,
                IndicatorFramework.SUZHOU_2017, forged))).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                        tuple("subProjects[0].name", "forgedRow"),
                        tuple("indicators[1].subProjectKeys", "unknownSubProject"),
                        tuple("indicators[3].subProjectKeys", "unknownSubProject"),
                        tuple("year", "year")));
        assertThatThrownBy(() -> filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.NATIONAL_2020, FilingContents.suzhou("错模板项目"))))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("frameworkCode"));
        em.flush();
        assertThat(projects.findByUnitIdAndName(unit.id(), "伪造行项目")).isEmpty();
        assertThat(projects.findByUnitIdAndName(unit.id(), "越权项目")).isEmpty();
    }

    @Test
    void theNewPageStartsFromTheLibrarysInputRowsForTheUnitsTheUserMayFileFor() {
        NewDeclaration suzhou = filing.start(filer, FormLayout.SUZHOU, 2021, FilingContents.IT, null);
        assertThat(suzhou.units()).extracting(NewDeclaration.UnitChoice::id).containsExactly(unit.id());
        assertThat(suzhou.framework().code()).isEqualTo(IndicatorFramework.SUZHOU_2017);
        assertThat(suzhou.content().projectType()).isEqualTo(FilingContents.IT);
        assertThat(suzhou.content().fundingSources()).extracting(DeclarationContent.FundingRow::kind)
                .containsExactly(FundingSourceKind.values());
        assertThat(suzhou.content().indicators()).hasSize(10).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo("投入");
            assertThat(r.id()).isNull();
            assertThat(r.libraryEntryId()).isNotNull();
        });
        NewDeclaration national = filing.start(filer, FormLayout.NATIONAL, 2021, null, null);
        assertThat(national.framework().code()).isEqualTo(IndicatorFramework.NATIONAL_2020);
        assertThat(filing.start(filer, FormLayout.NATIONAL, 2023, null, null).framework().code())
                .isEqualTo(IndicatorFramework.NATIONAL_2021);
        assertThat(national.content().indicators()).isEmpty();
        assertThatThrownBy(() -> filing.start(new Scope("dept", Set.of(unit.id()), null, Set.of()),
                FormLayout.SUZHOU, 2021, null, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unsavedInputIsCheckedAgainstTheFrameworkOfItsCode() {
        DeclarationContent c = FilingContents.withIndicator(FilingContents.suzhou("检查项目"), 2,
                FilingContents.suzhouRow("效益", List.of("k1"), "信息化平台", "=1套"));
        assertThat(filing.check(FormLayout.SUZHOU, IndicatorFramework.SUZHOU_2017, c))
                .extracting(DeclarationFinding::rule, DeclarationFinding::path)
                .containsExactly(tuple(DeclarationLint.Rule.CATEGORY_NOT_IN_FRAMEWORK, "indicators[2]"));
        // an unknown code, or one of the other layout: no category check, the rest as usual
        assertThat(filing.check(FormLayout.SUZHOU, "NO_SUCH_FRAMEWORK", c)).isEmpty();
        assertThat(filing.check(FormLayout.SUZHOU, IndicatorFramework.NATIONAL_2020, c)).isEmpty();
        assertThat(filing.readTarget("=5%", "业务系统投诉率", null, null).needsDirection()).isTrue();
    }

    // ------------------------------------------------------------------ revise

    @Test
    void aSaveWithTheVersionTheUserSawIsStoredAndKeepsTheRowIds() {
        Long id = createSuzhou("保存项目", 2021);
        Declaration before = reloaded(id);
        long version = before.version();
        List<Long> indicatorIds = before.indicators().stream().map(Indicator::id).toList();
        List<Long> subIds = before.subProjects().stream().map(SubProject::id).toList();

        DeclarationContent c = before.content();
        List<IndicatorRow> rows = new ArrayList<>(c.indicators());
        rows.remove(2);
        rows.add(FilingContents.suzhouRow("影响力", List.of(c.subProjects().get(1).key()), "共享机制的建立", "建立"));
        filing.revise(filer, new ReviseDeclaration(id, version, FilingContents.withLeader(c, "王五").withIndicators(rows)));

        Declaration after = reloaded(id);
        assertThat(after.version()).isEqualTo(version + 1);
        assertThat(after.projectLeader()).isEqualTo("王五");
        assertThat(after.indicators()).extracting(Indicator::name)
                .containsExactly("预算执行率", "系统建设模块数", "业务系统投诉率", "共享机制的建立");
        assertThat(after.indicators()).extracting(Indicator::id).startsWith(indicatorIds.get(0), indicatorIds.get(1),
                indicatorIds.get(3)).doesNotContain(indicatorIds.get(2));
        assertThat(after.indicators().get(3).subProjectNames()).containsExactly("行政监管栏目");
        assertThat(after.subProjects()).extracting(SubProject::id).isEqualTo(subIds);
        assertThat(jdbc.queryForObject("select count(*) from declaration_indicator where declaration_id = ?",
                Integer.class, id)).isEqualTo(4);
    }

    @Test
    void theSavedVersionsPageIsThePageReadBackAfterTheSave() {
        Long suzhou = createSuzhou("写后即读项目", 2021);
        Long national = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.NATIONAL, 2020,
                IndicatorFramework.NATIONAL_2020, FilingContents.national("写后即读全国项目")));
        for (Long id : List.of(suzhou, national)) {
            Declaration before = reloaded(id);
            long seen = before.version(); // the save changes this very instance (the persistence context's)
            DeclarationContent c = before.content();
            List<IndicatorRow> rows = new ArrayList<>();
            for (int i = 0; i < c.indicators().size(); i++) {
                IndicatorRow r = c.indicators().get(i);
                // weights as a user types them (5, 2.5, none) and a row added, which gets its id at the save
                rows.add(new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(),
                        r.name(), r.targetText(), r.direction(), "解释\r\n第二行", r.targetBasis(), r.basisKind(),
                        r.measureUnit(), i % 3 == 0 ? new java.math.BigDecimal("5") : i % 3 == 1
                        ? new java.math.BigDecimal("2.5") : null, r.libraryEntryId()));
            }
            IndicatorRow first = c.indicators().get(0);
            rows.add(new IndicatorRow(null, first.term(), first.category(), first.subCategory(),
                    first.subProjectKeys(), "新增指标", "≥3个", null, null, null, null, "个",
                    new java.math.BigDecimal("1"), null));
            ReviseDeclaration save = new ReviseDeclaration(id, seen,
                    FilingContents.withLeader(c, "王五").withIndicators(rows));

            DeclarationPage written = filing.writtenPage(filer, filing.reviseAndRead(filer, save));
            em.flush();
            em.clear();
            DeclarationPage read = filing.page(filer, id);

            assertThat(written.detail().version()).isEqualTo(seen + 1);
            assertThat(written.detail().indicators()).allSatisfy(r -> assertThat(r.id()).isNotNull());
            assertThat(written).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(read);
            assertThat(written.detail().indicators().get(0).weight()).isEqualTo(new java.math.BigDecimal("5.00"));
        }
    }

    @Test
    void aStaleSaveIsRefusedAndChangesNothing() {
        Long id = createSuzhou("并发项目", 2021);
        Declaration loaded = reloaded(id);
        long seen = loaded.version();
        DeclarationContent original = loaded.content();
        // someone else saves first
        filing.revise(filer, new ReviseDeclaration(id, seen, FilingContents.withLeader(original, "先保存的人")));
        DeclarationContent stored = reloaded(id).content();

        assertThatThrownBy(() -> filing.revise(filer, new ReviseDeclaration(id, seen,
                FilingContents.withLeader(original, "后保存的人")))).isInstanceOfSatisfying(StaleVersionException.class,
                e -> {
                    assertThat(e.id()).isEqualTo(id);
                    assertThat(e.expected()).isEqualTo(seen);
                    assertThat(e.actual()).isEqualTo(seen + 1);
                });
        Declaration after = reloaded(id);
        assertThat(after.content()).isEqualTo(stored);
        assertThat(after.projectLeader()).isEqualTo("先保存的人");
        assertThat(after.version()).isEqualTo(seen + 1);
    }

    @Test
    void changingOnlyAChildRowIncrementsTheRootVersion() {
        Long id = createSuzhou("子行项目", 2021);
        Declaration before = reloaded(id);
        long version = before.version();
        Instant updated = before.updatedAt();
        Long rowId = before.indicators().get(1).id();

        DeclarationContent c = before.content();
        filing.revise(filer, new ReviseDeclaration(id, version, FilingContents.withIndicator(c, 1,
                FilingContents.withTarget(c.indicators().get(1), "=5个"))));

        Declaration after = reloaded(id);
        assertThat(after.version()).isEqualTo(version + 1);
        assertThat(after.updatedAt()).isAfter(updated);
        assertThat(after.indicators().get(1).id()).isEqualTo(rowId);
        assertThat(after.indicators().get(1).target().originalText()).isEqualTo("=5个");
        assertThat(withoutIds(after.content())).isEqualTo(withoutIds(FilingContents.withIndicator(c, 1,
                FilingContents.withTarget(c.indicators().get(1), "=5个"))));
        assertThat(jdbc.queryForObject("select version from declaration where id = ?", Long.class, id))
                .isEqualTo(version + 1);
        // the page now holds the old version: its save is stale
        assertThatThrownBy(() -> filing.revise(filer, new ReviseDeclaration(id, version, c)))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aSubProjectAmountOnlyChangeIncrementsTheRootVersionToo() {
        Long id = createSuzhou("子项目金额项目", 2021);
        Declaration before = reloaded(id);
        long version = before.version();
        DeclarationContent c = before.content();
        List<SubProjectRow> subs = new ArrayList<>(c.subProjects());
        SubProjectRow s = subs.get(2);
        subs.set(2, new SubProjectRow(s.id(), s.key(), s.name(), null));
        filing.revise(filer, new ReviseDeclaration(id, version, FilingContents.withSubProjects(c, subs)));

        Declaration after = reloaded(id);
        assertThat(after.version()).isEqualTo(version + 1);
        assertThat(after.subProjects().get(2).amount()).isNull();
        assertThat(after.totalAmount()).isEqualTo(Money.ofWan("31.86"));
        // a draft may be incomplete: the lint tells what blocks the submission
        DeclarationPage page = filing.page(filer, id);
        assertThat(page.findings()).extracting(DeclarationFinding::rule).contains(
                DeclarationLint.Rule.SUB_PROJECT_AMOUNT_MISSING, DeclarationLint.Rule.PLAN_NOT_COMPOSITION);
        assertThat(page.editable()).isTrue();
        assertThat(page.submittable()).isFalse();
    }

    @Test
    void anInvalidSaveIsRefusedWithEveryViolationAndChangesNothing() {
        Long id = createSuzhou("无效保存项目", 2021);
        Declaration before = reloaded(id);
        DeclarationContent c = before.content();
        List<SubProjectRow> subs = new ArrayList<>(c.subProjects());
        subs.add(new SubProjectRow(424242L, null, "伪造的子项目", Money.ofWan("1")));
        DeclarationContent bad = FilingContents.withSubProjects(FilingContents.withLeader(c, "负".repeat(65)), subs);

        assertThatThrownBy(() -> filing.revise(filer, new ReviseDeclaration(id, before.version(), bad)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                                tuple("projectLeader", "tooLong"), tuple("subProjects[3].name", "forgedRow")));
        em.clear();
        Declaration after = declarations.findById(id).orElseThrow();
        assertThat(after.content()).isEqualTo(c);
        assertThat(after.subProjects()).hasSize(3);
    }

    // ------------------------------------------------------------------ scope

    @Test
    void aDeclarationOfAnotherUnitIsNotFoundForEveryUseCaseAndChangesNothing() {
        Long id = createSuzhou("他人的项目", 2021);
        Declaration d = reloaded(id);
        long version = d.version();
        DeclarationContent content = d.content();

        assertThatThrownBy(() -> filing.page(otherFiler, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.revise(otherFiler, new ReviseDeclaration(id, version,
                FilingContents.withLeader(content, "越权")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.copyToNextYear(otherFiler, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.submit(otherFiler, id, version)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.page(Scope.none("admin"), id)).isInstanceOf(NotFoundException.class);

        // … exactly as a declaration that does not exist
        Long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from declaration", Long.class);
        assertThatThrownBy(() -> filing.page(filer, missing)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.revise(filer, new ReviseDeclaration(missing, 0, content)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.copyToNextYear(filer, missing)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.submit(filer, missing, 0)).isInstanceOf(NotFoundException.class);

        Declaration after = reloaded(id);
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.content()).isEqualTo(content);
        assertThat(after.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(declarations.findByProjectIdAndYear(after.projectId(), FiscalYear.of(2022))).isEmpty();
    }

    @Test
    void aReviewerWhoSeesTheUnitReadsThePageButCannotEdit() {
        Long id = createSuzhou("审核可见项目", 2021);
        long version = reloaded(id).version();
        Scope department = new Scope("dept", Set.of(unit.id(), otherUnit.id()), null, Set.of());
        Scope finance = new Scope("finance", Set.of(), "填报测试市", Set.of());
        Scope otherFinance = new Scope("finance2", Set.of(), "填报测试他市", Set.of());

        DeclarationPage page = filing.page(department, id);
        assertThat(page.detail().id()).isEqualTo(id);
        assertThat(page.editable()).isFalse();
        assertThat(page.submittable()).isFalse();
        assertThat(filing.page(finance, id).detail().unitName()).isEqualTo("填报测试住建局");
        assertThatThrownBy(() -> filing.page(otherFinance, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.revise(finance, new ReviseDeclaration(id, version,
                FilingContents.suzhou("审核可见项目")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.submit(department, id, version)).isInstanceOf(NotFoundException.class);

        DeclarationPage own = filing.page(filer, id);
        assertThat(own.editable()).isTrue();
        assertThat(own.submittable()).isTrue();
        assertThat(own.blockingCount()).isZero();
    }

    // ------------------------------------------------------------------ submit

    @Test
    void anIncompleteDraftIsNotSubmittedAndStaysADraft() {
        DeclarationContent incomplete = FilingContents.withSubProjects(FilingContents.suzhou("未完成项目"), List.of())
                .withIndicators(List.of(FilingContents.suzhouRow("产出", List.of(), "模块数", "80%-90%")));
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, incomplete));
        long version = reloaded(id).version();

        assertThatThrownBy(() -> filing.submit(filer, id, version)).isInstanceOfSatisfying(
                DeclarationRuleException.class, e -> assertThat(e.findings()).extracting(DeclarationFinding::rule)
                        .contains(DeclarationLint.Rule.NO_SUB_PROJECT, DeclarationLint.Rule.PLAN_NOT_COMPOSITION,
                                DeclarationLint.Rule.TARGET_UNREADABLE)
                        .allMatch(DeclarationLint.Rule::blocking));
        Declaration after = reloaded(id);
        assertThat(after.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(after.version()).isEqualTo(version);
    }

    @Test
    void aCompleteDraftIsSubmittedOnceWithItsVersionAndIsThenLocked() {
        Long id = createSuzhou("提交项目", 2021);
        long version = reloaded(id).version();
        assertThatThrownBy(() -> filing.submit(filer, id, version - 1)).isInstanceOf(StaleVersionException.class);

        filing.submit(filer, id, version);
        Declaration submitted = reloaded(id);
        assertThat(submitted.status()).isEqualTo(DeclarationStatus.SUBMITTED);
        assertThat(submitted.version()).isEqualTo(version + 1);

        assertThatThrownBy(() -> filing.revise(filer, new ReviseDeclaration(id, submitted.version(),
                FilingContents.withLeader(submitted.content(), "王五")))).isInstanceOfSatisfying(
                InvalidCommandException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("notEditable"));
        assertThat(filing.page(filer, id).editable()).isFalse();
        assertThat(reloaded(id).projectLeader()).isEqualTo("肖军");
    }

    // ------------------------------------------------------------------ copy to next year

    Declaration demoSeed001() {
        demoOrganization.loadIfAbsent();
        demoDeclarations.loadIfAbsent();
        em.flush();
        em.clear();
        BudgetUnit zhujian = units.findByName(DemoOrganization.ZHUJIAN).orElseThrow();
        Project project = projects.findByUnitIdAndName(zhujian.id(), DemoDeclarations.ZHUJIAN_PROJECT).orElseThrow();
        Long id = declarations.findByProjectIdAndYear(project.id(), FiscalYear.of(2021)).orElseThrow().id();
        em.clear();
        return declarations.findById(id).orElseThrow();
    }

    @Test
    void theApprovedSeed001CopiesToANextYearDraftWithThisYearsAmountsCleared() {
        Declaration old = demoSeed001();
        assertThat(old.status()).isEqualTo(DeclarationStatus.APPROVED);
        Scope zhujian = new Scope("filer-001276", Set.of(old.unitId()), null, Set.of(old.unitId()));
        DeclarationContent last = old.content();

        Long copyId = filing.copyToNextYear(zhujian, old.id());
        Declaration copy = reloaded(copyId);
        Declaration again = declarations.findById(old.id()).orElseThrow();

        assertThat(copy.id()).isNotEqualTo(old.id());
        assertThat(copy.year()).isEqualTo(FiscalYear.of(2022));
        assertThat(copy.projectId()).isEqualTo(old.projectId());
        assertThat(copy.unitId()).isEqualTo(old.unitId());
        assertThat(copy.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(copy.financeGrade()).isNull();
        assertThat(copy.frameworkCode()).isEqualTo(old.frameworkCode());
        assertThat(copy.suzhouHeader()).isEqualTo(old.suzhouHeader());
        assertThat(copy.texts()).isEqualTo(old.texts());
        assertThat(copy.signOff()).isEqualTo(SignOff.EMPTY);

        // every indicator, with its 对应子项目 and confirmed directions; new rows
        List<IndicatorRow> oldRows = last.indicators();
        assertThat(copy.indicators()).hasSize(oldRows.size()).hasSize(26);
        assertThat(copy.indicators()).extracting(Indicator::id).doesNotContainAnyElementsOf(
                old.indicators().stream().map(Indicator::id).toList());
        assertThat(copy.indicators()).extracting(Indicator::name, i -> i.target().originalText(),
                Indicator::subProjectNames, Indicator::weight, Indicator::libraryEntryId).containsExactlyElementsOf(
                old.indicators().stream().map(i -> tuple(i.name(), i.target().originalText(), i.subProjectNames(),
                        i.weight(), i.libraryEntryId())).toList());
        assertThat(copy.content().indicators()).extracting(IndicatorRow::direction)
                .containsExactlyElementsOf(oldRows.stream().map(IndicatorRow::direction).toList());

        // every sub-project, its 预算金额 cleared
        assertThat(copy.subProjects()).extracting(SubProject::name)
                .containsExactly("“互联网+监管”信息化平台", "行政监管栏目", "统一执法栏目");
        assertThat(copy.subProjects()).extracting(SubProject::amount).containsOnlyNulls();
        assertThat(copy.totalAmount()).isEqualTo(Money.ZERO);

        // 资金来源: same printed order, 上年度资金 = last year's 本年度计划数, 本年度 cleared, 投资总额 kept
        assertThat(copy.fundingSources()).extracting(FundingSource::kind).containsExactlyElementsOf(
                old.fundingSources().stream().map(FundingSource::kind).toList());
        for (int i = 0; i < old.fundingSources().size(); i++) {
            FundingSource was = old.fundingSources().get(i);
            FundingSource now = copy.fundingSources().get(i);
            assertThat(now.priorYear()).as(was.kind().label()).isEqualTo(was.currentYear());
            assertThat(now.currentYear()).as(was.kind().label()).isNull();
            assertThat(now.totalInvestment()).as(was.kind().label()).isEqualTo(was.totalInvestment());
        }
        assertThat(copy.fundingSources().get(0).kind()).isEqualTo(FundingSourceKind.CITY);
        assertThat(copy.fundingSources().get(0).priorYear()).isEqualTo(Money.ofWan("41.86"));

        // 上年度资金使用情况: 预算安排 = last year's approved plan; no 自评表 yet, so nothing else is known
        assertThat(copy.priorYearFunds().budgeted()).isEqualTo(Money.ofWan("41.86"))
                .isEqualTo(old.fundingTotals().currentYear());
        assertThat(copy.priorYearFunds().allocated()).isNull();
        assertThat(copy.priorYearFunds().spent()).isNull();

        // last year's declaration is untouched
        assertThat(again.content()).isEqualTo(last);
        assertThat(again.version()).isEqualTo(old.version());
        assertThat(again.status()).isEqualTo(DeclarationStatus.APPROVED);

        // the copy still has to be completed before it can be submitted
        assertThat(filing.page(zhujian, copyId).findings()).extracting(DeclarationFinding::rule)
                .contains(DeclarationLint.Rule.SUB_PROJECT_AMOUNT_MISSING);

        assertThatThrownBy(() -> filing.copyToNextYear(zhujian, old.id()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("duplicateDeclaration"));
        assertThat(jdbc.queryForObject("select count(*) from declaration where project_id = ?", Integer.class,
                old.projectId())).isEqualTo(2);
    }

    @Test
    void aNationalDeclarationCopiesAsAContinuingProjectWithItsMilestonesAndNoFunds() {
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.NATIONAL, 2020,
                IndicatorFramework.NATIONAL_2020, FilingContents.national("数字城管延续")));
        Declaration old = reloaded(id);
        Long copyId = filing.copyToNextYear(filer, id);
        Declaration copy = reloaded(copyId);

        assertThat(copy.year()).isEqualTo(FiscalYear.of(2021));
        assertThat(copy.projectAttribute()).isEqualTo(NationalHeader.CONTINUING_PROJECT);
        assertThat(copy.fundsRequest()).isEqualTo(FundsRequest.NONE);
        assertThat(copy.priorYearFunds()).isEqualTo(PriorYearFunds.NONE);
        assertThat(copy.totalAmount()).isNull();
        assertThat(copy.milestones()).extracting(m -> m.content()).containsExactlyElementsOf(
                old.milestones().stream().map(m -> m.content()).toList());
        assertThat(copy.indicators()).extracting(Indicator::term, Indicator::name).containsExactlyElementsOf(
                old.indicators().stream().map(i -> tuple(i.term(), i.name())).toList());
        assertThat(filing.page(filer, copyId).findings()).extracting(DeclarationFinding::rule)
                .contains(DeclarationLint.Rule.FUNDS_REQUEST_MISSING);
    }

    @Test
    void aConfirmedDirectionSurvivesTheCopy() {
        Long id = createSuzhou("方向项目", 2021);
        Long copyId = filing.copyToNextYear(filer, id);
        Indicator complaints = reloaded(copyId).indicators().get(3);
        assertThat(complaints.name()).isEqualTo("业务系统投诉率");
        assertThat(complaints.target().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(complaints.target().directionConfirmed()).isTrue();
        // a draft (not approved) has no approved plan to carry over
        assertThat(reloaded(copyId).priorYearFunds().budgeted()).isNull();
    }

    // ------------------------------------------------------------------ bounded statements

    @Test
    void aPageTakesTheSameBoundedNumberOfStatementsWhateverTheDeclarationsSize() {
        Long big = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.big("大项目", 13, 40)));
        Long small = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.big("小项目", 1, 1)));
        em.flush();
        em.clear();
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();

        stats.clear();
        DeclarationPage bigPage = filing.page(filer, big);
        long bigStatements = stats.getPrepareStatementCount();
        assertThat(bigPage.detail().indicators()).hasSize(40);
        assertThat(bigPage.detail().subProjects()).hasSize(13);
        assertThat(bigPage.detail().indicators().get(14).subProjectNames())
                .containsExactly("子项目2", "子项目3", "子项目4");
        assertThat(bigPage.library()).isNotEmpty();
        assertThat(bigPage.framework().code()).isEqualTo(IndicatorFramework.SUZHOU_2017);
        em.clear();

        stats.clear();
        filing.page(filer, small);
        long smallStatements = stats.getPrepareStatementCount();

        System.out.println("statements for the page of a declaration with 40 indicators and 13 sub-projects: "
                + bigStatements);
        // 5 for the declaration (DeclarationPersistenceTest), 1 for the framework, 1 for the library
        assertThat(bigStatements).isEqualTo(smallStatements).isLessThanOrEqualTo(7);
    }
}
