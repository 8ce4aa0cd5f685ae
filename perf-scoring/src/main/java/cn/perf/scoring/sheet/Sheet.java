package cn.perf.scoring.sheet;

import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.funds.CityBudgetExecution;
import cn.perf.scoring.funds.CityFundsUse;
import cn.perf.scoring.funds.NationalFunds;
import cn.perf.scoring.funds.SubProjects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A self-evaluation sheet (绩效自评表) as filed: the input of {@link SheetScorer}. Immutable.
 *
 * <pre>{@code
 * Sheet sheet = Sheet.builder("电子政务项目建设资金", "SUZHOU_2017")
 *         .category("投入", "26").category("产出", "24").category("结果", "22").category("影响力", "8")
 *         .row(IndicatorRow.of("投入", "预算执行率", "=100%", "6", "=93%", "6"))
 *         .cityBudget(new CityBudgetExecution(...)).cityFundsUse(new CityFundsUse(...))
 *         .recordedTotal("80")
 *         .build();
 * SheetResult result = new SheetScorer(ScoringRegimes.SUZHOU_2017).score(sheet);
 * }</pre>
 *
 * @param title          项目名称 (for reports)
 * @param regimeId       the regime the template belongs to (informational: the scorer takes a regime value)
 * @param categories     categories with points, in order; empty → the regime's defaults
 * @param rows           indicator rows in form order
 * @param libraryWeights weights from the common-indicator library by indicator name (Suzhou 投入 rows), used for
 *                       rows without a weight
 * @param cityBudget     Suzhou 市级预算执行情况, or {@code null}
 * @param cityFundsUse   Suzhou 市级财政资金使用情况, or {@code null}
 * @param budgetExecution national 全年预算数/全年执行数, or {@code null}
 * @param subProjects    项目资金构成, or {@code null}
 * @param recordedTotal  合计 as filed, or {@code null}
 * @param nationalFunds  national 项目资金 (all four rows, checked column by column), or {@code null}
 */
public record Sheet(String title, String regimeId, List<Category> categories, List<IndicatorRow> rows,
                    Map<String, BigDecimal> libraryWeights, CityBudgetExecution cityBudget, CityFundsUse cityFundsUse,
                    BudgetExecution budgetExecution, SubProjects subProjects, BigDecimal recordedTotal,
                    NationalFunds nationalFunds) {

    public Sheet {
        title = title == null ? "" : title;
        regimeId = regimeId == null ? "" : regimeId;
        categories = List.copyOf(categories);
        rows = List.copyOf(rows);
        libraryWeights = Map.copyOf(libraryWeights);
    }

    /** A sheet without the national 项目资金 rows (the form before they were mapped). */
    public Sheet(String title, String regimeId, List<Category> categories, List<IndicatorRow> rows,
                 Map<String, BigDecimal> libraryWeights, CityBudgetExecution cityBudget, CityFundsUse cityFundsUse,
                 BudgetExecution budgetExecution, SubProjects subProjects, BigDecimal recordedTotal) {
        this(title, regimeId, categories, rows, libraryWeights, cityBudget, cityFundsUse, budgetExecution, subProjects,
                recordedTotal, null);
    }

    public static Builder builder(String title, String regimeId) {
        return new Builder(title, regimeId);
    }

    /** A copy with other rows (what-if on inputs; benchmarks). */
    public Sheet withRows(List<IndicatorRow> newRows) {
        return new Sheet(title, regimeId, categories, newRows, libraryWeights, cityBudget, cityFundsUse,
                budgetExecution, subProjects, recordedTotal, nationalFunds);
    }

    /** Fluent builder. */
    public static final class Builder {
        private final String title;
        private final String regimeId;
        private final List<Category> categories = new ArrayList<>();
        private final List<IndicatorRow> rows = new ArrayList<>();
        private final Map<String, BigDecimal> libraryWeights = new LinkedHashMap<>();
        private CityBudgetExecution cityBudget;
        private CityFundsUse cityFundsUse;
        private BudgetExecution budgetExecution;
        private SubProjects subProjects;
        private BigDecimal recordedTotal;
        private NationalFunds nationalFunds;

        private Builder(String title, String regimeId) {
            this.title = title;
            this.regimeId = regimeId;
        }

        public Builder category(String name, String points) { categories.add(Category.of(name, points)); return this; }
        public Builder category(Category c) { categories.add(Objects.requireNonNull(c)); return this; }
        public Builder row(IndicatorRow r) { rows.add(Objects.requireNonNull(r)); return this; }
        public Builder rows(List<IndicatorRow> rs) { rows.addAll(rs); return this; }
        public Builder libraryWeight(String indicator, String weight) { libraryWeights.put(indicator, new BigDecimal(weight)); return this; }
        public Builder libraryWeights(Map<String, BigDecimal> ws) { libraryWeights.putAll(ws); return this; }
        public Builder cityBudget(CityBudgetExecution v) { this.cityBudget = v; return this; }
        public Builder cityFundsUse(CityFundsUse v) { this.cityFundsUse = v; return this; }
        public Builder budgetExecution(BudgetExecution v) { this.budgetExecution = v; return this; }
        public Builder subProjects(SubProjects v) { this.subProjects = v; return this; }
        public Builder nationalFunds(NationalFunds v) { this.nationalFunds = v; return this; }
        public Builder recordedTotal(String v) { this.recordedTotal = v == null ? null : new BigDecimal(v); return this; }
        public Builder recordedTotal(BigDecimal v) { this.recordedTotal = v; return this; }

        public Sheet build() {
            return new Sheet(title, regimeId, categories, rows, libraryWeights, cityBudget, cityFundsUse,
                    budgetExecution, subProjects, recordedTotal, nationalFunds);
        }
    }
}
