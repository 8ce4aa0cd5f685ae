package cn.perf.domain.shared;

import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A 目标值 / 指标值 / 实际完成值 as filed: the {@linkplain #originalText() original text}, never lost, plus the form
 * the {@link TargetValueParser} of perf-scoring reads from it (DESIGN.md §3.4):
 * <ul>
 *   <li>{@link Kind#QUANTITATIVE 定量}: {@link #operator()} + {@link #number()} (+ {@link #magnitude()} 万/亿)
 *       + {@link #unit()}, and an explicit {@link #direction()} that defaults from the operator and may be
 *       confirmed or changed by the filer ({@link #withDirection(Direction)});</li>
 *   <li>{@link Kind#QUALITATIVE 定性}: the text (健全, 合规, 每月一次 …);</li>
 *   <li>{@link Kind#UNPARSED 无法识别}: empty text, placeholders ({@code * - / _}), ranges, malformed numbers —
 *       with the Chinese {@link #parseError() reason}. Nothing is guessed.</li>
 * </ul>
 * Immutable. Stored as an {@code @Embeddable}; the default column names are {@code value_*}. An entity that holds
 * two of them overrides the names, e.g.
 * <pre>
 * &#64;Embedded
 * &#64;AttributeOverride(name = "originalText", column = &#64;Column(name = "actual_text"))
 * &#64;AttributeOverride(name = "kind", column = &#64;Column(name = "actual_kind"))
 * … (operator, number, magnitude, unit, direction, directionConfirmed, parseError)
 * private IndicatorValue actual;
 * </pre>
 * Column types: text, varchar(16) ×2, numeric(24,6), varchar(8), varchar(16), varchar(24), boolean, varchar(500).
 */
@Embeddable
public class IndicatorValue {

    /** What the text was read as. */
    public enum Kind {
        /** 定量 */
        QUANTITATIVE("定量"),
        /** 定性 */
        QUALITATIVE("定性"),
        /** 无法识别 (or not filled) */
        UNPARSED("无法识别");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** numeric(24,6): at most 18 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000000");
    private static final TargetValueParser PARSER = new TargetValueParser();

    @Column(name = "value_text", nullable = false, columnDefinition = "text")
    private String originalText;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_kind", nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_operator", length = 16)
    private Operator operator;

    @Column(name = "value_number", precision = 24, scale = 6)
    private BigDecimal number;

    @Column(name = "value_magnitude", length = 8)
    private String magnitude;

    @Column(name = "value_unit", length = 16)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_direction", length = 24)
    private Direction direction;

    @Column(name = "value_direction_confirmed", nullable = false)
    private boolean directionConfirmed;

    @Column(name = "value_parse_error", length = 500)
    private String parseError;

    protected IndicatorValue() {
        // for JPA
    }

    private IndicatorValue(String originalText, Kind kind, Operator operator, BigDecimal number, String magnitude,
                           String unit, Direction direction, boolean directionConfirmed, String parseError) {
        this.originalText = originalText;
        this.kind = kind;
        this.operator = operator;
        this.number = number;
        this.magnitude = magnitude;
        this.unit = unit;
        this.direction = direction;
        this.directionConfirmed = directionConfirmed;
        this.parseError = parseError;
    }

    /**
     * Reads a value exactly as filed. Never throws for odd text: what cannot be read is kept with the reason
     * ({@link #parseError()}). Only {@code null} is refused.
     */
    public static IndicatorValue of(String originalText) {
        if (originalText == null) {
            throw new IllegalArgumentException("指标值不能为 null（未填写请用空字符串）");
        }
        ParseResult result = PARSER.parse(originalText);
        if (result instanceof ParseResult.Parsed parsed) {
            TargetValue value = parsed.parsed();
            if (value instanceof TargetValue.Quantitative q && q.isApproximate()) {
                // 约35个 / 35个左右 / 近35个: an approximate number is never stored as an exact one; it is kept as 定性
                // text (as prose that mentions a number), and the scorer reports it (TARGET_/ACTUAL_APPROXIMATE)
                return new IndicatorValue(originalText, Kind.QUALITATIVE, null, null, null, null, null, false, null);
            }
            if (value instanceof TargetValue.Quantitative q) {
                if (q.number().abs().compareTo(LIMIT) >= 0 || q.number().scale() > 6) {
                    return unparsed(originalText, "数值“" + q.number().toPlainString() + "”超出可保存的范围（最多 18 位整数、6 位小数）");
                }
                // at the column's six decimals, as PostgreSQL gives it back: a value as written equals it read again
                return new IndicatorValue(originalText, Kind.QUANTITATIVE, q.operator(),
                        q.number().setScale(6, RoundingMode.UNNECESSARY), q.magnitude(), q.unit(),
                        q.operator().defaultDirection(), false, null);
            }
            return new IndicatorValue(originalText, Kind.QUALITATIVE, null, null, null, null, null, false, null);
        }
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        return unparsed(originalText, rejected.reason());
    }

    private static IndicatorValue unparsed(String originalText, String reason) {
        return new IndicatorValue(originalText, Kind.UNPARSED, null, null, null, null, null, false,
                reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    /**
     * The same value with a direction the filer confirmed (e.g. {@code 业务系统投诉率 =5%} is lower-is-better).
     *
     * @throws IllegalStateException for a qualitative or unreadable value: only 定量 values have a direction
     */
    public IndicatorValue withDirection(Direction confirmed) {
        Objects.requireNonNull(confirmed, "direction");
        if (kind != Kind.QUANTITATIVE) {
            throw new IllegalStateException("只有定量指标值才有方向（越高越好/越低越好）：" + originalText);
        }
        return new IndicatorValue(originalText, kind, operator, number, magnitude, unit, confirmed, true, null);
    }

    /** The text exactly as filed. */
    public String originalText() {
        return originalText;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isQuantitative() {
        return kind == Kind.QUANTITATIVE;
    }

    public boolean isQualitative() {
        return kind == Kind.QUALITATIVE;
    }

    /** True for 定量 and 定性 values; false for empty text, placeholders and unreadable text. */
    public boolean isReadable() {
        return kind != Kind.UNPARSED;
    }

    /** Empty text or only blanks: nothing was filed. */
    public boolean isBlank() {
        return originalText.isBlank();
    }

    /** The comparison of a 定量 value ({@link Operator#UNSPECIFIED} when none is written); null otherwise. */
    public Operator operator() {
        return operator;
    }

    /** The number as written (805, 2690000, 3.5), without its magnitude; null unless 定量. */
    public BigDecimal number() {
        return number;
    }

    /** "万", "亿" or "" for 定量 values; null otherwise. */
    public String magnitude() {
        return magnitude;
    }

    /** The unit after the number and magnitude ("%", "个", "元", "" when none); null unless 定量. */
    public String unit() {
        return unit;
    }

    /** Magnitude and unit together as written after the number ("万元", "万", "%"); null unless 定量. */
    public String unitText() {
        return kind == Kind.QUANTITATIVE ? nullToEmpty(magnitude) + nullToEmpty(unit) : null;
    }

    /** The number times its magnitude (<700万 → 7000000); null unless 定量. */
    public BigDecimal scaledNumber() {
        if (kind != Kind.QUANTITATIVE) {
            return null;
        }
        return switch (nullToEmpty(magnitude)) {
            case "万" -> number.multiply(BigDecimal.valueOf(10_000));
            case "亿" -> number.multiply(BigDecimal.valueOf(100_000_000));
            default -> number;
        };
    }

    /** Which way is better; defaulted from the operator, null unless 定量. */
    public Direction direction() {
        return direction;
    }

    /** Whether the filer confirmed or set the direction (rather than the operator's default). */
    public boolean directionConfirmed() {
        return directionConfirmed;
    }

    /** Why the text is not a value (Chinese); null when it is one. */
    public Optional<String> parseError() {
        return Optional.ofNullable(parseError);
    }

    /** The perf-scoring view of this value (re-read from the original text; the stored direction is kept here). */
    public ParseResult toParseResult() {
        return PARSER.parse(originalText);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorValue v && originalText.equals(v.originalText) && direction == v.direction
                && directionConfirmed == v.directionConfirmed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(originalText, direction, directionConfirmed);
    }

    /** The original text. */
    @Override
    public String toString() {
        return originalText;
    }
}
