package cn.perf.domain.template;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link IndicatorFramework} (read-only data maintained by migrations). */
public interface IndicatorFrameworks {

    Optional<IndicatorFramework> findByCode(String code);

    List<IndicatorFramework> findAllByOrderByIdAsc();
}
