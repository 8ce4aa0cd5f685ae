package cn.perf.domain.declaration;

import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.SigningKeys.StoredKey;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.NotFoundException;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signed on approval (issue 10): the use cases around the signed PDF of an approved 申报表. Drawing and signing the PDF
 * is perf-reports' work and deciding when is perf-web's (after the bureau's approval commits, and a backfill); this
 * class gives them what to draw, keeps what they signed, and serves it within the caller's scope.
 * <ul>
 *   <li><b>System side</b> ({@link #toSign}, {@link #store}, {@link #approvedWithoutSignedPdf}, {@link #demoKey}): no
 *       scope — they run after an approval has committed or in a background job, never for a request. Each runs in
 *       a transaction of its own ({@code REQUIRES_NEW}): after commit, the approval's transaction is over but still
 *       bound, and work joined to it would never commit. Drawing and signing happen between {@link #toSign} and
 *       {@link #store}, outside any transaction, so no connection is held meanwhile; {@link #store} writes the row
 *       in one statement, so a crash mid-signing leaves nothing behind and the backfill signs again.</li>
 *   <li><b>Reading</b> ({@link #signedPdf}, {@link #signed}): the same scope as the declaration's pages — a
 *       declaration outside it, or a forged id, is {@link NotFoundException}.</li>
 * </ul>
 */
@Named
public class DeclarationSignatures {

    /** The name the demo key is kept under ({@link SigningKeys}). */
    public static final String DEMO_KEY = "demo";

    private final DeclarationQueries queries;
    private final DeclarationStamps stamps;
    private final ReviewSteps steps;
    private final SignedDeclarationPdfs pdfs;
    private final SigningKeys keys;

    public DeclarationSignatures(DeclarationQueries queries, DeclarationStamps stamps, ReviewSteps steps,
                                 SignedDeclarationPdfs pdfs, SigningKeys keys) {
        this.queries = queries;
        this.stamps = stamps;
        this.steps = steps;
        this.pdfs = pdfs;
        this.keys = keys;
    }

    /**
     * What to draw and sign for declaration {@code id}: present when the bureau approved it (status 财政审核通过, or
     * superseded since by an approved 目标调整) and no version of it has a signed PDF yet.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<ToSign> toSign(Long id) {
        Optional<DeclarationDetail> found = queries.detail(id);
        if (found.isEmpty() || !signable(found.get().status()) || found.get().financeGrade() == null
                || pdfs.exists(id)) {
            return Optional.empty();
        }
        DeclarationDetail d = found.get();
        List<HistoryRow> history = steps.findByDeclarationIdOrderByOccurredAtAscIdAsc(id).stream()
                .map(DeclarationReview::row).toList();
        HistoryRow graded = null;
        for (HistoryRow h : history) {
            if (h.action() == ReviewAction.GRADED && h.grade() != null
                    && h.grade().outcome() == DeclarationStatus.APPROVED) {
                graded = h;
            }
        }
        return Optional.of(new ToSign(d, history, graded));
    }

    /**
     * What the signed PDF is made from: the declaration as it is now, its review history, and the step in which the
     * bureau approved it ({@code null} when none was recorded: the demo approves its seeds without review steps).
     */
    public record ToSign(DeclarationDetail detail, List<HistoryRow> history, HistoryRow approval) {
        public ToSign {
            history = List.copyOf(history);
        }
    }

    /** Keeps {@code pdf} unless its declaration version has one already; returns whether it was kept. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean store(SignedDeclarationPdf pdf) {
        return pdfs.storeIfAbsent(pdf);
    }

    /** Approved declarations that still lack their signed PDF, lowest id first (for the backfill). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> approvedWithoutSignedPdf(int limit) {
        return pdfs.approvedWithoutSignedPdf(limit);
    }

    /**
     * The demo key, the same on every node: the stored one, else {@code create}'s, stored first — when two nodes
     * create one at once, the first insert wins and both return it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public StoredKey demoKey(Supplier<StoredKey> create) {
        return keys.find(DEMO_KEY).orElseGet(() -> {
            keys.insertIfAbsent(DEMO_KEY, create.get());
            return keys.find(DEMO_KEY).orElseThrow(() -> new IllegalStateException("demo key not stored"));
        });
    }

    // ------------------------------------------------------------------ reading, within a scope

    /**
     * The signed PDF of declaration {@code id} (its highest signed version), empty while there is none (not approved,
     * or being signed). Outside {@code scope}: {@link NotFoundException}.
     */
    @Transactional
    public Optional<SignedDeclarationPdf> signedPdf(Scope scope, Long id) {
        visible(scope, id);
        return pdfs.latest(id);
    }

    /** {@link #signedPdf} with the project's name, for the download's file name. */
    @Transactional
    public Optional<Download> download(Scope scope, Long id) {
        return signedPdf(scope, id).map(pdf -> new Download(queries.detail(id).orElseThrow().projectName(), pdf));
    }

    /** A signed PDF and the name of its project. */
    public record Download(String projectName, SignedDeclarationPdf pdf) {
    }

    /** Whether declaration {@code id} has a signed PDF. Outside {@code scope}: {@link NotFoundException}. */
    public boolean signed(Scope scope, Long id) {
        visible(scope, id);
        return pdfs.exists(id);
    }

    /** The statuses of a declaration the bureau approved. */
    public static boolean signable(DeclarationStatus status) {
        return status == DeclarationStatus.APPROVED || status == DeclarationStatus.SUPERSEDED;
    }

    private void visible(Scope scope, Long id) {
        stamps.stamp(id).filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> new NotFoundException("申报表不存在：" + id));
    }
}
