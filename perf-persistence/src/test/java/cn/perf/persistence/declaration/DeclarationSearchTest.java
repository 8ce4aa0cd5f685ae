package cn.perf.persistence.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.declaration.ReviewLog;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationSearch.Sort;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.persistence.account.JdbcViewerQueries;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list page's search (DESIGN.md §7, §8): the caller's {@link Scope} is part of the query, built by
 * {@link ScopeResolver} from real accounts; filters, sorting (ties by id), pagination, and the projected columns.
 *
 * <p>The organisation (unit names differ in one ASCII letter after a common prefix, so that any collation sorts
 * them the same way):
 * <pre>
 * 检索财政局苏州 (苏州市)          检索财政局济宁 (济宁市)
 *   检索单位C部门 (department)  d5    检索单位E济宁 (department)  d7 d8
 *     检索单位A (unit)  d1 d2
 *     检索单位B (unit)  d3 d4
 *   检索单位D其他 (department)  d6
 * </pre>
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DeclarationFiling.class, JdbcDeclarationStamps.class, ScopeResolver.class, JdbcViewerQueries.class,
        ReviewLog.class, AccountDirectory.class, RecordedEvents.class})
class DeclarationSearchTest {

    static final String SUZHOU = "苏州市";
    static final String JINING = "济宁市";

    @Autowired
    DeclarationFiling filing;
    @Autowired
    ScopeResolver resolver;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BudgetUnits units;
    @Autowired
    Projects projects;
    @Autowired
    Declarations declarations;
    @Autowired
    IndicatorFrameworks frameworks;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit suzhouFinance;
    BudgetUnit jiningFinance;
    BudgetUnit department;
    BudgetUnit unitA;
    BudgetUnit unitB;
    BudgetUnit otherDepartment;
    BudgetUnit jiningUnit;
    Long d1;
    Long d2;
    Long d3;
    Long d4;
    Long d5;
    Long d6;
    Long d7;
    Long d8;

    @BeforeEach
    void organisation() {
        suzhouFinance = units.save(BudgetUnit.financeBureau("检索财政局苏州", SUZHOU));
        jiningFinance = units.save(BudgetUnit.financeBureau("检索财政局济宁", JINING));
        department = units.save(BudgetUnit.department("S100", "检索单位C部门", suzhouFinance.id(), SUZHOU));
        unitA = units.save(BudgetUnit.budgetUnit("S101", "检索单位A", department.id(), SUZHOU));
        unitB = units.save(BudgetUnit.budgetUnit("S102", "检索单位B", department.id(), SUZHOU));
        otherDepartment = units.save(BudgetUnit.department("S200", "检索单位D其他", suzhouFinance.id(), SUZHOU));
        jiningUnit = units.save(BudgetUnit.department("J100", "检索单位E济宁", jiningFinance.id(), JINING));

        d1 = suzhou(unitA, "检索项目A", 2021, "10", 2, false);
        d2 = suzhou(unitA, "检索项目B", 2022, "30", 3, true);
        d3 = national(unitB, "检索项目C", 2021, "350", 1, false);
        d4 = national(unitB, "检索项目D_x", 2021, null, 0, false);
        d5 = suzhou(department, "检索项目E", 2021, "5", 1, false);
        d6 = suzhou(otherDepartment, "检索项目F100%完成", 2021, "20", 1, false);
        d7 = national(jiningUnit, "检索项目G", 2021, "350", 1, true);
        d8 = national(jiningUnit, "检索项目H", 2022, "100", 2, false);

        account("s-filer-a", unitA, Role.FILER);
        account("s-leader-b", unitB, Role.UNIT_LEADER);
        account("s-dept", department, Role.DEPARTMENT_REVIEWER);
        account("s-finance", suzhouFinance, Role.FINANCE_REVIEWER);
        account("j-finance", jiningFinance, Role.FINANCE_REVIEWER);
        account("s-admin", suzhouFinance, Role.SYSTEM_ADMIN);
        UserAccount disabled = UserAccount.open("s-disabled", "{noop}x", "停用", unitA.id(), Set.of(Role.FILER));
        disabled.disable();
        accounts.save(disabled);
        em.flush();
        em.clear();
    }

