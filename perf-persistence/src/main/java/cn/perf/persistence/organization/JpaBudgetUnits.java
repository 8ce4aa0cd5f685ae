package cn.perf.persistence.organization;

import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link BudgetUnits} port. */
interface JpaBudgetUnits extends BudgetUnits, Repository<BudgetUnit, Long> {
}
