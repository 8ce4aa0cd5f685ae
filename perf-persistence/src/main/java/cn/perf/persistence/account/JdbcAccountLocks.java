package cn.perf.persistence.account;

import cn.perf.domain.account.AccountLocks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link AccountLocks} in single SQL statements, so that concurrent failures on several application nodes count
 * exactly (the row lock of an {@code update} serialises them) and no node keeps a counter of its own.
 */
@Component
public class JdbcAccountLocks implements AccountLocks {

    /**
     * One more failure; at the limit, lock and start counting again. A lock that has run out no longer counts:
     * the first failure after it is failure 1. Returns the new lock's end, or null.
     */
    static final String FAILURE = """
            update user_account set
                failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
            where username = :username
              and (locked_until is null or locked_until <= :now)
            returning case when locked_until = :until then locked_until end as new_lock""";

    private final JdbcClient jdbc;

    public JdbcAccountLocks(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<Instant> recordFailure(String username, int maxFailures, Duration duration, Instant now) {
        Timestamp until = Timestamp.from(now.plus(duration));
        return jdbc.sql(FAILURE)
                .param("max", maxFailures).param("until", until).param("username", username)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp("new_lock")).map(Timestamp::toInstant))
                .optional().flatMap(o -> o);
    }

    @Override
    public void recordSuccess(String username) {
        jdbc.sql("update user_account set failed_logins = 0 where username = ? and failed_logins <> 0")
                .param(username).update();
    }

    @Override
    public boolean unlock(String username, Instant now) {
        return jdbc.sql("""
                        update user_account set locked_until = null, failed_logins = 0
                        where username = ? and locked_until > ?""")
                .param(username).param(Timestamp.from(now)).update() > 0;
    }

    @Override
    public List<Lock> lockedAt(Instant now) {
        return jdbc.sql("""
                        select username, display_name, failed_logins, locked_until from user_account
                        where locked_until > ? order by username""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Lock(rs.getString("username"), rs.getString("display_name"),
                        rs.getInt("failed_logins"), rs.getTimestamp("locked_until").toInstant()))
                .list();
    }
}
