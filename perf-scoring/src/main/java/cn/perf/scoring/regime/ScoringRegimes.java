package cn.perf.scoring.regime;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in regimes and a way to build a provincial variant from key/value parameters without code.
 *
 * <h2>Keys</h2>
 * <table>
 *   <caption>Regime parameters</caption>
 *   <tr><th>key</th><th>example</th><th>meaning</th></tr>
 *   <tr><td>regime.base</td><td>NATIONAL_2020</td><td>start from a built-in; every other key then overrides it.
 *       Without a base every key below (except notes) is required.</td></tr>
 *   <tr><td>regime.id / regime.name</td><td>JIANGSU_2022 / 江苏省2022版</td><td>identity</td></tr>
 *   <tr><td>categories</td><td>投入:26:BAND,产出:24:BAND,结果:22:THRESHOLD,影响力:8:THRESHOLD</td>
 *       <td>name:points:method, in order; method BAND | THRESHOLD | PROPORTIONAL</td></tr>
 *   <tr><td>category.&lt;名称&gt;.note</td><td>…</td><td>text added to the trace of that category's rows</td></tr>
 *   <tr><td>defaultMethod</td><td>PROPORTIONAL | NONE</td><td>method for categories not listed (NONE: reject)</td></tr>
 *   <tr><td>totalPoints</td><td>100</td><td>category points + budget-execution points</td></tr>
 *   <tr><td>band.fullLowerPercent / band.fullUpperPercent</td><td>100 / 130</td><td>full-marks band</td></tr>
 *   <tr><td>band.shortDeductionPercentPerPoint</td><td>5</td><td>% of weight per point below</td></tr>
 *   <tr><td>band.overDeductionPercentPerPoint</td><td>1</td><td>% of weight per point above</td></tr>
 *   <tr><td>band.pointCounting</td><td>PROPORTIONAL | WHOLE_POINTS</td><td>fractional points</td></tr>
 *   <tr><td>lowerIsBetter</td><td>INVERSE_RATIO | LINEAR_TO_DOUBLE</td><td>missed ≤ targets</td></tr>
 *   <tr><td>zeroEqualityTarget</td><td>EXACT | AS_DIRECTION</td><td>{@code =0} targets</td></tr>
 *   <tr><td>qualitative.mode</td><td>GRADES | TIERS</td><td>multipliers or bands</td></tr>
 *   <tr><td>qualitative.grades</td><td>好:100,较好:80,一般:60,较差:40,差:20</td><td>% of weight, best first</td></tr>
 *   <tr><td>qualitative.tiers</td><td>达成:80-100,部分达成:60-80,未达成:0-60</td><td>bands, best first</td></tr>
 *   <tr><td>qualitative.tierDefault</td><td>NONE | UPPER | LOWER</td><td>no score chosen in a tier</td></tr>
 *   <tr><td>grades</td><td>优:90,良:80,中:60,差:0</td><td>grade: lowest score rate in %</td></tr>
 *   <tr><td>budgetExecution.points</td><td>10</td><td>0 = not scored separately</td></tr>
 *   <tr><td>overAchievement.flagPercent</td><td>120 (empty = never)</td><td>over-achievement flag</td></tr>
 *   <tr><td>rounding.scale</td><td>2</td><td>decimals; the mode is always HALF_UP</td></tr>
 * </table>
 * Bad keys or values raise {@link IllegalArgumentException} with a Chinese message naming the key: a deployment
 * error should stop start-up, not score with a half-read regime.
 */
public final class ScoringRegimes {

    private ScoringRegimes() {
    }

