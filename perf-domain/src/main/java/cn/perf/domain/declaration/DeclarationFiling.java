package cn.perf.domain.declaration;

import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.evaluation.CityFundsUse;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.ReadOnly;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkView;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.domain.template.LibraryIndicator;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The use cases of the 申报表 pages (DESIGN.md §8), always within the caller's {@link Scope}: search the list, start
 * a new form, read one, save it whole, check it, copy it to the next year, submit it. Commands carry the version
 * the user started from ({@link StaleVersionException} when someone saved in between) and are checked all at once
 * ({@link InvalidCommandException}). Returns ids and read models, never an entity. A declaration outside the scope
 * is {@link NotFoundException} — exactly as if it did not exist.
 */
@Named
public class DeclarationFiling {

    private final Declarations declarations;
    private final DeclarationQueries queries;
    private final DeclarationStamps stamps;
    private final Projects projects;
    private final BudgetUnits units;
    private final IndicatorFrameworks frameworks;
    private final IndicatorLibrary library;
    private final SelfEvaluations evaluations;
    private final DeclarationLint lint;
    private final DirectionAdvisor advisor;
    private final ReviewLog log;

    public DeclarationFiling(Declarations declarations, DeclarationQueries queries, DeclarationStamps stamps,
                             Projects projects, BudgetUnits units, IndicatorFrameworks frameworks,
                             IndicatorLibrary library, SelfEvaluations evaluations, ReviewLog log) {
        this.log = log;
        this.declarations = declarations;
        this.queries = queries;
        this.stamps = stamps;
        this.projects = projects;
        this.units = units;
        this.frameworks = frameworks;
        this.library = library;
        this.evaluations = evaluations;
        DeclarationLint.Parameters parameters = DeclarationLint.Parameters.defaults();
        this.lint = new DeclarationLint(parameters);
        this.advisor = parameters.advisor();
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    @ReadOnly
    public ResultPage<DeclarationListRow> search(Scope scope, DeclarationSearch search) {
        return queries.search(scope, search);
    }

    /**
     * Every row of {@code search} within {@code scope}, in the list's order, in one pass inside one transaction (the
     * list exports): its page and size are ignored.
     */
    @Transactional
    @ReadOnly
    public void forEachRow(Scope scope, DeclarationSearch search, java.util.function.Consumer<DeclarationListRow> row) {
        queries.forEach(scope, search, row);
    }

    /** The units a reviewer may filter the list by (those in scope, by name). */
    @Transactional
    public List<NewDeclaration.UnitChoice> visibleUnits(Scope scope) {
        List<NewDeclaration.UnitChoice> out = new ArrayList<>();
        for (Long id : scope.visibleUnitIds()) {
            units.findById(id).ifPresent(u -> out.add(new NewDeclaration.UnitChoice(u.id(), u.code(), u.name())));
        }
        if (scope.visibleRegion() != null) {
            units.findByRegion(scope.visibleRegion()).stream()
                    .filter(u -> out.stream().noneMatch(c -> c.id().equals(u.id())))
                    .forEach(u -> out.add(new NewDeclaration.UnitChoice(u.id(), u.code(), u.name())));
        }
        out.sort(Comparator.comparing(NewDeclaration.UnitChoice::name));
        return out;
    }

    /**
     * Which version of a declaration the caller would see, and whether they could edit it now: what a page needs to
     * serve an already rendered copy of exactly this version. Not visible in {@code scope}: {@link NotFoundException}.
     */
    public PageStamp stamp(Scope scope, Long id) {
        DeclarationStamp s = stamps.stamp(id).filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> notFound(id));
        return new PageStamp(s.id(), s.version(), s.status(), scope.canFile(s.unitId()) && s.status().editable(),
                s.unitId(), s.layout(), s.year(), s.frameworkCode());
    }

    /**
     * See {@link #stamp}; {@code unitId}, {@code layout}, {@code year} and {@code frameworkCode} are fixed at creation,
     * so a save takes them from here and reads the whole form only when it has to show it again (an error, a 409).
     */
    public record PageStamp(Long id, long version, DeclarationStatus status, boolean editable, Long unitId,
                            FormLayout layout, int year, String frameworkCode) {
    }

