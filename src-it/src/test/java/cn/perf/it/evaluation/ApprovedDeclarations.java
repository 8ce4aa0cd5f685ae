package cn.perf.it.evaluation;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.ReviewCommand;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.ReviewDecision;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.demo.DemoDeclarations;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Approved declarations built through the domain's use cases (create, submit, 主管部门 approve, 财政 grade 优), so a
 * browser test starts its 自评表 from a declaration of its own: it does not depend on the demo forms' state and
 * runs again and again in the same database. The 主管部门 step is taken by the demo's {@code reviewer-jining} for the
 * 济宁 unit and by a reviewer made up for the test for 苏州市住房和城乡建设局 (a 主管部门 itself, which the demo gives no
 * reviewer); the bureau's step by the demo's finance reviewer of the region ({@code finance}, {@code finance-jining}).
 */
final class ApprovedDeclarations {

    static final String PASSWORD = "Demo@2026";
    /** 苏州市住房和城乡建设局's filer (seed 001). */
    static final String FILER_ZHUJIAN = "filer-001276";
    /** 济宁市高新区综合行政执法局's filer (seed 003). */
    static final String FILER_JINING = "filer-jining";
    static final String FINANCE_SUZHOU = "finance";
    static final String FINANCE_JINING = "finance-jining";
    /** 济宁高新区管委会's 主管部门审核人 (reviews 济宁市高新区综合行政执法局). */
    static final String DEPARTMENT_JINING = "reviewer-jining";

    private final DeclarationFiling filing;
    private final DeclarationReview review;
    private final ScopeResolver scopes;

    ApprovedDeclarations(DeclarationFiling filing, DeclarationReview review, ScopeResolver scopes) {
        this.filing = filing;
        this.review = review;
        this.scopes = scopes;
    }

    /** A project name no other run uses: {@code base} plus a short random suffix. */
    static String uniqueName(String base) {
        return base + "（自评浏览器测试" + UUID.randomUUID().toString().substring(0, 6) + "）";
    }

    /**
     * An approved Suzhou declaration of 苏州市住房和城乡建设局 for {@code year}: seed 001's content (the demo's
     * 苏州市住建局“互联网+监管”: ten 投入 rows from the library, five 产出, seven 结果, four 影响力) under {@code name}.
     */
    long approvedSuzhou(String name, int year) {
        Scope filer = scopes.forUser(FILER_ZHUJIAN);
        DeclarationDetail seed = demo(filer, DemoDeclarations.ZHUJIAN_PROJECT, 2021);
        DeclarationContent c = seed.content();
        DeclarationContent renamed = new DeclarationContent(name, c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(),
                // new rows: the keys (id-N) still link indicators to their sub-projects, the ids are dropped
                c.subProjects().stream().map(r -> new SubProjectRow(null, r.key(), r.name(), r.amount())).toList(),
                c.fundingSources(),
                c.indicators().stream().map(r -> new IndicatorRow(null, r.term(), r.category(), r.subCategory(),
                        r.subProjectKeys(), r.name(), r.targetText(), r.direction(), r.explanation(), r.targetBasis(),
                        r.basisKind(), r.measureUnit(), r.weight(), r.libraryEntryId())).toList(),
                c.milestones().stream().map(r -> new MilestoneRow(null, r.content(), r.startOn(), r.endOn()))
                        .toList(),
                c.signOff());
        long id = filing.create(filer, new CreateDeclaration(seed.unitId(), FormLayout.SUZHOU, year,
                seed.frameworkCode(), renamed));
        return approve(filer, id, madeUpDepartmentReviewer(seed.unitId()), FINANCE_SUZHOU);
    }

