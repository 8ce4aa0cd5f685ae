package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filed Suzhou 自评表 written as a sectioned UTF-8 text (the demo data under {@code demo/evaluation/}): {@code [节]}
 * starts a section, {@code 键=值} lines are fields, tab-separated lines are table rows, {@code #} starts a comment,
 * and the narrative sections (项目概况 …) take their lines verbatim. Every value is kept as printed.
 */
public record SuzhouFormText(String projectName, int year, String unitName, CityBudgetExecution cityBudgetExecution,
                             CityFundsUse cityFundsUse, List<SubProjectLine> subProjects, Money subProjectTotal,
                             List<CategoryLine> categories, List<Row> rows, BigDecimal recordedTotal,
                             Map<String, String> narratives) {

    /** The narrative sections, in printed order. */
    public static final List<String> NARRATIVES = List.of("项目概况", "项目总目标", "年度绩效目标", "项目实施情况", "项目管理成效",
            "项目管理存在的问题及原因", "进一步加强项目管理的建议");

    /** One printed indicator row. */
    public record Row(String category, String name, String target, BigDecimal weight, String actual,
                      BigDecimal recordedScore) {
    }

    public SuzhouFormText {
        subProjects = List.copyOf(subProjects);
        categories = List.copyOf(categories);
        rows = List.copyOf(rows);
        narratives = Map.copyOf(narratives);
    }

    public String narrative(String section) {
        return narratives.get(section);
    }

    /** Reads a classpath resource. */
    public static SuzhouFormText read(String resource) {
        try (InputStream in = SuzhouFormText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("找不到演示数据文件：" + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("读取演示数据文件失败：" + resource, e);
        }
    }

    static SuzhouFormText parse(String text) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        Map<String, StringBuilder> narratives = new LinkedHashMap<>();
        String section = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            if (section == null || line.startsWith("#")) {
                continue;
            }
            if (NARRATIVES.contains(section)) {
                narratives.computeIfAbsent(section, k -> new StringBuilder()).append(line).append('\n');
            } else if (line.contains("\t")) {
                tables.computeIfAbsent(section, k -> new ArrayList<>()).add(line.split("\t", -1));
            } else if (line.contains("=")) {
                int eq = line.indexOf('=');
                fields.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Map<String, String> head = required(fields, "表头");
        Map<String, String> budget = required(fields, "市级预算执行情况");
        Map<String, String> use = required(fields, "市级财政资金使用情况");
        CityBudgetExecution b = CityBudgetExecution.of(money(budget, "年初预算数"), money(budget, "当年使用上年结余、结转及当年调整预算数"),
                money(budget, "财政拨款数"), money(budget, "指标结余数"));
        CityFundsUse u = CityFundsUse.of(money(use, "财政拨款数"), money(use, "实际支付数"), money(use, "资金结余、结转数"),
                money(use, "结转数"), money(use, "财政收回数"));
        List<SubProjectLine> subs = tables.getOrDefault("项目资金构成", List.of()).stream()
                .map(r -> new SubProjectLine(r[0], Money.ofWan(r[1]))).toList();
        List<CategoryLine> cats = tables.getOrDefault("指标类别", List.of()).stream()
                .map(r -> new CategoryLine(r[0], new BigDecimal(r[1]))).toList();
        List<Row> rows = tables.getOrDefault("绩效指标", List.of()).stream()
                .map(r -> new Row(r[0], r[1], r[2], new BigDecimal(r[3]), r[4], new BigDecimal(r[5]))).toList();
        Map<String, String> texts = new LinkedHashMap<>();
        narratives.forEach((k, v) -> texts.put(k, v.toString().strip()));
        return new SuzhouFormText(head.get("项目名称"), Integer.parseInt(head.get("项目年份")),
                head.get("项目主管部门(单位)"), b, u, subs, money(required(fields, "项目资金构成"), "合计"), cats, rows,
                new BigDecimal(required(fields, "合计").get("合计")), texts);
    }

    private static Map<String, String> required(Map<String, Map<String, String>> fields, String section) {
        return Objects.requireNonNull(fields.get(section), "演示数据缺少“" + section + "”一节");
    }

    private static Money money(Map<String, String> fields, String key) {
        return Money.ofWan(Objects.requireNonNull(fields.get(key), "演示数据缺少“" + key + "”"));
    }
}
