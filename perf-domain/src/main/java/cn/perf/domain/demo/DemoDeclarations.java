package cn.perf.domain.demo;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The three filed 申报表 of the seed forms as real declarations (order 10, after {@link DemoOrganization}), every
 * value as printed; long text blocks and indicator rows are UTF-8 resources under {@code demo/seed-00N/}:
 * <ul>
 *   <li>seed 000 — 苏州市城市管理局, 苏州市城管执法考核系统, 2021, Suzhou layout: 已提交;</li>
 *   <li>seed 001 — 苏州市住房和城乡建设局, 苏州市住建局“互联网+监管”, 2021, Suzhou layout: 财政审核 优 (approved);</li>
 *   <li>seed 003 — 济宁市高新区综合行政执法局, 济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目, 2020,
 *       national layout: 已提交.</li>
 * </ul>
 * The Suzhou 投入 rows are pre-filled from the common-indicator library (as a new declaration is) and then set to
 * the text the form prints (seed 001 prints two explanations shorter than the library's). The statuses are the
 * demo's choice: the seeds are filed forms and print no status. Idempotent: a declaration whose project and year
 * exist is left alone.
 */
@Named
public class DemoDeclarations implements DemoDataSet {

    public static final String CHENGGUAN_PROJECT = "苏州市城管执法考核系统";
    public static final String ZHUJIAN_PROJECT = "苏州市住建局“互联网+监管”";
    public static final String JINING_PROJECT = "济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目";
    static final String IT_PROJECT_TYPE = "信息化工程及维护类";

    private final BudgetUnits units;
    private final Projects projects;
    private final Declarations declarations;
    private final IndicatorFrameworks frameworks;
    private final IndicatorLibrary library;

    public DemoDeclarations(BudgetUnits units, Projects projects, Declarations declarations,
                            IndicatorFrameworks frameworks, IndicatorLibrary library) {
        this.units = units;
        this.projects = projects;
        this.declarations = declarations;
        this.frameworks = frameworks;
        this.library = library;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public void loadIfAbsent() {
        seed000();
        seed001();
        seed003();
    }

    private void seed000() {
        BudgetUnit unit = unit(DemoOrganization.CHENGGUAN);
        Project project = project(unit, CHENGGUAN_PROJECT, "市立项目", 2021);
        if (declarations.existsByProjectIdAndYear(project.id(), FiscalYear.of(2021))) {
            return;
        }
        Declaration d = Declaration.newSuzhou(unit.id(), project.id(), FiscalYear.of(2021),
                new SuzhouHeader(CHENGGUAN_PROJECT, IT_PROJECT_TYPE, "市立项目", true, false, "魏延豪", "魏延豪",
                        "13732637755"),
                library.declarationRows(IndicatorFramework.SUZHOU_2017, IT_PROJECT_TYPE));
        d.reviseTexts(suzhouTexts("seed-000"));
        d.recordPriorYearFunds(PriorYearFunds.NONE);
        d.addSubProject("共享局大数据平台数据库", Money.ofWan("5.00"));
        d.addSubProject("项目监理", Money.ofWan("2.00"));
        d.addSubProject("苏州市城管执法考核系统", Money.ofWan("45.00"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("52.00"), null, Money.ofWan("52.00"));
        suzhouIndicators(d, "seed-000");
        d.signOff(SignOff.EMPTY);
        declarations.save(d);
        d.submit(framework(d));
    }

    private void seed001() {
        BudgetUnit unit = unit(DemoOrganization.ZHUJIAN);
        Project project = project(unit, ZHUJIAN_PROJECT, "市立项目", 2021);
        if (declarations.existsByProjectIdAndYear(project.id(), FiscalYear.of(2021))) {
            return;
        }
        Declaration d = Declaration.newSuzhou(unit.id(), project.id(), FiscalYear.of(2021),
                new SuzhouHeader(ZHUJIAN_PROJECT, IT_PROJECT_TYPE, "市立项目", true, false, "肖军", "潘柯", "65109046"),
                library.declarationRows(IndicatorFramework.SUZHOU_2017, IT_PROJECT_TYPE));
        d.reviseTexts(suzhouTexts("seed-001"));
        d.recordPriorYearFunds(new PriorYearFunds(Money.ofWan("300.00"), Money.ofWan("300.00"),
                Money.ofWan("300.00")));
        d.addSubProject("“互联网+监管”信息化平台", Money.ofWan("21.86"));
        d.addSubProject("行政监管栏目", Money.ofWan("10.00"));
        d.addSubProject("统一执法栏目", Money.ofWan("10.00"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("433.60"), Money.ofWan("300.00"),
                Money.ofWan("41.86"));
        d.orderFundingSources(List.of(FundingSourceKind.CITY, FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER,
                FundingSourceKind.SUPERIOR));
        suzhouIndicators(d, "seed-001");
        declarations.save(d);
        d.submit(framework(d));
        d.approveByDepartment();
        d.grade(FinanceGrade.EXCELLENT, null);
    }

    private void seed003() {
        BudgetUnit unit = unit(DemoOrganization.JINING_ZHIFA);
        Project project = projects.findByUnitIdAndName(unit.id(), JINING_PROJECT).orElseGet(() -> projects.save(
                Project.open(unit.id(), JINING_PROJECT, null, NationalHeader.NEW_PROJECT, FiscalYear.of(2020))));
        if (declarations.existsByProjectIdAndYear(project.id(), FiscalYear.of(2020))) {
            return;
        }
        Declaration d = seed003Form(unit.id(), project.id());
        declarations.save(d);
        d.submit(framework(d));
    }

    /**
     * Seed 003 as printed, not yet stored: header, 资金申请, texts, 实施进度, the indicator rows and the sign-off. The
     * demo stores and submits it; the report tests render it without a database.
     */
    public static Declaration seed003Form(Long unitId, Long projectId) {
        Declaration d = Declaration.newNational(unitId, projectId, FiscalYear.of(2020),
                new NationalHeader(JINING_PROJECT, NationalHeader.NEW_PROJECT, null, null, DemoOrganization.JINING_ZHIFA,
                        "孟凡华", null, null, null),
                IndicatorFramework.NATIONAL_2020);
        d.requestFunds(new FundsRequest(Money.ofWan("350"), Money.ofWan("350"), null, null, null));
        d.reviseTexts(DeclarationTexts.builder()
                .unitFunctions(text("seed-003", "unit-functions.txt"))
                .overview(text("seed-003", "overview.txt"))
                .establishmentBasis(text("seed-003", "establishment-basis.txt"))
                .feasibility(text("seed-003", "feasibility.txt"))
                .overallGoal(text("seed-003", "overall-goal.txt"))
                .annualGoal(text("seed-003", "annual-goal.txt"))
                .otherIssues(text("seed-003", "other-issues.txt"))
                .build());
        d.addMilestone("1、城市管理问题采集上报、派遣、核查、结案。", LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31));
        d.addMilestone("2、各类专项普查任务", LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31));
        for (String[] c : rows("seed-003")) {
            d.addIndicator(IndicatorDraft.national(IndicatorTerm.valueOf(c[0]), c[1], c[2], c[3], c[4]));
        }
        d.signOff(new SignOff("王常磊", "李长洋", LocalDate.of(2019, 12, 2)));
        return d;
    }

    /** The 分解目标 rows: 投入 rows revise the library pre-fill in place (same order), the others are added. */
    private void suzhouIndicators(Declaration d, String seed) {
        List<String[]> rows = rows(seed);
        int input = 0;
        for (String[] c : rows) {
            List<String> subProjects = c[1].isBlank() ? List.of() : Arrays.asList(c[1].split(", "));
            IndicatorDraft printed = IndicatorDraft.suzhou(c[0], subProjects, c[2], c[3], c[4], c[5]);
            if ("投入".equals(c[0])) {
                IndicatorDraft prefilled = d.indicators().get(input).toDraft();
                if (!prefilled.name().equals(c[2])) {
                    throw new IllegalStateException("共性指标顺序与表格不一致：" + prefilled.name() + " / " + c[2]);
                }
                d.reviseIndicator(input, printed.withWeight(prefilled.weight())
                        .withLibraryEntry(prefilled.libraryEntryId()));
                input++;
            } else {
                d.addIndicator(printed);
            }
        }
        if (input != library.declarationRows(IndicatorFramework.SUZHOU_2017, IT_PROJECT_TYPE).size()) {
            throw new IllegalStateException(seed + " 的投入类指标行数与共性指标库不一致");
        }
    }

    private DeclarationTexts suzhouTexts(String seed) {
        return DeclarationTexts.builder()
                .overview(text(seed, "overview.txt"))
                .establishmentBasis(text(seed, "establishment-basis.txt"))
                .necessity(text(seed, "necessity.txt"))
                .safeguards(text(seed, "safeguards.txt"))
                .implementationPlan(text(seed, "implementation-plan.txt"))
                .overallGoal(text(seed, "overall-goal.txt"))
                .annualGoal(text(seed, "annual-goal.txt"))
                .build();
    }

    private BudgetUnit unit(String name) {
        return units.findByName(name).orElseThrow(() -> new IllegalStateException(
                "演示单位“" + name + "”不存在：请先加载 DemoOrganization"));
    }

    private Project project(BudgetUnit unit, String name, String attribute, int firstYear) {
        return projects.findByUnitIdAndName(unit.id(), name).orElseGet(() -> projects.save(
                Project.open(unit.id(), name, IT_PROJECT_TYPE, attribute, FiscalYear.of(firstYear))));
    }

    private IndicatorFramework framework(Declaration d) {
        return frameworks.findByCode(d.frameworkCode()).orElseThrow(() -> new IllegalStateException(
                "指标体系不存在：" + d.frameworkCode()));
    }

    /** Tab-separated rows of {@code demo/<seed>/indicators.tsv}; empty cells kept. */
    static List<String[]> rows(String seed) {
        return text(seed, "indicators.tsv").lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }

    /** A UTF-8 resource exactly as stored (no trimming: the seeds' text is kept byte for byte). */
    static String text(String seed, String file) {
        String path = "demo/" + seed + "/" + file;
        try (InputStream in = DemoDeclarations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("演示数据文件缺失：" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
