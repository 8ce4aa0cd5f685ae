package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.ReviewStep;
import cn.perf.domain.declaration.ReviewSteps;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of {@link ReviewSteps} (the review history, by declaration and time). */
interface JpaReviewSteps extends ReviewSteps, Repository<ReviewStep, Long> {
}
