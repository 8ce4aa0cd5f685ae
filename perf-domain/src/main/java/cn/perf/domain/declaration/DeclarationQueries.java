package cn.perf.domain.declaration;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.ResultPage;
import java.util.List;
import java.util.Optional;

/** Read-model port for list and detail pages; implemented by perf-persistence with projections (no N+1). */
public interface DeclarationQueries {

    /**
     * The list page: the declarations matching {@code search} within {@code scope} (enforced in the query itself),
     * one page of them, sorted as asked (ties by id), with the total count.
     */
    ResultPage<DeclarationListRow> search(Scope scope, DeclarationSearch search);

    /**
     * Every row of {@code search} within {@code scope} — its page and size ignored — in the list's order, handed to
     * {@code row} as they are read: one statement read through a cursor, not page after page, so an export of a whole
     * region costs one pass over it (issue 12). Runs inside the caller's transaction.
     */
    void forEach(Scope scope, DeclarationSearch search, java.util.function.Consumer<DeclarationListRow> row);

    /** A unit's declarations of a year, by project name. */
    List<DeclarationListRow> listByUnitAndYear(Long unitId, FiscalYear year);

    /** Declarations in a status (e.g. the review queue), oldest status change first. */
    List<DeclarationListRow> listByStatus(DeclarationStatus status);

    /** A project's declarations, newest year first. */
    List<DeclarationListRow> listByProject(Long projectId);

    /** Everything a detail page or an export prints, in a bounded number of statements. */
    Optional<DeclarationDetail> detail(Long id);
}