    /** Suzhou 2017 (填表说明 of seed 002). */
    public static final ScoringRegime SUZHOU_2017 = new ScoringRegime(
            "SUZHOU_2017", "苏州市级财政支出项目绩效自评（2017版填表说明）",
            List.of(new CategoryRule("投入", bd("26"), ScoringMethod.BAND, "投入类除指标解释中有特别说明的以外，评分规则同产出类"),
                    new CategoryRule("产出", bd("24"), ScoringMethod.BAND, ""),
                    new CategoryRule("结果", bd("22"), ScoringMethod.THRESHOLD, ""),
                    new CategoryRule("影响力", bd("8"), ScoringMethod.THRESHOLD,
                            "填表说明未列明影响力类评分规则：定量指标按结果类规则评分，定性指标按等级评分")),
            Optional.empty(), bd("80"),
            new BandParameters(bd("100"), bd("130"), bd("5"), bd("1"), BandParameters.PointCounting.PROPORTIONAL),
            ScoringRegime.LowerIsBetterRule.INVERSE_RATIO, ScoringRegime.ZeroEqualityRule.EXACT,
            new QualitativeScheme(QualitativeScheme.Mode.GRADES,
                    List.of(grade("好", "100"), grade("较好", "80"), grade("一般", "60"), grade("较差", "40"), grade("差", "20")),
                    List.of(), QualitativeScheme.TierDefault.NONE),
            standardGrades(), BigDecimal.ZERO, Optional.of(bd("130")), 2);

    /** National 财预〔2020〕10号 as national systems implement it. */
    public static final ScoringRegime NATIONAL_2020 = new ScoringRegime(
            "NATIONAL_2020", "财预〔2020〕10号 项目支出绩效自评",
            List.of(new CategoryRule("产出", bd("50"), ScoringMethod.PROPORTIONAL, ""),
                    new CategoryRule("效益", bd("30"), ScoringMethod.PROPORTIONAL, ""),
                    new CategoryRule("满意度", bd("10"), ScoringMethod.PROPORTIONAL, "")),
            Optional.of(ScoringMethod.PROPORTIONAL), bd("100"),
            new BandParameters(bd("100"), bd("100"), bd("0"), bd("0"), BandParameters.PointCounting.PROPORTIONAL),
            ScoringRegime.LowerIsBetterRule.LINEAR_TO_DOUBLE, ScoringRegime.ZeroEqualityRule.EXACT,
            new QualitativeScheme(QualitativeScheme.Mode.TIERS, List.of(),
                    List.of(new QualitativeScheme.Tier("达成", bd("80"), bd("100")),
                            new QualitativeScheme.Tier("部分达成", bd("60"), bd("80")),
                            new QualitativeScheme.Tier("未达成", bd("0"), bd("60"))),
                    QualitativeScheme.TierDefault.NONE),
            standardGrades(), bd("10"), Optional.of(bd("120")), 2);

    /** The built-ins by id. */
    public static Optional<ScoringRegime> builtIn(String id) {
        return switch (id) {
            case "SUZHOU_2017" -> Optional.of(SUZHOU_2017);
            case "NATIONAL_2020" -> Optional.of(NATIONAL_2020);
            default -> Optional.empty();
        };
    }

    /** Reads a UTF-8 (or any) properties reader and builds the regime; see the class comment for keys. */
    public static ScoringRegime fromProperties(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return fromProperties(p);
    }

