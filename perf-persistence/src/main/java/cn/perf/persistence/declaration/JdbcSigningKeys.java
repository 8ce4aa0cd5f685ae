package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.SigningKeys;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link SigningKeys} in plain JDBC on the caller's transaction. {@code insert … on conflict do nothing} makes the
 * first stored key the only one, however many nodes create one at the same moment.
 */
@Component
public class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;

    public JdbcSigningKeys(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<StoredKey> find(String name) {
        return jdbc.sql("select private_key, certificate, created_at from signing_key where name = ?")
                .param(name)
                .query((rs, n) -> new StoredKey(rs.getBytes("private_key"), rs.getBytes("certificate"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public void insertIfAbsent(String name, StoredKey key) {
        jdbc.sql("""
                        insert into signing_key (name, private_key, certificate, created_at) values (?, ?, ?, ?)
                        on conflict (name) do nothing""")
                .params(name, key.privateKey(), key.certificate(),
                        OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC))
                .update();
    }
}
