package cn.perf.domain.organization;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link BudgetUnit}; implemented by perf-persistence. */
public interface BudgetUnits {

    BudgetUnit save(BudgetUnit unit);

    Optional<BudgetUnit> findById(Long id);

    Optional<BudgetUnit> findByCode(String code);

    Optional<BudgetUnit> findByName(String name);

    List<BudgetUnit> findByParentId(Long parentId);

    /** Every unit of a region (a finance bureau's scope). */
    List<BudgetUnit> findByRegion(String region);

    long count();
}
