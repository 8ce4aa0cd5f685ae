package cn.perf.persistence.export;

import cn.perf.domain.export.ExportBacklog;
import cn.perf.domain.export.ExportFile;
import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportJobs;
import cn.perf.domain.export.ExportKind;
import cn.perf.domain.export.ExportStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ExportJobs} in the table {@code export_job} (V27). Each method is one statement (autocommit, or the caller's
 * transaction): a claim is {@code UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)}, so two nodes claiming at the
 * same moment take different jobs and neither waits; a running job's changes require {@code node} to be the node that
 * claimed it and the status still {@code RUNNING}, so a node given up for dead finds its late result refused.
 */
@Component
public class JdbcExportJobs implements ExportJobs {

    private static final String COLUMNS = """
            id, owner, kind, parameters, title, status, attempts, created_at, started_at, finished_at, expires_at,
            file_name, octet_length(content) as size, row_count, error""";

    /** First key of the transaction-level advisory lock an owner's new job is added under (the second: the owner). */
    static final int ADD_LOCK = 0x45585031; // "EXP1"

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcExportJobs(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public long add(String owner, ExportKind kind, String parameters, String title, Instant now, Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into export_job (owner, kind, parameters, title, status, created_at, expires_at)
                        values (:owner, :kind, :parameters, :title, 'QUEUED', :now, :expires)""")
                .param("owner", owner).param("kind", kind.name()).param("parameters", parameters)
                .param("title", title).param("now", ts(now)).param("expires", ts(expiresAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * In one transaction (the caller's, if there is one): a transaction-level advisory lock on the owner, then the
     * count, then the insert. The count runs as a statement of its own after the lock is granted, so under READ
     * COMMITTED it sees the job a concurrent request of the same owner committed before releasing the lock; requests
     * of different owners do not wait for each other.
     */
    @Override
    public OptionalLong addUnlessBusy(String owner, int maxUnfinished, ExportKind kind, String parameters,
                                      String title, Instant now, Instant expiresAt) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(ADD_LOCK).param(owner)
                    .query(rs -> { });
            if (unfinished(owner) >= maxUnfinished) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(add(owner, kind, parameters, title, now, expiresAt));
        });
    }

    @Override
    public int unfinished(String owner) {
        return jdbc.sql("select count(*) from export_job where owner = ? and status in ('QUEUED', 'RUNNING')")
                .param(owner).query(Integer.class).single();
    }

    @Override
    public Optional<ExportJob> find(long id, String owner, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from export_job where id = ? and owner = ? and expires_at > ?")
                .param(id).param(owner).param(ts(now)).query(JdbcExportJobs::job).optional();
    }

    @Override
    public List<ExportJob> ofOwner(String owner, Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from export_job where owner = ? and expires_at > ? order by created_at desc, id desc")
                .param(owner).param(ts(now)).query(JdbcExportJobs::job).list();
    }

    @Override
    public Optional<ExportFile> file(long id, String owner, Instant now) {
        return jdbc.sql("""
                        select file_name, content_type, content from export_job
                        where id = ? and owner = ? and expires_at > ? and status = 'DONE'""")
                .param(id).param(owner).param(ts(now))
                .query((rs, n) -> new ExportFile(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    @Override
    public Optional<ExportJob> claim(String node, Instant now) {
        return jdbc.sql("""
                        update export_job set status = 'RUNNING', node = :node, attempts = attempts + 1,
                               started_at = :now, heartbeat_at = :now
                        where id = (select id from export_job where status = 'QUEUED'
                                    order by created_at, id limit 1 for update skip locked)
                        returning""" + " " + COLUMNS)
                .param("node", node).param("now", ts(now)).query(JdbcExportJobs::job).optional();
    }

    @Override
    public void beat(String node, Collection<Long> ids, Instant now) {
        jdbc.sql("""
                        update export_job set heartbeat_at = :now
                        where id in (:ids) and node = :node and status = 'RUNNING'""")
                .param("now", ts(now)).param("ids", ids).param("node", node).update();
    }

    @Override
    public boolean finish(long id, String node, ExportFile file, int rows, Instant now) {
        return jdbc.sql("""
                        update export_job set status = 'DONE', file_name = :name, content_type = :type,
                               content = :content, row_count = :rows, finished_at = :now, error = null
                        where id = :id and node = :node and status = 'RUNNING'""")
                .param("name", file.fileName()).param("type", file.contentType()).param("content", file.content())
                .param("rows", rows).param("now", ts(now)).param("id", id).param("node", node)
                .update() == 1;
    }

    @Override
    public boolean fail(long id, String node, String error, Instant now) {
        return jdbc.sql("""
                        update export_job set status = 'FAILED', error = :error, finished_at = :now
                        where id = :id and node = :node and status = 'RUNNING'""")
                .param("error", cut(error, 1000)).param("now", ts(now)).param("id", id).param("node", node)
                .update() == 1;
    }

    @Override
    public int release(String node, Instant now) {
        return jdbc.sql("""
                        update export_job set status = 'QUEUED', node = null, heartbeat_at = null,
                               attempts = greatest(attempts - 1, 0)
                        where status = 'RUNNING' and node = :node""")
                .param("node", node).update();
    }

    @Override
    public int recover(Instant silentSince, int maxAttempts, String error, Instant now) {
        return jdbc.sql("""
                        update export_job
                        set status = case when attempts >= :max then 'FAILED' else 'QUEUED' end,
                            error = case when attempts >= :max then :error end,
                            finished_at = case when attempts >= :max then cast(:now as timestamptz) end,
                            node = case when attempts >= :max then node end,
                            heartbeat_at = case when attempts >= :max then heartbeat_at end
                        where status = 'RUNNING' and heartbeat_at < :silent""")
                .param("max", maxAttempts).param("error", cut(error, 1000)).param("now", ts(now))
                .param("silent", ts(silentSince)).update();
    }

    @Override
    public void prune(String owner, int keep, Instant now) {
        purge(now);
        jdbc.sql("""
                        delete from export_job where owner = :owner and status in ('DONE', 'FAILED') and id not in (
                            select id from export_job where owner = :owner and status in ('DONE', 'FAILED')
                            order by created_at desc, id desc limit :keep)""")
                .param("owner", owner).param("keep", keep).update();
    }

    @Override
    public ExportBacklog backlog(Instant now) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'QUEUED') as queued,
                               count(*) filter (where status = 'RUNNING') as running,
                               min(created_at) filter (where status = 'QUEUED') as oldest
                        from export_job where status in ('QUEUED', 'RUNNING')""")
                .query((rs, n) -> ExportBacklog.of(rs.getInt("queued"), rs.getInt("running"), instant(rs, "oldest"),
                        now))
                .single();
    }

    @Override
    public int purge(Instant now) {
        return jdbc.sql("delete from export_job where expires_at <= ?").param(ts(now)).update();
    }

    private static ExportJob job(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size");
        Long sizeOrNull = rs.wasNull() ? null : size;
        int rows = rs.getInt("row_count");
        Integer rowsOrNull = rs.wasNull() ? null : rows;
        return new ExportJob(rs.getLong("id"), rs.getString("owner"), ExportKind.valueOf(rs.getString("kind")),
                rs.getString("parameters"), rs.getString("title"), ExportStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "expires_at"), rs.getString("file_name"), sizeOrNull,
                rowsOrNull, rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
