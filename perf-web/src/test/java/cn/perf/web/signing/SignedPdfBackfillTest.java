package cn.perf.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.job.JobLocks;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.reports.sign.DemoSigningKey;
import cn.perf.reports.sign.SigningKey;
import cn.perf.web.evaluation.EvaluationFixtures;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The signing around the approval, against the real database: an approval through the domain's use case signs after
 * commit; a signed PDF that went missing (a crash between approval and signing) is signed again by the backfill,
 * and a second pass finds nothing to do; two nodes running the backfill at the same moment sign each form once (one
 * of them holds the job's lock); every node gets the same demo key from the database; a configured PKCS#12
 * key replaces the demo key, and a wrong one stops the start-up with a Chinese message.
 */
@SpringBootTest(properties = "perf.demo-data=true")
class SignedPdfBackfillTest {

    @Autowired
    SignedPdfBackfill backfill;
    @Autowired
    SigningKeySource keys;
    @Autowired
    DeclarationSignatures signatures;
    @Autowired
    DeclarationService service;
    @Autowired
    Declarations declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeclarationPdfSigning signing;
    @Autowired
    JobLocks locks;

    @Test
    void twoNodesRunningTheBackfillAtOnceSignEachDeclarationOnce() throws Exception {
        EvaluationFixtures fixtures = new EvaluationFixtures(service, declarations, units, transactions);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(fixtures.approvedSuzhou(DemoOrganization.CHENGGUAN, "两节点补签" + i + UUID.randomUUID()
                    .toString().substring(0, 6), EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个")));
        }
        // the four approvals' signing went missing (a crash): both nodes' backfills find them at their next run
        for (Long id : ids) {
            jdbc.update("delete from declaration_signed_pdf where declaration_id = ?", id);
        }
        SignedPdfBackfill nodeA = new SignedPdfBackfill(signatures, signing, locks);
        SignedPdfBackfill nodeB = new SignedPdfBackfill(signatures, signing, locks);

        Logger signingLog = (Logger) LoggerFactory.getLogger(DeclarationPdfSigning.class);
        ListAppender<ILoggingEvent> signed = new ListAppender<>();
        signed.start();
        signingLog.addAppender(signed);
        // the context's own backfill (2 s after start-up, then every 10 min) takes the same lock: let it finish first
        locks.runInTurn(SignedPdfBackfill.JOB, Duration.ofMinutes(2), () -> { });
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> runs = List.of(
                    nodes.submit(() -> { together.await(); nodeA.scheduled(); return null; }),
                    nodes.submit(() -> { together.await(); nodeB.scheduled(); return null; }));
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
            signingLog.detachAppender(signed);
        }

        // and should it have started meanwhile (the two runs then skip), wait for it: whoever ran, once each
        locks.runInTurn(SignedPdfBackfill.JOB, Duration.ofMinutes(2), () -> { });
        assertThat(signatures.approvedWithoutSignedPdf(100_000)).as("every approved declaration signed").isEmpty();
        for (Long id : ids) {
            assertThat(signed.list.stream().filter(e -> e.getFormattedMessage().startsWith("申报表 " + id + "（")))
                    .as("signatures drawn for declaration %d", id).hasSize(1);
        }
    }

    @Test
    void anApprovalSignsAfterCommitAndTheBackfillSignsWhatWentMissing() {
        EvaluationFixtures fixtures = new EvaluationFixtures(service, declarations, units, transactions);
        long id = fixtures.approvedSuzhou(DemoOrganization.CHENGGUAN, "补签" + UUID.randomUUID().toString().substring(0, 8),
                EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个"));
        assertThat(signatures.signed(scopes.viewer("filer-001239").scope(), id)).as("signed after commit").isTrue();

        // a crash after the approval committed and before the signed PDF was stored
        jdbc.update("delete from declaration_signed_pdf where declaration_id = ?", id);
        assertThat(signatures.approvedWithoutSignedPdf(100_000)).contains(id);

        backfill.run();
        assertThat(signatures.approvedWithoutSignedPdf(100_000)).as("every approved declaration signed").isEmpty();
        byte[] pdf = signatures.signedPdf(scopes.viewer("filer-001239").scope(), id).orElseThrow().pdf();
        assertThat(Poppler.pdfsig(pdf)).contains("Signature is Valid.", "Total document signed");
        assertThat(backfill.run()).as("nothing left to sign").isZero();
    }

    @Test
    void everyNodeSignsWithTheOneDemoKeyKeptInTheDatabase() {
        SigningKey mine = keys.current();
        assertThat(mine.demo()).isTrue();
        assertThat(mine.signerName()).isEqualTo(DemoSigningKey.COMMON_NAME);
        SigningKey anotherNode = new SigningKeySource("", "", "", signatures, Clock.systemUTC()).current();
        assertThat(anotherNode.certificate()).isEqualTo(mine.certificate());
        assertThat(anotherNode.privateKey()).isEqualTo(mine.privateKey());
        assertThat(jdbc.queryForObject("select count(*) from signing_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void aConfiguredPkcs12KeyReplacesTheDemoKeyAndAWrongOneStopsTheStart(@TempDir Path dir) throws Exception {
        SigningKey k = DemoSigningKey.create(java.time.Instant.now()).decode();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("bureau", k.privateKey(), "pw".toCharArray(), new Certificate[] {k.certificate()});
        Path file = dir.resolve("bureau.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }

        SigningKey configured = new SigningKeySource(file.toString(), "pw", "bureau", signatures, Clock.systemUTC())
                .current();
        assertThat(configured.demo()).isFalse();
        assertThat(configured.certificate()).isEqualTo(k.certificate());
        assertThatThrownBy(() -> new SigningKeySource(file.toString(), "wrong", "", signatures, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("签章密钥文件");
        assertThatThrownBy(() -> new SigningKeySource(dir.resolve("none.p12").toString(), "pw", "", signatures,
                Clock.systemUTC())).hasMessageContaining("找不到签章密钥文件");
    }
}
