package cn.perf.persistence.idempotency;

import cn.perf.domain.idempotency.IdempotencyKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link IdempotencyKeys} in single statements on the transaction's connection: {@code insert … on conflict do
 * nothing} waits for a concurrent uncommitted claim of the same key (the primary key's index), then reports whether
 * this one made the claim.
 */
@Component
public class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    public JdbcIdempotencyKeys(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public boolean claim(String username, String key, String fingerprint, Instant now) {
        return jdbc.sql("""
                        insert into api_idempotency_key (username, key, fingerprint, created_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(username, key, fingerprint, Timestamp.from(now)).update() == 1;
    }

    @Override
    public Optional<String> fingerprint(String username, String key) {
        return jdbc.sql("select fingerprint from api_idempotency_key where username = ? and key = ?")
                .params(username, key).query(String.class).optional();
    }

    @Override
    public void remember(String username, String key, long resourceId) {
        jdbc.sql("update api_idempotency_key set resource_id = ? where username = ? and key = ?")
                .params(resourceId, username, key).update();
    }

    @Override
    public Optional<Long> resourceId(String username, String key) {
        return jdbc.sql("select resource_id from api_idempotency_key where username = ? and key = ?")
                .params(username, key).query((rs, n) -> rs.getObject(1, Long.class)).optional();
    }

    @Override
    public int forget(Instant before) {
        return jdbc.sql("delete from api_idempotency_key where created_at < ?").param(Timestamp.from(before))
                .update();
    }
}
