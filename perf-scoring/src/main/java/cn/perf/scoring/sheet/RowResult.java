package cn.perf.scoring.sheet;

import cn.perf.scoring.target.Direction;
import cn.perf.scoring.trace.Numbers;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;

/**
 * The result of one row.
 *
 * @param rowNumber          1-based position on the sheet
 * @param row                the row as filed
 * @param weight             the weight used (filed, library or computed)
 * @param weightTrace        where the weight comes from
 * @param direction          the direction used for a quantitative row, {@code null} otherwise
 * @param status             scored / reviewer / pending / rejected
 * @param computedScore      the rules' score (rounded), {@code null} when none
 * @param finalScore         the score that counts: the reviewer's when adjusted, else the computed one; {@code null}
 *                           when pending or rejected
 * @param trace              why (rule, inputs, formula, result, Chinese text, notes)
 */
public record RowResult(int rowNumber, IndicatorRow row, BigDecimal weight, Trace weightTrace, Direction direction,
                        RowStatus status, BigDecimal computedScore, BigDecimal finalScore, Trace trace) {

    public String name() {
        return row.name();
    }

    public String category() {
        return row.category();
    }

    /** Everything a reader needs, in one paragraph of Chinese. */
    public String explain() {
        return "第" + rowNumber + "行【" + row.category() + "】" + row.name() + "：权重 " + Numbers.plain(weight) + "（"
                + weightTrace.text() + "）；" + trace.fullText() + "；状态：" + status.label()
                + (finalScore == null ? "" : "，得分 " + finalScore.toPlainString());
    }
}
