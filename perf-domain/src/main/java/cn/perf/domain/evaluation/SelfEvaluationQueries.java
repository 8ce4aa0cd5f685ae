package cn.perf.domain.evaluation;

import java.util.List;
import java.util.Optional;

/** Read-model port of the self-evaluation pages and exports; implemented by perf-persistence. */
public interface SelfEvaluationQueries {

    /** One page of the list, newest year first, then unit and project name. */
    List<SelfEvaluationSummary> list(SelfEvaluationFilter filter, int offset, int limit);

    long count(SelfEvaluationFilter filter);

    /**
     * One page of the list page within {@code scope} (its units, or its region), with each form's 自评总分, 等级 and
     * number of findings; the scope is part of the query.
     */
    cn.perf.domain.shared.ResultPage<EvaluationListRow> search(cn.perf.domain.scope.Scope scope,
                                                                EvaluationSearch search);

    /**
     * Every row of {@code search} within {@code scope} — its page and size ignored — in the list's order, handed to
     * {@code row} as they are read through one cursor (see {@code DeclarationQueries#forEach}).
     */
    void forEach(cn.perf.domain.scope.Scope scope, EvaluationSearch search,
                 java.util.function.Consumer<EvaluationListRow> row);

    /**
     * The whole aggregate, every collection loaded, in a read-only transaction and then detached: a copy no
     * persistence context watches, for reading only (the live preview scores a copy of it); it may be shared with
     * other callers reading the same version, so it must not be changed.
     */
    Optional<SelfEvaluation> detached(Long id);

    /** Everything a detail page or an export shows, loaded in a bounded number of statements. */
    Optional<SelfEvaluationDetail> detail(Long id);
}
