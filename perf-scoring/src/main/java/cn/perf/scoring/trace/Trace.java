package cn.perf.scoring.trace;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a number is what it is: the rule applied, its inputs, the formula and the result, plus a sentence in
 * Chinese for the finance officer ({@link #text()}). Structured parts are there so a UI can render a table.
 *
 * @param ruleId  stable identifier of the rule (e.g. {@code SUZHOU_BAND_SHORT}), see {@link RuleIds}
 * @param inputs  named inputs in display order (Chinese labels → displayed values)
 * @param formula the formula with the inputs substituted, e.g. {@code 6 × (1 − 7.0 × 5%) = 3.90}
 * @param result  the resulting number (already rounded where the rule rounds), may be {@code null} when the rule
 *                produced no number (e.g. left to the reviewer)
 * @param text    the full explanation in Chinese
 * @param notes   additional remarks (assumptions the rule made, rules not named in the regime text …)
 */
public record Trace(String ruleId, Map<String, String> inputs, String formula, BigDecimal result, String text,
                    List<String> notes) {

    public Trace {
        Objects.requireNonNull(ruleId, "ruleId");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        formula = formula == null ? "" : formula;
        text = Objects.requireNonNull(text, "text");
        notes = List.copyOf(notes);
    }

    public static Trace of(String ruleId, Map<String, String> inputs, String formula, BigDecimal result, String text) {
        return new Trace(ruleId, inputs, formula, result, text, List.of());
    }

    /** A copy with one more note. */
    public Trace withNote(String note) {
        var all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new Trace(ruleId, inputs, formula, result, text, all);
    }

    /** The text followed by the notes, one sentence per note. */
    public String fullText() {
        if (notes.isEmpty()) {
            return text;
        }
        return text + "（" + String.join("；", notes) + "）";
    }
}
