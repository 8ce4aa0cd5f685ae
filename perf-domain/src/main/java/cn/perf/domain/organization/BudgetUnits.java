package cn.perf.domain.organization;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link BudgetUnit}; implemented by perf-persistence. */
public interface BudgetUnits {

    BudgetUnit save(BudgetUnit unit);

    Optional<BudgetUnit> findById(Long id);

    /** Codes are unique within a region only. */
    Optional<BudgetUnit> findByRegionAndCode(String region, String code);

    /** Names are unique within a region only. */
    Optional<BudgetUnit> findByRegionAndName(String region, String name);

    /**
     * The unit of this name, for demo data and tests whose names are unique across regions; use
     * {@link #findByRegionAndName} wherever two regions may name a unit alike.
     */
    Optional<BudgetUnit> findByName(String name);

    boolean existsByRegionAndCode(String region, String code);

    boolean existsByRegionAndName(String region, String name);

    List<BudgetUnit> findAll();

    List<BudgetUnit> findByParentId(Long parentId);

    /** Every unit of a region (a finance bureau's scope). */
    List<BudgetUnit> findByRegion(String region);

    long count();
}
