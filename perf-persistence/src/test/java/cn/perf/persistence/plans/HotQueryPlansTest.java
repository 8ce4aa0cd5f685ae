package cn.perf.persistence.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationQueries;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.demo.DemoDeclarations;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.EvaluationListRow;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.todo.TodoQueries;
import cn.perf.persistence.account.JdbcViewerQueries;
import cn.perf.persistence.declaration.RecordedEvents;
import cn.perf.persistence.evaluation.EvaluationQueriesConfiguration;
import cn.perf.persistence.shared.Cursor;
import cn.perf.persistence.todo.JdbcTodoQueries;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: the hot queries of the deadline week — the list (申报表 and 自评表, default sort, one page), the 项目名称
 * search, the 待办 lists and counts, and what a form's PDF/Excel export reads — use indexes, no sequential scan on the
 * big tables, at a realistic data size.
 *
 * <p>How: the demo seed forms are loaded through the domain, then {@code scripts/load/generate-data.sql} (the data
 * generator's own SQL) clones them onto 300 units of four regions — {@value #DECLARATIONS} projects with a 2021 申报表 in
 * every status, the Suzhou ones also with an approved 2020 申报表 and its 自评表 — and {@code ANALYZE} gives the planner
 * the statistics of that data. All of it inside the test's transaction, rolled back at the end (ANALYZE counts the rows
 * the transaction inserted). The application's own code then runs each query: the SQL it sends and the values it binds
 * are captured at the JDBC layer and sent again as {@code EXPLAIN (FORMAT JSON)} with the same values, and no plan node
 * may be a {@code Seq Scan} of a big table.
 *
 * <p>Size: {@value #DECLARATIONS} instead of the generator's 10,000 keeps this test at a few seconds; set
 * {@code -Dperf.plans.declarations=10000} for the full size (docs/performance.md has the figures of both). Small tables
 * (budget units, frameworks, the library, the test's audit log) may be scanned: they hold hundreds of rows at most.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoOrganization.class, DemoDeclarations.class, DemoSelfEvaluation2020.class, DeclarationService.class,
        RecordedEvents.class, SelfEvaluationScoring.class, ScoringRegimeCatalog.class, JdbcTodoQueries.class,
        JdbcViewerQueries.class, EvaluationQueriesConfiguration.class, HotQueryPlansTest.Capture.class})
class HotQueryPlansTest {

    static final int DECLARATIONS = 4000;

    /** Tables that grow with the number of forms (or of users, for the account tables). */
    static final Set<String> BIG = Set.of("declaration", "declaration_indicator", "declaration_sub_project",
            "declaration_funding_source", "declaration_milestone", "declaration_indicator_sub_project",
            "declaration_review_step", "project", "self_evaluation", "self_evaluation_indicator",
            "self_evaluation_category", "self_evaluation_sub_project", "self_evaluation_national_fund",
            "self_evaluation_finding", "self_evaluation_adjustment", "user_account", "user_account_role");

    /**
     * The count of a finance bureau's list (every form of its region, half of each table here): the planner reads the
     * table sequentially in this test because the rows are uncommitted, so no page is all-visible and an index-only
     * scan would visit the heap for every row; on a vacuumed database (the generator's) the same count is an index-only
     * scan of {@code ix_declaration_unit_updated} / {@code ix_self_evaluation_unit_year} (docs/performance.md). Its page
     * of rows, the search and everything else of the finance bureau must still use indexes.
     */
    static final java.util.regex.Pattern WHOLE_REGION_COUNT = java.util.regex.Pattern.compile(
            "select count\\(\\w+\\.id\\) from (declaration|self_evaluation) \\w+ join budget_unit (\\w+) on \\2\\.id=\\w+\\.unit_id"
                    + " where \\(\\2\\.region=\\?\\)");

    /** One statement the application ran: its SQL and the setter calls that bound its parameters. */
    record Captured(String sql, List<Object[]> binds) {
    }

