package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What differs between two contents of a 申报表, field by field: the 目标调整 against the version it adjusts (the
 * reviewers' diff page), and a save against what was stored (the {@code declaration.revised} event). Top-level
 * fields are compared by value; rows are matched by what names them (子项目 by name, 资金来源 by kind, 指标 by
 * term, category and name, 实施进度 by position) and reported added, removed or changed.
 *
 * @param rows in form order
 */
public record DeclarationDiff(List<Row> rows) {

    /** How a row differs. */
    public enum Change { CHANGED, ADDED, REMOVED }

    /**
     * One difference.
     *
     * @param field  the field's name, as the form names it ({@code projectName}, {@code targetText}, …): the page
     *               labels it with the message {@code field.<field>}
     * @param item   the row it belongs to (子项目 name, indicator name, …), null for a top-level field
     * @param before the value in the earlier version (null: none)
     * @param after  the value in the later version (null: none)
     */
    public record Row(String field, String item, String before, String after, Change change) {
    }

    public DeclarationDiff {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The differences of {@code after} from {@code before}. */
    public static DeclarationDiff between(DeclarationContent before, DeclarationContent after) {
        List<Row> out = new ArrayList<>();
        field(out, "projectName", before, after, DeclarationContent::projectName);
        field(out, "projectType", before, after, DeclarationContent::projectType);
        field(out, "projectAttribute", before, after, DeclarationContent::projectAttribute);
        field(out, "governmentProcurement", before, after, DeclarationContent::governmentProcurement);
        field(out, "governmentPurchasedService", before, after, DeclarationContent::governmentPurchasedService);
        field(out, "projectLeader", before, after, DeclarationContent::projectLeader);
        field(out, "contactPerson", before, after, DeclarationContent::contactPerson);
        field(out, "contactPhone", before, after, DeclarationContent::contactPhone);
        field(out, "competentDepartmentName", before, after, DeclarationContent::competentDepartmentName);
        field(out, "competentDepartmentCode", before, after, DeclarationContent::competentDepartmentCode);
        field(out, "projectUnitName", before, after, DeclarationContent::projectUnitName);
        field(out, "periodStart", before, after, DeclarationContent::periodStart);
        field(out, "periodEnd", before, after, DeclarationContent::periodEnd);
        field(out, "overview", before, after, c -> c.texts().overview());
        field(out, "establishmentBasis", before, after, c -> c.texts().establishmentBasis());
        field(out, "necessity", before, after, c -> c.texts().necessity());
        field(out, "safeguards", before, after, c -> c.texts().safeguards());
        field(out, "implementationPlan", before, after, c -> c.texts().implementationPlan());
        field(out, "overallGoal", before, after, c -> c.texts().overallGoal());
        field(out, "annualGoal", before, after, c -> c.texts().annualGoal());
        field(out, "otherIssues", before, after, c -> c.texts().otherIssues());
        field(out, "unitFunctions", before, after, c -> c.texts().unitFunctions());
        field(out, "feasibility", before, after, c -> c.texts().feasibility());
        field(out, "departmentOpinion", before, after, c -> c.texts().departmentOpinion());
        field(out, "priorBudgeted", before, after, c -> c.priorYearFunds().budgeted());
        field(out, "priorAllocated", before, after, c -> c.priorYearFunds().allocated());
        field(out, "priorSpent", before, after, c -> c.priorYearFunds().spent());
        field(out, "requestTotal", before, after, c -> c.fundsRequest().total());
        field(out, "requestAppropriation", before, after, c -> c.fundsRequest().fiscalAppropriation());
        field(out, "requestServiceRevenue", before, after, c -> c.fundsRequest().serviceRevenue());
        field(out, "requestBusinessRevenue", before, after, c -> c.fundsRequest().businessRevenue());
        field(out, "requestOtherRevenue", before, after, c -> c.fundsRequest().otherRevenue());
        field(out, "signUnitLeader", before, after, c -> c.signOff().unitLeader());
        field(out, "signPreparer", before, after, c -> c.signOff().preparer());
        field(out, "signFiledOn", before, after, c -> c.signOff().filedOn());

        rows(out, "subProjectName", index(before.subProjects(), s -> s.name().strip()),
                index(after.subProjects(), s -> s.name().strip()), s -> s.name().strip(),
                List.of(new Column<>("subProjectAmount", DeclarationContent.SubProjectRow::amount)));
        rows(out, "fundingSource", index(before.fundingSources(), f -> f.kind().name()),
                index(after.fundingSources(), f -> f.kind().name()), f -> f.kind().label(),
                List.of(new Column<>("totalInvestment", DeclarationContent.FundingRow::totalInvestment),
                        new Column<>("priorYear", DeclarationContent.FundingRow::priorYear),
                        new Column<>("currentYear", DeclarationContent.FundingRow::currentYear)));
        Map<String, String> beforeNames = subProjectNames(before);
        Map<String, String> afterNames = subProjectNames(after);
        rows(out, "indicatorName", index(before.indicators(), DeclarationDiff::indicatorKey),
                index(after.indicators(), DeclarationDiff::indicatorKey), DeclarationContent.IndicatorRow::name,
                List.of(new Column<>("subCategory", DeclarationContent.IndicatorRow::subCategory),
                        new Column<>("targetText", DeclarationContent.IndicatorRow::targetText),
                        new Column<>("measureUnit", DeclarationContent.IndicatorRow::measureUnit),
                        new Column<>("explanation", DeclarationContent.IndicatorRow::explanation),
                        new Column<>("targetBasis", DeclarationContent.IndicatorRow::targetBasis),
                        new Column<>("weight", DeclarationContent.IndicatorRow::weight)),
                beforeNames, afterNames);
        Map<String, DeclarationContent.MilestoneRow> bm = new LinkedHashMap<>();
        Map<String, DeclarationContent.MilestoneRow> am = new LinkedHashMap<>();
        for (int i = 0; i < before.milestones().size(); i++) {
            bm.put(String.valueOf(i + 1), before.milestones().get(i));
        }
        for (int i = 0; i < after.milestones().size(); i++) {
            am.put(String.valueOf(i + 1), after.milestones().get(i));
        }
        rows(out, "milestoneContent", bm, am, DeclarationContent.MilestoneRow::content,
                List.of(new Column<>("milestoneContent", DeclarationContent.MilestoneRow::content),
                        new Column<>("milestoneStart", DeclarationContent.MilestoneRow::startOn),
                        new Column<>("milestoneEnd", DeclarationContent.MilestoneRow::endOn)));
        return new DeclarationDiff(out);
    }

    /**
     * As details of an event: {@code before.<field>}/{@code after.<field>} of each changed top-level field (rows:
     * {@code <field>[<item>]}), and {@code rows} summing up the row changes (e.g. {@code 新增 2 行，删除 1 行，修改 3 处}).
     */
    public Map<String, String> asDetails() {
        Map<String, String> out = new LinkedHashMap<>();
        int added = 0;
        int removed = 0;
        int changed = 0;
        for (Row r : rows) {
            if (r.item() == null) {
                out.put("before." + r.field(), Objects.toString(r.before(), ""));
                out.put("after." + r.field(), Objects.toString(r.after(), ""));
                continue;
            }
            switch (r.change()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
            }
            String key = r.field() + "[" + r.item() + "]";
            out.put("before." + key, Objects.toString(r.before(), ""));
            out.put("after." + key, Objects.toString(r.after(), ""));
        }
        if (added + removed + changed > 0) {
            out.put("rows", "新增 " + added + " 行，删除 " + removed + " 行，修改 " + changed + " 处");
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private record Column<T>(String field, Function<T, Object> value) {
    }

    private static void field(List<Row> out, String name, DeclarationContent before, DeclarationContent after,
                              Function<DeclarationContent, Object> value) {
        String b = text(value.apply(before));
        String a = text(value.apply(after));
        if (!Objects.equals(b, a)) {
            out.add(new Row(name, null, b, a, b == null ? Change.ADDED : a == null ? Change.REMOVED : Change.CHANGED));
        }
    }

    private static <T> void rows(List<Row> out, String nameField, Map<String, T> before, Map<String, T> after,
                                 Function<T, String> label, List<Column<T>> columns) {
        rows(out, nameField, before, after, label, columns, Map.of(), Map.of());
    }

    private static <T> void rows(List<Row> out, String nameField, Map<String, T> before, Map<String, T> after,
                                 Function<T, String> label, List<Column<T>> columns,
                                 Map<String, String> beforeSubProjects, Map<String, String> afterSubProjects) {
        for (Map.Entry<String, T> e : before.entrySet()) {
            T a = after.get(e.getKey());
            String item = label.apply(e.getValue());
            if (a == null) {
                out.add(new Row(nameField, item, summary(e.getValue(), columns), null, Change.REMOVED));
                continue;
            }
            for (Column<T> c : columns) {
                String bv = text(c.value().apply(e.getValue()));
                String av = text(c.value().apply(a));
                if (!Objects.equals(bv, av)) {
                    out.add(new Row(c.field(), item, bv, av, Change.CHANGED));
                }
            }
            if (e.getValue() instanceof DeclarationContent.IndicatorRow bi
                    && a instanceof DeclarationContent.IndicatorRow ai) {
                String bs = String.join("、", bi.subProjectKeys().stream().map(k -> beforeSubProjects.getOrDefault(k, k))
                        .toList());
                String as = String.join("、", ai.subProjectKeys().stream().map(k -> afterSubProjects.getOrDefault(k, k))
                        .toList());
                if (!bs.equals(as)) {
                    out.add(new Row("subProjects", item, blank(bs), blank(as), Change.CHANGED));
                }
            }
        }
        for (Map.Entry<String, T> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                out.add(new Row(nameField, label.apply(e.getValue()), null, summary(e.getValue(), columns),
                        Change.ADDED));
            }
        }
    }

    private static <T> String summary(T row, List<Column<T>> columns) {
        List<String> parts = new ArrayList<>();
        for (Column<T> c : columns) {
            String v = text(c.value().apply(row));
            if (v != null) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T r : rows) {
            String k = key.apply(r);
            while (out.containsKey(k)) {
                k = k + "'";
            }
            out.put(k, r);
        }
        return out;
    }

    private static String indicatorKey(DeclarationContent.IndicatorRow i) {
        return i.term() + "|" + Objects.toString(i.category(), "") + "|" + Objects.toString(i.name(), "").strip();
    }

    private static Map<String, String> subProjectNames(DeclarationContent c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.subProjects().forEach(s -> out.put(s.key(), s.name()));
        return out;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money m) {
            return m.display();
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return blank(value.toString().replace("\r\n", "\n").strip());
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
