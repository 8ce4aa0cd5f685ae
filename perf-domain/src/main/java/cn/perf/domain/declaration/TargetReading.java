package cn.perf.domain.declaration;

import cn.perf.domain.shared.IndicatorValue;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import cn.perf.scoring.target.DirectionHint;
import java.util.Optional;

/**
 * How the server's parser reads a 目标值 as the filer types it, for the sentence beside the field
 * ("≥ 35 个，越高越好"), or why it cannot read it. An {@code =} (or bare) target asks the filer to confirm its
 * direction (DESIGN.md §3.4); so does one whose name or explanation suggests the other direction.
 *
 * @param kind           定量, 定性 or 无法识别 (empty text is {@code UNPARSED} with {@code blank} set)
 * @param blank          nothing typed yet
 * @param reading        the value as read: "≥ 35 个" for 定量, the text for 定性; null when unreadable
 * @param direction      the direction it will be scored in (the confirmed one, else the operator's default)
 * @param confirmed      whether the filer confirmed the direction
 * @param needsDirection whether the page should ask the filer to confirm the direction
 * @param hint           why another direction is suggested (e.g. 指标名称含“投诉率”), or null
 * @param error          why the text cannot be read (Chinese), or null
 */
public record TargetReading(IndicatorValue.Kind kind, boolean blank, String reading, Direction direction,
                            boolean confirmed, boolean needsDirection, String hint, String error) {

    /** Reads {@code text} for an indicator called {@code name} with {@code explanation}. */
    public static TargetReading of(String text, String name, String explanation, Direction confirmedDirection,
                                   DirectionAdvisor advisor) {
        IndicatorValue v = IndicatorValue.of(text == null ? "" : text);
        if (v.isBlank()) {
            return new TargetReading(v.kind(), true, null, null, false, false, null, null);
        }
        if (!v.isReadable()) {
            return new TargetReading(v.kind(), false, null, null, false, false, null, v.parseError().orElse(""));
        }
        if (!v.isQuantitative()) {
            return new TargetReading(v.kind(), false, v.originalText().strip(), null, false, false, null, null);
        }
        String symbol = v.operator().symbol().isEmpty() ? "=" : v.operator().symbol();
        String reading = symbol + " " + v.number().stripTrailingZeros().toPlainString()
                + (v.unitText().isEmpty() ? "" : " " + v.unitText());
        Optional<DirectionHint> hint = advisor.suggest(name, explanation);
        Direction effective = confirmedDirection != null ? confirmedDirection : v.direction();
        // only an = (or bare) target is ambiguous (DESIGN §3.4): ≥ / ≤ say which way is better themselves
        boolean hinted = v.operator().isEquality() && hint.isPresent() && hint.get().direction() != effective;
        boolean ask = confirmedDirection == null && (v.operator().isEquality() || hinted);
        return new TargetReading(v.kind(), false, reading, effective, confirmedDirection != null, ask,
                hinted ? hint.get().reason() : null, null);
    }
}
