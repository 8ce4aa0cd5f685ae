package cn.perf.persistence.audit;

import cn.perf.domain.audit.AuditChain;
import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditRecord;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.audit.AuditVerification;
import cn.perf.domain.audit.AuditVerifier;
import cn.perf.domain.audit.DetailsJson;
import cn.perf.domain.shared.ResultPage;
import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link AuditLog} on PostgreSQL, in plain JDBC on the transaction's connection (so an entry commits or rolls back
 * with the change it records). An append locks the one chain-head row ({@code audit_chain}, {@code for update}):
 * appends from every node and thread take their turn, each gets the next sequence number and the previous hash from
 * the head, and the head moves on in the same transaction. No state is kept in memory.
 */
@Component
@Transactional
public class JdbcAuditLog implements AuditLog {

    /** Key of the PostgreSQL advisory lock that lets one node at a time purge. */
    static final long PURGE_LOCK = 0x70657266_61756469L; // "perfaudi"

    private static final int FETCH = 500;
    private static final String COLUMNS =
            "seq, occurred_at, actor, address, action, subject_type, subject_id, details, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate named;
    private final ObjectProvider<EntityManagerFactory> persistence;

    public JdbcAuditLog(DataSource dataSource, ObjectProvider<EntityManagerFactory> persistence) {
        this.persistence = persistence;
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(FETCH);
        this.named = new NamedParameterJdbcTemplate(template);
    }

    /**
     * Appends in the caller's transaction. Hibernate's pending writes of that transaction are flushed first, so the
     * chain head is locked for the append and the commit only, not for the flush of the form's rows (under load every
     * audited change queued behind that lock).
     */
    @Override
    public AuditEntry append(AuditRecord given) {
        AuditRecord record = given.normalized();
        EntityManagerFactory factory = persistence.getIfAvailable();
        if (factory != null && TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder bound
                && bound.isSynchronizedWithTransaction()) {
            bound.getEntityManager().flush();
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        String hash = AuditChain.hash(seq, head.hash(), record);
        jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(),
                        record.address(), record.action(), record.subjectType(), record.subjectId(),
                        DetailsJson.write(record.details()), head.hash(), hash)
                .update();
        jdbc.sql("update audit_chain set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
        return new AuditEntry(seq, record, head.hash(), hash);
    }

    @Override
    @Transactional(readOnly = true)
    public ResultPage<AuditEntry> search(AuditSearch search) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(search, p);
        Long total = named.queryForObject("select count(*) from audit_entry" + where, p, Long.class);
        p.put("limit", search.size());
        p.put("offset", (long) search.page() * search.size());
        List<AuditEntry> rows = named.query("select " + COLUMNS + " from audit_entry" + where
                + " order by seq desc limit :limit offset :offset", p, (rs, n) -> entry(rs));
        return new ResultPage<>(rows, total == null ? 0 : total, search.page(), search.size());
    }

    @Override
    @Transactional(readOnly = true)
    public void export(AuditSearch search, Consumer<AuditEntry> sink) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(search, p);
        named.query("select " + COLUMNS + " from audit_entry" + where + " order by seq desc", p,
                (RowCallbackHandler) rs -> sink.accept(entry(rs)));
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        Chain chain = jdbc.sql("select last_seq, last_hash, anchor_seq, anchor_hash from audit_chain where id = 1")
                .query((rs, n) -> new Chain(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .single();
        AuditVerifier verifier = new AuditVerifier(chain.anchorSeq(), chain.anchorHash());
        template.query("select " + COLUMNS + " from audit_entry order by seq", (RowCallbackHandler) rs -> {
            String stored = rs.getString("details");
            Map<String, String> details;
            boolean asWritten;
            try {
                details = DetailsJson.read(stored);
                asWritten = DetailsJson.write(details).equals(stored);
            } catch (RuntimeException unreadable) {
                details = Map.of("unreadable", String.valueOf(stored));
                asWritten = false;
            }
            verifier.accept(entry(rs, details), asWritten);
        });
        return verifier.finish(chain.lastSeq(), chain.lastHash());
    }

    @Override
    public Purge purgeBefore(Instant cutoff) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(PURGE_LOCK)
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return Purge.skipped();
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Long anchorSeq = jdbc.sql("select anchor_seq from audit_chain where id = 1").query(Long.class).single();
        // keep every entry from the first one inside the retention period on, whatever came after it
        Long firstKept = jdbc.sql("select min(seq) from audit_entry where occurred_at >= ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).query(Long.class).optional().orElse(null);
        long through = firstKept == null ? head.seq() : firstKept - 1;
        if (through <= anchorSeq) {
            return new Purge(true, 0, anchorSeq);
        }
        String anchorHash = jdbc.sql("select hash from audit_entry where seq = ?").param(through)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("audit entry " + through
                        + " is missing: verify the chain before purging"));
        jdbc.sql("update audit_chain set anchor_seq = ?, anchor_hash = ?, purged_at = now() where id = 1")
                .params(through, anchorHash).update();
        int deleted = jdbc.sql("delete from audit_entry where seq <= ?").param(through).update();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cutoff", cutoff.toString());
        details.put("throughSeq", String.valueOf(through));
        details.put("deleted", String.valueOf(deleted));
        append(new AuditRecord(Instant.now(), "system", null, "audit.purged", "audit", String.valueOf(through),
                details));
        return new Purge(true, deleted, through);
    }

    private static String where(AuditSearch s, Map<String, Object> p) {
        List<String> c = new ArrayList<>();
        if (s.from() != null) {
            c.add("occurred_at >= :from");
            p.put("from", OffsetDateTime.ofInstant(s.from(), ZoneOffset.UTC));
        }
        if (s.to() != null) {
            c.add("occurred_at < :to");
            p.put("to", OffsetDateTime.ofInstant(s.to(), ZoneOffset.UTC));
        }
        if (s.actor() != null) {
            c.add("actor = :actor");
            p.put("actor", s.actor());
        }
        if (s.action() != null) {
            if (s.action().endsWith(".")) {
                c.add("action like :action");
                p.put("action", like(s.action()) + "%");
            } else {
                c.add("action = :action");
                p.put("action", s.action());
            }
        }
        if (s.subjectType() != null) {
            c.add("subject_type = :subjectType");
            p.put("subjectType", s.subjectType());
        }
        if (s.subjectId() != null) {
            c.add("subject_id = :subjectId");
            p.put("subjectId", s.subjectId());
        }
        if (s.text() != null) {
            c.add("details ilike :text");
            // as the text is stored: JSON-escaped (a quote as \", a line break as \n)
            String stored = DetailsJson.write(Map.of("", s.text()));
            p.put("text", "%" + like(stored.substring(5, stored.length() - 2)) + "%");
        }
        return c.isEmpty() ? "" : " where " + String.join(" and ", c);
    }

    /** {@code s} with LIKE's wildcards escaped (PostgreSQL's default escape character is the backslash). */
    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, DetailsJson.read(rs.getString("details")));
    }

    /** The entry exactly as stored, never normalized. */
    private static AuditEntry entry(ResultSet rs, Map<String, String> details) throws SQLException {
        AuditRecord record = new AuditRecord(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), details);
        return new AuditEntry(rs.getLong("seq"), record, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }

    private record Chain(long lastSeq, String lastHash, long anchorSeq, String anchorHash) {
    }
}
