package cn.perf.scoring.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses 目标值 / 实际完成值 texts (DESIGN.md §3.4). Never throws for bad input and never guesses: a text is either
 * a {@link TargetValue} (quantitative or qualitative, always keeping the original) or a
 * {@link ParseResult.Rejected} with a Chinese reason.
 *
 * <h2>Grammar</h2>
 * <pre>
 *   value        := [prefix-op] number [magnitude] [unit] [suffix-op]      (定量)
 *                 | text without a leading digit or operator symbol        (定性)
 *   prefix-op    := = ≥ ≤ &gt; &lt;  (also ＝ ＞ ＜ ≧ ≦ &gt;= &lt;=)
 *                 | 不低于 不少于 不小于 至少 达到 大于等于 (≥) | 高于 大于 超过 多于 (&gt;)
 *                 | 不超过 不高于 不多于 不大于 至多 最多 小于等于 (≤) | 低于 小于 少于 不足 (&lt;) | 等于 (=)
 *   number       := digits [. digits] | d{1,3}(,ddd)+ [. digits]  (full-width digits accepted)
 *   magnitude    := 万 | 亿
 *   unit         := up to 4 characters, no digits or punctuation (%, 个, 台, 万元 → 万 + 元, 小时, 次/年 …)
 *   suffix-op    := 及其以上 及以上 或以上 以上 (≥) | 及其以下 及以下 或以下 以下 以内 (≤)
 * </pre>
 * 以上/以下/以内 include the number (民法典 第1259条). {@code =} followed by a suffix phrase takes the phrase
 * ({@code =15%及其以下} is ≤ 15%). A leading {@code =} before a word is dropped ({@code =好} is 好).
 *
 * <h2>Approximate values</h2>
 * A number qualified by an approximation word is parsed with {@link TargetValue.Quantitative#approximation()} set,
 * never as an exact value: prefixes {@value #APPROX_PREFIX_DOC}; suffixes {@value #APPROX_SUFFIX_DOC}
 * ({@code 约35个}, {@code 大约35个}, {@code 近35个}, {@code 35个左右}, {@code 35万元上下}). The words 超过/高于/不足/低于 are
 * comparison operators, not approximations ({@code 超过35个} is &gt; 35). 余/多 ({@code 35余个}) are not read as
 * approximations: they are rejected as "not a unit", so they are reported rather than guessed. An approximation
 * word combined with an operator ({@code ≥35个左右}) is rejected as contradictory. After an approximation word the
 * unit may have at most 3 characters, so prose such as {@code 近3年无事故} stays qualitative.
 *
 * <h2>Rejected</h2>
 * Empty text and placeholders ({@code * - / _ — －}); an operator with no number; several numbers (ranges such as
 * {@code 80%-90%}); malformed numbers; negative numbers; text after a number that is not a unit; contradictory
 * operators ({@code ≥90%以下}).
 *
 * <p>Prose that mentions a number without an operator, e.g. {@code 提供78个就业机会}, is qualitative
 * ({@link TargetValue.Qualitative#mentionsNumber()} is true) — reading it as ≥ 78 would be a guess.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TargetValueParser {

    private static final int MAX_UNIT_LENGTH = 4;
    /** A unit after an approximation word is at most 3 characters (个, 万元 → 万 + 元, 人次, 平方米). */
    private static final int MAX_APPROX_UNIT_LENGTH = 3;

    static final String APPROX_PREFIX_DOC = "大约 约为 约合 约 大概 将近 接近 近";
    static final String APPROX_SUFFIX_DOC = "左右 上下";

    /** Longest first, so 大约 is taken before 约 and 将近/接近 before 近. */
    private static final List<String> APPROX_PREFIXES = List.of("大约", "约为", "约合", "大概", "将近", "接近", "约", "近");
    private static final List<String> APPROX_SUFFIXES = List.of("左右", "上下");

    private static final List<Map.Entry<String, Operator>> PREFIX_PHRASES = List.of(
            Map.entry("大于或等于", Operator.GE), Map.entry("小于或等于", Operator.LE),
            Map.entry("大于等于", Operator.GE), Map.entry("小于等于", Operator.LE),
            Map.entry("不低于", Operator.GE), Map.entry("不少于", Operator.GE), Map.entry("不小于", Operator.GE),
            Map.entry("不超过", Operator.LE), Map.entry("不高于", Operator.LE), Map.entry("不多于", Operator.LE),
            Map.entry("不大于", Operator.LE), Map.entry("至少", Operator.GE), Map.entry("达到", Operator.GE),
            Map.entry("至多", Operator.LE), Map.entry("最多", Operator.LE),
            Map.entry("高于", Operator.GT), Map.entry("大于", Operator.GT), Map.entry("超过", Operator.GT),
            Map.entry("多于", Operator.GT), Map.entry("低于", Operator.LT), Map.entry("小于", Operator.LT),
            Map.entry("少于", Operator.LT), Map.entry("不足", Operator.LT), Map.entry("等于", Operator.EQ));

    private static final List<Map.Entry<String, Operator>> SUFFIX_PHRASES = List.of(
            Map.entry("及其以上", Operator.GE), Map.entry("及其以下", Operator.LE),
            Map.entry("及以上", Operator.GE), Map.entry("及以下", Operator.LE),
            Map.entry("或以上", Operator.GE), Map.entry("或以下", Operator.LE),
            Map.entry("以上", Operator.GE), Map.entry("以下", Operator.LE), Map.entry("以内", Operator.LE));

    private static final Pattern QUANTITATIVE = Pattern.compile(
            "^(?<pre>[=≥≤<>]|" + alternation(PREFIX_PHRASES) + ")?\\s*"
                    + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*"
                    + "(?<mag>万|亿)?\\s*"
                    + "(?<unit>[^\\s\\d,，.。;；、:：()（）\\[\\]【】=≥≤<>~～\\-+]*?)\\s*"
                    + "(?<suf>" + alternation(SUFFIX_PHRASES) + ")?$");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\\s*＊\\-－—–_＿/／\\\\]+$");
    private static final Pattern OPERATOR_SYMBOL = Pattern.compile("[=≥≤<>]");
    private static final Pattern NEGATIVE = Pattern.compile("^-\\s*\\d.*");
    private static final Pattern TWO_DECIMAL_POINTS = Pattern.compile(".*\\d+\\.\\d+\\..*");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * Results already read, by text. A result depends on the text alone and is immutable, so it is shared between
     * callers and threads; the live score reads the same targets and actual values on every keystroke.
     */
    private static final Map<String, ParseResult> MEMO = new ConcurrentHashMap<>();
    private static final int MEMO_MAX = 20_000;
    /** Longer texts (prose in a 定性 cell) are read each time rather than kept. */
    private static final int MEMO_TEXT_MAX = 120;

    public TargetValueParser() {
    }

    private static String alternation(List<Map.Entry<String, Operator>> phrases) {
        return String.join("|", phrases.stream().map(Map.Entry::getKey).toList());
    }

    /**
     * Parses one text.
     *
     * @param text the 目标值 or 实际完成值 as filed (may be {@code null})
     * @return the value, or the Chinese reason it is not one
     */
    public ParseResult parse(String text) {
        if (text == null || text.length() > MEMO_TEXT_MAX) {
            return read(text);
        }
        ParseResult known = MEMO.get(text);
        if (known != null) {
            return known;
        }
        ParseResult result = read(text);
        if (MEMO.size() >= MEMO_MAX) {
            MEMO.clear();   // a crude bound: the live score re-reads the same few hundred texts on every keystroke
        }
        MEMO.put(text, result);
        return result;
    }

    private ParseResult read(String text) {
        String original = text == null ? "" : text;
        String s = normalize(original);
        if (s.isEmpty()) {
            return new ParseResult.Rejected(original, "未填写（空白）", true);
        }
        if (PLACEHOLDER.matcher(s).matches()) {
            return new ParseResult.Rejected(original, "“" + s + "”是占位符，不是目标值或完成值", true);
        }
        if (NEGATIVE.matcher(s).matches()) {
            return new ParseResult.Rejected(original, "不支持负数“" + s + "”", false);
        }
        Matcher m = QUANTITATIVE.matcher(s);
        if (m.matches() && approximationIn(m.group("unit")) == null) {
            return quantitative(original, m);
        }
        ParseResult approx = approximate(original, s);
        if (approx != null) {
            return approx;
        }
        return notQuantitative(original, s);
    }

    /** The approximation suffix a unit group swallowed ("个左右" → 左右), or null. */
    private static String approximationIn(String unit) {
        if (unit == null) {
            return null;
        }
        for (String w : APPROX_SUFFIXES) {
            if (unit.endsWith(w)) {
                return w;
            }
        }
        return null;
    }

    /**
     * 约35个 / 35个左右 / 近35个: strips the approximation word; if the rest is a quantitative value, returns it marked
     * approximate. Returns null when the text is not an approximate number (e.g. 近三年, 接近国内先进水平).
     */
    private ParseResult approximate(String original, String s) {
        String word = null;
        String rest = s;
        for (String p : APPROX_PREFIXES) {
            if (s.startsWith(p) && s.length() > p.length()) {
                word = p;
                rest = s.substring(p.length()).trim();
                break;
            }
        }
        for (String w : APPROX_SUFFIXES) {
            if (rest.endsWith(w) && rest.length() > w.length()) {
                word = word == null ? w : word + "…" + w;
                rest = rest.substring(0, rest.length() - w.length()).trim();
                break;
            }
        }
        if (word == null || rest.isEmpty()) {
            return null;
        }
        Matcher m = QUANTITATIVE.matcher(rest);
        if (!m.matches() || m.group("unit").length() > MAX_APPROX_UNIT_LENGTH) {
            return null; // 近3年无事故 is prose, not "about 3 年无事故"
        }
        if (m.group("pre") != null || m.group("suf") != null) {
            return new ParseResult.Rejected(original,
                    "“" + word + "”表示约数，与比较词同时出现，无法确定含义", false);
        }
        ParseResult exact = quantitative(original, m);
        if (exact instanceof ParseResult.Parsed p && p.parsed() instanceof TargetValue.Quantitative q) {
            return new ParseResult.Parsed(new TargetValue.Quantitative(original, q.operator(), q.number(),
                    q.magnitude(), q.unit(), word));
        }
        return exact;
    }

    private ParseResult quantitative(String original, Matcher m) {
        String pre = m.group("pre");
        String suf = m.group("suf");
        String unit = m.group("unit");
        String mag = m.group("mag") == null ? "" : m.group("mag");
        Operator preOp = pre == null ? null : operatorOf(pre);
        Operator sufOp = suf == null ? null : lookup(SUFFIX_PHRASES, suf);
        for (var e : PREFIX_PHRASES) {
            if (unit.contains(e.getKey())) {
                return new ParseResult.Rejected(original, "单位“" + unit + "”中含有比较词“" + e.getKey() + "”，无法确定含义", false);
            }
        }
        for (var e : SUFFIX_PHRASES) {
            if (unit.contains(e.getKey())) {
                return new ParseResult.Rejected(original, "“" + e.getKey() + "”后还有文字，无法确定含义", false);
            }
        }
        if (unit.length() > MAX_UNIT_LENGTH) {
            return new ParseResult.Rejected(original,
                    "数值后的“" + unit + "”不像单位（单位最多" + MAX_UNIT_LENGTH + "个字），请把说明写在指标解释中", false);
        }
        if ((unit.startsWith("%") || unit.startsWith("‰")) && unit.length() > 1) {
            return new ParseResult.Rejected(original,
                    "“" + unit.charAt(0) + "”后的“" + unit.substring(1) + "”不是可识别的单位或比较词", false);
        }
        if (unit.startsWith("/") || unit.startsWith("／")) {
            return new ParseResult.Rejected(original, "数值后的“" + unit + "”不是可识别的单位", false);
        }
        Operator op;
        if (preOp == null && sufOp == null) {
            op = Operator.UNSPECIFIED;
        } else if (preOp == null) {
            op = sufOp;
        } else if (sufOp == null || preOp == sufOp || preOp == Operator.EQ) {
            op = sufOp == null ? preOp : sufOp;
        } else {
            return new ParseResult.Rejected(original,
                    "同时写有“" + pre + "”和“" + suf + "”，比较方向矛盾", false);
        }
        BigDecimal number = new BigDecimal(m.group("num").replace(",", ""));
        return new ParseResult.Parsed(new TargetValue.Quantitative(original, op, number, mag, unit));
    }

    private ParseResult notQuantitative(String original, String s) {
        List<String> numbers = new ArrayList<>();
        Matcher nm = NUMBER.matcher(s);
        while (nm.find()) {
            numbers.add(nm.group());
        }
        boolean symbol = OPERATOR_SYMBOL.matcher(s).find();
        boolean startsWithDigit = Character.isDigit(s.charAt(0));
        String prefixPhrase = PREFIX_PHRASES.stream().map(Map.Entry::getKey).filter(s::startsWith).findFirst().orElse(null);

        if (symbol || startsWithDigit || (prefixPhrase != null && !numbers.isEmpty())) {
            if (numbers.isEmpty()) {
                if (s.startsWith("=") && !OPERATOR_SYMBOL.matcher(s.substring(1)).find()) {
                    String word = s.substring(1).trim();
                    if (!word.isEmpty()) {
                        return new ParseResult.Parsed(new TargetValue.Qualitative(original, word, false));
                    }
                }
                return new ParseResult.Rejected(original, "运算符后缺少数值", false);
            }
            for (String n : numbers) {
                if (TWO_DECIMAL_POINTS.matcher(n).matches()) {
                    return new ParseResult.Rejected(original, "数值“" + n + "”格式不正确", false);
                }
                if (n.contains(",") && !THOUSANDS.matcher(n).matches()) {
                    return new ParseResult.Rejected(original, "数值“" + n + "”的千分位分隔符位置不正确", false);
                }
            }
            if (numbers.size() > 1) {
                return new ParseResult.Rejected(original,
                        "含有多个数值（" + String.join("、", numbers) + "），无法确定唯一的目标值；区间请拆成两个指标或写明上限/下限", false);
            }
            int end = s.indexOf(numbers.get(0)) + numbers.get(0).length();
            String rest = s.substring(end).trim();
            return new ParseResult.Rejected(original,
                    rest.isEmpty() ? "无法识别“" + s + "”的格式" : "数值后的“" + rest + "”不是可识别的单位或比较词", false);
        }
        return new ParseResult.Parsed(new TargetValue.Qualitative(original, s, !numbers.isEmpty()));
    }

    private static Operator operatorOf(String pre) {
        return switch (pre) {
            case "=" -> Operator.EQ;
            case "≥" -> Operator.GE;
            case "≤" -> Operator.LE;
            case ">" -> Operator.GT;
            case "<" -> Operator.LT;
            default -> lookup(PREFIX_PHRASES, pre);
        };
    }

    private static Operator lookup(List<Map.Entry<String, Operator>> phrases, String key) {
        for (var e : phrases) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("unknown phrase " + key);
    }

    /** Full-width to ASCII for digits and operators, ≧/≦ and &gt;=/&lt;= to ≥/≤, trimmed. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else {
                c = switch (c) {
                    case '＝' -> '=';
                    case '＞' -> '>';
                    case '＜' -> '<';
                    case '％' -> '%';
                    case '．' -> '.';
                    case '≧', '⩾' -> '≥';
                    case '≦', '⩽' -> '≤';
                    case '\u00A0', '\u3000' -> ' ';
                    default -> c;
                };
            }
            b.append(c);
        }
        String s = b.toString().trim();
        s = s.replace(">=", "≥").replace("<=", "≤").replace("=>", "≥").replace("=<", "≤");
        return s;
    }
}
