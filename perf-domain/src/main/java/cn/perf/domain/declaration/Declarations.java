package cn.perf.domain.declaration;

import cn.perf.domain.shared.FiscalYear;
import java.util.Optional;

/** Repository port for {@link Declaration}; implemented by perf-persistence. */
public interface Declarations {

    Declaration save(Declaration declaration);

    /**
     * Writes the changes of the aggregates loaded in this transaction now rather than at commit, so that a changed
     * aggregate holds its new version and the ids of its new rows (the commit then has nothing more to write).
     */
    void flush();

    /**
     * The whole aggregate (sub-projects, funding rows, indicators with their sub-project links, milestones) in a
     * bounded number of SQL statements, whatever the number of rows.
     */
    Optional<Declaration> findById(Long id);

    /** The declaration's indicator framework code alone (one column of one row), e.g. to choose a scoring regime. */
    Optional<String> frameworkCode(Long id);

    /** The original filing of a project and year; its 目标调整 versions share both and are not returned here. */
    Optional<Declaration> findByProjectIdAndYear(Long projectId, FiscalYear year);

    boolean existsByProjectIdAndYear(Long projectId, FiscalYear year);

    long count();
}
