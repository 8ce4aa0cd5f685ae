package cn.perf.persistence.changes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.ViewerQueries.ViewerRow;
import cn.perf.persistence.account.JdbcViewerQueries;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies kept current by PostgreSQL's notifications, on committed data (no test transaction): a change made by
 * "another node" (plain SQL on another connection) reaches the copy without a restart, this node's own JPA commit
 * is seen at once even while notifications are held back, a read racing a change keeps nothing, reads inside a
 * transaction neither use nor leave copies, and a lost listening connection drops every copy and comes back.
 * Every wait is on a condition, with a deadline far beyond what a delivery takes.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ChangeFeed.class, LocalCommits.class, JdbcViewerQueries.class})
class ChangeFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ChangeFeed feed;
    @Autowired
    JdbcViewerQueries viewers;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BudgetUnits units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    TransactionTemplate tx;
    Long bureauId;
    Long departmentId;
    Long accountId;

    @BeforeEach
    void organisation() {
        tx = new TransactionTemplate(transactions);
        waitUntil("the feed listens", feed::live);
        tx.executeWithoutResult(s -> {
            BudgetUnit bureau = units.save(BudgetUnit.financeBureau("变更财政局", "变更市"));
            BudgetUnit department = units.save(BudgetUnit.department("CF100", "变更主管部门", bureau.id(), "变更市"));
            bureauId = bureau.id();
            departmentId = department.id();
            accountId = accounts.save(UserAccount.open("cf-dept", "{noop}x", "变更审核", department.id(),
                    EnumSet.of(Role.DEPARTMENT_REVIEWER))).id();
        });
        // the set-up's own notifications (new unit, new roles) would otherwise drop copies the test makes
        assertThat(feed.awaitDelivered(PATIENCE)).isTrue();
    }

    @AfterEach
    void cleanUp() {
        feed.releaseDeliveries();
        jdbc.update("delete from user_account where username = 'cf-dept'");
        jdbc.update("delete from budget_unit where parent_id = ?", departmentId);
        jdbc.update("delete from budget_unit where id in (?, ?)", departmentId, bureauId);
    }

    @Test
    void aCopyServesUntilAnotherNodeChangesTheRow() {
        ReadCache<?, ?> cache = cache("viewers");
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        long hits = cache.hits();
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        assertThat(cache.hits()).as("the second read is this node's copy").isEqualTo(hits + 1);

        long received = feed.received();
        jdbc.update("update user_account set display_name = '另一节点改名' where id = ?", accountId); // autocommit
        waitUntil("the other node's change reaches the copy",
                () -> viewer().profile().displayName().equals("另一节点改名"));
        assertThat(feed.received()).isGreaterThan(received);

        // a unit added under the department by another node: the reviewer's scope grows
        Long child = jdbc.queryForObject("insert into budget_unit (code, name, kind, parent_id, region)"
                + " values ('CF101', '变更下属单位', 'BUDGET_UNIT', ?, '变更市') returning id", Long.class, departmentId);
        waitUntil("the new unit is in the reviewer's subtree", () -> viewer().unitSubtree().contains(child));
    }

    @Test
    void thisNodesOwnCommitIsSeenAtOnceEvenWhileNotificationsAreHeldBack() {
        assertThat(viewer().enabled()).isTrue();
        assertThat(viewer().enabled()).isTrue(); // kept
        feed.holdDeliveries();
        tx.executeWithoutResult(s -> accounts.findById(accountId).orElseThrow().disable());
        assertThat(viewer().enabled()).as("read right after this node's commit, no notification applied yet")
                .isFalse();
        tx.executeWithoutResult(s -> accounts.findById(accountId).orElseThrow().changeRoles(EnumSet.of(Role.FILER)));
        assertThat(viewer().profile().roles()).containsExactly(Role.FILER);
        feed.releaseDeliveries();
    }

    @Test
    void aReadThatRacesAChangeKeepsNothing() {
        ReadCache<String, String> cache = feed.cache("race", 10);
        AtomicInteger loads = new AtomicInteger();
        Optional<String> first = cache.get("k", k -> {
            loads.incrementAndGet();
            cache.evict("k"); // a change's notification arrives while the row is being read
            return Optional.of("read before the change");
        });
        assertThat(first).contains("read before the change");
        assertThat(cache.get("k", k -> {
            loads.incrementAndGet();
            return Optional.of("read after the change");
        })).contains("read after the change");
        assertThat(loads).as("the racing read was not kept").hasValue(2);

        cache.get("j", k -> {
            cache.clear();
            return Optional.of("cleared meanwhile");
        });
        assertThat(cache.get("j", k -> Optional.of("fresh"))).contains("fresh");
        assertThat(cache.get("j", k -> Optional.of("not asked"))).contains("fresh");
        assertThat(cache.get("absent", k -> Optional.empty())).isEmpty();
        assertThat(cache.get("absent", k -> Optional.of("created later"))).as("absence is not kept")
                .contains("created later");
    }

    @Test
    void readsInsideATransactionNeitherUseNorLeaveCopies() {
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核"); // kept
        tx.executeWithoutResult(s -> {
            jdbc.update("update user_account set display_name = '未提交' where id = ?", accountId);
            assertThat(viewer().profile().displayName()).as("the transaction sees its own write").isEqualTo("未提交");
            s.setRollbackOnly();
        });
        assertThat(viewer().profile().displayName()).as("nothing of the rolled-back write was kept")
                .isEqualTo("变更审核");
    }

    @Test
    void aLostConnectionDropsEveryCopyAndTheFeedListensAgain() {
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核"); // kept
        Integer pid = feed.backendPid();
        long outages = feed.outages();
        jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid);
        waitUntil("the feed noticed", () -> feed.outages() > outages);
        waitUntil("the feed listens again on a new connection",
                () -> feed.live() && feed.backendPid() != null && !feed.backendPid().equals(pid));
        assertThat(cache("viewers").size()).isZero();

        jdbc.update("update user_account set display_name = '重连之后' where id = ?", accountId);
        waitUntil("changes reach copies again", () -> viewer().profile().displayName().equals("重连之后"));
    }

    @Test
    void aFeedThatDoesNotHearItsOwnProbeNeverServesCopies() {
        // as behind a pooler in transaction mode: the listening connection hears nothing of what is sent
        ChangeFeed deaf = new ChangeFeed(dataSource, true, "perf_changes_nobody_sends");
        ReadCache<String, String> cache = deaf.cache("deaf", 10);
        deaf.start();
        try {
            waitUntil("a probe was lost", () -> deaf.probesLost() > 0);
            assertThat(deaf.wentLive()).isZero();
            assertThat(deaf.live()).isFalse();
            AtomicInteger loads = new AtomicInteger();
            cache.get("k", k -> Optional.of("v" + loads.incrementAndGet()));
            assertThat(cache.get("k", k -> Optional.of("v" + loads.incrementAndGet()))).contains("v2");
        } finally {
            deaf.stop();
        }
    }

    @Test
    void awaitDeliveredReturnsOnceEarlierChangesAreApplied() {
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        assertThat(viewer().profile().displayName()).isEqualTo("变更审核");
        jdbc.update("update user_account set display_name = '已送达' where id = ?", accountId);
        assertThat(feed.awaitDelivered(PATIENCE)).isTrue();
        assertThat(viewer().profile().displayName()).isEqualTo("已送达");
    }

    private ViewerRow viewer() {
        return viewers.find("cf-dept").orElseThrow();
    }

    private ReadCache<?, ?> cache(String name) {
        return feed.caches().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(PATIENCE).until(condition);
    }
}