    /** Wraps the DataSource so that every prepared query is recorded while {@link #on} is set. */
    @TestConfiguration
    static class Capture {

        static final List<Captured> QUERIES = new CopyOnWriteArrayList<>();
        static volatile boolean on;

        @Bean
        static BeanPostProcessor capturingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds)) {
                        return bean;
                    }
                    return proxy(DataSource.class, ds, (target, m, args) -> {
                        Object r = m.invoke(target, args);
                        return r instanceof Connection c && m.getName().equals("getConnection") ? connection(c) : r;
                    });
                }
            };
        }

        static Connection connection(Connection c) {
            return proxy(Connection.class, c, (target, m, args) -> {
                Object r = m.invoke(target, args);
                if (r instanceof PreparedStatement ps && m.getName().equals("prepareStatement")) {
                    return statement(ps, (String) args[0]);
                }
                return r;
            });
        }

        static PreparedStatement statement(PreparedStatement ps, String sql) {
            List<Object[]> binds = new ArrayList<>();
            return proxy(PreparedStatement.class, ps, (target, m, args) -> {
                if (m.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                    binds.add(new Object[] {m, args.clone()});
                } else if (m.getName().equals("clearParameters")) {
                    binds.clear();
                } else if (on && m.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                    QUERIES.add(new Captured(sql, List.copyOf(binds)));
                }
                return m.invoke(target, args);
            });
        }

        interface Call {
            Object invoke(Object target, Method m, Object[] args) throws Throwable;
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T target, Call call) {
            InvocationHandler h = (p, m, args) -> {
                try {
                    return call.invoke(target, m, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
        }

        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    DemoOrganization organization;
    @Autowired
    DemoDeclarations declarationsDemo;
    @Autowired
    DemoSelfEvaluation2020 evaluationDemo;
    @Autowired
    DeclarationQueries declarations;
    @Autowired
    SelfEvaluationQueries evaluations;
    @Autowired
    SelfEvaluations evaluationAggregates;
    @Autowired
    TodoQueries todo;
    @Autowired
    JdbcViewerQueries viewers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager em;

    @Test
    void theDeadlineWeeksHotQueriesUseIndexesAtSize() throws Exception {
        int size = Integer.getInteger("perf.plans.declarations", DECLARATIONS);
        long t0 = System.nanoTime();
        generate(size);
        long generated = System.nanoTime();
        assertThat(jdbc.queryForObject("select count(*) from declaration", Long.class)).isGreaterThanOrEqualTo(size);

        Map<String, Long> u = jdbc.queryForMap("""
                select f.unit_id as filer_unit, f.declaration_id, f.evaluation_id, p.id as department
                from loadgen.filer f join budget_unit b on b.id = f.unit_id join budget_unit p on p.id = b.parent_id
                where b.region = '苏州市' order by f.username limit 1""").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
        Long unit = u.get("filer_unit");
        Long department = u.get("department");
        Set<Long> departmentUnits = Set.copyOf(jdbc.queryForList(
                "select id from budget_unit where id = ? or parent_id = ?", Long.class, department, department));
        Scope filer = new Scope("load-00001", Set.of(unit), null, Set.of(unit));
        Scope reviewer = new Scope("reviewer", departmentUnits, null, Set.of(department));
        Scope finance = new Scope("finance", Set.of(), "苏州市", Set.of());

        Map<String, Runnable> work = new LinkedHashMap<>();
        for (var s : Map.of("filer", filer, "department", reviewer, "finance", finance).entrySet()) {
            Scope scope = s.getValue();
            work.put("申报表 list, " + s.getKey(), () -> declarations.search(scope, DeclarationSearch.all()));
            work.put("申报表 search 绿化养护, " + s.getKey(), () -> declarations.search(scope,
                    new DeclarationSearch(null, null, null, null, "绿化养护", 0, 20, DeclarationSearch.Sort.UPDATED_AT,
                            false)));
            work.put("自评表 list, " + s.getKey(), () -> evaluations.search(scope, EvaluationSearch.all()));
            work.put("自评表 search 道路照明, " + s.getKey(), () -> evaluations.search(scope,
                    new EvaluationSearch(null, null, null, null, "道路照明", 0, 20, EvaluationSearch.Sort.YEAR,
                            false)));
            work.put("summary.xlsx page 3, " + s.getKey(), () -> declarations.search(scope,
                    new DeclarationSearch(null, null, null, null, null, 3, DeclarationSearch.MAX_SIZE,
                            DeclarationSearch.Sort.UPDATED_AT, false)));
        }
        var filerStatuses = EnumSet.of(DeclarationStatus.DRAFT, DeclarationStatus.RETURNED);
        work.put("待办, filer", () -> {
            todo.declarations(Set.of(unit), null, filerStatuses, 50);
            todo.count(Set.of(unit), null, filerStatuses);
            todo.countByUnit(Set.of(unit), null, filerStatuses);
        });
        work.put("待办, department", () -> {
            todo.declarations(departmentUnits, null, EnumSet.of(DeclarationStatus.SUBMITTED), 50);
            todo.count(departmentUnits, null, EnumSet.of(DeclarationStatus.SUBMITTED));
            todo.countByUnit(departmentUnits, null, EnumSet.of(DeclarationStatus.SUBMITTED));
        });
        work.put("待办, finance", () -> {
            var waiting = EnumSet.of(DeclarationStatus.DEPARTMENT_APPROVED);
            todo.declarations(Set.of(), "苏州市", waiting, 50);
            todo.count(Set.of(), "苏州市", waiting);
            todo.countByDepartment(Set.of(), "苏州市", waiting);
        });
        work.put("申报表 PDF/Excel export (the detail it draws)", () -> declarations.detail(u.get("declaration_id")));
        work.put("自评表 PDF/Excel export (the detail it draws)", () -> {
            evaluationAggregates.findById(u.get("evaluation_id")).orElseThrow();
            evaluations.detail(u.get("evaluation_id"));
        });
        work.put("the viewer of every request", () -> viewers.find("load-00001"));

        List<String> seqScans = new ArrayList<>();
        Set<String> regionCounts = new java.util.TreeSet<>();
        int explained = 0;
        for (var w : work.entrySet()) {
            em.clear();
            Capture.QUERIES.clear();
            Capture.on = true;
            try {
                w.getValue().run();
            } finally {
                Capture.on = false;
            }
            assertThat(Capture.QUERIES).as(w.getKey() + ": captured statements").isNotEmpty();
            for (Captured q : Capture.QUERIES) {
                explained++;
                for (String table : seqScanned(q)) {
                    if (!BIG.contains(table) || rows(table) < 1000) {
                        continue;   // a scan of a table of a few hundred rows at most is what the planner should do
                    }
                    if (WHOLE_REGION_COUNT.matcher(q.sql()).matches()) {
                        regionCounts.add(table);
                        continue;
                    }
                    seqScans.add(w.getKey() + ": Seq Scan on " + table + " in\n    " + q.sql());
                }
            }
        }
        shortFragmentsAreNotSearchedThroughTheTrigramIndex(filer, reviewer, finance, unit);
        long done = System.nanoTime();
        System.out.printf("HotQueryPlansTest: %d projects generated and analysed in %d ms; %d statements explained in"
                + " %d ms%n", size, (generated - t0) / 1_000_000, explained, (done - generated) / 1_000_000);
        assertThat(explained).isGreaterThan(20);
        assertThat(seqScans).as("sequential scans of big tables").isEmpty();
        // the one exception, and only for what it is: a finance bureau's list counts every form of its region
        assertThat(regionCounts).isSubsetOf("declaration", "self_evaluation");
    }

    /**
     * The list exports read a whole search through one cursor ({@code forEach}) instead of page after page: at size,
     * across the cursor's batches, they get exactly the rows the pages show, in the same order, with the same 指标数
     * and findings.
     */
    @Test
    void theExportsCursorReadsWhatThePagesShowInTheirOrder() throws Exception {
        generate(DECLARATIONS);
        Scope finance = new Scope("finance", Set.of(), "苏州市", Set.of());
        for (DeclarationSearch.Sort sort : List.of(DeclarationSearch.Sort.UPDATED_AT, DeclarationSearch.Sort.UNIT)) {
            List<DeclarationListRow> paged = new ArrayList<>();
            for (int p = 0; ; p++) {
                var page = declarations.search(finance, new DeclarationSearch(null, null, null, null, null, p,
                        DeclarationSearch.MAX_SIZE, sort, false));
                paged.addAll(page.rows());
                if (!page.hasNext()) {
                    break;
                }
            }
            assertThat(paged).as("the region spans more than one of the cursor's batches").hasSizeGreaterThan(
                    Cursor.BATCH + 1);
            assertThat(paged).extracting(DeclarationListRow::indicatorCount).anyMatch(n -> n > 10);
            List<DeclarationListRow> cursor = new ArrayList<>();
            declarations.forEach(finance, new DeclarationSearch(null, null, null, null, null, 0, 1, sort, false),
                    cursor::add);
            assertThat(cursor).as("申报表 by " + sort).containsExactlyElementsOf(paged);
        }
        List<EvaluationListRow> paged = new ArrayList<>();
        for (int p = 0; ; p++) {
            var page = evaluations.search(finance, new EvaluationSearch(null, null, null, null, null, p,
                    EvaluationSearch.MAX_SIZE, EvaluationSearch.Sort.YEAR, false));
            paged.addAll(page.rows());
            if (!page.hasNext()) {
                break;
            }
        }
        assertThat(paged).hasSizeGreaterThan(Cursor.BATCH + 1);
        assertThat(paged).extracting(EvaluationListRow::findings).anyMatch(n -> n > 0);
        List<EvaluationListRow> cursor = new ArrayList<>();
        evaluations.forEach(finance, new EvaluationSearch(null, null, null, null, null, 0, 1,
                EvaluationSearch.Sort.YEAR, false), cursor::add);
        assertThat(cursor).containsExactlyElementsOf(paged);
        List<DeclarationListRow> none = new ArrayList<>();
        declarations.forEach(Scope.none("admin"), DeclarationSearch.all(), none::add);
        assertThat(none).isEmpty();
    }

    /**
     * A two-character fragment (绿化, the usual length of a Chinese word) has no trigram: the trigram index could only
     * return every row. PostgreSQL plans a prepared statement for its values five times, then may keep a generic plan
     * that cannot see them; that plan took the index for such a search (9 ms at 20,000 declarations, against 0.1 ms
     * through the unit's rows). The application writes a short fragment so that the index does not match it
     * ({@code JpqlFilters.containsCondition}): here the generic plans of every scope's short searches read no trigram index
     * (the filer's and the department's custom plans read no big table sequentially either; a finance bureau's
     * two-character search has to read its region's rows, with or without the index), and for the finance bureau the
     * same statement written on the column itself would read the index (so the check can tell). The rows found are the
     * ones a plain SQL filter finds.
     */
    private void shortFragmentsAreNotSearchedThroughTheTrigramIndex(Scope filer, Scope reviewer, Scope finance,
                                                                     Long unit) {
        for (Scope scope : List.of(filer, reviewer, finance)) {
            em.clear();
            Capture.QUERIES.clear();
            Capture.on = true;
            long total;
            try {
                total = declarations.search(scope, new DeclarationSearch(null, null, null, null, "绿化", 0, 20,
                        DeclarationSearch.Sort.UPDATED_AT, false)).total();
                evaluations.search(scope, new EvaluationSearch(null, null, null, null, "道路", 0, 20,
                        EvaluationSearch.Sort.YEAR, false));
            } finally {
                Capture.on = false;
            }
            List<Captured> searches = Capture.QUERIES.stream().filter(q -> q.sql().contains(" like ")).toList();
            assertThat(searches).as(scope.username() + ": count and rows of both lists").hasSize(4);
            for (Captured q : searches) {
                assertThat(q.sql()).contains("||'')");
                assertThat(genericPlan(q.sql(), q)).as(scope.username() + ", generic plan of\n    " + q.sql())
                        .doesNotContain("_project_name_trgm");
                if (scope != finance) {
                    assertThat(seqScanned(q)).as(scope.username() + ", custom plan of\n    " + q.sql())
                            .noneMatch(BIG::contains);
                }
            }
            if (scope == finance) {
                Captured count = searches.get(0);
                assertThat(genericPlan(count.sql().replace("||'')", ")"), count))
                        .as("the same count written on the column itself").contains("ix_declaration_project_name_trgm");
            }
            if (scope == filer) {
                assertThat(total).isPositive().isEqualTo(jdbc.queryForObject("""
                        select count(*) from declaration where unit_id = ? and lower(project_name) like '%绿化%'""",
                        Long.class, unit));
            }
        }
    }

    /**
     * The plan PostgreSQL 15 keeps for {@code sql} as a prepared statement once it stops planning per value
     * ({@code plan_cache_mode = force_generic_plan}), executed with the values {@code q} bound.
     */
    private String genericPlan(String sql, Captured q) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        String values = q.binds().stream().map(b -> ((Object[]) b[1])[1])
                .map(v -> v instanceof Number ? v.toString() : "'" + String.valueOf(v).replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        return jdbc.execute((Connection c) -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_generic_plan");
                st.execute("prepare generic_probe as " + numbered);
                try (ResultSet rs = st.executeQuery("explain (format json) execute generic_probe(" + values + ")")) {
                    rs.next();
                    return rs.getString(1);
                } finally {
                    st.execute("deallocate generic_probe");
                    st.execute("reset plan_cache_mode");
                }
            }
        });
    }

    private long rows(String table) {
        return jdbc.queryForObject("select reltuples::bigint from pg_class where oid = ?::regclass", Long.class, table);
    }

    /** The generator's SQL on the demo seeds, in this transaction, then ANALYZE. */
    private void generate(int size) throws IOException {
        organization.loadIfAbsent();
        declarationsDemo.loadIfAbsent();
        evaluationDemo.loadIfAbsent();
        em.flush();
        em.clear();
        String sql = Files.readString(script(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("\\") && !l.strip().equalsIgnoreCase("begin;")
                        && !l.strip().equalsIgnoreCase("commit;"))
                .collect(Collectors.joining("\n"))
                .replace(":n_decl", Integer.toString(size)).replace(":n_eval", Integer.toString(size))
                .replace(":n_filers", "500");
        jdbc.execute(sql);
        jdbc.execute("analyze");
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("scripts/load/generate-data.sql");
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("scripts/load/generate-data.sql not found above " + Path.of("").toAbsolutePath());
    }

    /** The tables a sequential scan reads in the plan of {@code q}, with the application's bound values. */
    private List<String> seqScanned(Captured q) {
        String plan = jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("explain (format json) " + q.sql())) {
                for (Object[] b : q.binds()) {
                    ((Method) b[0]).invoke(ps, (Object[]) b[1]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            } catch (ReflectiveOperationException e) {
                throw new SQLException(e);
            }
        });
        return jdbc.queryForList("""
                select jsonb_path_query(?::jsonb, 'strict $.** ? (@."Node Type" == "Seq Scan")."Relation Name"') #>> '{}'
                """, String.class, plan);
    }
}
