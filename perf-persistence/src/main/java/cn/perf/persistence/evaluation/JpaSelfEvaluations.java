package cn.perf.persistence.evaluation;

import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluations;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link SelfEvaluations} port. */
interface JpaSelfEvaluations extends SelfEvaluations, Repository<SelfEvaluation, Long> {
}
