package cn.perf.scoring.rule;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Maps the wordings national forms use for a qualitative 实际完成值 to the three tiers of NATIONAL_2020 (达成 /
 * 部分达成 / 未达成, by position: 0 = best). The whole text must match (a trailing 。 and spaces are ignored); anything
 * else is unknown and the row is left for the reviewer — a sentence is never guessed.
 *
 * <table>
 *   <caption>Wordings</caption>
 *   <tr><th>tier</th><th>wording (verb = 达成 | 达到 | 完成 | 实现; object = [预期|年度][指标|目标|指标值|目标值])</th></tr>
 *   <tr><td>0 达成</td><td>[已|全部|完全|均] verb [object] — 达成预期指标, 达到预期目标, 已完成, 全部完成, 实现年度目标;
 *       also 达标, 已达标, 符合预期, 达到预期效果</td></tr>
 *   <tr><td>1 部分达成</td><td>(部分|基本|大部分) verb [object] — 部分达成, 基本达成, 基本完成, 基本达到预期目标.
 *       Choice: 基本 ("basically") means "not fully", so it is 部分达成, not 达成; the filer's score must then lie in
 *       [60%, 80%) of the weight, and a reviewer who reads it as 达成 records an adjustment.</td></tr>
 *   <tr><td>2 未达成</td><td>(未|未能|没有|尚未) (verb | 达标) [object] — 未达到预期, 未达成, 未完成年度目标, 未达标</td></tr>
 * </table>
 */
public final class QualitativeWordings {

    private static final String VERB = "(达成|达到|完成|实现)";
    private static final String OBJECT = "(预期|年度)?(指标|目标|指标值|目标值|效果)?";
    private static final Pattern MET = Pattern.compile("^(已|全部|完全|均已|均)?" + VERB + OBJECT + "$|^(已)?达标$|^符合预期$");
    private static final Pattern PARTLY = Pattern.compile("^(部分|基本|大部分|基本上)" + VERB + OBJECT + "$|^基本达标$");
    private static final Pattern NOT_MET = Pattern.compile("^(未|未能|没有|尚未)(" + VERB + "|达标)" + OBJECT + "$");

    private QualitativeWordings() {
    }

    /** The tier position (0 达成, 1 部分达成, 2 未达成) of a wording, or empty when it is not in the table. */
    public static OptionalInt tierIndex(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String s = text.trim().replaceAll("[。．.！!；;，,\\s]+$", "").replaceAll("\\s+", "");
        if (NOT_MET.matcher(s).matches()) {
            return OptionalInt.of(2);
        }
        if (PARTLY.matcher(s).matches()) {
            return OptionalInt.of(1);
        }
        if (MET.matcher(s).matches()) {
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }
}
