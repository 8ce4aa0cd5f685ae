package cn.perf.domain.declaration;

import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.domain.shared.DomainEventPublisher;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Map;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Use cases of the 申报表: start one for a project and year (the project is opened or carried over; Suzhou 投入
 * rows pre-filled from the library), and the workflow verbs. Commands from a page carry the version the user
 * saw; a stale one fails with {@link OptimisticLockException}.
 */
@Named
public class DeclarationService {

    private final Declarations declarations;
    private final Projects projects;
    private final BudgetUnits units;
    private final IndicatorFrameworks frameworks;
    private final IndicatorLibrary library;
    private final DomainEventPublisher events;

    public DeclarationService(Declarations declarations, Projects projects, BudgetUnits units,
                              IndicatorFrameworks frameworks, IndicatorLibrary library, DomainEventPublisher events) {
        this.events = events;
        this.declarations = declarations;
        this.projects = projects;
        this.units = units;
        this.frameworks = frameworks;
        this.library = library;
    }

    /**
     * A new Suzhou 申报表 (framework {@link IndicatorFramework#SUZHOU_2017}) with the library's 投入 rows; returns
     * its id (never the entity: an edit made on it after this transaction would be silently dropped).
     */
    @Transactional
    public Long startSuzhou(Long unitId, FiscalYear year, SuzhouHeader header) {
        Project project = carriedProject(unitId, header.projectName(), header.projectType(),
                header.projectAttribute(), year);
        Declaration d = Declaration.newSuzhou(unitId, project.id(), year, header,
                library.declarationRows(IndicatorFramework.SUZHOU_2017, header.projectType()));
        return declarations.save(d).id();
    }

    /** A new national-layout 申报表 under the given framework (e.g. {@link IndicatorFramework#NATIONAL_2020}). */
    @Transactional
    public Long startNational(Long unitId, FiscalYear year, NationalHeader header, String frameworkCode) {
        framework(frameworkCode);
        Project project = carriedProject(unitId, header.projectName(), null, header.projectAttribute(), year);
        return declarations.save(Declaration.newNational(unitId, project.id(), year, header, frameworkCode)).id();
    }

    @Transactional
    public List<DeclarationFinding> findings(Long id) {
        Declaration d = load(id);
        return d.findings(framework(d.frameworkCode()));
    }

    @Transactional
    public void submit(Long id, long expectedVersion) {
        Declaration d = load(id, expectedVersion);
        DeclarationStatus from = d.status();
        d.submit(framework(d.frameworkCode()));
        Instant now = Instant.now();
        events.publish(new DeclarationEvents.DeclarationSubmitted(now, SYSTEM, d.id(), transition(from, d)));
    }

    @Transactional
    public void approveByDepartment(Long id, long expectedVersion) {
        Declaration d = load(id, expectedVersion);
        DeclarationStatus from = d.status();
        d.approveByDepartment();
        Map<String, String> details = transition(from, d);
        details.put("decision", ReviewDecision.APPROVE.name());
        events.publish(new DeclarationEvents.DeclarationReviewed(Instant.now(), SYSTEM, d.id(), details));
    }

    @Transactional
    public void returnForRevision(Long id, long expectedVersion, String comment) {
        Declaration d = load(id, expectedVersion);
        DeclarationStatus from = d.status();
        d.returnForRevision(comment);
        Map<String, String> details = transition(from, d);
        details.put("decision", ReviewDecision.RETURN.name());
        details.put("comment", d.reviewComment());
        events.publish(new DeclarationEvents.DeclarationReturned(Instant.now(), SYSTEM, d.id(), details));
    }

    @Transactional
    public void grade(Long id, long expectedVersion, FinanceGrade grade, String comment) {
        Declaration d = load(id, expectedVersion);
        DeclarationStatus from = d.status();
        d.grade(grade, comment);
        Map<String, String> details = transition(from, d);
        details.put("grade", grade.name());
        if (d.reviewComment() != null) {
            details.put("comment", d.reviewComment());
        }
        events.publish(new DeclarationEvents.DeclarationGraded(Instant.now(), SYSTEM, d.id(), details));
    }

    /** These use cases run outside any user's scope (start-up data, imports): their actor is the system. */
    private static final String SYSTEM = "system";

    private static Map<String, String> transition(DeclarationStatus from, Declaration d) {
        return DeclarationEvents.details("from", from.name(), "to", d.status().name());
    }

    private Project carriedProject(Long unitId, String name, String type, String attribute, FiscalYear year) {
        units.findById(unitId).orElseThrow(() -> new IllegalArgumentException("申报单位不存在：" + unitId));
        Project project = projects.findByUnitIdAndName(unitId, name)
                .orElseGet(() -> projects.save(Project.open(unitId, name, type, attribute, year)));
        if (declarations.existsByProjectIdAndYear(project.id(), year)) {
            throw new IllegalStateException("项目“" + name + "”的 " + year + " 年度申报表已存在");
        }
        if (type != null || attribute != null) {
            project.reclassify(type != null ? type : project.projectType(), attribute);
        }
        return project;
    }

    private IndicatorFramework framework(String code) {
        return frameworks.findByCode(code).orElseThrow(() -> new IllegalArgumentException("指标体系不存在：" + code));
    }

    private Declaration load(Long id) {
        return declarations.findById(id).orElseThrow(() -> new IllegalArgumentException("申报表不存在：" + id));
    }

    private Declaration load(Long id, long expectedVersion) {
        Declaration d = load(id);
        if (d.version() != expectedVersion) {
            throw new OptimisticLockException("申报表已被他人修改（版本 " + d.version() + "，页面版本 " + expectedVersion
                    + "），请刷新后重试");
        }
        return d;
    }
}
