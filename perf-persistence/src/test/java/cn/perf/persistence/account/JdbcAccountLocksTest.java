package cn.perf.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.AccountLocks;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted in the database: as several application nodes would, concurrent failures from many
 * connections lock the account exactly once; a lock runs out by itself or is lifted.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JdbcAccountLocks.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JdbcAccountLocksTest {

    @Autowired
    AccountLocks locks;
    @Autowired
    BudgetUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TransactionTemplate tx;

    private String newAccount(String username) {
        tx.executeWithoutResult(s -> {
            BudgetUnit bureau = units.findByName("锁定测试财政局")
                    .orElseGet(() -> units.save(BudgetUnit.financeBureau("锁定测试财政局", "测试市")));
            accounts.save(UserAccount.open(username, "{noop}x", "锁定测试", bureau.id(), EnumSet.of(Role.FILER)));
        });
        return username;
    }

    @Test
    void concurrentFailuresFromManyConnectionsLockExactlyOnce() throws Exception {
        String username = newAccount("lock-concurrent");
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Optional<Instant>>> attempts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                attempts.add(() -> locks.recordFailure(username, 5, Duration.ofMinutes(30), now));
            }
            long lockedBy = 0;
            for (Future<Optional<Instant>> f : pool.invokeAll(attempts)) {
                lockedBy += f.get().isPresent() ? 1 : 0;
            }
            assertThat(lockedBy).as("the fifth failure locks; failures while locked do not count").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(locks.lockedAt(now)).extracting(AccountLocks.Lock::username).contains(username);
        assertThat(locks.lockedAt(now.plus(Duration.ofMinutes(31)))).extracting(AccountLocks.Lock::username)
                .doesNotContain(username);
    }

    @Test
    void aSuccessStartsTheCountAgainAndAnUnlockLiftsTheLock() {
        String username = newAccount("lock-reset");
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            assertThat(locks.recordFailure(username, 5, Duration.ofMinutes(30), now)).isEmpty();
        }
        locks.recordSuccess(username);
        for (int i = 0; i < 4; i++) {
            assertThat(locks.recordFailure(username, 5, Duration.ofMinutes(30), now)).isEmpty();
        }
        assertThat(locks.recordFailure(username, 5, Duration.ofMinutes(30), now)).isPresent();
        assertThat(locks.unlock(username, now)).isTrue();
        assertThat(locks.unlock(username, now)).as("nothing left to unlock").isFalse();
        assertThat(locks.lockedAt(now)).extracting(AccountLocks.Lock::username).doesNotContain(username);
        assertThat(locks.recordFailure("no-such-user", 5, Duration.ofMinutes(30), now)).isEmpty();
    }
}
