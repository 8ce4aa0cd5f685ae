package cn.perf.domain.evaluation;

import java.util.List;

/**
 * Everything a self-evaluation page shows: the stored form, its scoring as the engine gives it now (the same engine
 * a save stores with), and what the viewer may do.
 *
 * @param editable    the viewer files for the unit and the form is a 草稿
 * @param review      the reviewer actions open to the viewer
 * @param regimes     the regimes a what-if may compare with
 */
public record EvaluationPage(SelfEvaluationDetail detail, ScoreBoard board, boolean editable, Review review,
                             List<RegimeOption> regimes) {

    public EvaluationPage {
        regimes = List.copyOf(regimes);
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
