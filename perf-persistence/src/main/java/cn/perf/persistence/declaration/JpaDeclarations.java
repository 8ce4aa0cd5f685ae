package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationQueries;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.shared.FiscalYear;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Data implementation of the {@link Declarations} and {@link DeclarationQueries} ports.
 *
 * <p>{@link #findById} loads the whole aggregate with one fetch-join query per collection (the declaration rows
 * are re-read, the collections initialised in the same persistence context): 5 statements whatever the number
 * of sub-projects and indicators, never a cartesian product of two collections. {@link #detail} reads the unit in
 * the first of them, so it takes 5 statements as well.
 */
interface JpaDeclarations extends Declarations, DeclarationQueries, DeclarationSearching,
        Repository<Declaration, Long> {

    String LIST_ROW = """
            select new cn.perf.domain.declaration.DeclarationListRow(d.id, d.unitId, u.name, d.projectId,
                d.projectName, d.year, d.layout, d.status, d.totalAmount,
                (select count(i) from Indicator i where i.declaration = d), d.updatedAt)
            from Declaration d join BudgetUnit u on u.id = d.unitId
            """;

    @Override
    @Transactional(readOnly = true)
    default Optional<Declaration> findById(Long id) {
        Optional<Declaration> found = fetchSubProjects(id);
        found.ifPresent(d -> fetchTheRest(id));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    default Optional<DeclarationDetail> detail(Long id) {
        List<Object[]> rows = fetchSubProjectsAndUnit(id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Declaration d = (Declaration) rows.get(0)[0];
        fetchTheRest(id);
        return Optional.of(DeclarationDetail.of(d, (String) rows.get(0)[1], (String) rows.get(0)[2],
                (String) rows.get(0)[3]));
    }

    /** Statements 2–5: funding rows, milestones, indicators, the indicators' sub-project links. */
    private void fetchTheRest(Long id) {
        fetchFundingSources(id);
        fetchMilestones(id);
        fetchIndicators(id);
        fetchIndicatorLinks(id);
    }

    @Override
    @Query("select d.frameworkCode from Declaration d where d.id = :id")
    Optional<String> frameworkCode(@Param("id") Long id);

    @Query("select d from Declaration d left join fetch d.subProjects where d.id = :id")
    Optional<Declaration> fetchSubProjects(@Param("id") Long id);

    @Query("""
            select d, u.code, u.name, u.region from Declaration d join BudgetUnit u on u.id = d.unitId
            left join fetch d.subProjects where d.id = :id""")
    List<Object[]> fetchSubProjectsAndUnit(@Param("id") Long id);

    @Query("select d from Declaration d left join fetch d.fundingSources where d.id = :id")
    Optional<Declaration> fetchFundingSources(@Param("id") Long id);

    @Query("select d from Declaration d left join fetch d.milestones where d.id = :id")
    Optional<Declaration> fetchMilestones(@Param("id") Long id);

    @Query("select d from Declaration d left join fetch d.indicators where d.id = :id")
    Optional<Declaration> fetchIndicators(@Param("id") Long id);

    @Query("select i from Indicator i left join fetch i.subProjects where i.declaration.id = :id")
    List<Indicator> fetchIndicatorLinks(@Param("id") Long id);

    /** The original filing of the project and year (a 目标调整 shares both and is left out). */
    @Override
    @Query("select d from Declaration d where d.projectId = :projectId and d.year = :year and d.adjustsId is null")
    Optional<Declaration> findByProjectIdAndYear(@Param("projectId") Long projectId, @Param("year") FiscalYear year);

    @Override
    @Query(LIST_ROW + " where d.unitId = :unitId and d.year = :year order by d.projectName")
    List<DeclarationListRow> listByUnitAndYear(@Param("unitId") Long unitId, @Param("year") FiscalYear year);

    @Override
    @Query(LIST_ROW + " where d.status = :status order by d.statusChangedAt, d.id")
    List<DeclarationListRow> listByStatus(@Param("status") DeclarationStatus status);

    @Override
    @Query(LIST_ROW + " where d.projectId = :projectId order by d.year desc")
    List<DeclarationListRow> listByProject(@Param("projectId") Long projectId);
}
