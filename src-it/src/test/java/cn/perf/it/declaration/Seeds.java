package cn.perf.it.declaration;

import cn.perf.domain.declaration.BasisKind;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * The demo seed declarations as the trustworthy "seed" (perf-persistence's DemoDeclarationsTest verified them field
 * by field against the seed files), and the field-by-field comparison of a declaration typed through the page with
 * them. Text blocks compare by {@link Paragraphs} (seeds store {@code <p>} markup, the page one paragraph per
 * line); blank and absent compare equal; 对应子项目 compare as the set of sub-project names (a multi-select has no
 * order of its own: the page stores the chosen sub-projects in the table's order).
 */
final class Seeds {

    static final String FILER_000 = "filer-001239";
    static final String FILER_003 = "filer-jining";
    static final String PASSWORD = "Demo@2026";
    static final String SEED_000 = "苏州市城管执法考核系统";
    static final String SEED_003 = "济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目";

    private Seeds() {
    }

    /** The stored detail of the demo declaration {@code projectName} of {@code year}, seen as {@code scope}. */
    static DeclarationDetail demo(DeclarationFiling filing, Scope scope, String projectName, int year) {
        List<DeclarationListRow> rows = filing.search(scope, new DeclarationSearch(year, null, null, null, projectName,
                0, DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.PROJECT_NAME, true)).rows();
        Long id = rows.stream().filter(r -> r.projectName().equals(projectName) && r.year().value() == year)
                .map(DeclarationListRow::id).min(Long::compare)
                .orElseThrow(() -> new AssertionError("the demo declaration " + projectName + " " + year
                        + " is not loaded (perf.demo-data=true)"));
        return filing.page(scope, id).detail();
    }

    /** A project name no other test uses: {@code base} plus a short random suffix. */
    static String uniqueName(String base) {
        return base + "（浏览器录入" + UUID.randomUUID().toString().substring(0, 6) + "）";
    }

    /** What to type for an amount: as the form prints it (two decimals) unless that would lose digits. */
    static String typed(Money m) {
        if (m == null) {
            return "";
        }
        BigDecimal plain = m.wan().stripTrailingZeros();
        return plain.scale() <= 2 ? m.display() : plain.toPlainString();
    }

    static String typed(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** A text block as the page edits it: one paragraph per line. */
    static String lines(String stored) {
        return Paragraphs.asLines(stored);
    }

    /** The names of a row's 对应子项目 in {@code content}. */
    static List<String> subProjectNames(DeclarationContent content, IndicatorRow row) {
        Map<String, String> names = new HashMap<>();
        content.subProjects().forEach(s -> names.put(s.key(), s.name()));
        return row.subProjectKeys().stream().map(k -> names.getOrDefault(k, "?" + k)).toList();
    }

    // ------------------------------------------------------------------ comparison

    /** Asserts that {@code actual} holds every field of {@code seed} except 项目名称 (and the year, not content). */
    static void assertSameContent(DeclarationContent seed, DeclarationContent actual) {
        SoftAssertions soft = new SoftAssertions();
        header(soft, "项目类型", seed, actual, DeclarationContent::projectType);
        header(soft, "项目属性", seed, actual, DeclarationContent::projectAttribute);
        soft.assertThat(actual.governmentProcurement()).as("是否政府采购").isEqualTo(seed.governmentProcurement());
        soft.assertThat(actual.governmentPurchasedService()).as("是否政府购买服务")
                .isEqualTo(seed.governmentPurchasedService());
        header(soft, "项目负责人", seed, actual, DeclarationContent::projectLeader);
        header(soft, "联系人", seed, actual, DeclarationContent::contactPerson);
        header(soft, "联系电话", seed, actual, DeclarationContent::contactPhone);
        header(soft, "主管部门", seed, actual, DeclarationContent::competentDepartmentName);
        header(soft, "主管部门编码", seed, actual, DeclarationContent::competentDepartmentCode);
        header(soft, "项目单位", seed, actual, DeclarationContent::projectUnitName);
        soft.assertThat(actual.periodStart()).as("项目起止时间（起）").isEqualTo(seed.periodStart());
        soft.assertThat(actual.periodEnd()).as("项目起止时间（止）").isEqualTo(seed.periodEnd());

        texts(soft, seed.texts(), actual.texts());

        soft.assertThat(actual.priorYearFunds()).as("上年度市级财政资金使用情况").isEqualTo(seed.priorYearFunds());
        soft.assertThat(actual.fundsRequest()).as("项目资金申请").isEqualTo(seed.fundsRequest());

        soft.assertThat(actual.subProjects().stream().map(s -> new Sub(s.name(), s.amount())).toList())
                .as("项目资金构成（子项目名称、预算金额，按顺序）")
                .containsExactlyElementsOf(seed.subProjects().stream().map(s -> new Sub(s.name(), s.amount()))
                        .toList());
        soft.assertThat(actual.fundingSources().stream().map(Funding::of).toList())
                .as("项目资金来源（按顺序）")
                .containsExactlyElementsOf(seed.fundingSources().stream().map(Funding::of).toList());

        for (IndicatorTerm term : IndicatorTerm.values()) {
            List<Indicator> expected = seed.indicators(term).stream().map(r -> Indicator.of(seed, r)).toList();
            List<Indicator> got = actual.indicators(term).stream().map(r -> Indicator.of(actual, r)).toList();
            soft.assertThat(got.size()).as("%s 指标行数", term).isEqualTo(expected.size());
            for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
                soft.assertThat(got.get(i)).as("%s 指标第 %d 行", term, i + 1).isEqualTo(expected.get(i));
            }
        }

        soft.assertThat(actual.milestones().stream().map(m -> new Milestone(m.content(), m.startOn(), m.endOn()))
                        .toList()).as("实施进度（按顺序）")
                .containsExactlyElementsOf(seed.milestones().stream()
                        .map(m -> new Milestone(m.content(), m.startOn(), m.endOn())).toList());

        header(soft, "填报单位负责人", seed, actual, c -> c.signOff().unitLeader());
        header(soft, "填报人", seed, actual, c -> c.signOff().preparer());
        soft.assertThat(actual.signOff().filedOn()).as("填报日期").isEqualTo(seed.signOff().filedOn());
        soft.assertAll();
    }

    private static void header(SoftAssertions soft, String label, DeclarationContent seed, DeclarationContent actual,
                               Function<DeclarationContent, String> field) {
        soft.assertThat(blankToNull(field.apply(actual))).as(label).isEqualTo(blankToNull(field.apply(seed)));
    }

    private static void texts(SoftAssertions soft, DeclarationTexts seed, DeclarationTexts actual) {
        block(soft, "项目概况", seed.overview(), actual.overview());
        block(soft, "项目设立依据 / 立项依据", seed.establishmentBasis(), actual.establishmentBasis());
        block(soft, "项目设立的必要性", seed.necessity(), actual.necessity());
        block(soft, "保证项目实施的制度、措施", seed.safeguards(), actual.safeguards());
        block(soft, "项目实施计划", seed.implementationPlan(), actual.implementationPlan());
        block(soft, "项目总目标 / 长期目标", seed.overallGoal(), actual.overallGoal());
        block(soft, "年度绩效目标 / 年度目标", seed.annualGoal(), actual.annualGoal());
        block(soft, "需要说明的其它问题", seed.otherIssues(), actual.otherIssues());
        block(soft, "项目单位职能概述", seed.unitFunctions(), actual.unitFunctions());
        block(soft, "项目申报的可行性", seed.feasibility(), actual.feasibility());
        block(soft, "预算部门审核意见", seed.departmentOpinion(), actual.departmentOpinion());
    }

    private static void block(SoftAssertions soft, String label, String seed, String actual) {
        soft.assertThat(Paragraphs.of(actual)).as("%s（按段落）", label).isEqualTo(Paragraphs.of(seed));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Sub(String name, Money amount) {
    }

    record Funding(FundingSourceKind kind, Money totalInvestment, Money priorYear, Money currentYear) {
        static Funding of(DeclarationContent.FundingRow r) {
            return new Funding(r.kind(), r.totalInvestment(), r.priorYear(), r.currentYear());
        }
    }

    record Milestone(String content, LocalDate startOn, LocalDate endOn) {
    }

    /** An indicator row as compared: everything the filer types or the library fills, without row ids. */
    record Indicator(IndicatorTerm term, String category, String subCategory, TreeSet<String> subProjects,
                     String name, String targetText, Direction direction, List<String> explanation,
                     String targetBasis, BasisKind basisKind, String measureUnit, BigDecimal weight,
                     Long libraryEntryId) {
        static Indicator of(DeclarationContent c, IndicatorRow r) {
            return new Indicator(r.term(), blankToNull(r.category()), blankToNull(r.subCategory()),
                    new TreeSet<>(subProjectNames(c, r)), blankToNull(r.name()), blankToNull(r.targetText()),
                    r.direction(), new ArrayList<>(Paragraphs.of(r.explanation())), blankToNull(r.targetBasis()),
                    r.basisKind(), blankToNull(r.measureUnit()),
                    r.weight() == null ? null : r.weight().stripTrailingZeros(), r.libraryEntryId());
        }
    }
}
