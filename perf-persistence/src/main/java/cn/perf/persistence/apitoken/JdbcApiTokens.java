package cn.perf.persistence.apitoken;

import cn.perf.domain.apitoken.ApiToken;
import cn.perf.domain.apitoken.ApiTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ApiTokens} in plain JDBC: authentication runs on every API request, one indexed read joined to the account.
 */
@Component
public class JdbcApiTokens implements ApiTokens {

    private static final String COLUMNS = "t.id, t.name, t.key_id, t.created_at, t.expires_at, t.last_used_at, "
            + "t.revoked_at";

    private final JdbcClient jdbc;

    public JdbcApiTokens(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<Long> insert(String username, String name, String keyId, byte[] secretSha256, Instant createdAt,
                                 Instant expiresAt) {
        return jdbc.sql("""
                        insert into api_token (account_id, name, key_id, secret_sha256, created_at, expires_at)
                        select a.id, ?, ?, ?, ?, ? from user_account a where a.username = ?
                        returning id""")
                .params(name, keyId, secretSha256, Timestamp.from(createdAt), Timestamp.from(expiresAt), username)
                .query(Long.class).optional();
    }

    @Override
    public List<ApiToken> listFor(String username) {
        return jdbc.sql("select " + COLUMNS + " from api_token t join user_account a on a.id = t.account_id "
                        + "where a.username = ? order by t.created_at desc, t.id desc")
                .param(username).query((rs, n) -> token(rs)).list();
    }

    @Override
    public int countUsable(String username, Instant now) {
        return jdbc.sql("select count(*) from api_token t join user_account a on a.id = t.account_id "
                        + "where a.username = ? and t.revoked_at is null and t.expires_at > ?")
                .params(username, Timestamp.from(now)).query(Integer.class).single();
    }

    @Override
    public Optional<Stored> findByKeyId(String keyId) {
        return jdbc.sql("""
                        select t.id, a.username, t.key_id, t.secret_sha256, t.expires_at, t.revoked_at, a.enabled
                        from api_token t join user_account a on a.id = t.account_id
                        where t.key_id = ?""")
                .param(keyId)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("username"), rs.getString("key_id"),
                        rs.getBytes("secret_sha256"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    @Override
    public Optional<ApiToken> find(String username, long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token t join user_account a on a.id = t.account_id "
                        + "where a.username = ? and t.id = ?")
                .params(username, id).query((rs, n) -> token(rs)).optional();
    }

    @Override
    public boolean revoke(String username, long id, Instant now) {
        return jdbc.sql("""
                        update api_token t set revoked_at = ?
                        from user_account a
                        where a.id = t.account_id and a.username = ? and t.id = ? and t.revoked_at is null""")
                .params(Timestamp.from(now), username, id).update() > 0;
    }

    @Override
    public void markUsed(long id, Instant now) {
        jdbc.sql("""
                        update api_token set last_used_at = ?
                        where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60))).update();
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("key_id"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
