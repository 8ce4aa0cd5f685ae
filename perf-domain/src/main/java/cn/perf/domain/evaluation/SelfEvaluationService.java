package cn.perf.domain.evaluation;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.domain.template.IndicatorLibraryEntry;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.scoring.weight.EqualSplit;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Use cases of the 自评表. {@link #startFromDeclaration} carries an approved declaration over (DESIGN.md §4, 填表说明 2
 * and 3): the categories and points come from the declaration's indicator framework; on the Suzhou form the 投入 rows
 * are the common-indicator library's self-evaluation rows of the project type (with their weights), and the
 * 产出/结果/影响力 rows are the declaration's approved rows, their weight the declaration's where it has one, else the
 * category's points split equally (last row takes the remainder: 24 over 11 = 2.18 × 10 + 2.20). On the national form
 * the rows are the declaration's 年度 indicators. Commands carry the version the user saw; a stale one fails with
 * {@link OptimisticLockException}.
 */
@Named
public class SelfEvaluationService {

    private static final String INPUT_CATEGORY = "投入";
    private static final String SATISFACTION = "满意度";

    private final SelfEvaluations evaluations;
    private final Declarations declarations;
    private final IndicatorFrameworks frameworks;
    private final IndicatorLibrary library;
    private final BudgetUnits units;

    public SelfEvaluationService(SelfEvaluations evaluations, Declarations declarations,
                                 IndicatorFrameworks frameworks, IndicatorLibrary library, BudgetUnits units) {
        this.evaluations = evaluations;
        this.declarations = declarations;
        this.frameworks = frameworks;
        this.library = library;
        this.units = units;
    }

    /** A new 草稿 self-evaluation of an approved declaration; refused when one exists or the declaration is not approved. */
    @Transactional
    public SelfEvaluation startFromDeclaration(Long declarationId) {
        Declaration d = declarations.findById(declarationId)
                .orElseThrow(() -> new IllegalArgumentException("申报表不存在：" + declarationId));
        if (d.status() != DeclarationStatus.APPROVED) {
            throw new WorkflowException("只有财政审核通过的申报表才能生成自评表，当前状态：" + d.status().label());
        }
        if (evaluations.existsByDeclarationId(declarationId)) {
            throw new WorkflowException("项目“" + d.projectName() + "”的 " + d.year() + " 年度自评表已存在");
        }
        IndicatorFramework framework = frameworks.findByCode(d.frameworkCode())
                .orElseThrow(() -> new IllegalArgumentException("指标体系不存在：" + d.frameworkCode()));
        boolean suzhou = d.layout() == FormLayout.SUZHOU;
        return evaluations.save(SelfEvaluation.fromDeclaration(carryOver(d, framework,
                suzhou ? library.selfEvaluationRows(d.frameworkCode(), d.projectType()) : List.of(),
                suzhou ? null : departmentAbove(d.unitId()))));
    }

    /**
     * How {@code e} differs from what its declaration would carry over today ({@link CarryOverCheck}): the declaration,
     * its indicator framework and (Suzhou) the library's 投入 rows are loaded as {@link #startFromDeclaration} loads
     * them. Empty when the declaration is not found; a single INFO {@link CarryOverCheck#NOT_COMPARED_CODE} finding
     * when it cannot be compared (not 财政审核通过 — e.g. superseded by a 目标调整 —, framework missing, or a
     * declaration that would not carry over).
     */
    @Transactional
    public List<ScoringOutcome.FindingLine> differencesFromDeclaration(SelfEvaluation e) {
        return differencesFromDeclaration(e, declarations.findById(e.declarationId()), frameworks, library);
    }

    /** {@link #differencesFromDeclaration(SelfEvaluation)} with the declaration already looked up. */
    static List<ScoringOutcome.FindingLine> differencesFromDeclaration(SelfEvaluation e, Optional<Declaration> found,
                                                                       IndicatorFrameworks frameworks,
                                                                       IndicatorLibrary library) {
        if (found.isEmpty()) {
            return List.of();
        }
        Declaration d = found.get();
        if (d.status() != DeclarationStatus.APPROVED) {
            return List.of(CarryOverCheck.notCompared("申报表当前状态为“" + d.status().label()
                    + "”，不是财政审核通过的申报表，未与自评表比对"));
        }
        Optional<IndicatorFramework> framework = frameworks.findByCode(d.frameworkCode());
        if (framework.isEmpty()) {
            return List.of(CarryOverCheck.notCompared("指标体系 " + d.frameworkCode() + " 不存在，未与申报表比对"));
        }
        DeclarationCarryOver today;
        try {
            today = carryOver(d, framework.get(), d.layout() == FormLayout.SUZHOU
                    ? library.selfEvaluationRows(d.frameworkCode(), d.projectType()) : List.of(), e.departmentId());
        } catch (IllegalArgumentException ex) {
            return List.of(CarryOverCheck.notCompared("无法按申报表生成对照的自评表（" + ex.getMessage() + "），未比对"));
        }
        return CarryOverCheck.differences(today, e);
    }

