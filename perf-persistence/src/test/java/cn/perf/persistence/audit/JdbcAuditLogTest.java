package cn.perf.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.audit.AuditChain;
import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditRecord;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.audit.AuditVerification;
import cn.perf.domain.audit.AuditVerification.Kind;
import cn.perf.domain.audit.AuditVerification.Problem;
import cn.perf.domain.audit.DetailsJson;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.todo.Notification;
import cn.perf.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log against real PostgreSQL, committing for real (no test transaction): entries chain and verify, a
 * rolled-back change leaves neither an entry nor a gap, the database refuses UPDATE/DELETE/TRUNCATE, and what a
 * superuser does anyway (altering, rehashing or deleting a row, with the triggers off) is found and named by
 * sequence number. Each tampering test puts the row back, so the shared chain verifies again afterwards.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(JdbcAuditLog.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=8")
class JdbcAuditLogTest {

    @Autowired
    AuditLog log;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManager entities;

    static AuditRecord record(String subjectId, String field, String before, String after) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("before." + field, before);
        details.put("after." + field, after);
        return new AuditRecord(Instant.now(), "filer-001239", "10.1.2.3", "declaration.edited", "declaration",
                subjectId, details);
    }

    static String unique() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<AuditEntry> bySubject(String subjectId) {
        return log.search(new AuditSearch(null, null, null, null, null, subjectId, null, 0, 100)).rows();
    }

    @Test
    void anAppendedEntryKeepsWhoWhenWhereWhatAndTheValuesAndTheChainVerifies() {
        String id = unique();
        AuditEntry first = log.append(record(id, "projectName", "旧名称", "新名称 \"引号\"\n第二行"));
        AuditEntry second = log.append(record(id, "overview", "", "项目概况"));

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        List<AuditEntry> stored = bySubject(id);
        assertThat(stored).extracting(AuditEntry::seq).containsExactly(second.seq(), first.seq()); // newest first
        AuditEntry e = stored.get(1);
        assertThat(e.record().actor()).isEqualTo("filer-001239");
        assertThat(e.record().address()).isEqualTo("10.1.2.3");
        assertThat(e.record().action()).isEqualTo("declaration.edited");
        assertThat(e.record().subjectType()).isEqualTo("declaration");
        assertThat(e.record().details()).containsExactly(Map.entry("before.projectName", "旧名称"),
                Map.entry("after.projectName", "新名称 \"引号\"\n第二行"));
        assertThat(e.hash()).isEqualTo(first.hash()).hasSize(64);
        assertThat(e.intact()).isTrue();
        assertThat(log.verify().intact()).as(log.verify().describe()).isTrue();
    }

    @Test
    void anEntryRollsBackWithItsChangeAndLeavesNoGap() {
        String id = unique();
        AuditEntry before = log.append(record(id, "a", "1", "2"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            log.append(record(id, "a", "2", "3"));
            status.setRollbackOnly();
        });
        AuditEntry after = log.append(record(id, "a", "2", "4"));

        assertThat(bySubject(id)).extracting(AuditEntry::seq).containsExactly(after.seq(), before.seq());
        assertThat(after.seq()).isEqualTo(before.seq() + 1);
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * An append flushes the transaction's pending Hibernate writes before it takes the chain head, so the head is not
     * locked while they are written. Read here over JDBC on the transaction's connection, which does not flush.
     */
    @Test
    void anAppendFlushesTheTransactionsPendingWritesFirst() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Long id = tx.execute(status -> {
            Notification n = Notification.to("filer-" + unique(), "declaration", "1", "已退回", Instant.now());
            entities.persist(n);
            entities.flush();
            return n.id();
        });
        Boolean readWhenAppended = tx.execute(status -> {
            entities.find(Notification.class, id).markRead(Instant.now());
            Boolean pending = jdbc.queryForObject("select read_at is not null from notification where id = ?",
                    Boolean.class, id);
            assertThat(pending).as("not yet flushed before the append").isFalse();
            log.append(record(unique(), "a", "1", "2"));
            return jdbc.queryForObject("select read_at is not null from notification where id = ?", Boolean.class,
                    id);
        });
        assertThat(readWhenAppended).isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() {
        AuditEntry e = log.append(record(unique(), "a", "1", "2"));

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where seq = ?", e.seq()))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", e.seq()))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_chain set last_seq = 0"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("forward");
        assertThat(bySubject(e.record().subjectId())).hasSize(1);
    }

    @Test
    void alteringOneRowWithTheTriggersOffIsFoundAndNamed() throws Exception {
        String id = unique();
        log.append(record(id, "grade", "", "GOOD"));
        AuditEntry target = log.append(record(id, "grade", "GOOD", "EXCELLENT"));
        log.append(record(id, "grade", "EXCELLENT", "FAIR"));
        String original = jdbc.queryForObject("select details from audit_entry where seq = ?", String.class,
                target.seq());
        try {
            asSuperuser("update audit_entry set details = replace(details, 'EXCELLENT', 'POOR') where seq = "
                    + target.seq());

            AuditVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).containsExactly(new Problem(Kind.ALTERED, target.seq(), target.seq()));
            assertThat(v.describe()).contains("第 " + target.seq() + " 条被篡改");
        } finally {
            restoreDetails(target.seq(), original);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void alteringTheActorOrTheTimeIsFoundToo() throws Exception {
        AuditEntry target = log.append(record(unique(), "a", "1", "2"));
        try {
            asSuperuser("update audit_entry set actor = 'someone-else', occurred_at = occurred_at - interval '1 day'"
                    + " where seq = " + target.seq());
            assertThat(log.verify().problems()).containsExactly(new Problem(Kind.ALTERED, target.seq(), target.seq()));
        } finally {
            asSuperuser("update audit_entry set actor = 'filer-001239', occurred_at = occurred_at + interval '1 day'"
                    + " where seq = " + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aRowRewrittenWithARecomputedHashBreaksTheLinkToTheNextOne() throws Exception {
        String id = unique();
        AuditEntry target = log.append(record(id, "a", "1", "2"));
        AuditEntry next = log.append(record(id, "a", "2", "3"));
        AuditRecord forged = new AuditRecord(target.record().occurredAt(), "someone-else", "10.9.9.9",
                target.record().action(), target.record().subjectType(), id, target.record().details());
        String forgedHash = AuditChain.hash(target.seq(), target.prevHash(), forged);
        try {
            asSuperuser("update audit_entry set actor = 'someone-else', address = '10.9.9.9', hash = '" + forgedHash
                    + "' where seq = " + target.seq());
            assertThat(log.verify().problems()).containsExactly(new Problem(Kind.LINK_BROKEN, next.seq(), next.seq()));
        } finally {
            asSuperuser("update audit_entry set actor = 'filer-001239', address = '10.1.2.3', hash = '"
                    + target.hash() + "' where seq = " + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void deletingOneRowIsFoundAndNamed() throws Exception {
        String id = unique();
        log.append(record(id, "a", "1", "2"));
        AuditEntry target = log.append(record(id, "a", "2", "3"));
        log.append(record(id, "a", "3", "4"));
        try {
            asSuperuser("delete from audit_entry where seq = " + target.seq());

            AuditVerification v = log.verify();
            assertThat(v.problems()).containsExactly(new Problem(Kind.MISSING, target.seq(), target.seq()));
            assertThat(v.describe()).contains("第 " + target.seq() + " 条缺失");
        } finally {
            reinsert(target);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void deletingTheNewestRowIsFoundAndNamed() throws Exception {
        AuditEntry newest = log.append(record(unique(), "a", "1", "2"));
        try {
            asSuperuser("delete from audit_entry where seq = " + newest.seq());
            assertThat(log.verify().problems()).containsExactly(new Problem(Kind.MISSING, newest.seq(), newest.seq()));
        } finally {
            reinsert(newest);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFromManyThreadsKeepOneLinearVerifiableChain() throws Exception {
        String id = unique();
        int threads = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Long>> work = () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(log.append(record(id, "n", thread + "", i + "")).seq());
                    }
                    return seqs;
                };
                futures.add(pool.submit(work));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            Collections.sort(all);
            assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
        List<AuditEntry> stored = log.search(new AuditSearch(null, null, null, null, null, id, null, 0, 200)).rows();
        assertThat(stored).hasSize(threads * each);
        AuditVerification v = log.verify();
        assertThat(v.intact()).as(v.describe()).isTrue();
        assertThat(v.lastSeq() - v.firstSeq() + 1).isEqualTo(v.checked());
    }

    @Test
    void searchFiltersByTimeActorActionSubjectAndText() {
        String id = unique();
        Instant t0 = Instant.now().minus(Duration.ofDays(3));
        log.append(new AuditRecord(t0, "dept-reviewer", "10.0.0.1", "declaration.returned", "declaration", id,
                Map.of("comment", "请补充绩效指标 100%_完成")));
        log.append(new AuditRecord(t0.plus(Duration.ofDays(1)), "finance", "10.0.0.2", "declaration.approved",
                "declaration", id, Map.of("grade", "GOOD")));
        log.append(new AuditRecord(t0.plus(Duration.ofDays(2)), "finance", "10.0.0.2", "evaluation.confirmed",
                "evaluation", id, Map.of()));

        assertThat(search(null, null, "finance", null, null, id, null)).extracting(e -> e.record().action())
                .containsExactly("evaluation.confirmed", "declaration.approved");
        assertThat(search(null, null, null, "declaration.", null, id, null)).hasSize(2);
        assertThat(search(null, null, null, "declaration.approved", null, id, null)).hasSize(1);
        assertThat(search(null, null, null, null, "evaluation", id, null)).hasSize(1);
        assertThat(search(null, null, null, null, null, id, "补充绩效")).extracting(e -> e.record().actor())
                .containsExactly("dept-reviewer");
        assertThat(search(null, null, null, null, null, id, "100%_")).hasSize(1);
        assertThat(search(null, null, null, null, null, id, "%")).hasSize(1);
        assertThat(search(t0.plus(Duration.ofHours(12)), t0.plus(Duration.ofHours(36)), null, null, null, id, null))
                .extracting(e -> e.record().action()).containsExactly("declaration.approved");
        ResultPage<AuditEntry> page = log.search(new AuditSearch(null, null, null, null, null, id, null, 1, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rows()).hasSize(1);
        List<AuditEntry> exported = new ArrayList<>();
        log.export(new AuditSearch(null, null, "finance", null, null, id, null, 0, 1), exported::add);
        assertThat(exported).hasSize(2);
    }

    @Test
    void aPurgeDeletesTheEntriesBeforeTheCutoffAndKeepsTheChainVerifiable() {
        log.purgeBefore(Instant.now().plusSeconds(60)); // every entry so far is purged; its own entry remains
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(400));
        String id = unique();
        AuditEntry a = log.append(new AuditRecord(old, "x", null, "declaration.edited", "declaration", id, Map.of()));
        AuditEntry b = log.append(new AuditRecord(old.plusSeconds(1), "x", null, "declaration.edited", "declaration",
                id, Map.of()));
        // dated after the cutoff below: kept, and with it everything after it
        AuditEntry c = log.append(new AuditRecord(now.plus(Duration.ofDays(2)), "x", null, "declaration.edited",
                "declaration", id, Map.of()));

        AuditLog.Purge purge = log.purgeBefore(now.plus(Duration.ofDays(1)));

        assertThat(purge.ran()).isTrue();
        assertThat(purge.anchorSeq()).isEqualTo(b.seq());
        assertThat(purge.deleted()).isEqualTo(3); // the first purge's own entry, a and b
        assertThat(bySubject(id)).extracting(AuditEntry::seq).containsExactly(c.seq());
        assertThat(log.search(new AuditSearch(null, null, null, "audit.purged", null, String.valueOf(b.seq()), null,
                0, 10)).rows()).hasSize(1);
        AuditVerification v = log.verify();
        assertThat(v.intact()).as(v.describe()).isTrue();
        assertThat(v.anchorSeq()).isEqualTo(b.seq());
        assertThat(v.firstSeq()).isEqualTo(c.seq());
        assertThat(a.seq()).isLessThan(b.seq());
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", c.seq()))
                .isInstanceOf(DataAccessException.class);
        log.append(record(id, "a", "2", "3"));
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void nothingIsPurgedWhenEveryEntryIsInsideTheRetentionPeriod() {
        AuditEntry e = log.append(record(unique(), "a", "1", "2"));
        AuditLog.Purge purge = log.purgeBefore(Instant.now().minus(Duration.ofDays(183)));
        assertThat(purge.deleted()).isZero();
        assertThat(bySubject(e.record().subjectId())).hasSize(1);
        assertThat(log.verify().intact()).isTrue();
    }

    // ------------------------------------------------------------------ a superuser's session, triggers off

    List<AuditEntry> search(Instant from, Instant to, String actor, String action, String type, String id,
                            String text) {
        return log.search(new AuditSearch(from, to, actor, action, type, id, text, 0, 100)).rows();
    }

    static void asSuperuser(String sql) throws Exception {
        try (Connection c = TestDatabase.open(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute(sql);
        }
    }

    static void restoreDetails(long seq, String details) throws Exception {
        try (Connection c = TestDatabase.open(); Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("update audit_entry set details = ? where seq = ?")) {
            s.execute("set session_replication_role = replica");
            p.setString(1, details);
            p.setLong(2, seq);
            p.executeUpdate();
        }
    }

    static void reinsert(AuditEntry e) throws Exception {
        try (Connection c = TestDatabase.open(); Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("insert into audit_entry (seq, occurred_at, actor, address,"
                     + " action, subject_type, subject_id, details, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)")) {
            s.execute("set session_replication_role = replica");
            AuditRecord r = e.record();
            p.setLong(1, e.seq());
            p.setObject(2, java.time.OffsetDateTime.ofInstant(r.occurredAt(), java.time.ZoneOffset.UTC));
            p.setString(3, r.actor());
            p.setString(4, r.address());
            p.setString(5, r.action());
            p.setString(6, r.subjectType());
            p.setString(7, r.subjectId());
            p.setString(8, DetailsJson.write(r.details()));
            p.setString(9, e.prevHash());
            p.setString(10, e.hash());
            p.executeUpdate();
        }
        try (Connection c = TestDatabase.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit_entry where seq = " + e.seq())) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}
