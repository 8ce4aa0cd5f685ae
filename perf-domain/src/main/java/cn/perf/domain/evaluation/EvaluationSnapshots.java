package cn.perf.domain.evaluation;

import java.util.Optional;

/**
 * Read-model port of the live preview, which runs on every keystroke pause of every filer: the form's
 * {@link EvaluationStamp} in one statement, then the detached aggregate of exactly that version, kept while the
 * version is current so that typing does not reload 40 rows each time. Implemented by perf-persistence.
 */
public interface EvaluationSnapshots {

    /** The stamp of the stored form, or empty if there is no such form. */
    Optional<EvaluationStamp> stamp(Long id);

    /**
     * The whole aggregate as stored at {@code stamp.version()} (or newer, if it changed meanwhile), detached: shared
     * between requests, for reading only (the preview scores a {@linkplain SelfEvaluation#previewCopy() copy}).
     */
    Optional<SelfEvaluation> detached(EvaluationStamp stamp);
}
