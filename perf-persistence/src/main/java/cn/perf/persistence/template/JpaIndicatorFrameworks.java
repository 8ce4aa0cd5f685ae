package cn.perf.persistence.template;

import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Spring Data implementation of the {@link IndicatorFrameworks} port: a framework and its categories, one query. */
interface JpaIndicatorFrameworks extends IndicatorFrameworks, Repository<IndicatorFramework, Long> {

    @Override
    @Query("select f from IndicatorFramework f left join fetch f.categories where f.code = :code")
    Optional<IndicatorFramework> findByCode(@Param("code") String code);
}