    /** The 主管部门 a unit belongs to (its parent, when that is a 主管部门); null for a 主管部门 filing itself. */
    private Long departmentAbove(Long unitId) {
        return units.findById(unitId).map(BudgetUnit::parentId).flatMap(units::findById)
                .filter(parent -> parent.kind() == UnitKind.DEPARTMENT).map(BudgetUnit::id).orElse(null);
    }

    /**
     * The carry-over of an approved declaration (pure; {@code inputRows} are the library's 投入 rows, Suzhou only;
     * {@code departmentId} the national form's 主管部门, null when the unit is its own).
     */
    static DeclarationCarryOver carryOver(Declaration d, IndicatorFramework framework,
                                          List<IndicatorLibraryEntry> inputRows, Long departmentId) {
        boolean suzhou = d.layout() == FormLayout.SUZHOU;
        List<Indicator> carried = d.indicators(IndicatorTerm.ANNUAL).stream()
                .filter(i -> !(suzhou && i.category().equals(INPUT_CATEGORY))).toList();
        boolean pointless = !suzhou && framework.topLevel().stream()
                .anyMatch(c -> !c.fundsBased() && c.points() == null);
        List<CategoryLine> framed = pointless
                ? tenPoints(framework.topLevel().stream().filter(c -> !c.fundsBased()).map(c -> c.name()).toList(),
                        carried.stream().map(Indicator::category).toList())
                : framework.topLevel().stream()
                .filter(c -> !c.fundsBased() && c.points() != null)
                .map(c -> new CategoryLine(c.name(), c.points())).toList();
        List<CategoryLine> categories = suzhou ? framed
                : withoutEmptySatisfaction(framed, carried.stream().map(Indicator::category).toList());
        Map<String, BigDecimal> points = categories.stream()
                .collect(Collectors.toMap(CategoryLine::name, CategoryLine::points, (a, b) -> a));
        List<IndicatorLine> rows = new ArrayList<>();
        if (suzhou) {
            for (IndicatorLibraryEntry e : inputRows) {
                rows.add(new IndicatorLine(e.category(), null, e.selfEvaluationName(),
                        IndicatorValue.of(e.selfEvaluationTargetText()), e.weight(), e.explanation()));
            }
        }
        for (CategoryLine category : categories) {
            List<Indicator> inCategory = carried.stream().filter(i -> i.category().equals(category.name())).toList();
            if (inCategory.isEmpty()) {
                continue;
            }
            List<BigDecimal> split = EqualSplit.of(points.get(category.name()), inCategory.size(), Scores.SCALE)
                    .weights();
            for (int k = 0; k < inCategory.size(); k++) {
                Indicator i = inCategory.get(k);
                rows.add(new IndicatorLine(i.category(), i.subCategory(), i.name(), i.target(),
                        i.weight() != null ? i.weight() : split.get(k), i.explanation()));
            }
        }
        List<String> unknown = carried.stream().map(Indicator::category)
                .filter(c -> categories.stream().noneMatch(x -> x.name().equals(c))).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("申报表的指标类别不在指标体系" + framework.code() + "中：" + unknown);
        }
        List<SubProjectLine> subProjects = suzhou ? d.subProjects().stream()
                .map(s -> new SubProjectLine(s.name(), s.amount())).toList() : List.of();
        return new DeclarationCarryOver(d.id(), suzhou ? EvaluationLayout.SUZHOU_2017 : EvaluationLayout.NATIONAL_2020,
                d.unitId(), departmentId, d.projectName(), d.year(), d.texts().overview(), d.texts().overallGoal(),
                d.texts().annualGoal(), categories, rows, subProjects);
    }

    /**
     * <b>Choice</b> (财预〔2021〕101号 frameworks, whose first levels carry no points): the self-evaluation is scored with
     * 财预〔2020〕10号's points, the only national points rule — 产出 50, 效益 30, 满意度 10 (and 预算执行率 10, funds
     * based, outside these lines). 101号 makes 成本指标 a first level; under 10号 it was a 二级 of 产出, so 产出 and 成本
     * share the 50 points, in proportion to their rows (every row of the two gets the same weight, as under 10号):
     * 成本 gets 50 × its rows / their rows, rounded to 2 decimals, 产出 the rest (all 50 when 成本 has no rows, and then
     * no 成本 line).
     * Categories are recognised by their names' start (产出, 成本, 效益, 满意度); any other first level keeps no points
     * (and its rows are refused as before). The lines keep the framework's names and order.
     */
    static List<CategoryLine> tenPoints(List<String> topLevel, List<String> rowCategories) {
        String output = topLevel.stream().filter(n -> n.startsWith("产出")).findFirst().orElse(null);
        String cost = topLevel.stream().filter(n -> n.startsWith("成本")).findFirst().orElse(null);
        long outputRows = output == null ? 0 : rowCategories.stream().filter(output::equals).count();
        long costRows = cost == null ? 0 : rowCategories.stream().filter(cost::equals).count();
        BigDecimal pool = new BigDecimal("50.00");
        BigDecimal costPoints = costRows == 0 ? BigDecimal.ZERO.setScale(2)
                : outputRows == 0 ? pool
                : pool.multiply(BigDecimal.valueOf(costRows))
                .divide(BigDecimal.valueOf(outputRows + costRows), 2, java.math.RoundingMode.HALF_UP);
        List<CategoryLine> out = new ArrayList<>();
        for (String name : topLevel) {
            if (name.equals(output)) {
                out.add(new CategoryLine(name, pool.subtract(costPoints)));
            } else if (name.equals(cost)) {
                if (costRows > 0) {
                    out.add(new CategoryLine(name, costPoints));
                }
            } else if (name.startsWith("效益")) {
                out.add(new CategoryLine(name, new BigDecimal("30.00")));
            } else if (name.startsWith(SATISFACTION)) {
                out.add(new CategoryLine(name, new BigDecimal("10.00")));
            }
        }
        return out;
    }

    /**
     * DESIGN.md §3.2: on the national form, when the declaration has no 满意度 indicator, the 满意度 points go to the
     * other first-level categories. <b>Choice</b> (the rule does not say how they are shared): in proportion to those
     * categories' own points, rounded to 2 decimals, the last category taking the remainder — 产出 50 / 效益 30 receive
     * 6.25 / 3.75 of the 10, giving 56.25 / 33.75. Rows without a filer's weight then split the new points equally;
     * filer weights that no longer sum are reported by the scorer (WEIGHT_SUM_MISMATCH).
     */
    static List<CategoryLine> withoutEmptySatisfaction(List<CategoryLine> categories,
                                                      java.util.Collection<String> rowCategories) {
        CategoryLine satisfaction = categories.stream().filter(c -> c.name().startsWith(SATISFACTION)).findFirst()
                .orElse(null);
        if (satisfaction == null || rowCategories.contains(satisfaction.name())) {
            return categories;
        }
        List<CategoryLine> others = categories.stream().filter(c -> c != satisfaction).toList();
        BigDecimal base = others.stream().map(CategoryLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (others.isEmpty() || base.signum() == 0) {
            return categories;
        }
        List<CategoryLine> out = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int k = 0; k < others.size(); k++) {
            CategoryLine c = others.get(k);
            BigDecimal share = k == others.size() - 1 ? satisfaction.points().subtract(given)
                    : satisfaction.points().multiply(c.points()).divide(base, Scores.SCALE,
                    java.math.RoundingMode.HALF_UP);
            given = given.add(share);
            out.add(new CategoryLine(c.name(), c.points().add(share)));
        }
        return out;
    }

    @Transactional
    public void submit(Long id, long expectedVersion, Instant at) {
        load(id, expectedVersion).submit(at);
    }

    @Transactional
    public void startReview(Long id, long expectedVersion, String reviewer) {
        load(id, expectedVersion).startReview(reviewer);
    }

    @Transactional
    public ScoreAdjustment adjustScore(Long id, long expectedVersion, int position, BigDecimal score, String reason,
                                       String reviewer, Instant at) {
        return load(id, expectedVersion).adjustScore(position, score, reason, reviewer, at);
    }

    @Transactional
    public void returnForRevision(Long id, long expectedVersion, String comment) {
        load(id, expectedVersion).returnForRevision(comment);
    }

    @Transactional
    public void confirm(Long id, long expectedVersion, String reviewer, Instant at) {
        load(id, expectedVersion).confirm(reviewer, at);
    }

    private SelfEvaluation load(Long id, long expectedVersion) {
        SelfEvaluation e = evaluations.findById(id).orElseThrow(() -> new IllegalArgumentException("自评表不存在：" + id));
        if (e.version() != expectedVersion) {
            throw new OptimisticLockException("自评表已被他人修改（版本 " + e.version() + "，页面版本 " + expectedVersion
                    + "），请刷新后重试");
        }
        return e;
    }
}
