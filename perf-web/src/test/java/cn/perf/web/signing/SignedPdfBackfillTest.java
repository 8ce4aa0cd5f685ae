package cn.perf.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.reports.sign.DemoSigningKey;
import cn.perf.reports.sign.SigningKey;
import cn.perf.web.evaluation.EvaluationFixtures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The signing around the approval, against the real database: an approval through the domain's use case signs after
 * commit; a signed PDF that went missing (a crash between approval and signing) is signed again by the backfill,
 * and a second pass finds nothing to do; every node gets the same demo key from the database; a configured PKCS#12
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
