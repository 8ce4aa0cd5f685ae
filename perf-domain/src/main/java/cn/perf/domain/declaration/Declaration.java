package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorLibraryEntry;
import cn.perf.scoring.target.Direction;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A 绩效目标申报表: one per {@code Project} and year, in the Suzhou layout (DESIGN.md §2.1) or the national layout
 * (§2.2). The aggregate root of its sub-projects, funding rows, indicators and milestones; refers to its unit and
 * project by id. Every change goes through a guarded method: editing is refused unless the declaration is a
 * draft or was returned for revision (approved targets are locked).
 *
 * <h2>Building a Suzhou declaration (public factory API)</h2>
 * <pre>
 * Declaration d = Declaration.newSuzhou(unitId, projectId, FiscalYear.of(2020),
 *         new SuzhouHeader("电子政务项目建设资金", "信息化工程及维护类", "市立项目", true, false, "张三", "李四", "65100000"),
 *         library.declarationRows(IndicatorFramework.SUZHOU_2017, "信息化工程及维护类")); // 投入 rows pre-filled
 * d.addSubProject("苏州城市服务总入口项目", Money.ofWan("879"));                      // 项目资金构成
 * d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("879"), null, Money.ofWan("879")); // 项目资金来源
 * d.recordPriorYearFunds(new PriorYearFunds(budgeted, allocated, spent));       // 上年度资金使用情况
 * d.reviseTexts(DeclarationTexts.builder().overview("…").overallGoal("…").annualGoal("…").build());
 * d.addIndicator(IndicatorDraft.suzhou("产出", List.of("苏州城市服务总入口项目"), "年内项目启动数", "=7个",
 *         "解释", "来源"));                                                           // 分解目标
 * d.signOff(new SignOff("负责人", "填报人", LocalDate.of(2019, 12, 1)));
 * declarations.save(d);
 * d.submit(framework); d.approveByDepartment(); d.grade(FinanceGrade.EXCELLENT, null);   // workflow
 * </pre>
 * A national declaration starts with {@link #newNational}, then {@link #requestFunds}, {@link #addMilestone} and
 * {@link IndicatorDraft#national} rows in the {@link IndicatorTerm#LONG_TERM} and {@link IndicatorTerm#ANNUAL}
 * tables. {@link #findings(IndicatorFramework)} reports what does not add up; {@link #submit} refuses while any
 * finding is blocking.
 */
@Entity
@Table(name = "declaration")
public class Declaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 申报单位 / 填报单位. */
    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    /** 项目年度. */
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear year;

    @Enumerated(EnumType.STRING)
    @Column(name = "layout", nullable = false, length = 16)
    private FormLayout layout;

    @Column(name = "framework_code", nullable = false, length = 32)
    private String frameworkCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private DeclarationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "finance_grade", length = 16)
    private FinanceGrade financeGrade;

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    /** The approved declaration this one is a 目标调整 of; null for an original filing. */
    @Column(name = "adjusts_id")
    private Long adjustsId;

    /** Whether a 目标调整 of this (approved) declaration is under way: at most one at a time. */
    @Column(name = "adjustment_open", nullable = false)
    private boolean adjustmentOpen;

    @Column(name = "project_name", nullable = false, length = 200)
    private String projectName;

    @Column(name = "project_type", length = 64)
    private String projectType;

    @Column(name = "project_attribute", length = 64)
    private String projectAttribute;

    @Column(name = "government_procurement")
    private Boolean governmentProcurement;

    @Column(name = "government_purchased_service")
    private Boolean governmentPurchasedService;

    @Column(name = "project_leader", length = 64)
    private String projectLeader;

    @Column(name = "contact_person", length = 64)
    private String contactPerson;

    @Column(name = "contact_phone", length = 32)
    private String contactPhone;

    @Column(name = "competent_department_name", length = 200)
    private String competentDepartmentName;

    @Column(name = "competent_department_code", length = 32)
    private String competentDepartmentCode;

    @Column(name = "project_unit_name", length = 200)
    private String projectUnitName;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Embedded
    private DeclarationTexts texts;

    @Embedded
    private PriorYearFunds priorYearFunds;

    @Embedded
    private FundsRequest fundsRequest;

    @Embedded
    private SignOff signOff;

    /** Kept in step for list pages: 项目资金构成合计 (Suzhou) or 资金总额 (national). */
    @Column(name = "total_amount", precision = 18, scale = 6)
    private Money totalAmount;

    @OneToMany(mappedBy = "declaration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SubProject> subProjects = new ArrayList<>();

    @OneToMany(mappedBy = "declaration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<FundingSource> fundingSources = new ArrayList<>();

    @OneToMany(mappedBy = "declaration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Indicator> indicators = new ArrayList<>();

    @OneToMany(mappedBy = "declaration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Milestone> milestones = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    /**
     * Set by every change, of the root or of any row: it makes the root dirty, so that Hibernate increments
     * {@link #version} for a change of a child row too (two people saving the same form never overwrite each
     * other silently).
     */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Declaration() {
        // for JPA
    }

    private Declaration(Long unitId, Long projectId, FiscalYear year, FormLayout layout, String frameworkCode) {
        this.unitId = Objects.requireNonNull(unitId, "申报单位不能为空");
        this.projectId = Objects.requireNonNull(projectId, "项目不能为空");
        this.year = Objects.requireNonNull(year, "项目年度不能为空");
        this.layout = layout;
        this.frameworkCode = Texts.require(frameworkCode, "指标体系", 32);
        this.status = DeclarationStatus.DRAFT;
        this.texts = DeclarationTexts.EMPTY;
        this.priorYearFunds = PriorYearFunds.NONE;
        this.fundsRequest = FundsRequest.NONE;
        this.signOff = SignOff.EMPTY;
        this.createdAt = now();
        this.statusChangedAt = createdAt;
        this.updatedAt = createdAt;
    }

    // ------------------------------------------------------------------ factories

    /**
     * A new Suzhou 申报表 under the {@link IndicatorFramework#SUZHOU_2017} framework, its 投入 rows pre-filled from
     * the common-indicator library of the project type, and the four 项目资金来源 rows (empty) in printed order.
     */
    public static Declaration newSuzhou(Long unitId, Long projectId, FiscalYear year, SuzhouHeader header,
                                        List<IndicatorLibraryEntry> libraryRows) {
        return newSuzhou(unitId, projectId, year, header, IndicatorFramework.SUZHOU_2017, libraryRows);
    }

    /** As {@link #newSuzhou(Long, Long, FiscalYear, SuzhouHeader, List)} with another framework. */
    public static Declaration newSuzhou(Long unitId, Long projectId, FiscalYear year, SuzhouHeader header,
                                        String frameworkCode, List<IndicatorLibraryEntry> libraryRows) {
        Objects.requireNonNull(header, "header");
        Declaration d = new Declaration(unitId, projectId, year, FormLayout.SUZHOU, frameworkCode);
        d.applySuzhouHeader(header);
        for (FundingSourceKind kind : FundingSourceKind.values()) {
            d.fundingSources.add(new FundingSource(d, d.fundingSources.size(), kind));
        }
        for (IndicatorLibraryEntry row : libraryRows == null ? List.<IndicatorLibraryEntry>of() : libraryRows) {
            if (!row.projectType().equals(header.projectType()) || !row.frameworkCode().equals(frameworkCode)) {
                throw new IllegalArgumentException("共性指标“" + row.name() + "”属于" + row.projectType() + "（"
                        + row.frameworkCode() + "），不适用于" + header.projectType() + "（" + frameworkCode + "）");
            }
            d.indicators.add(new Indicator(d, d.indicators.size(), IndicatorDraft.fromLibrary(row), List.of()));
        }
        d.recomputeTotal();
        return d;
    }

    /** A new national-layout 申报表 (e.g. framework {@link IndicatorFramework#NATIONAL_2020}). */
    public static Declaration newNational(Long unitId, Long projectId, FiscalYear year, NationalHeader header,
                                          String frameworkCode) {
        Objects.requireNonNull(header, "header");
        Declaration d = new Declaration(unitId, projectId, year, FormLayout.NATIONAL, frameworkCode);
        d.applyNationalHeader(header);
        d.recomputeTotal();
        return d;
    }

    // ------------------------------------------------------------------ editing (drafts only)

    public void reviseSuzhouHeader(SuzhouHeader header) {
        requireEditable();
        requireLayout(FormLayout.SUZHOU, "苏州格式的表头");
        applySuzhouHeader(Objects.requireNonNull(header, "header"));
    }

    public void reviseNationalHeader(NationalHeader header) {
        requireEditable();
        requireLayout(FormLayout.NATIONAL, "全国格式的表头");
        applyNationalHeader(Objects.requireNonNull(header, "header"));
    }

    public void reviseTexts(DeclarationTexts newTexts) {
        requireEditable();
        this.texts = Objects.requireNonNull(newTexts, "texts");
    }

    public void signOff(SignOff newSignOff) {
        requireEditable();
        this.signOff = Objects.requireNonNull(newSignOff, "signOff");
    }

    /** 本项目上年度市级财政资金使用情况 (Suzhou). */
    public void recordPriorYearFunds(PriorYearFunds funds) {
        requireEditable();
        requireLayout(FormLayout.SUZHOU, "上年度市级财政资金使用情况");
        this.priorYearFunds = Objects.requireNonNull(funds, "funds");
    }

    /** 项目资金申请 (national). */
    public void requestFunds(FundsRequest request) {
        requireEditable();
        requireLayout(FormLayout.NATIONAL, "项目资金申请");
        this.fundsRequest = Objects.requireNonNull(request, "request");
        recomputeTotal();
    }

    /** Adds a 子项目 (Suzhou 项目资金构成); names are unique within the declaration. */
    public SubProject addSubProject(String name, Money amount) {
        requireEditable();
        requireLayout(FormLayout.SUZHOU, "子项目");
        String n = Texts.require(name, "子项目名称", 200);
        if (findSubProject(n).isPresent()) {
            throw new IllegalArgumentException("子项目“" + n + "”已存在");
        }
        SubProject s = new SubProject(this, subProjects.size(), n, amount);
        subProjects.add(s);
        recomputeTotal();
        return s;
    }

    public void reviseSubProject(String currentName, String newName, Money amount) {
        requireEditable();
        SubProject s = subProject(currentName);
        String n = Texts.require(newName, "子项目名称", 200);
        if (!n.equals(s.name()) && findSubProject(n).isPresent()) {
            throw new IllegalArgumentException("子项目“" + n + "”已存在");
        }
        s.revise(n, amount);
        recomputeTotal();
    }

    /** Removes a 子项目 and its links from the indicators that named it. */
    public void removeSubProject(String name) {
        requireEditable();
        SubProject s = subProject(name);
        indicators.forEach(i -> i.unlink(s));
        subProjects.remove(s);
        renumber(subProjects, SubProject::moveTo);
        recomputeTotal();
    }

    /** One row of 项目资金来源 (Suzhou): 项目投资总额, 上年度资金, 本年度计划数; null for an empty cell. */
    public void reviseFundingSource(FundingSourceKind kind, Money totalInvestment, Money priorYear,
                                    Money currentYear) {
        requireEditable();
        requireLayout(FormLayout.SUZHOU, "项目资金来源");
        fundingSources.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow()
                .revise(totalInvestment, priorYear, currentYear);
    }

    /** Prints the 项目资金来源 rows in this order (seed 001 prints 上级财政资金 last). */
    public void orderFundingSources(List<FundingSourceKind> order) {
        requireEditable();
        requireLayout(FormLayout.SUZHOU, "项目资金来源");
        if (order.size() != FundingSourceKind.values().length || new HashSet<>(order).size() != order.size()) {
            throw new IllegalArgumentException("资金来源的顺序应恰好包含上级、市级、下级财政资金和其他各一次：" + order);
        }
        fundingSources.sort((a, b) -> Integer.compare(order.indexOf(a.kind()), order.indexOf(b.kind())));
        for (int i = 0; i < fundingSources.size(); i++) {
            fundingSources.get(i).moveTo(i);
        }
    }

    /** Adds an indicator row at the end. Suzhou rows may name sub-projects; national rows may not. */
    public Indicator addIndicator(IndicatorDraft draft) {
        requireEditable();
        Indicator i = new Indicator(this, indicators.size(), checked(draft), linkedSubProjects(draft));
        indicators.add(i);
        return i;
    }

    /** Replaces the row at {@code position} (0-based, as {@link Indicator#position()}). */
    public void reviseIndicator(int position, IndicatorDraft draft) {
        requireEditable();
        indicator(position).revise(checked(draft), linkedSubProjects(draft));
    }

    public void removeIndicator(int position) {
        requireEditable();
        indicators.remove(indicator(position));
        renumber(indicators, Indicator::moveTo);
    }

    /** The filer confirms which way a 定量 target is better (e.g. 业务系统投诉率 =5% is lower-is-better). */
    public void confirmTargetDirection(int position, Direction direction) {
        requireEditable();
        indicator(position).confirmDirection(direction);
    }

    /** A row of 项目实施进度计划 (national). */
    public Milestone addMilestone(String content, LocalDate startOn, LocalDate endOn) {
        requireEditable();
        requireLayout(FormLayout.NATIONAL, "实施进度计划");
        Milestone m = new Milestone(this, milestones.size(), content, startOn, endOn);
        milestones.add(m);
        return m;
    }

    public void removeMilestone(int position) {
        requireEditable();
        Milestone m = milestones.stream().filter(x -> x.position() == position).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("实施进度第 " + (position + 1) + " 行不存在"));
        milestones.remove(m);
        renumber(milestones, Milestone::moveTo);
    }

    // ------------------------------------------------------------------ the whole form at once

    /**
     * Saves a whole form (DESIGN.md §8): header, texts, funds, and every row table reconciled by row id — rows
     * with an id are updated and moved to their new place, rows without one are added, stored rows missing from
     * {@code c} are removed. Indicator rows name their 对应子项目 by the {@linkplain
     * DeclarationContent.SubProjectRow#key() keys} of {@code c}'s sub-project rows. Checked first, all at once
     * ({@link DeclarationContentRules}): on any violation nothing changes and every violation is reported.
     * A draft may be incomplete: what it still lacks is a {@link DeclarationFinding}, not a violation.
     *
     * @throws cn.perf.domain.shared.InvalidCommandException with every violation
     * @throws IllegalStateException when the declaration is not editable (submitted, approved …)
     */
    public void revise(DeclarationContent c) {
        Objects.requireNonNull(c, "content");
        checkEditable();
        List<cn.perf.domain.shared.Violation> violations = DeclarationContentRules.check(c, layout,
                ids(subProjects, SubProject::id), ids(indicators, Indicator::id), ids(milestones, Milestone::id));
        if (!violations.isEmpty()) {
            throw new cn.perf.domain.shared.InvalidCommandException(violations);
        }
        touch();
        this.projectName = c.projectName().strip();
        this.projectLeader = strip(c.projectLeader());
        this.contactPhone = strip(c.contactPhone());
        this.projectAttribute = strip(c.projectAttribute());
        this.texts = c.texts();
        this.signOff = c.signOff();
        if (layout == FormLayout.SUZHOU) {
            this.projectType = strip(c.projectType());
            this.governmentProcurement = c.governmentProcurement();
            this.governmentPurchasedService = c.governmentPurchasedService();
            this.contactPerson = strip(c.contactPerson());
            this.priorYearFunds = c.priorYearFunds();
            reconcileSubProjects(c.subProjects());
            reconcileFunding(c.fundingSources());
        } else {
            this.competentDepartmentName = strip(c.competentDepartmentName());
            this.competentDepartmentCode = strip(c.competentDepartmentCode());
            this.projectUnitName = strip(c.projectUnitName());
            this.periodStart = c.periodStart();
            this.periodEnd = c.periodEnd();
            this.fundsRequest = c.fundsRequest();
            reconcileMilestones(c.milestones());
        }
        reconcileIndicators(c);
        recomputeTotal();
    }

    /** Everything filed, as the value a form is built from and a save carries (keys {@code id-<row id>}). */
    public DeclarationContent content() {
        return new DeclarationContent(projectName, projectType, projectAttribute, governmentProcurement,
                governmentPurchasedService, projectLeader, contactPerson, contactPhone, competentDepartmentName,
                competentDepartmentCode, projectUnitName, periodStart, periodEnd, texts(), priorYearFunds(),
                fundsRequest(),
                subProjects.stream().map(s -> new DeclarationContent.SubProjectRow(s.id(), subProjectKey(s),
                        s.name(), s.amount())).toList(),
                fundingSources.stream().map(f -> new DeclarationContent.FundingRow(f.kind(), f.totalInvestment(),
                        f.priorYear(), f.currentYear())).toList(),
                indicators.stream().map(i -> new DeclarationContent.IndicatorRow(i.id(), i.term(), i.category(),
                        i.subCategory(), i.subProjects().stream().map(Declaration::subProjectKey).toList(), i.name(),
                        i.target().originalText(), i.target().directionConfirmed() ? i.target().direction() : null,
                        i.explanation(), i.targetBasis(), i.basisKind(), i.measureUnit(), i.weight(),
                        i.libraryEntryId())).toList(),
                milestones.stream().map(m -> new DeclarationContent.MilestoneRow(m.id(), m.content(), m.startOn(),
                        m.endOn())).toList(),
                signOff());
    }

    /** The key by which {@link #content()} names a stored sub-project. */
    private static String subProjectKey(SubProject s) {
        return s.id() == null ? "pos-" + s.position() : "id-" + s.id();
    }

    private void reconcileSubProjects(List<DeclarationContent.SubProjectRow> rows) {
        java.util.Map<Long, SubProject> stored = new java.util.HashMap<>();
        subProjects.forEach(s -> stored.put(s.id(), s));
        List<SubProject> next = new ArrayList<>();
        for (DeclarationContent.SubProjectRow row : rows) {
            SubProject s = row.id() == null ? null : stored.remove(row.id());
            if (s == null) {
                s = new SubProject(this, next.size(), row.name().strip(), row.amount());
            } else {
                s.revise(row.name().strip(), row.amount());
                s.moveTo(next.size());
            }
            next.add(s);
        }
        for (SubProject gone : stored.values()) {
            indicators.forEach(i -> i.unlink(gone));
        }
        subProjects.clear();
        subProjects.addAll(next);
    }

    private void reconcileFunding(List<DeclarationContent.FundingRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            DeclarationContent.FundingRow row = rows.get(i);
            FundingSource f = fundingSources.stream().filter(x -> x.kind() == row.kind()).findFirst()
                    .orElseGet(() -> {
                        FundingSource added = new FundingSource(this, fundingSources.size(), row.kind());
                        fundingSources.add(added);
                        return added;
                    });
            f.revise(row.totalInvestment(), row.priorYear(), row.currentYear());
            f.moveTo(i);
        }
        fundingSources.sort(java.util.Comparator.comparingInt(FundingSource::position));
    }

    private void reconcileMilestones(List<DeclarationContent.MilestoneRow> rows) {
        java.util.Map<Long, Milestone> stored = new java.util.HashMap<>();
        milestones.forEach(m -> stored.put(m.id(), m));
        List<Milestone> next = new ArrayList<>();
        for (DeclarationContent.MilestoneRow row : rows) {
            Milestone m = row.id() == null ? null : stored.remove(row.id());
            if (m == null) {
                m = new Milestone(this, next.size(), row.content(), row.startOn(), row.endOn());
            } else {
                m.revise(row.content(), row.startOn(), row.endOn());
                m.moveTo(next.size());
            }
            next.add(m);
        }
        milestones.clear();
        milestones.addAll(next);
    }

    private void reconcileIndicators(DeclarationContent c) {
        java.util.Map<String, SubProject> byKey = new java.util.HashMap<>();
        if (layout == FormLayout.SUZHOU) { // a national form has no 子项目: such rows of a content are ignored
            for (int i = 0; i < c.subProjects().size(); i++) {
                byKey.put(c.subProjects().get(i).key(), subProjects.get(i));
            }
        }
        java.util.Map<Long, Indicator> stored = new java.util.HashMap<>();
        indicators.forEach(i -> stored.put(i.id(), i));
        List<Indicator> next = new ArrayList<>();
        for (DeclarationContent.IndicatorRow row : c.indicators()) {
            IndicatorDraft draft = new IndicatorDraft(row.term(), row.category(), row.subCategory(), row.name(),
                    row.targetText(), row.explanation(), row.targetBasis(), row.basisKind(), row.measureUnit(),
                    row.weight(), List.of(), row.libraryEntryId());
            List<SubProject> linked = row.subProjectKeys().stream().map(byKey::get).toList();
            Indicator i = row.id() == null ? null : stored.remove(row.id());
            if (i == null) {
                i = new Indicator(this, next.size(), draft, linked);
            } else {
                i.revise(draft, linked);
                i.moveTo(next.size());
            }
            if (row.direction() != null && i.target().isQuantitative()) {
                i.confirmDirection(row.direction());
            }
            next.add(i);
        }
        indicators.clear();
        indicators.addAll(next);
    }

    private static <T> Set<Long> ids(List<T> rows, Function<T, Long> id) {
        Set<Long> out = new HashSet<>();
        rows.forEach(r -> out.add(id.apply(r)));
        return out;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ workflow

    /**
     * 提交: a draft (or a returned declaration) goes to its 主管部门. Refused with every blocking finding listed
     * when anything does not add up.
     */
    public void submit(IndicatorFramework framework) {
        submit(framework, DeclarationLint.standard());
    }

    /** {@link #submit(IndicatorFramework)} with the given lint. */
    public void submit(IndicatorFramework framework, DeclarationLint lint) {
        requireStatus("提交", DeclarationStatus.DRAFT, DeclarationStatus.RETURNED);
        List<DeclarationFinding> blocking = findings(framework, lint).stream().filter(DeclarationFinding::blocking)
                .toList();
        if (!blocking.isEmpty()) {
            throw new DeclarationRuleException(blocking);
        }
        moveTo(DeclarationStatus.SUBMITTED);
        this.financeGrade = null;
        this.reviewComment = null;
    }

    /** 主管部门审核通过. */
    public void approveByDepartment() {
        requireStatus("主管部门审核", DeclarationStatus.SUBMITTED);
        moveTo(DeclarationStatus.DEPARTMENT_APPROVED);
    }

    /** 退回修改 by the 主管部门 or the finance bureau; always with a comment. */
    public void returnForRevision(String comment) {
        requireStatus("退回", DeclarationStatus.SUBMITTED, DeclarationStatus.DEPARTMENT_APPROVED);
        this.reviewComment = Texts.require(comment, "退回意见", 2000);
        moveTo(DeclarationStatus.RETURNED);
    }

    /**
     * 财政审核: 优/良 approve (targets locked), 中 returns for revision, 差 rejects. 良, 中 and 差 need a comment
     * (the agreed changes, or the reasons).
     */
    public void grade(FinanceGrade grade, String comment) {
        Objects.requireNonNull(grade, "grade");
        requireStatus("财政审核", DeclarationStatus.DEPARTMENT_APPROVED);
        String c = grade.requiresComment() ? Texts.require(comment, "审核等级为“" + grade.label() + "”时，审核意见", 2000)
                : Texts.optional(comment, "审核意见", 2000);
        this.financeGrade = grade;
        this.reviewComment = c;
        moveTo(grade.outcome());
    }

    // ------------------------------------------------------------------ 目标调整

    /**
     * 目标调整: a new draft of the same project and year, all content copied, linked to this approved declaration,
     * which stays in force (and locked) until the adjustment is approved. Only one adjustment at a time.
     */
    public Declaration startAdjustment() {
        requireStatus("目标调整", DeclarationStatus.APPROVED);
        if (adjustmentOpen) {
            throw new IllegalStateException("该申报表已有一份正在办理的目标调整，不能再发起");
        }
        Declaration a = layout == FormLayout.SUZHOU
                ? newSuzhou(unitId, projectId, year, suzhouHeader(), frameworkCode, List.of())
                : newNational(unitId, projectId, year, nationalHeader(), frameworkCode);
        DeclarationContent c = content();
        c = new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(),
                c.subProjects().stream().map(s -> new DeclarationContent.SubProjectRow(null, s.key(), s.name(),
                        s.amount())).toList(),
                c.fundingSources(),
                c.indicators().stream().map(i -> i.withId(null)).toList(),
                c.milestones().stream().map(m -> new DeclarationContent.MilestoneRow(null, m.content(), m.startOn(),
                        m.endOn())).toList(),
                c.signOff());
        a.revise(c);
        a.adjustsId = id;
        this.adjustmentOpen = true;
        touch();
        return a;
    }

    /** The approved 目标调整 of this declaration is now in force: this one is superseded (still readable). */
    public void supersede() {
        requireStatus("被目标调整替代", DeclarationStatus.APPROVED);
        this.adjustmentOpen = false;
        moveTo(DeclarationStatus.SUPERSEDED);
    }

    /** The 目标调整 of this declaration was rejected: this one stays in force and may be adjusted again. */
    public void closeAdjustment() {
        requireStatus("结束目标调整", DeclarationStatus.APPROVED);
        this.adjustmentOpen = false;
        touch();
    }

    // ------------------------------------------------------------------ checks

    /** Findings that need no framework: funds identities, sums, unreadable targets (the standard lint). */
    public List<DeclarationFinding> findings() {
        return DeclarationLint.standard().check(content(), layout, null);
    }

    /** {@link #findings()} plus the check of every indicator against the framework's categories. */
    public List<DeclarationFinding> findings(IndicatorFramework framework) {
        return findings(framework, DeclarationLint.standard());
    }

    /** Every finding of {@code lint}, including the indicators' fit to the framework's categories. */
    public List<DeclarationFinding> findings(IndicatorFramework framework, DeclarationLint lint) {
        requireOwnFramework(framework);
        return lint.check(content(), layout, framework);
    }

    private void requireOwnFramework(IndicatorFramework framework) {
        Objects.requireNonNull(framework, "framework");
        if (!framework.code().equals(frameworkCode) || framework.layout() != layout) {
            throw new IllegalArgumentException("指标体系" + framework.code() + "不是本申报表的指标体系（" + frameworkCode + "）");
        }
    }

    // ------------------------------------------------------------------ computed values

    /** 项目资金构成 合计: the sum of the sub-projects' 预算金额 (an empty amount counts as 0). */
    public Money subProjectTotal() {
        return subProjects.stream().map(SubProject::amount).filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
    }

    /** The 合计 row of 项目资金来源; a column with no figure at all is null (printed empty). */
    public FundingTotals fundingTotals() {
        return new FundingTotals(sum(FundingSource::totalInvestment), sum(FundingSource::priorYear),
                sum(FundingSource::currentYear));
    }

    /** The 合计 row of the Suzhou 项目资金来源 table. */
    public record FundingTotals(Money totalInvestment, Money priorYear, Money currentYear) {
    }

    private Money sum(Function<FundingSource, Money> column) {
        return fundingSources.stream().map(column).filter(Objects::nonNull).reduce(Money::plus).orElse(null);
    }

    // ------------------------------------------------------------------ internals

    private void applySuzhouHeader(SuzhouHeader h) {
        this.projectName = h.projectName();
        this.projectType = h.projectType();
        this.projectAttribute = h.projectAttribute();
        this.governmentProcurement = h.governmentProcurement();
        this.governmentPurchasedService = h.governmentPurchasedService();
        this.projectLeader = h.projectLeader();
        this.contactPerson = h.contactPerson();
        this.contactPhone = h.contactPhone();
    }

    private void applyNationalHeader(NationalHeader h) {
        this.projectName = h.projectName();
        this.projectAttribute = h.projectAttribute();
        this.competentDepartmentName = h.competentDepartmentName();
        this.competentDepartmentCode = h.competentDepartmentCode();
        this.projectUnitName = h.projectUnitName();
        this.projectLeader = h.projectLeader();
        this.contactPhone = h.contactPhone();
        this.periodStart = h.periodStart();
        this.periodEnd = h.periodEnd();
    }

    private IndicatorDraft checked(IndicatorDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (layout == FormLayout.SUZHOU && draft.term() != IndicatorTerm.ANNUAL) {
            throw new IllegalArgumentException("苏州格式的申报表只有年度分解目标，没有长期指标");
        }
        if (layout == FormLayout.NATIONAL && !draft.subProjectNames().isEmpty()) {
            throw new IllegalArgumentException("全国格式的申报表没有子项目，指标不能对应子项目");
        }
        return draft;
    }

    private List<SubProject> linkedSubProjects(IndicatorDraft draft) {
        List<SubProject> linked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : draft.subProjectNames()) {
            String n = name == null ? "" : name.strip();
            if (!seen.add(n)) {
                throw new IllegalArgumentException("指标“" + draft.name() + "”重复对应子项目“" + n + "”");
            }
            linked.add(findSubProject(n).orElseThrow(() -> new IllegalArgumentException(
                    "指标“" + draft.name() + "”对应的子项目“" + n + "”不在项目资金构成中")));
        }
        return linked;
    }

    private Optional<SubProject> findSubProject(String name) {
        return subProjects.stream().filter(s -> s.name().equals(name == null ? null : name.strip())).findFirst();
    }

    private SubProject subProject(String name) {
        return findSubProject(name).orElseThrow(() -> new IllegalArgumentException("子项目“" + name + "”不存在"));
    }

    private Indicator indicator(int position) {
        return indicators.stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("第 " + (position + 1) + " 行指标不存在"));
    }

    private static <T> void renumber(List<T> rows, java.util.function.ObjIntConsumer<T> move) {
        for (int i = 0; i < rows.size(); i++) {
            move.accept(rows.get(i), i);
        }
    }

    private void recomputeTotal() {
        this.totalAmount = layout == FormLayout.SUZHOU ? subProjectTotal() : fundsRequest().total();
    }

    /** Refuses unless a draft or returned, then marks the declaration changed (see {@link #updatedAt}). */
    private void requireEditable() {
        checkEditable();
        touch();
    }

    private void checkEditable() {
        if (!status.editable()) {
            throw new IllegalStateException("申报表当前状态为“" + status.label() + "”，不能修改"
                    + (status == DeclarationStatus.APPROVED ? "：审核通过的绩效目标已锁定，变更须走目标调整" : ""));
        }
    }

    private void requireLayout(FormLayout wanted, String what) {
        if (layout != wanted) {
            throw new IllegalArgumentException(layout.title() + "没有“" + what + "”");
        }
    }

    private void requireStatus(String action, DeclarationStatus... allowed) {
        for (DeclarationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("申报表当前状态为“" + status.label() + "”，不能" + action);
    }

    private void moveTo(DeclarationStatus next) {
        this.status = next;
        this.statusChangedAt = now();
        this.updatedAt = statusChangedAt;
    }

    private void touch() {
        Instant now = now();
        // strictly later than before, so the root is always dirty even within one clock tick
        this.updatedAt = updatedAt != null && !now.isAfter(updatedAt) ? updatedAt.plusNanos(1000) : now;
    }

    /**
     * Now, to the microsecond: what PostgreSQL's {@code timestamptz} keeps, so that the aggregate as written holds the
     * same instants as the aggregate read back ({@link DeclarationFiling#reviseAndRead} shows the former).
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------------ accessors

    public Long id() {
        return id;
    }

    public Long unitId() {
        return unitId;
    }

    public Long projectId() {
        return projectId;
    }

    public FiscalYear year() {
        return year;
    }

    public FormLayout layout() {
        return layout;
    }

    public String frameworkCode() {
        return frameworkCode;
    }

    public DeclarationStatus status() {
        return status;
    }

    public FinanceGrade financeGrade() {
        return financeGrade;
    }

    public String reviewComment() {
        return reviewComment;
    }

    /** The approved declaration this one adjusts (目标调整), or null. */
    public Long adjustsId() {
        return adjustsId;
    }

    public boolean adjustmentOpen() {
        return adjustmentOpen;
    }

    public String projectName() {
        return projectName;
    }

    public String projectType() {
        return projectType;
    }

    public String projectAttribute() {
        return projectAttribute;
    }

    public Boolean governmentProcurement() {
        return governmentProcurement;
    }

    public Boolean governmentPurchasedService() {
        return governmentPurchasedService;
    }

    public String projectLeader() {
        return projectLeader;
    }

    public String contactPerson() {
        return contactPerson;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String competentDepartmentName() {
        return competentDepartmentName;
    }

    public String competentDepartmentCode() {
        return competentDepartmentCode;
    }

    public String projectUnitName() {
        return projectUnitName;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    /** The header as a Suzhou form prints it. */
    public SuzhouHeader suzhouHeader() {
        requireLayout(FormLayout.SUZHOU, "苏州格式的表头");
        return new SuzhouHeader(projectName, projectType, projectAttribute, governmentProcurement,
                governmentPurchasedService, projectLeader, contactPerson, contactPhone);
    }

    /** The header as a national form prints it. */
    public NationalHeader nationalHeader() {
        requireLayout(FormLayout.NATIONAL, "全国格式的表头");
        return new NationalHeader(projectName, projectAttribute, competentDepartmentName, competentDepartmentCode,
                projectUnitName, projectLeader, contactPhone, periodStart, periodEnd);
    }

    public DeclarationTexts texts() {
        return texts == null ? DeclarationTexts.EMPTY : texts;
    }

    public PriorYearFunds priorYearFunds() {
        return priorYearFunds == null ? PriorYearFunds.NONE : priorYearFunds;
    }

    public FundsRequest fundsRequest() {
        return fundsRequest == null ? FundsRequest.NONE : fundsRequest;
    }

    public SignOff signOff() {
        return signOff == null ? SignOff.EMPTY : signOff;
    }

    /** 项目资金构成合计 (Suzhou) or 资金总额 (national); null when not filled. */
    public Money totalAmount() {
        return totalAmount;
    }

    public List<SubProject> subProjects() {
        return List.copyOf(subProjects);
    }

    public List<FundingSource> fundingSources() {
        return List.copyOf(fundingSources);
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators);
    }

    public List<Indicator> indicators(IndicatorTerm term) {
        return indicators.stream().filter(i -> i.term() == term).toList();
    }

    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    /** When anything of the declaration last changed (更新时间). */
    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