    /**
     * An approved national (财预〔2020〕10号) declaration of 济宁市高新区综合行政执法局 for {@code year} (2020 or 2021,
     * the years NATIONAL_2020 applies to), with seed 003's kind of rows: 年度 产出指标 (数量, 质量, 时效, 成本), 效益指标
     * (社会效益, 可持续影响: 定性 “显著”) and 满意度指标, no weights filed (the 自评表 splits each level's points).
     */
    long approvedNational(String name, int year) {
        Scope filer = scopes.forUser(FILER_JINING);
        Long unitId = filer.fileableUnitIds().iterator().next();
        DeclarationContent content = new DeclarationContent(name, null, NationalHeader.NEW_PROJECT, null, null,
                "孟凡华", null, "0537-1234567", "济宁高新技术产业开发区管理委员会", null, "济宁市高新区综合行政执法局",
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                DeclarationTexts.builder().unitFunctions("负责高新区城市管理综合行政执法。")
                        .overview("数字化城市管理数据采集及坐席队伍市场化运作。").feasibility("已有成熟的市场化运作经验。")
                        .overallGoal("巩固创城成果，提升城市管理水平。")
                        .annualGoal("全年上报案件 70000 件，处置 59500 件，处置率不低于 85%。").build(),
                PriorYearFunds.NONE, new FundsRequest(Money.ofWan("350"), Money.ofWan("350"), null, null, null),
                List.of(), List.of(),
                List.of(row(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "未来2年上报案件量", "≥140000个"),
                        row(IndicatorTerm.LONG_TERM, "产出指标", "成本指标", "未来2年财政支出成本", "<700万元"),
                        row(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "上报案件量", "≥70000个"),
                        row(IndicatorTerm.ANNUAL, "产出指标", "质量指标", "上报案件处置数量", "≥59500个"),
                        row(IndicatorTerm.ANNUAL, "产出指标", "时效指标", "案件上报处置率", "≥85%"),
                        row(IndicatorTerm.ANNUAL, "产出指标", "成本指标", "财政支出", "<350万元"),
                        row(IndicatorTerm.ANNUAL, "效益指标", "社会效益指标", "提供就业机会", "≥78个"),
                        row(IndicatorTerm.ANNUAL, "效益指标", "可持续影响指标", "巩固创城成果", "显著"),
                        row(IndicatorTerm.ANNUAL, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")),
                List.of(new MilestoneRow(null, "城市管理问题采集上报、派遣、核查、结案", LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31))),
                new SignOff("王常磊", "李长洋", LocalDate.of(year - 1, 12, 2)));
        long id = filing.create(filer, new CreateDeclaration(unitId, FormLayout.NATIONAL, year,
                IndicatorFramework.NATIONAL_2020, content));
        return approve(filer, id, scopes.viewer(DEPARTMENT_JINING), FINANCE_JINING);
    }

    private static IndicatorRow row(IndicatorTerm term, String category, String subCategory, String name,
                                    String target) {
        return new IndicatorRow(null, term, category, subCategory, List.of(), name, target, null, null, null, null,
                null, null, null);
    }

    /** Submitted by the filer, approved by the unit's 主管部门, graded 优 by the region's finance bureau. */
    private long approve(Scope filer, long id, Viewer department, String financeUser) {
        filing.submit(filer, id, version(filer, id));
        review.review(department, new ReviewCommand(id, version(filer, id), ReviewDecision.APPROVE, null, null));
        review.review(scopes.viewer(financeUser), new ReviewCommand(id, version(filer, id), null,
                FinanceGrade.EXCELLENT, null));
        DeclarationStatus status = filing.page(filer, id).detail().status();
        if (status != DeclarationStatus.APPROVED) {
            throw new AssertionError("declaration " + id + " should be approved, is " + status);
        }
        return id;
    }

    /** A 主管部门审核人 of {@code unitId} made up for the test (not an account: the history names no one). */
    private static Viewer madeUpDepartmentReviewer(Long unitId) {
        Scope scope = new Scope("it-department-reviewer", Set.of(unitId), null, Set.of());
        return new Viewer(new AccountProfile(scope.username(), "主管部门审核人（测试）", EnumSet.of(Role.DEPARTMENT_REVIEWER),
                null, null, null, null, null), scope);
    }

    private long version(Scope scope, long id) {
        return filing.page(scope, id).detail().version();
    }

    private DeclarationDetail demo(Scope scope, String projectName, int year) {
        List<DeclarationListRow> rows = filing.search(scope, new DeclarationSearch(year, null, null, null,
                projectName, 0, DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.PROJECT_NAME, true)).rows();
        Long id = rows.stream().filter(r -> r.projectName().equals(projectName) && r.year().value() == year)
                .map(DeclarationListRow::id).min(Long::compare)
                .orElseThrow(() -> new AssertionError("the demo declaration " + projectName + " " + year
                        + " is not loaded (perf.demo-data=true)"));
        return filing.page(scope, id).detail();
    }
}
