package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.FundingRow;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.shared.Money;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whole-form contents for the write-path tests, and a comparison that ignores row ids and keys. */
public final class FilingContents {

    static final String IT = "信息化工程及维护类";

    private FilingContents() {
    }

    static SubProjectRow sub(String key, String name, String wan) {
        return new SubProjectRow(null, key, name, wan == null ? null : Money.ofWan(wan));
    }

    static List<FundingRow> cityFunding(String total, String prior, String current) {
        List<FundingRow> rows = new ArrayList<>();
        for (FundingSourceKind k : FundingSourceKind.values()) {
            rows.add(k == FundingSourceKind.CITY
                    ? new FundingRow(k, money(total), money(prior), money(current))
                    : new FundingRow(k, null, null, null));
        }
        return rows;
    }

    static Money money(String wan) {
        return wan == null ? null : Money.ofWan(wan);
    }

    static IndicatorRow suzhouRow(String category, List<String> keys, String name, String target) {
        return new IndicatorRow(null, IndicatorTerm.ANNUAL, category, null, keys, name, target, null, name + "的解释",
                "统计报表", null, null, null, null);
    }

    static IndicatorRow nationalRow(IndicatorTerm term, String category, String subCategory, String name,
                                    String target) {
        return new IndicatorRow(null, term, category, subCategory, List.of(), name, target, null, null, null, null,
                null, null, null);
    }

    /** A complete Suzhou form (nothing blocks its submission) named {@code projectName}. */
    public static DeclarationContent suzhou(String projectName) {
        return new DeclarationContent(projectName, IT, "市立项目", true, false, "肖军", "潘柯", "0512-65109046", null,
                null, null, null, null,
                DeclarationTexts.builder().overview("<p>概况一</p><p>概况二</p>").establishmentBasis("依据")
                        .necessity("必要性").safeguards("制度").implementationPlan("计划").overallGoal("总目标")
                        .annualGoal("年度目标").build(),
                new PriorYearFunds(Money.ofWan("300"), Money.ofWan("300"), Money.ofWan("299.5")), FundsRequest.NONE,
                List.of(sub("k1", "信息化平台", "21.86"), sub("k2", "行政监管栏目", "10"), sub("k3", "统一执法栏目", "10")),
                cityFunding("433.60", "300", "41.86"),
                List.of(new IndicatorRow(null, IndicatorTerm.ANNUAL, "投入", null, List.of(), "预算执行率", "100%", null,
                                "实际支出/预算", "财务报表", null, null, new BigDecimal("6.00"), null),
                        suzhouRow("产出", List.of("k1", "k2", "k3"), "系统建设模块数", "=4个"),
                        suzhouRow("产出", List.of("k1"), "信息化平台", "=1套"),
                        withDirection(suzhouRow("结果", List.of("k3", "k1"), "业务系统投诉率", "=5%"),
                                Direction.LOWER_IS_BETTER)),
                List.of(), new SignOff("肖军", "潘柯", LocalDate.of(2020, 10, 9)));
    }