    /** Builds a regime from properties; see the class comment for keys. */
    public static ScoringRegime fromProperties(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : properties.stringPropertyNames()) {
            map.put(k, properties.getProperty(k));
        }
        return fromMap(map);
    }

    /** Builds a regime from key/value parameters; see the class comment for keys. */
    public static ScoringRegime fromMap(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>();
        String base = trimmed(parameters.get("regime.base"));
        if (base != null) {
            ScoringRegime b = builtIn(base).orElseThrow(() -> new IllegalArgumentException(
                    "参数 regime.base 的值“" + base + "”不是内置规则（SUZHOU_2017、NATIONAL_2020）"));
            all.putAll(toMap(b));
        }
        Set<String> known = new HashSet<>(toMap(SUZHOU_2017).keySet());
        known.addAll(toMap(NATIONAL_2020).keySet());
        known.add("regime.base");
        for (var e : parameters.entrySet()) {
            String k = e.getKey();
            if (!known.contains(k) && !(k.startsWith("category.") && k.endsWith(".note"))) {
                throw new IllegalArgumentException("未知的评分规则参数：" + k);
            }
            if (!k.equals("regime.base")) {
                all.put(k, e.getValue() == null ? "" : e.getValue().trim());
            }
        }
        return parse(all);
    }

    /** The regime as key/value parameters (round-trips through {@link #fromMap}). */
    public static Map<String, String> toMap(ScoringRegime r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("regime.id", r.id());
        m.put("regime.name", r.name());
        m.put("categories", r.categories().stream()
                .map(c -> c.name() + ":" + plain(c.points()) + ":" + c.method()).collect(Collectors.joining(",")));
        for (CategoryRule c : r.categories()) {
            if (!c.note().isEmpty()) {
                m.put("category." + c.name() + ".note", c.note());
            }
        }
        m.put("defaultMethod", r.defaultMethod().map(Enum::name).orElse("NONE"));
        m.put("totalPoints", plain(r.totalPoints()));
        m.put("band.fullLowerPercent", plain(r.band().fullLowerPercent()));
        m.put("band.fullUpperPercent", plain(r.band().fullUpperPercent()));
        m.put("band.shortDeductionPercentPerPoint", plain(r.band().shortDeductionPercentPerPoint()));
        m.put("band.overDeductionPercentPerPoint", plain(r.band().overDeductionPercentPerPoint()));
        m.put("band.pointCounting", r.band().pointCounting().name());
        m.put("lowerIsBetter", r.lowerIsBetter().name());
        m.put("zeroEqualityTarget", r.zeroEqualityTarget().name());
        m.put("qualitative.mode", r.qualitative().mode().name());
        m.put("qualitative.grades", r.qualitative().grades().stream()
                .map(g -> g.name() + ":" + plain(g.percent())).collect(Collectors.joining(",")));
        m.put("qualitative.tiers", r.qualitative().tiers().stream()
                .map(t -> t.name() + ":" + plain(t.minPercent()) + "-" + plain(t.maxPercent()))
                .collect(Collectors.joining(",")));
        m.put("qualitative.tierDefault", r.qualitative().tierDefault().name());
        m.put("grades", r.grades().stream().map(g -> g.name() + ":" + plain(g.minPercent()))
                .collect(Collectors.joining(",")));
        m.put("budgetExecution.points", plain(r.budgetExecutionPoints()));
        m.put("overAchievement.flagPercent", r.overAchievementFlagPercent().map(ScoringRegimes::plain).orElse(""));
        m.put("rounding.scale", Integer.toString(r.scale()));
        return m;
    }

    private static ScoringRegime parse(Map<String, String> m) {
        List<CategoryRule> categories = new ArrayList<>();
        for (String item : list(m, "categories")) {
            String[] parts = item.split(":");
            if (parts.length != 3) {
                throw bad("categories", item, "应为 名称:分值:方法");
            }
            String name = parts[0].trim();
            categories.add(new CategoryRule(name, number("categories", parts[1]),
                    enumValue(ScoringMethod.class, "categories", parts[2]),
                    m.getOrDefault("category." + name + ".note", "")));
        }
        String dm = required(m, "defaultMethod");
        Optional<ScoringMethod> defaultMethod = dm.equalsIgnoreCase("NONE") ? Optional.empty()
                : Optional.of(enumValue(ScoringMethod.class, "defaultMethod", dm));
        BandParameters band = new BandParameters(number(m, "band.fullLowerPercent"), number(m, "band.fullUpperPercent"),
                number(m, "band.shortDeductionPercentPerPoint"), number(m, "band.overDeductionPercentPerPoint"),
                enumValue(BandParameters.PointCounting.class, "band.pointCounting", required(m, "band.pointCounting")));
        List<QualitativeScheme.Grade> qGrades = new ArrayList<>();
        for (String item : optionalList(m, "qualitative.grades")) {
            String[] p = pair("qualitative.grades", item);
            qGrades.add(new QualitativeScheme.Grade(p[0], number("qualitative.grades", p[1])));
        }
        List<QualitativeScheme.Tier> tiers = new ArrayList<>();
        for (String item : optionalList(m, "qualitative.tiers")) {
            String[] p = pair("qualitative.tiers", item);
            String[] range = p[1].split("-");
            if (range.length != 2) {
                throw bad("qualitative.tiers", item, "应为 名称:下限-上限");
            }
            tiers.add(new QualitativeScheme.Tier(p[0], number("qualitative.tiers", range[0]),
                    number("qualitative.tiers", range[1])));
        }
        QualitativeScheme qualitative = new QualitativeScheme(
                enumValue(QualitativeScheme.Mode.class, "qualitative.mode", required(m, "qualitative.mode")),
                qGrades, tiers,
                enumValue(QualitativeScheme.TierDefault.class, "qualitative.tierDefault", required(m, "qualitative.tierDefault")));
        List<GradeBand> grades = new ArrayList<>();
        for (String item : list(m, "grades")) {
            String[] p = pair("grades", item);
            grades.add(new GradeBand(p[0], number("grades", p[1])));
        }
        String flag = m.get("overAchievement.flagPercent");
        if (flag == null) {
            throw new IllegalArgumentException("缺少评分规则参数：overAchievement.flagPercent（可为空值表示不标记）");
        }
        int scale;
        try {
            scale = Integer.parseInt(required(m, "rounding.scale"));
        } catch (NumberFormatException e) {
            throw bad("rounding.scale", m.get("rounding.scale"), "应为整数");
        }
        return new ScoringRegime(required(m, "regime.id"), required(m, "regime.name"), categories, defaultMethod,
                number(m, "totalPoints"), band,
                enumValue(ScoringRegime.LowerIsBetterRule.class, "lowerIsBetter", required(m, "lowerIsBetter")),
                enumValue(ScoringRegime.ZeroEqualityRule.class, "zeroEqualityTarget", required(m, "zeroEqualityTarget")),
                qualitative, grades, number(m, "budgetExecution.points"),
                flag.isBlank() ? Optional.empty() : Optional.of(number("overAchievement.flagPercent", flag)), scale);
    }

    private static String required(Map<String, String> m, String key) {
        String v = trimmed(m.get(key));
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("缺少评分规则参数：" + key);
        }
        return v;
    }

    private static List<String> list(Map<String, String> m, String key) {
        return split(required(m, key));
    }

    private static List<String> optionalList(Map<String, String> m, String key) {
        String v = trimmed(m.get(key));
        return v == null || v.isEmpty() ? List.of() : split(v);
    }

    private static List<String> split(String v) {
        return java.util.Arrays.stream(v.split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String[] pair(String key, String item) {
        String[] p = item.split("[:：]");
        if (p.length != 2) {
            throw bad(key, item, "应为 名称:数值");
        }
        return new String[] {p[0].trim(), p[1].trim()};
    }

    private static BigDecimal number(Map<String, String> m, String key) {
        return number(key, required(m, key));
    }

    private static BigDecimal number(String key, String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw bad(key, value, "不是数值");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key, value, "可选值为 " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static IllegalArgumentException bad(String key, String value, String why) {
        return new IllegalArgumentException("评分规则参数 " + key + " 的值“" + value + "”无效：" + why);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static QualitativeScheme.Grade grade(String name, String percent) {
        return new QualitativeScheme.Grade(name, bd(percent));
    }

    private static List<GradeBand> standardGrades() {
        return List.of(new GradeBand("优", bd("90")), new GradeBand("良", bd("80")),
                new GradeBand("中", bd("60")), new GradeBand("差", bd("0")));
    }
}
