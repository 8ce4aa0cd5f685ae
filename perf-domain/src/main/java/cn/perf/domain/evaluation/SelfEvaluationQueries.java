package cn.perf.domain.evaluation;

import java.util.List;
import java.util.Optional;

/** Read-model port of the self-evaluation pages and exports; implemented by perf-persistence. */
public interface SelfEvaluationQueries {

    /** One page of the list, newest year first, then unit and project name. */
    List<SelfEvaluationSummary> list(SelfEvaluationFilter filter, int offset, int limit);

    long count(SelfEvaluationFilter filter);

    /** Everything a detail page or an export shows, loaded in a bounded number of statements. */
    Optional<SelfEvaluationDetail> detail(Long id);
}
