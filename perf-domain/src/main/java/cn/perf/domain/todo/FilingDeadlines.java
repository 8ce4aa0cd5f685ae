package cn.perf.domain.todo;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link FilingDeadline}. */
public interface FilingDeadlines {

    List<FilingDeadline> findByRegionAndYear(String region, int year);

    Optional<FilingDeadline> findByRegionAndYearAndStage(String region, int year, Stage stage);

    FilingDeadline save(FilingDeadline deadline);

    void delete(FilingDeadline deadline);
}
