package cn.perf.domain.evaluation;

import java.util.Optional;

/** Repository port for {@link SelfEvaluation}; implemented by perf-persistence. */
public interface SelfEvaluations {

    SelfEvaluation save(SelfEvaluation evaluation);

    /** Saves and writes the changes now, so the returned form carries its new version. */
    SelfEvaluation saveAndFlush(SelfEvaluation evaluation);

    Optional<SelfEvaluation> findById(Long id);

    /** The self-evaluation of a declaration (there is at most one). */
    Optional<SelfEvaluation> findByDeclarationId(Long declarationId);

    boolean existsByDeclarationId(Long declarationId);

    long count();
}
