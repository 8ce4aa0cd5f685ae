package cn.perf.persistence.imports;

import cn.perf.domain.imports.ImportKind;
import cn.perf.domain.imports.PendingImport;
import cn.perf.domain.imports.PendingImports;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** {@link PendingImports} in the table {@code pending_import} (V20): every node sees the same waiting uploads. */
@Component
public class JdbcPendingImports implements PendingImports {

    private final JdbcClient jdbc;

    public JdbcPendingImports(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public long add(PendingImport p) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into pending_import (owner, kind, target_id, target_version, file_name, content,
                                                    created_at, expires_at)
                        values (:owner, :kind, :target, :version, :file, :content, :created, :expires)""")
                .param("owner", p.owner()).param("kind", p.kind().name()).param("target", p.targetId())
                .param("version", p.targetVersion()).param("file", p.fileName()).param("content", p.content())
                .param("created", Timestamp.from(p.createdAt())).param("expires", Timestamp.from(p.expiresAt()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    @Override
    public Optional<PendingImport> find(long id, String owner, Instant now) {
        return jdbc.sql("""
                        select id, owner, kind, target_id, target_version, file_name, content, created_at, expires_at
                        from pending_import where id = ? and owner = ? and expires_at > ?""")
                .param(id).param(owner).param(Timestamp.from(now))
                .query(JdbcPendingImports::pending).optional();
    }

    @Override
    public List<PendingImport.Line> ofOwner(String owner, Instant now) {
        return jdbc.sql("""
                        select id, kind, target_id, file_name, octet_length(content) as size, created_at, expires_at
                        from pending_import where owner = ? and expires_at > ? order by created_at desc, id desc""")
                .param(owner).param(Timestamp.from(now))
                .query((rs, n) -> new PendingImport.Line(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
                        rs.getLong("target_id"), rs.getString("file_name"), rs.getInt("size"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    @Override
    public boolean remove(long id) {
        return jdbc.sql("delete from pending_import where id = ?").param(id).update() > 0;
    }

    @Override
    public void prune(String owner, int keep, Instant now) {
        jdbc.sql("delete from pending_import where expires_at <= ?").param(Timestamp.from(now)).update();
        jdbc.sql("""
                        delete from pending_import where owner = :owner and id not in (
                            select id from pending_import where owner = :owner
                            order by created_at desc, id desc limit :keep)""")
                .param("owner", owner).param("keep", keep).update();
    }

    private static PendingImport pending(ResultSet rs, int n) throws SQLException {
        return new PendingImport(rs.getLong("id"), rs.getString("owner"), ImportKind.valueOf(rs.getString("kind")),
                rs.getLong("target_id"), rs.getLong("target_version"), rs.getString("file_name"),
                rs.getBytes("content"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
