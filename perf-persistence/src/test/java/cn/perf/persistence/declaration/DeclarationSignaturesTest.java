package cn.perf.persistence.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.ReviewCommand;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.DeclarationSignatures.ToSign;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.ReviewAction;
import cn.perf.domain.declaration.ReviewDecision;
import cn.perf.domain.declaration.ReviewLog;
import cn.perf.domain.declaration.SignedDeclarationPdf;
import cn.perf.domain.declaration.SigningKeys.StoredKey;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DeclarationSignatures} on PostgreSQL, committing for real (its system side runs in transactions of its own):
 * what an approved declaration is signed from, the signed PDF kept byte for byte — one per declaration version, the
 * first one staying —, read back only within scope, the backfill's list, the database's own checks (the digest is
 * the bytes' digest, a stored PDF is never updated), and one demo key for every node.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({DeclarationFiling.class, DeclarationReview.class, DeclarationSignatures.class, JdbcDeclarationStamps.class,
        JdbcSignedDeclarationPdfs.class, JdbcSigningKeys.class, ReviewLog.class, AccountDirectory.class,
        RecordedEvents.class})
class DeclarationSignaturesTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationReview review;
    @Autowired
    DeclarationSignatures signatures;
    @Autowired
    Declarations declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit unit;
    Scope filer;
    Scope otherUnit;
    Viewer department;
    Viewer finance;

    @BeforeEach
    void units() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("签章测试财政局" + run, "签章测试市" + run));
        unit = units.save(BudgetUnit.department("99" + run.hashCode() % 10000, "签章测试城管局" + run, bureau.id(),
                "签章测试市" + run));
        BudgetUnit other = units.save(BudgetUnit.department("98" + run.hashCode() % 10000, "签章测试住建局" + run,
                bureau.id(), "签章测试市" + run));
        filer = new Scope("filer", Set.of(unit.id()), null, Set.of(unit.id()));
        otherUnit = new Scope("other", Set.of(other.id()), null, Set.of(other.id()));
        department = viewer(new Scope("dept", Set.of(unit.id()), null, Set.of()), Role.DEPARTMENT_REVIEWER);
        finance = viewer(new Scope("fin", Set.of(), "签章测试市" + run, Set.of()), Role.FINANCE_REVIEWER);
    }

    private static Viewer viewer(Scope scope, Role role) {
        return new Viewer(new AccountProfile(scope.username(), scope.username(), EnumSet.of(role), null, null, null,
                null, null), scope);
    }

    private long version(Long id) {
        return declarations.findById(id).orElseThrow().version();
    }

    private Long submitted(String name) {
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou(name)));
        filing.submit(filer, id, version(id));
        review.review(department, new ReviewCommand(id, version(id), ReviewDecision.APPROVE, null, null));
        return id;
    }

    private Long approved(String name, FinanceGrade grade) {
        Long id = submitted(name);
        review.review(finance, new ReviewCommand(id, version(id), null, grade, grade.requiresComment() ? "意见" : null));
        return id;
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.5\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anApprovedDeclarationIsSignedFromItsDetailAndHistoryOnceThenItsPdfIsKeptByteForByte() {
        Long id = approved("签章项目甲", FinanceGrade.GOOD);

        ToSign toSign = signatures.toSign(id).orElseThrow();
        assertThat(toSign.detail().status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(toSign.history()).extracting(DeclarationReview.HistoryRow::action).containsExactly(
                ReviewAction.SUBMITTED, ReviewAction.DEPARTMENT_APPROVED, ReviewAction.GRADED);
        assertThat(toSign.approval().username()).isEqualTo("fin");
        assertThat(toSign.approval().grade()).isEqualTo(FinanceGrade.GOOD);
        assertThat(signatures.approvedWithoutSignedPdf(10_000)).contains(id);

        byte[] bytes = pdf("signed \u0000\u00ff 甲");
        SignedDeclarationPdf signed = SignedDeclarationPdf.of(id, toSign.detail().version(), bytes, "演示证书", true,
                NOW);
        assertThat(signatures.store(signed)).isTrue();

        SignedDeclarationPdf read = signatures.signedPdf(filer, id).orElseThrow();
        assertThat(read.pdf()).isEqualTo(bytes);
        assertThat(read).isEqualTo(signed);
        assertThat(read.sha256()).hasSize(64).isEqualTo(SignedDeclarationPdf.sha256(bytes));
        assertThat(signatures.signed(filer, id)).isTrue();
        assertThat(signatures.toSign(id)).as("signed once: nothing more to sign").isEmpty();
        assertThat(signatures.approvedWithoutSignedPdf(10_000)).doesNotContain(id);
    }

    @Test
    void aVersionKeepsItsFirstSignedPdfAndTheHighestSignedVersionIsServed() {
        Long id = approved("签章项目乙", FinanceGrade.EXCELLENT);
        long v = version(id);
        assertThat(signatures.store(SignedDeclarationPdf.of(id, v, pdf("first"), "A", true, NOW))).isTrue();
        assertThat(signatures.store(SignedDeclarationPdf.of(id, v, pdf("second"), "B", true, NOW)))
                .as("another node signed the same version: the first stays").isFalse();
        assertThat(signatures.signedPdf(filer, id).orElseThrow().pdf()).isEqualTo(pdf("first"));

        assertThat(signatures.store(SignedDeclarationPdf.of(id, v + 1, pdf("newer"), "A", true, NOW))).isTrue();
        assertThat(signatures.signedPdf(filer, id).orElseThrow().pdf()).isEqualTo(pdf("newer"));
    }

    @Test
    void nothingIsSignedBeforeTheBureauApprovesNorWhenItReturnsOrRejects() {
        Long pending = submitted("签章项目丙");
        Long returned = approved("签章项目丁", FinanceGrade.FAIR);
        Long rejected = approved("签章项目戊", FinanceGrade.POOR);

        for (Long id : List.of(pending, returned, rejected)) {
            assertThat(signatures.toSign(id)).isEmpty();
            assertThat(signatures.signedPdf(filer, id)).isEmpty();
            assertThat(signatures.signed(filer, id)).isFalse();
            assertThat(signatures.approvedWithoutSignedPdf(10_000)).doesNotContain(id);
        }
        assertThat(signatures.toSign(987_654_321L)).isEmpty();
    }

    @Test
    void anotherUnitOrAForgedIdIsNotFound() {
        Long id = approved("签章项目己", FinanceGrade.EXCELLENT);
        signatures.store(SignedDeclarationPdf.of(id, version(id), pdf("x"), "A", true, NOW));

        assertThatThrownBy(() -> signatures.signedPdf(otherUnit, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> signatures.signed(otherUnit, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> signatures.signedPdf(filer, 987_654_321L)).isInstanceOf(NotFoundException.class);
        assertThat(signatures.signedPdf(finance.scope(), id)).as("the bureau of the region sees it").isPresent();
    }

    @Test
    void theDatabaseChecksTheDigestAndNeverChangesAStoredPdf() {
        Long id = approved("签章项目庚", FinanceGrade.EXCELLENT);
        long v = version(id);
        assertThatThrownBy(() -> jdbc.update("insert into declaration_signed_pdf (declaration_id, declaration_version,"
                        + " pdf, sha256, signer, demo_key, signed_at) values (?, ?, ?, ?, 'A', true, now())",
                id, v, pdf("x"), SignedDeclarationPdf.sha256(pdf("y"))))
                .as("a digest that is not the bytes' digest").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("insert into declaration_signed_pdf (declaration_id, declaration_version,"
                        + " pdf, sha256, signer, demo_key, signed_at) values (?, ?, ?, ?, 'A', true, now())",
                id, v, "not a pdf".getBytes(StandardCharsets.UTF_8),
                SignedDeclarationPdf.sha256("not a pdf".getBytes(StandardCharsets.UTF_8))))
                .as("not a PDF").isInstanceOf(DataAccessException.class);

        signatures.store(SignedDeclarationPdf.of(id, v, pdf("kept"), "A", true, NOW));
        assertThatThrownBy(() -> jdbc.update("update declaration_signed_pdf set signer = 'B' where declaration_id = ?",
                id)).isInstanceOf(DataAccessException.class).hasStackTraceContaining("UPDATE refused");
        assertThat(signatures.signedPdf(filer, id).orElseThrow().pdf()).isEqualTo(pdf("kept"));
    }

    @Test
    void everyCallerGetsTheSameDemoKeyWhoeverCreatesItFirst() throws Exception {
        jdbc.update("delete from signing_key where name = ?", DeclarationSignatures.DEMO_KEY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<StoredKey>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] mine = ("key-" + i).getBytes(StandardCharsets.UTF_8);
                calls.add(() -> {
                    start.await();
                    return signatures.demoKey(() -> new StoredKey(mine, mine, NOW));
                });
            }
            List<Future<StoredKey>> futures = new java.util.ArrayList<>();
            for (Callable<StoredKey> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            byte[] first = futures.get(0).get().privateKey();
            for (Future<StoredKey> f : futures) {
                assertThat(f.get().privateKey()).isEqualTo(first);
            }
            assertThat(signatures.demoKey(() -> {
                throw new AssertionError("a stored key is reused, never created again");
            }).privateKey()).isEqualTo(first);
        } finally {
            pool.shutdownNow();
            jdbc.update("delete from signing_key where name = ?", DeclarationSignatures.DEMO_KEY);
        }
    }
}