    /** A declaration's read/edit page: the detail, every finding, the framework, the library, permissions. */
    @Transactional
    @ReadOnly
    public DeclarationPage page(Scope scope, Long id) {
        DeclarationDetail d = queries.detail(id).filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> notFound(id));
        return pageOf(d, scope);
    }

    /**
     * The page of a version this user has just written ({@link #reviseAndRead}): its findings, framework and library
     * added in a read-only transaction of its own. (Inside the save's transaction each of those queries first had
     * Hibernate check every row of the written form for changes, which cost more than it saved.)
     */
    @Transactional
    @ReadOnly
    public DeclarationPage writtenPage(Scope scope, DeclarationDetail written) {
        if (!scope.canFile(written.unitId())) {
            throw notFound(written.id());
        }
        return pageOf(written, scope);
    }

    private DeclarationPage pageOf(DeclarationDetail d, Scope scope) {
        IndicatorFramework framework = framework(d.frameworkCode());
        return DeclarationPage.of(d, lint.check(d.content(), d.layout(), framework), FrameworkView.of(framework),
                libraryFor(d.layout(), d.projectType()), scope);
    }

    /**
     * What the 新增 page starts from. Suzhou: the 投入 共性指标 of {@code projectType} (the library's first type when
     * null) pre-filled; national: the framework for {@code frameworkCode}, or the newest one that applies to the year.
     */
    @Transactional
    public NewDeclaration start(Scope scope, FormLayout layout, int year, String projectType, String frameworkCode) {
        List<NewDeclaration.UnitChoice> fileable = new ArrayList<>();
        for (Long id : scope.fileableUnitIds()) {
            units.findById(id).ifPresent(u -> fileable.add(new NewDeclaration.UnitChoice(u.id(), u.code(), u.name())));
        }
        if (fileable.isEmpty()) {
            throw new NotFoundException("没有可以填报申报表的单位");
        }
        List<FrameworkView> choices = frameworks.findAllByOrderByIdAsc().stream().filter(f -> f.layout() == layout)
                .map(FrameworkView::of).toList();
        FrameworkView framework = chooseFramework(layout, year, frameworkCode);
        if (layout == FormLayout.SUZHOU) {
            List<String> types = library.projectTypes(framework.code());
            String type = projectType != null && types.contains(projectType) ? projectType
                    : types.isEmpty() ? projectType : types.get(0);
            List<LibraryIndicator> lib = type == null ? List.of() : libraryRows(framework.code(), type);
            DeclarationContent base = DeclarationContent.emptySuzhou();
            DeclarationContent content = new DeclarationContent(null, type, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, List.of(), base.fundingSources(),
                    lib.stream().map(DeclarationFiling::fromLibrary).toList(), List.of(), null);
            return new NewDeclaration(layout, year, content, framework, choices, types, lib, fileable);
        }
        return new NewDeclaration(layout, year, DeclarationContent.emptyNational(), framework, choices, List.of(),
                List.of(), fileable);
    }

    /** The library's 共性指标 for a Suzhou project type (empty for other layouts). */
    @Transactional
    public List<LibraryIndicator> library(FormLayout layout, String projectType) {
        return libraryFor(layout, projectType);
    }

    /**
     * The framework a new form of this layout and year uses: {@code frameworkCode} when it applies to the year,
     * else the newest that does (for a page re-rendered from unsaved input).
     */
    @Transactional
    public FrameworkView framework(FormLayout layout, int year, String frameworkCode) {
        return chooseFramework(layout, year, frameworkCode);
    }

    /** The framework of a stored declaration, by its code (it does not change when the page is re-rendered). */
    @Transactional
    public FrameworkView storedFramework(String frameworkCode) {
        return FrameworkView.of(framework(frameworkCode));
    }

    /** The lint of unsaved input (检查 while typing; nothing is stored). */
    @Transactional
    public List<DeclarationFinding> check(FormLayout layout, String frameworkCode, DeclarationContent content) {
        IndicatorFramework f = frameworks.findByCode(frameworkCode).filter(x -> x.layout() == layout).orElse(null);
        return lint.check(content, layout, f);
    }

    /**
     * The violations a save of {@code content} would be refused for, without saving anything: so that a page whose
     * input also has shape errors (a malformed amount) reports every problem at once. {@code id} is the
     * declaration being edited (its row ids are the valid ones), or null for a new one.
     */
    @Transactional
    public List<Violation> violations(Scope scope, Long id, FormLayout layout, DeclarationContent content) {
        if (id == null) {
            return DeclarationContentRules.check(content, layout, Set.of(), Set.of(), Set.of());
        }
        Declaration d = declarations.findById(id).filter(x -> scope.canSee(x.unitId(), null) || scope.canFile(x.unitId()))
                .orElseThrow(() -> notFound(id));
        return DeclarationContentRules.check(content, d.layout(), idsOf(d.subProjects(), SubProject::id),
                idsOf(d.indicators(), Indicator::id), idsOf(d.milestones(), Milestone::id));
    }

    private static <T> Set<Long> idsOf(List<T> rows, java.util.function.Function<T, Long> id) {
        return rows.stream().map(id).collect(java.util.stream.Collectors.toSet());
    }

    /** How a 目标值 is read, for the sentence beside the field. */
    public TargetReading readTarget(String text, String name, String explanation, Direction confirmed) {
        return TargetReading.of(text, name, explanation, confirmed, advisor);
    }

    // ------------------------------------------------------------------ changing

    /** Creates a draft from the whole 新增 form; returns its id. */
    @Transactional
    public Long create(Scope scope, CreateDeclaration cmd) {
        if (cmd.unitId() == null || !scope.canFile(cmd.unitId())) {
            throw new NotFoundException("单位不存在或无权为其填报");
        }
        IndicatorFramework framework = frameworks.findByCode(cmd.frameworkCode())
                .filter(f -> f.layout() == cmd.layout())
                .orElseThrow(() -> new InvalidCommandException(List.of(Violation.of("frameworkCode",
                        "framework", "指标体系不存在或不适用于该模板"))));
        DeclarationContent c = cmd.content();
        List<Violation> violations = new ArrayList<>(DeclarationContentRules.check(c, cmd.layout(), Set.of(),
                Set.of(), Set.of()));
        if (cmd.year() < 2000 || cmd.year() > 2100) {
            violations.add(Violation.of("year", "year", "项目年度应在 2000–2100 之间"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        FiscalYear year = FiscalYear.of(cmd.year());
        String name = c.projectName().strip();
        Project project = projects.findByUnitIdAndName(cmd.unitId(), name).orElse(null);
        if (project != null && declarations.existsByProjectIdAndYear(project.id(), year)) {
            throw new InvalidCommandException(List.of(Violation.of("projectName", "duplicateDeclaration",
                    "项目“" + name + "”的 " + year + " 年度申报表已存在", name, String.valueOf(cmd.year()))));
        }
        if (project == null) {
            project = projects.save(Project.open(cmd.unitId(), name, c.projectType(), c.projectAttribute(), year));
        }
        Declaration d = cmd.layout() == FormLayout.SUZHOU
                ? Declaration.newSuzhou(cmd.unitId(), project.id(), year, new SuzhouHeader(name, c.projectType(),
                        c.projectAttribute(), c.governmentProcurement(), c.governmentPurchasedService(),
                        c.projectLeader(), c.contactPerson(), c.contactPhone()), framework.code(), List.of())
                : Declaration.newNational(cmd.unitId(), project.id(), year, new NationalHeader(name,
                        c.projectAttribute(), c.competentDepartmentName(), c.competentDepartmentCode(),
                        c.projectUnitName(), c.projectLeader(), c.contactPhone(), c.periodStart(), c.periodEnd()),
                        framework.code());
        d.revise(c);
        return declarations.save(d).id();
    }

    /** Saves the whole form (a draft or a returned declaration); returns the id. */
    @Transactional
    public Long revise(Scope scope, ReviseDeclaration cmd) {
        return reviseLoaded(scope, cmd).id();
    }

    /**
     * Saves the whole form like {@link #revise} and returns the version just written as {@link #page} would read it
     * after the commit (its {@link DeclarationDetail}; {@link #writtenPage} makes the page of it): built from the
     * aggregate as written (flushed: its new version, its new rows' ids), not read again. After a save the edit page
     * shows that version, and reading the form back whole took five statements (issue 12, deadline week). What the
     * page shows is the same either way: the detail is made by {@link DeclarationDetail#of} from the aggregate in
     * both, and the aggregate keeps its values as PostgreSQL returns them (amounts and weights at their stored scale,
     * instants to the microsecond, rows in their order).
     */
    @Transactional
    public DeclarationDetail reviseAndRead(Scope scope, ReviseDeclaration cmd) {
        Declaration d = reviseLoaded(scope, cmd);
        declarations.flush();
        BudgetUnit unit = units.findById(d.unitId()).orElseThrow(() -> notFound(d.id()));
        return DeclarationDetail.of(d, unit.code(), unit.name(), unit.region());
    }

    private Declaration reviseLoaded(Scope scope, ReviseDeclaration cmd) {
        Declaration d = loadForFiling(scope, cmd.id(), cmd.expectedVersion());
        if (!d.status().editable()) {
            throw new InvalidCommandException(List.of(Violation.of("", "notEditable", "申报表当前状态为“"
                    + d.status().label() + "”，不能修改", d.status().label())));
        }
        DeclarationContent before = d.content();
        d.revise(cmd.content());
        DeclarationDiff diff = DeclarationDiff.between(before, d.content());
        if (!diff.isEmpty()) {
            log.publish(new DeclarationEvents.DeclarationRevised(java.time.Instant.now(), scope.username(), d.id(),
                    diff.asDetails()));
        }
        return d;
    }

    /** 提交 to the 主管部门; refused with every blocking finding while anything does not add up. */
    @Transactional
    public void submit(Scope scope, Long id, long expectedVersion) {
        Declaration d = loadForFiling(scope, id, expectedVersion);
        DeclarationStatus from = d.status();
        d.submit(framework(d.frameworkCode()), lint);
        java.time.Instant now = java.time.Instant.now();
        log.step(d.id(), ReviewAction.SUBMITTED, null, null, from, d.status(), scope.username(), now);
        log.publish(new DeclarationEvents.DeclarationSubmitted(now, scope.username(), d.id(), DeclarationEvents
                .details("from", from.name(), "to", d.status().name(), "adjusts",
                        d.adjustsId() == null ? null : String.valueOf(d.adjustsId()))));
    }

    /**
     * 复制到下一年度 (延续项目): a new draft of the same project for the next year with all content; the new 上年度 block
     * from last year's figures where known (预算安排 from the approved 本年度计划数, 财政拨款/实际支出 from its
     * 自评表), each 资金来源 row's 上年度资金 from last year's 本年度计划数, and every 本年度 amount cleared.
     */
    @Transactional
    public Long copyToNextYear(Scope scope, Long id) {
        Declaration old = declarations.findById(id).filter(d -> scope.canFile(d.unitId()))
                .orElseThrow(() -> notFound(id));
        FiscalYear next = FiscalYear.of(old.year().value() + 1);
        if (declarations.existsByProjectIdAndYear(old.projectId(), next)) {
            throw new InvalidCommandException(List.of(Violation.of("", "duplicateDeclaration",
                    "项目“" + old.projectName() + "”的 " + next + " 年度申报表已存在", old.projectName(),
                    String.valueOf(next.value()))));
        }
        DeclarationContent c = old.content();
        DeclarationContent copy;
        Declaration d;
        if (old.layout() == FormLayout.SUZHOU) {
            Money planned = old.status() == DeclarationStatus.APPROVED ? plannedTotal(old) : null;
            CityFundsUse used = evaluations.findByDeclarationId(old.id()).flatMap(SelfEvaluation::cityFundsUse)
                    .orElse(null);
            PriorYearFunds prior = new PriorYearFunds(planned, used == null ? null : used.appropriated(),
                    used == null ? null : used.actualPaid());
            copy = c.withFunds(c.projectAttribute(), prior, FundsRequest.NONE,
                    c.subProjects().stream().map(s -> new DeclarationContent.SubProjectRow(null, s.key(), s.name(),
                            null)).toList(),
                    c.fundingSources().stream().map(f -> new DeclarationContent.FundingRow(f.kind(),
                            f.totalInvestment(), f.currentYear(), null)).toList(), SignOff.EMPTY);
            d = Declaration.newSuzhou(old.unitId(), old.projectId(), next, old.suzhouHeader(), old.frameworkCode(),
                    List.of());
        } else {
            copy = c.withFunds(NationalHeader.CONTINUING_PROJECT, PriorYearFunds.NONE, FundsRequest.NONE, List.of(),
                    List.of(), SignOff.EMPTY);
            NationalHeader h = old.nationalHeader();
            d = Declaration.newNational(old.unitId(), old.projectId(), next, new NationalHeader(h.projectName(),
                    NationalHeader.CONTINUING_PROJECT, h.competentDepartmentName(), h.competentDepartmentCode(),
                    h.projectUnitName(), h.projectLeader(), h.contactPhone(), h.periodStart(), h.periodEnd()),
                    old.frameworkCode());
        }
        copy = copy.withIndicators(copy.indicators().stream().map(i -> i.withId(null)).toList());
        copy = new DeclarationContent(copy.projectName(), copy.projectType(), copy.projectAttribute(),
                copy.governmentProcurement(), copy.governmentPurchasedService(), copy.projectLeader(),
                copy.contactPerson(), copy.contactPhone(), copy.competentDepartmentName(),
                copy.competentDepartmentCode(), copy.projectUnitName(), copy.periodStart(), copy.periodEnd(),
                copy.texts(), copy.priorYearFunds(), copy.fundsRequest(), copy.subProjects(), copy.fundingSources(),
                copy.indicators(), copy.milestones().stream().map(m -> new DeclarationContent.MilestoneRow(null,
                        m.content(), m.startOn(), m.endOn())).toList(), copy.signOff());
        d.revise(copy);
        return declarations.save(d).id();
    }

    // ------------------------------------------------------------------ internals

    private static Money plannedTotal(Declaration d) {
        Money planned = d.fundingTotals().currentYear();
        return planned != null ? planned : d.subProjectTotal();
    }

    private Declaration loadForFiling(Scope scope, Long id, long expectedVersion) {
        Declaration d = declarations.findById(id).filter(x -> scope.canFile(x.unitId()))
                .orElseThrow(() -> notFound(id));
        if (d.version() != expectedVersion) {
            throw new StaleVersionException("申报表", id, expectedVersion, d.version());
        }
        return d;
    }

    private FrameworkView chooseFramework(FormLayout layout, int year, String code) {
        List<IndicatorFramework> all = frameworks.findAllByOrderByIdAsc().stream()
                .filter(f -> f.layout() == layout).toList();
        // an explicit code counts only where it applies to the year (a new form whose 年度 was changed follows it)
        return all.stream().filter(f -> f.code().equals(code) && f.appliesTo(year)).findFirst()
                .or(() -> all.stream().filter(f -> f.appliesTo(year))
                        .max(Comparator.comparingInt(IndicatorFramework::firstYear)))
                .or(() -> all.stream().findFirst())
                .map(FrameworkView::of)
                .orElseThrow(() -> new IllegalStateException("没有" + layout.title() + "的指标体系"));
    }

    private List<LibraryIndicator> libraryFor(FormLayout layout, String projectType) {
        if (layout != FormLayout.SUZHOU || projectType == null) {
            return List.of();
        }
        return libraryRows(IndicatorFramework.SUZHOU_2017, projectType);
    }

    private List<LibraryIndicator> libraryRows(String frameworkCode, String projectType) {
        return library.declarationRows(frameworkCode, projectType).stream().map(LibraryIndicator::of).toList();
    }

    private static DeclarationContent.IndicatorRow fromLibrary(LibraryIndicator e) {
        return new DeclarationContent.IndicatorRow(null, IndicatorTerm.ANNUAL, e.category(), null, List.of(),
                e.name(), e.targetText(), null, e.explanation(), e.targetBasis(), null, null, e.weight(), e.id());
    }

    private IndicatorFramework framework(String code) {
        return frameworks.findByCode(code).orElseThrow(() -> new IllegalStateException("指标体系不存在：" + code));
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("申报表不存在：" + Objects.toString(id));
    }
}
