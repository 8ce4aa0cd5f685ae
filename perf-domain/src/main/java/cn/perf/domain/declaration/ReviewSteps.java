package cn.perf.domain.declaration;

import java.util.List;

/** Repository port of the review history ({@link ReviewStep}); implemented by perf-persistence. */
public interface ReviewSteps {

    ReviewStep save(ReviewStep step);

    /** A declaration's steps, oldest first. */
    List<ReviewStep> findByDeclarationIdOrderByOccurredAtAscIdAsc(Long declarationId);
}
