package cn.perf.persistence.account;

import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link UserAccounts} port. */
interface JpaUserAccounts extends UserAccounts, Repository<UserAccount, Long> {
}
