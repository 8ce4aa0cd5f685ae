package cn.perf.domain.evaluation;

import java.util.List;

/**
 * Everything a self-evaluation page shows: the stored form, its scoring as the engine gives it now (the same engine
 * a save stores with), and what the viewer may do.
 *
 * @param editable    the viewer files for the unit and the form is a 草稿
 * @param review      the reviewer actions open to the viewer
 * @param regimes     the regimes a what-if may compare with
 * @param history     the form's workflow steps, oldest first
 */
public record EvaluationPage(SelfEvaluationDetail detail, ScoreBoard board, boolean editable, Review review,
                             List<RegimeOption> regimes, List<HistoryLine> history) {

    public EvaluationPage {
        regimes = List.copyOf(regimes);
        history = List.copyOf(history);
    }

    /**
     * One workflow step of the form, oldest first: 提交, 开始审核, 调整评分, 退回, 确认 (the events the audit log keeps).
     *
     * @param action  the event's action, e.g. {@code evaluation.score-adjusted}
     * @param note    the comment (退回), or for an adjustment "第N行 指标：前 → 后，理由"; may be null
     */
    public record HistoryLine(java.time.Instant at, String actor, String action, String note) {
    }

    /** The review actions open to the viewer (DESIGN.md §4). */
    public record Review(boolean start, boolean adjust, boolean confirm, boolean returnForRevision) {

        public static final Review NONE = new Review(false, false, false, false);

        public boolean any() {
            return start || adjust || confirm || returnForRevision;
        }
    }

    /** A scoring regime by id and name. */
    public record RegimeOption(String id, String name) {
    }
}
