package cn.perf.domain.declaration;

import cn.perf.domain.declaration.DeclarationContent.FundingRow;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkCategory;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.scoring.target.Direction;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Test fixtures for whole-form {@link DeclarationContent}s: a Suzhou and a national content that the standard lint
 * finds nothing in, and small builders to change one thing at a time.
 */
final class Contents {

    static final String IT = "信息化工程及维护类";

    static final IndicatorFramework SUZHOU_FRAMEWORK = IndicatorFramework.define(IndicatorFramework.SUZHOU_2017,
            "苏州2017", FormLayout.SUZHOU, "苏州市", 2017, null, "项目绩效实现情况", new BigDecimal("80"), "填表说明",
            List.of(FrameworkCategory.topLevel("投入", new BigDecimal("26")),
                    FrameworkCategory.topLevel("产出", new BigDecimal("24")),
                    FrameworkCategory.topLevel("结果", new BigDecimal("22")),
                    FrameworkCategory.topLevel("影响力", new BigDecimal("8"))));

    static final IndicatorFramework NATIONAL_FRAMEWORK = IndicatorFramework.define(IndicatorFramework.NATIONAL_2020,
            "全国2020", FormLayout.NATIONAL, "全国", 2020, 2021, "总分", new BigDecimal("100"), "财预〔2020〕10号",
            List.of(FrameworkCategory.topLevel("产出指标", new BigDecimal("50")),
                    FrameworkCategory.sub("产出指标", "数量指标"),
                    FrameworkCategory.sub("产出指标", "质量指标"),
                    FrameworkCategory.sub("产出指标", "成本指标"),
                    FrameworkCategory.topLevel("效益指标", new BigDecimal("30")),
                    FrameworkCategory.sub("效益指标", "社会效益指标"),
                    FrameworkCategory.topLevel("满意度指标", new BigDecimal("10")),
                    FrameworkCategory.sub("满意度指标", "服务对象满意度指标"),
                    FrameworkCategory.fundsBased("预算执行率", new BigDecimal("10"))));

    private Contents() {
    }

    // ------------------------------------------------------------------ rows

    static SubProjectRow sub(String key, String name, String amount) {
        return new SubProjectRow(null, key, name, amount == null ? null : Money.ofWan(amount));
    }

    static FundingRow funding(FundingSourceKind kind, String total, String prior, String current) {
        return new FundingRow(kind, money(total), money(prior), money(current));
    }

    /** The four 资金来源 rows in printed order, only 市级财政资金 filled. */
    static List<FundingRow> cityFunding(String total, String prior, String current) {
        List<FundingRow> rows = new ArrayList<>();
        for (FundingSourceKind k : FundingSourceKind.values()) {
            rows.add(k == FundingSourceKind.CITY ? funding(k, total, prior, current) : funding(k, null, null, null));
        }
        return rows;
    }

    /** A Suzhou 分解目标 row. */
    static IndicatorRow suzhouRow(String category, List<String> keys, String name, String target) {
        return new IndicatorRow(null, IndicatorTerm.ANNUAL, category, null, keys, name, target, null, null, null, null,
                null, null, null);
    }

    /** A national row of the given table. */
    static IndicatorRow nationalRow(IndicatorTerm term, String category, String subCategory, String name,
                                    String target) {
        return new IndicatorRow(null, term, category, subCategory, List.of(), name, target, null, null, null, null,
                null, null, null);
    }