    void account(String username, BudgetUnit unit, Role role) {
        accounts.save(UserAccount.open(username, "{noop}x", username, unit.id(), EnumSet.of(role)));
    }

    Long suzhou(BudgetUnit unit, String name, int year, String amount, int indicators, boolean submit) {
        Project p = projects.save(Project.open(unit.id(), name, FilingContents.IT, "市立项目", FiscalYear.of(year)));
        Declaration d = Declaration.newSuzhou(unit.id(), p.id(), FiscalYear.of(year),
                new SuzhouHeader(name, FilingContents.IT, "市立项目", null, null, null, null, null), List.of());
        List<DeclarationContent.IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            rows.add(FilingContents.suzhouRow("产出", List.of("k"), "指标" + i, "≥" + (i + 1) + "个"));
        }
        DeclarationContent c = FilingContents.suzhou(name);
        d.revise(c.withFunds(c.projectAttribute(), c.priorYearFunds(), c.fundsRequest(),
                List.of(FilingContents.sub("k", "平台", amount)), FilingContents.cityFunding(null, null, amount),
                c.signOff()).withIndicators(rows));
        declarations.save(d);
        if (submit) {
            d.submit(frameworks.findByCode(IndicatorFramework.SUZHOU_2017).orElseThrow());
        }
        return d.id();
    }

    Long national(BudgetUnit unit, String name, int year, String amount, int indicators, boolean submit) {
        Project p = projects.save(Project.open(unit.id(), name, null, NationalHeader.NEW_PROJECT,
                FiscalYear.of(year)));
        Declaration d = Declaration.newNational(unit.id(), p.id(), FiscalYear.of(year),
                new NationalHeader(name, NationalHeader.NEW_PROJECT, null, null, null, null, null, null, null),
                IndicatorFramework.NATIONAL_2020);
        DeclarationContent c = FilingContents.national(name);
        List<DeclarationContent.IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            rows.add(FilingContents.nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "指标" + i,
                    "≥" + (i + 1) + "个"));
        }
        Money total = amount == null ? null : Money.ofWan(amount);
        d.revise(c.withFunds(c.projectAttribute(), c.priorYearFunds(), new FundsRequest(total, total, null, null,
                null), List.of(), List.of(), c.signOff()).withIndicators(rows));
        declarations.save(d);
        if (submit) {
            d.submit(frameworks.findByCode(IndicatorFramework.NATIONAL_2020).orElseThrow());
        }
        return d.id();
    }

    /** Every project of this test is named 检索项目…: the searches stay within this test's data. */
    static final String OURS = "检索项目";

    static DeclarationSearch search(Integer year, Long unitId, FormLayout layout, DeclarationStatus status,
                                    String name) {
        return new DeclarationSearch(year, unitId, layout, status, name == null ? OURS : name, 0, 100,
                Sort.PROJECT_NAME, true);
    }

    static DeclarationSearch sorted(Sort sort, boolean ascending) {
        return new DeclarationSearch(null, null, null, null, OURS, 0, 100, sort, ascending);
    }

    static DeclarationSearch paged(int page, int size) {
        return new DeclarationSearch(null, null, null, null, OURS, page, size, Sort.PROJECT_NAME, true);
    }

    List<Long> ids(Scope scope, DeclarationSearch search) {
        return filing.search(scope, search).rows().stream().map(DeclarationListRow::id).toList();
    }

    List<Long> all(Scope scope) {
        return ids(scope, search(null, null, null, null, null));
    }

    // ------------------------------------------------------------------ scope

    @Test
    void aUnitFilerSeesOnlyItsOwnUnit() {
        Scope filer = resolver.forUser("s-filer-a");
        assertThat(filer.fileableUnitIds()).containsExactly(unitA.id());
        assertThat(all(filer)).containsExactly(d1, d2);
        assertThat(filing.search(filer, DeclarationSearch.all()).total()).isEqualTo(2);
        assertThat(filing.search(filer, DeclarationSearch.all()).rows()).extracting(DeclarationListRow::id)
                .containsExactlyInAnyOrder(d1, d2);
        // a 单位负责人 likewise
        assertThat(all(resolver.forUser("s-leader-b"))).containsExactly(d3, d4);
    }

    @Test
    void theStampOfADeclarationFollowsTheScopeAndItsVersion() {
        Scope filer = resolver.forUser("s-filer-a");
        DeclarationFiling.PageStamp own = filing.stamp(filer, d1);
        assertThat(own.version()).isEqualTo(declarations.findById(d1).orElseThrow().version());
        assertThat(own.editable()).isTrue();
        assertThat(filing.stamp(filer, d2).editable()).as("submitted").isFalse();
        assertThat(filing.stamp(resolver.forUser("s-dept"), d1).editable()).as("reviewer").isFalse();
        assertThat(filing.stamp(resolver.forUser("s-finance"), d3).status()).isEqualTo(DeclarationStatus.DRAFT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filing.stamp(filer, d3))
                .isInstanceOf(cn.perf.domain.shared.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filing.stamp(resolver.forUser("s-finance"), d7))
                .isInstanceOf(cn.perf.domain.shared.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filing.stamp(filer, 999_999L))
                .isInstanceOf(cn.perf.domain.shared.NotFoundException.class);
    }

    @Test
    void aUnitFilterOutsideTheScopeFindsNothing() {
        Scope filer = resolver.forUser("s-filer-a");
        assertThat(ids(filer, search(null, unitB.id(), null, null, null))).isEmpty();
        assertThat(ids(filer, search(null, jiningUnit.id(), null, null, null))).isEmpty();
        assertThat(filing.search(filer, search(null, unitB.id(), null, null, null)).total()).isZero();
    }

    @Test
    void aDepartmentReviewerSeesItsDepartmentsSubtree() {
        Scope dept = resolver.forUser("s-dept");
        assertThat(dept.visibleUnitIds()).containsExactlyInAnyOrder(department.id(), unitA.id(), unitB.id());
        assertThat(dept.fileableUnitIds()).isEmpty();
        assertThat(dept.visibleRegion()).isNull();
        assertThat(all(dept)).containsExactly(d1, d2, d3, d4, d5);
    }

    @Test
    void aFinanceReviewerSeesEveryUnitOfItsRegionAndNeverAnotherRegions() {
        Scope suzhou = resolver.forUser("s-finance");
        assertThat(suzhou.visibleRegion()).isEqualTo(SUZHOU);
        assertThat(suzhou.fileableUnitIds()).isEmpty();
        assertThat(all(suzhou)).containsExactly(d1, d2, d3, d4, d5, d6).doesNotContain(d7, d8);
        assertThat(ids(suzhou, search(null, jiningUnit.id(), null, null, null))).isEmpty();
        assertThat(ids(suzhou, search(null, null, null, null, "检索项目G"))).isEmpty();

        assertThat(all(resolver.forUser("j-finance"))).containsExactly(d7, d8);
    }

    @Test
    void administratorsDisabledAndUnknownAccountsSeeNothing() {
        for (String username : List.of("s-admin", "s-disabled", "nobody")) {
            Scope scope = resolver.forUser(username);
            assertThat(scope.seesNothing()).as(username).isTrue();
            ResultPage<DeclarationListRow> page = filing.search(scope, DeclarationSearch.all());
            assertThat(page.rows()).as(username).isEmpty();
            assertThat(page.total()).as(username).isZero();
            assertThat(page.totalPages()).isEqualTo(1);
        }
        assertThat(filing.search(Scope.none("x"), DeclarationSearch.all()).rows()).isEmpty();
    }

    @Test
    void theUnitsAReviewerMayFilterByAreThoseInScope() {
        assertThat(filing.visibleUnits(resolver.forUser("s-dept"))).extracting(u -> u.name())
                .containsExactly("检索单位A", "检索单位B", "检索单位C部门");
        assertThat(filing.visibleUnits(resolver.forUser("s-finance"))).extracting(u -> u.name())
                .contains("检索单位A", "检索单位B", "检索单位C部门", "检索单位D其他", "检索财政局苏州")
                .doesNotContain("检索单位E济宁", "检索财政局济宁");
    }

    // ------------------------------------------------------------------ filters

    @Test
    void filtersByYearUnitLayoutAndStatusCombineWithTheScope() {
        Scope suzhou = resolver.forUser("s-finance");
        assertThat(ids(suzhou, search(2022, null, null, null, null))).containsExactly(d2);
        assertThat(ids(suzhou, search(2021, null, null, null, null))).containsExactly(d1, d3, d4, d5, d6);
        assertThat(ids(suzhou, search(null, unitB.id(), null, null, null))).containsExactly(d3, d4);
        assertThat(ids(suzhou, search(null, null, FormLayout.NATIONAL, null, null))).containsExactly(d3, d4);
        assertThat(ids(suzhou, search(null, null, FormLayout.SUZHOU, null, null))).containsExactly(d1, d2, d5, d6);
        assertThat(ids(suzhou, search(null, null, null, DeclarationStatus.SUBMITTED, null))).containsExactly(d2);
        assertThat(ids(suzhou, search(null, null, null, DeclarationStatus.APPROVED, null))).isEmpty();
        assertThat(ids(suzhou, search(2021, unitA.id(), FormLayout.SUZHOU, DeclarationStatus.DRAFT, null)))
                .containsExactly(d1);
        assertThat(ids(resolver.forUser("j-finance"), search(null, null, null, DeclarationStatus.SUBMITTED, null)))
                .containsExactly(d7);
    }

    @Test
    void theProjectNameFilterIsASubstringMatchIgnoringCase() {
        Scope suzhou = resolver.forUser("s-finance");
        assertThat(ids(suzhou, search(null, null, null, null, "项目C"))).containsExactly(d3);
        assertThat(ids(suzhou, search(null, null, null, null, "项目a"))).containsExactly(d1);
        assertThat(ids(suzhou, search(null, null, null, null, "  检索项目  "))).hasSize(6);
        assertThat(ids(suzhou, search(null, null, null, null, "不存在"))).isEmpty();
        assertThat(new DeclarationSearch(null, null, null, null, "   ", 0, 20, null, false).projectName()).isNull();
        assertThat(new DeclarationSearch(null, null, null, null, " 项目 ", 0, 20, null, false).projectName())
                .isEqualTo("项目");
    }

    @Test
    void percentAndUnderscoreInTheProjectNameFilterAreMatchedLiterally() {
        Scope suzhou = resolver.forUser("s-finance");
        assertThat(ids(suzhou, search(null, null, null, null, "%"))).containsExactly(d6);
        assertThat(ids(suzhou, search(null, null, null, null, "100%"))).containsExactly(d6);
        assertThat(ids(suzhou, search(null, null, null, null, "_"))).containsExactly(d4);
        assertThat(ids(suzhou, search(null, null, null, null, "D_x"))).containsExactly(d4);
        assertThat(ids(suzhou, search(null, null, null, null, "项目_"))).isEmpty();
        assertThat(ids(suzhou, search(null, null, null, null, "\\"))).isEmpty();
    }

    // ------------------------------------------------------------------ sorting

    @Test
    void everySortWorksBothWaysWithTiesBrokenById() {
        Scope suzhou = resolver.forUser("s-finance");
        Map<Sort, List<Long>> ascending = new HashMap<>();
        ascending.put(Sort.PROJECT_NAME, List.of(d1, d2, d3, d4, d5, d6));
        ascending.put(Sort.UNIT, List.of(d1, d2, d3, d4, d5, d6));
        ascending.put(Sort.YEAR, List.of(d1, d3, d4, d5, d6, d2));
        ascending.put(Sort.STATUS, List.of(d1, d3, d4, d5, d6, d2));
        Map<Sort, List<Long>> descending = new HashMap<>();
        descending.put(Sort.PROJECT_NAME, List.of(d6, d5, d4, d3, d2, d1));
        descending.put(Sort.UNIT, List.of(d6, d5, d4, d3, d2, d1));
        descending.put(Sort.YEAR, List.of(d2, d6, d5, d4, d3, d1));
        descending.put(Sort.STATUS, List.of(d2, d6, d5, d4, d3, d1));
        ascending.forEach((sort, expected) ->
                assertThat(ids(suzhou, sorted(sort, true))).as(sort + " asc").isEqualTo(expected));
        descending.forEach((sort, expected) ->
                assertThat(ids(suzhou, sorted(sort, false))).as(sort + " desc").isEqualTo(expected));
    }

    @Test
    void anEmptyTotalSortsLastInBothDirections() {
        Scope suzhou = resolver.forUser("s-finance");
        // d5 5, d1 10, d6 20, d2 30, d3 350, d4 none
        assertThat(ids(suzhou, sorted(Sort.TOTAL_AMOUNT, true))).containsExactly(d5, d1, d6, d2, d3, d4);
        assertThat(ids(suzhou, sorted(Sort.TOTAL_AMOUNT, false))).containsExactly(d3, d2, d6, d1, d5, d4);
    }

    @Test
    void theUpdateTimeSortFollowsTheStoredTimesAndALaterSaveComesFirst() {
        Scope suzhou = resolver.forUser("s-finance");
        Map<Long, Instant> stored = new HashMap<>();
        jdbc.query("select id, updated_at from declaration where id in (?, ?, ?, ?, ?, ?)",
                rs -> {
                    stored.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }, d1, d2, d3, d4, d5, d6);
        Comparator<Long> byTime = Comparator.<Long, Instant>comparing(stored::get).thenComparing(id -> id);
        List<Long> expected = new ArrayList<>(stored.keySet());
        expected.sort(byTime);
        assertThat(ids(suzhou, sorted(Sort.UPDATED_AT, true))).isEqualTo(expected);
        List<Long> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);
        assertThat(ids(suzhou, sorted(Sort.UPDATED_AT, false))).isEqualTo(reversed);

        // the default order of the list is the newest change first: saving d1 brings it to the top
        Declaration first = declarations.findById(d1).orElseThrow();
        filing.revise(resolver.forUser("s-filer-a"), new ReviseDeclaration(d1, first.version(), FilingContents.withLeader(first.content(), "王五")));
        em.flush();
        em.clear();
        List<Long> now = ids(suzhou, sorted(Sort.UPDATED_AT, false));
        assertThat(now).hasSize(6).startsWith(d1);
        assertThat(filing.search(suzhou, sorted(Sort.UPDATED_AT, false)).rows().get(0).updatedAt())
                .isAfter(stored.values().stream().max(Comparator.naturalOrder()).orElseThrow());
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pagesCarryTheTotalAndAPagePastTheEndShowsTheLastPage() {
        Scope suzhou = resolver.forUser("s-finance");
        ResultPage<DeclarationListRow> first = filing.search(suzhou,
                paged(0, 4));
        assertThat(first.rows()).extracting(DeclarationListRow::id).containsExactly(d1, d2, d3, d4);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.firstRow()).isEqualTo(1);
        assertThat(first.lastRow()).isEqualTo(4);

        ResultPage<DeclarationListRow> second = filing.search(suzhou,
                paged(1, 4));
        assertThat(second.rows()).extracting(DeclarationListRow::id).containsExactly(d5, d6);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.firstRow()).isEqualTo(5);
        assertThat(second.lastRow()).isEqualTo(6);

        ResultPage<DeclarationListRow> past = filing.search(suzhou,
                paged(9, 4));
        assertThat(past.page()).isEqualTo(1);
        assertThat(past.rows()).extracting(DeclarationListRow::id).containsExactly(d5, d6);
        assertThat(past.total()).isEqualTo(6);

        ResultPage<DeclarationListRow> exact = filing.search(suzhou,
                paged(0, 6));
        assertThat(exact.totalPages()).isEqualTo(1);
        assertThat(filing.search(suzhou, paged(1, 6)).rows()).hasSize(6);
    }

    @Test
    void pageSizesAreBounded() {
        DeclarationSearch tooBig = new DeclarationSearch(null, null, null, null, null, -3, 10_000, null, false);
        assertThat(tooBig.size()).isEqualTo(DeclarationSearch.MAX_SIZE);
        assertThat(tooBig.page()).isZero();
        assertThat(tooBig.sort()).isEqualTo(Sort.UPDATED_AT);
        assertThat(new DeclarationSearch(null, null, null, null, null, 0, 0, null, false).size()).isEqualTo(20);
        ResultPage<DeclarationListRow> one = filing.search(resolver.forUser("s-finance"),
                paged(2, 1));
        assertThat(one.rows()).extracting(DeclarationListRow::id).containsExactly(d3);
        assertThat(one.totalPages()).isEqualTo(6);
    }

    // ------------------------------------------------------------------ the rows

    @Test
    void rowsCarryTheProjectedColumnsIncludingIndicatorCountAndUpdateTime() {
        Scope suzhou = resolver.forUser("s-finance");
        Map<Long, DeclarationListRow> rows = new HashMap<>();
        filing.search(suzhou, search(null, null, null, null, null)).rows().forEach(r -> rows.put(r.id(), r));

        DeclarationListRow b = rows.get(d2);
        assertThat(b.unitId()).isEqualTo(unitA.id());
        assertThat(b.unitName()).isEqualTo("检索单位A");
        assertThat(b.projectName()).isEqualTo("检索项目B");
        assertThat(b.projectId()).isEqualTo(declarations.findById(d2).orElseThrow().projectId());
        assertThat(b.year()).isEqualTo(FiscalYear.of(2022));
        assertThat(b.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(b.status()).isEqualTo(DeclarationStatus.SUBMITTED);
        assertThat(b.totalAmount()).isEqualTo(Money.ofWan("30"));
        assertThat(b.indicatorCount()).isEqualTo(3);
        Timestamp stored = jdbc.queryForObject("select updated_at from declaration where id = ?", Timestamp.class,
                d2);
        assertThat(b.updatedAt()).isEqualTo(stored.toInstant());

        assertThat(rows.get(d4).indicatorCount()).isZero();
        assertThat(rows.get(d4).totalAmount()).isNull();
        assertThat(rows.get(d4).layout()).isEqualTo(FormLayout.NATIONAL);
        assertThat(rows.get(d3).totalAmount()).isEqualTo(Money.ofWan("350"));
        assertThat(rows.get(d1).indicatorCount()).isEqualTo(2);
    }

    @Test
    void aPageIsOneCountOneProjectionAndOneIndicatorCountQuery() {
        Scope suzhou = resolver.forUser("s-finance");
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        filing.search(suzhou, sorted(Sort.UNIT, true));
        // 指标数 of the page's rows in one statement (issue 12: not a correlated count an OFFSET evaluates for every
        // skipped row), whatever the number of rows
        assertThat(stats.getPrepareStatementCount()).isEqualTo(3);
    }
}