    /** A complete national form named {@code projectName}. */
    public static DeclarationContent national(String projectName) {
        return new DeclarationContent(projectName, null, NationalHeader.NEW_PROJECT, null, null, "孟凡华", null,
                "0537-1234567", "济宁高新区管委会", "100200", "测试执法局", LocalDate.of(2019, 8, 1),
                LocalDate.of(2021, 7, 31),
                DeclarationTexts.builder().unitFunctions("职能").overview("概况").feasibility("可行").overallGoal("长期目标")
                        .annualGoal("年度目标").build(),
                PriorYearFunds.NONE, new FundsRequest(Money.ofWan("350"), Money.ofWan("300"), Money.ofWan("20"),
                        Money.ofWan("10"), Money.ofWan("20")), List.of(), List.of(),
                List.of(nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "数量指标", "案件采集数", "≥500000个"),
                        nationalRow(IndicatorTerm.LONG_TERM, "产出指标", "成本指标", "未来2年财政支出成本", "<700万"),
                        nationalRow(IndicatorTerm.ANNUAL, "产出指标", "数量指标", "案件采集数", "≥250000个"),
                        nationalRow(IndicatorTerm.ANNUAL, "效益指标", "社会效益指标", "案件处置率", "≥85%"),
                        nationalRow(IndicatorTerm.ANNUAL, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")),
                List.of(new MilestoneRow(null, "1、城市管理问题采集上报、派遣、核查、结案。", LocalDate.of(2019, 8, 1),
                                LocalDate.of(2020, 7, 31)),
                        new MilestoneRow(null, "2、各类专项普查任务", null, null)),
                new SignOff("王常磊", "李长洋", LocalDate.of(2019, 12, 2)));
    }

    /** A Suzhou form with {@code subProjects} 子项目 and {@code indicators} rows, each naming up to three 子项目. */
    static DeclarationContent big(String projectName, int subProjects, int indicators) {
        List<SubProjectRow> subs = new ArrayList<>();
        for (int i = 0; i < subProjects; i++) {
            subs.add(sub("k" + i, "子项目" + (i + 1), String.valueOf(i + 1)));
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            List<String> keys = new ArrayList<>();
            for (int k = i % subProjects; k < Math.min(subProjects, i % subProjects + 3); k++) {
                keys.add("k" + k);
            }
            rows.add(suzhouRow(i % 2 == 0 ? "产出" : "结果", keys, "指标" + i, "≥" + (i + 1) + "个"));
        }
        int total = subProjects * (subProjects + 1) / 2;
        DeclarationContent c = suzhou(projectName);
        return c.withFunds(c.projectAttribute(), c.priorYearFunds(), c.fundsRequest(), subs,
                cityFunding(null, null, String.valueOf(total)), c.signOff()).withIndicators(rows);
    }

    static IndicatorRow withDirection(IndicatorRow r, Direction direction) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(),
                r.targetText(), direction, r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(),
                r.weight(), r.libraryEntryId());
    }

    static IndicatorRow withTarget(IndicatorRow r, String target) {
        return new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(), r.subProjectKeys(), r.name(), target,
                r.direction(), r.explanation(), r.targetBasis(), r.basisKind(), r.measureUnit(), r.weight(),
                r.libraryEntryId());
    }

    static DeclarationContent withIndicator(DeclarationContent c, int index, IndicatorRow row) {
        List<IndicatorRow> rows = new ArrayList<>(c.indicators());
        rows.set(index, row);
        return c.withIndicators(rows);
    }

    static DeclarationContent withLeader(DeclarationContent c, String leader) {
        return new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), leader, c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(), c.subProjects(),
                c.fundingSources(), c.indicators(), c.milestones(), c.signOff());
    }

    static DeclarationContent withSubProjects(DeclarationContent c, List<SubProjectRow> subs) {
        return c.withFunds(c.projectAttribute(), c.priorYearFunds(), c.fundsRequest(), subs, c.fundingSources(),
                c.signOff());
    }

    /**
     * The content without row ids, each sub-project key replaced by its row's position ({@code #0} …) in the
     * sub-project rows and in the indicators' 对应子项目, so that what was sent and what was stored compare equal.
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
        DeclarationContent noIds = withSubProjects(c, subs).withIndicators(rows);
        return new DeclarationContent(noIds.projectName(), noIds.projectType(), noIds.projectAttribute(),
                noIds.governmentProcurement(), noIds.governmentPurchasedService(), noIds.projectLeader(),
                noIds.contactPerson(), noIds.contactPhone(), noIds.competentDepartmentName(),
                noIds.competentDepartmentCode(), noIds.projectUnitName(), noIds.periodStart(), noIds.periodEnd(),
                noIds.texts(), noIds.priorYearFunds(), noIds.fundsRequest(), noIds.subProjects(),
                noIds.fundingSources(), noIds.indicators(), milestones, noIds.signOff());
    }
}