    static IndicatorRow withDirection(IndicatorRow r, Direction direction) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(),
                r.targetText(), direction, r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(),
                r.weight(), r.libraryEntryId());
    }

    static IndicatorRow withExplanation(IndicatorRow r, String explanation) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(),
                r.targetText(), r.direction(), explanation, r.targetBasis(), r.basisKind(), r.measureUnit(),
                r.weight(), r.libraryEntryId());
    }

    static IndicatorRow withMeasureUnit(IndicatorRow r, String unit) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(),
                r.targetText(), r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), unit, r.weight(),
                r.libraryEntryId());
    }

    static IndicatorRow withTarget(IndicatorRow r, String target) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(), target,
                r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(), r.weight(),
                r.libraryEntryId());
    }

    static IndicatorRow withName(IndicatorRow r, String name) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), name,
                r.targetText(), r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(),
                r.weight(), r.libraryEntryId());
    }

    static IndicatorRow withKeys(IndicatorRow r, List<String> keys) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), keys, r.name(), r.targetText(),
                r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(), r.weight(),
                r.libraryEntryId());
    }

    static IndicatorRow withCategory(IndicatorRow r, String category, String subCategory) {
        return new IndicatorRow(r.id(), r.term(), category, subCategory, r.subProjectKeys(), r.name(), r.targetText(),
                r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(), r.weight(),
                r.libraryEntryId());
    }

    static Money money(String wan) {
        return wan == null ? null : Money.ofWan(wan);
    }

    // ------------------------------------------------------------------ whole contents

    /**
     * A Suzhou content the standard lint (with {@link #SUZHOU_FRAMEWORK}) finds nothing in: one 子项目 of 10 万元,
     * 市级财政资金 20 / 5 / 10, a 产出 and a 结果 row, the 产出 row naming the 子项目.
     */
    static DeclarationContent cleanSuzhou() {
        return suzhou(List.of(sub("s1", "平台建设", "10")), cityFunding("20", "5", "10"),
                List.of(suzhouRow("产出", List.of("s1"), "建设模块数", "≥6个"),
                        suzhouRow("结果", List.of(), "系统可用率", "≥99%")));
    }

    static DeclarationContent suzhou(List<SubProjectRow> subs, List<FundingRow> funding, List<IndicatorRow> rows) {
        return new DeclarationContent("检查测试项目", IT, "市立项目", true, false, "张三", "李四", "0512-65100000", null,
                null, null, null, null, DeclarationTexts.builder().overview("概况").build(), PriorYearFunds.NONE,
                FundsRequest.NONE, subs, funding, rows, List.of(), SignOff.EMPTY);
    }

    /**
     * A national content the standard lint (with {@link #NATIONAL_FRAMEWORK}) finds nothing in: 资金总额 350 = 财政拨款
     * 350, a 长期 and a 年度 row.
     */
    static DeclarationContent cleanNational() {
        return national(new FundsRequest(Money.ofWan("350"), Money.ofWan("350"), null, null, null),
                List.of(nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "新增监控点位", "≥35个"),
                        nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "新增监控点位", "≥20个")));
    }

    static DeclarationContent national(FundsRequest request, List<IndicatorRow> rows) {
        return new DeclarationContent("全国格式测试项目", null, NationalHeader.NEW_PROJECT, null, null, "孟凡华", null,
                "0537-1234567", "主管局", "100200", "测试执法局", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31),
                DeclarationTexts.builder().unitFunctions("职能").build(), PriorYearFunds.NONE, request, List.of(),
                List.of(), rows, List.of(new MilestoneRow(null, "采集上报", LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 6, 30))), SignOff.EMPTY);
    }

    static DeclarationContent withSubProjects(DeclarationContent c, List<SubProjectRow> subs) {
        return c.withFunds(c.projectAttribute(), c.priorYearFunds(), c.fundsRequest(), subs, c.fundingSources(),
                c.signOff());
    }

    static DeclarationContent withFunding(DeclarationContent c, List<FundingRow> funding) {
        return c.withFunds(c.projectAttribute(), c.priorYearFunds(), c.fundsRequest(), c.subProjects(), funding,
                c.signOff());
    }

    static DeclarationContent withRequest(DeclarationContent c, FundsRequest request) {
        return c.withFunds(c.projectAttribute(), c.priorYearFunds(), request, c.subProjects(), c.fundingSources(),
                c.signOff());
    }

    static DeclarationContent withIndicator(DeclarationContent c, int index, UnaryOperator<IndicatorRow> change) {
        List<IndicatorRow> rows = new ArrayList<>(c.indicators());
        rows.set(index, change.apply(rows.get(index)));
        return c.withIndicators(rows);
    }

    static DeclarationContent plusIndicators(DeclarationContent c, IndicatorRow... more) {
        List<IndicatorRow> rows = new ArrayList<>(c.indicators());
        rows.addAll(List.of(more));
        return c.withIndicators(rows);
    }

    /** The same content with other header values (项目名称, 联系电话, 项目起止时间). */
    static DeclarationContent withHeader(DeclarationContent c, String projectName, String phone, LocalDate start,
                                         LocalDate end) {
        return new DeclarationContent(projectName, c.projectType(), c.projectAttribute(), c.governmentProcurement(),
                c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(), phone,
                c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(), start, end, c.texts(),
                c.priorYearFunds(), c.fundsRequest(), c.subProjects(), c.fundingSources(), c.indicators(),
                c.milestones(), c.signOff());
    }

    static DeclarationContent withLeader(DeclarationContent c, String leader) {
        return new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), leader, c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(), c.subProjects(),
                c.fundingSources(), c.indicators(), c.milestones(), c.signOff());
    }

    static DeclarationContent withMilestones(DeclarationContent c, List<MilestoneRow> milestones) {
        return new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(), c.subProjects(),
                c.fundingSources(), c.indicators(), milestones, c.signOff());
    }

    // ------------------------------------------------------------------ declarations

    /** An empty Suzhou draft (nothing stored yet). */
    static Declaration newSuzhouDraft() {
        return Declaration.newSuzhou(1L, 2L, FiscalYear.of(2021),
                new SuzhouHeader("检查测试项目", IT, "市立项目", true, false, null, null, null), List.of());
    }

    static Declaration newNationalDraft() {
        return Declaration.newNational(1L, 3L, FiscalYear.of(2020),
                new NationalHeader("全国格式测试项目", NationalHeader.NEW_PROJECT, null, null, null, null, null, null,
                        null), IndicatorFramework.NATIONAL_2020);
    }

    private static final AtomicLong IDS = new AtomicLong(1000);

    /**
     * Gives every row of {@code d} without an id one, as saving it would (the JPA identity), so that a test without a
     * database can revise rows by id.
     */
    static Declaration stored(Declaration d) {
        d.subProjects().forEach(Contents::assignId);
        d.fundingSources().forEach(Contents::assignId);
        d.indicators().forEach(Contents::assignId);
        d.milestones().forEach(Contents::assignId);
        return d;
    }

    private static void assignId(Object row) {
        try {
            Field id = row.getClass().getDeclaredField("id");
            id.setAccessible(true);
            if (id.get(row) == null) {
                id.set(row, IDS.incrementAndGet());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content without row ids, sub-project keys replaced by the row's position ({@code #0}, {@code #1} …) in both
     * the sub-project rows and the indicators' 对应子项目, so that a content sent and the content stored compare equal.
     */
    static DeclarationContent withoutIds(DeclarationContent c) {
        Map<String, String> keys = new HashMap<>();
        List<SubProjectRow> subs = new ArrayList<>();
        for (int i = 0; i < c.subProjects().size(); i++) {
            SubProjectRow s = c.subProjects().get(i);
            keys.put(s.key(), "#" + i);
            subs.add(new SubProjectRow(null, "#" + i, s.name(), s.amount()));
        }
        List<IndicatorRow> rows = c.indicators().stream().map(r -> new IndicatorRow(null, r.term(), r.category(),
                r.subCategory(), r.subProjectKeys().stream().map(keys::get).toList(), r.name(), r.targetText(),
                r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(), r.weight(),
                r.libraryEntryId())).toList();
        List<MilestoneRow> milestones = c.milestones().stream()
                .map(m -> new MilestoneRow(null, m.content(), m.startOn(), m.endOn())).toList();
        return withMilestones(withSubProjects(c, subs).withIndicators(rows), milestones);
    }
}
