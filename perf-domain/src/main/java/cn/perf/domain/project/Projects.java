package cn.perf.domain.project;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link Project}; implemented by perf-persistence. */
public interface Projects {

    Project save(Project project);

    Optional<Project> findById(Long id);

    Optional<Project> findByUnitIdAndName(Long unitId, String name);

    List<Project> findByUnitIdOrderByNameAsc(Long unitId);

    long count();
}
