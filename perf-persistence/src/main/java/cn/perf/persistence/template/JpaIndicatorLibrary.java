package cn.perf.persistence.template;

import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.domain.template.IndicatorLibraryEntry;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Spring Data implementation of the {@link IndicatorLibrary} port. */
interface JpaIndicatorLibrary extends IndicatorLibrary, Repository<IndicatorLibraryEntry, Long> {

    @Override
    @Query("""
            select e from IndicatorLibraryEntry e
            where e.frameworkCode = :framework and e.projectType = :type and e.onDeclaration = true
            order by e.position""")
    List<IndicatorLibraryEntry> declarationRows(@Param("framework") String frameworkCode,
                                                @Param("type") String projectType);

    @Override
    @Query("""
            select distinct e.projectType from IndicatorLibraryEntry e
            where e.frameworkCode = :framework and e.onDeclaration = true order by e.projectType""")
    List<String> projectTypes(@Param("framework") String frameworkCode);

    @Override
    @Query("""
            select e from IndicatorLibraryEntry e
            where e.frameworkCode = :framework and e.projectType = :type and e.onSelfEvaluation = true
            order by e.selfEvaluationPosition""")
    List<IndicatorLibraryEntry> selfEvaluationRows(@Param("framework") String frameworkCode,
                                                   @Param("type") String projectType);
}
