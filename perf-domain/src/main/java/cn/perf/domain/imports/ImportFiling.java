package cn.perf.domain.imports;

import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Excel import with preview (issue 10, DESIGN.md §7–§8): an upload waits, for its owner only, until it is confirmed
 * or expires; a confirmation stores the form in one transaction through the same use cases as the pages
 * ({@link DeclarationFiling#create}, {@link DeclarationFiling#revise}, {@link EvaluationFiling#save}) — the same rules,
 * the same version check — and removes the waiting upload in that transaction, so a refused confirmation changes
 * nothing and may be tried again. Reading the file is not done here (perf-reports reads it; the web previews it).
 */
@Named
public class ImportFiling {

    /** How long an upload waits for its confirmation. */
    public static final Duration KEPT = Duration.ofHours(24);
    /** Most uploads one user has waiting (older ones are dropped). */
    public static final int MAX_PER_OWNER = 10;

    private final PendingImports pending;
    private final DeclarationFiling declarations;
    private final EvaluationFiling evaluations;

    public ImportFiling(PendingImports pending, DeclarationFiling declarations, EvaluationFiling evaluations) {
        this.pending = pending;
        this.declarations = declarations;
        this.evaluations = evaluations;
    }

    /**
     * Keeps an upload for the caller, to import as {@code kind} into {@code targetId}: a unit the caller files for,
     * or a declaration or self-evaluation the caller may edit now (its version is noted).
     *
     * @return the waiting import's id
     * @throws NotFoundException       the target is not in the caller's scope
     * @throws InvalidCommandException the target may not be changed now (submitted, under review …)
     */
    @Transactional
    public long stage(Viewer viewer, ImportKind kind, Long targetId, String fileName, byte[] content) {
        Scope scope = viewer.scope();
        if (targetId == null) {
            throw new NotFoundException("导入对象不存在");
        }
        long version = switch (kind) {
            case NEW_DECLARATION -> {
                if (!scope.canFile(targetId)) {
                    throw new NotFoundException("单位不存在或无权为其填报");
                }
                yield 0L;
            }
            case DECLARATION -> {
                DeclarationFiling.PageStamp s = declarations.stamp(scope, targetId);
                if (!s.editable()) {
                    throw notEditable("申报表");
                }
                yield s.version();
            }
            case SELF_EVALUATION -> {
                var page = evaluations.page(viewer, targetId);
                if (!page.editable()) {
                    throw notEditable("自评表");
                }
                yield page.detail().version();
            }
        };
        Instant now = Instant.now();
        pending.prune(scope.username(), MAX_PER_OWNER - 1, now);
        return pending.add(new PendingImport(null, scope.username(), kind, targetId, version, fileName, content, now,
                now.plus(KEPT)));
    }

    /** The caller's waiting import {@code id}; anybody else's, an expired or a made-up one: {@link NotFoundException}. */
    @Transactional
    public PendingImport find(Scope scope, long id) {
        return pending.find(id, scope.username(), Instant.now())
                .orElseThrow(() -> new NotFoundException("导入不存在或已过期：" + id));
    }

    /** The caller's waiting imports, newest first. */
    @Transactional
    public List<PendingImport.Line> mine(Scope scope) {
        return pending.ofOwner(scope.username(), Instant.now());
    }

    /**
     * Confirms import {@code id} as a new 申报表 of its unit: {@link DeclarationFiling#create} in this transaction.
     *
     * @param expectedVersion the version the preview showed (0 for a new declaration)
     * @return the new declaration's id
     */
    @Transactional
    public Long confirmNewDeclaration(Scope scope, long id, long expectedVersion, FormLayout layout, int year,
                                      String frameworkCode, DeclarationContent content) {
        PendingImport p = take(scope, id, expectedVersion, ImportKind.NEW_DECLARATION);
        return declarations.create(scope, new CreateDeclaration(p.targetId(), layout, year, frameworkCode, content));
    }

    /**
     * Confirms import {@code id} as a save of its declaration, from the version it was uploaded against
     * ({@link StaleVersionException} when someone saved since): {@link DeclarationFiling#revise}.
     */
    @Transactional
    public Long confirmDeclaration(Scope scope, long id, long expectedVersion, DeclarationContent content) {
        PendingImport p = take(scope, id, expectedVersion, ImportKind.DECLARATION);
        return declarations.revise(scope, new ReviseDeclaration(p.targetId(), p.targetVersion(), content));
    }

    /**
     * Confirms import {@code id} as a save of its self-evaluation, from the version it was uploaded against:
     * {@link EvaluationFiling#save} ({@code cmd}'s id and version are the upload's).
     *
     * @return the self-evaluation's id
     */
    @Transactional
    public Long confirmEvaluation(Scope scope, long id, long expectedVersion, RecordEvaluation cmd) {
        PendingImport p = take(scope, id, expectedVersion, ImportKind.SELF_EVALUATION);
        evaluations.save(scope, new RecordEvaluation(p.targetId(), p.targetVersion(), cmd.cityBudget(),
                cmd.cityFundsUse(), cmd.subProjects(), cmd.nationalFunds(), cmd.budgetScore(), cmd.rows(),
                cmd.report(), cmd.signature()));
        return p.targetId();
    }

    private PendingImport take(Scope scope, long id, long expectedVersion, ImportKind kind) {
        PendingImport p = find(scope, id);
        if (p.kind() != kind) {
            throw new InvalidCommandException(List.of(Violation.of("kind", "importKind", "导入类型不符")));
        }
        if (expectedVersion != p.targetVersion()) {
            throw new StaleVersionException("导入", id, expectedVersion, p.targetVersion());
        }
        pending.remove(id);
        return p;
    }

    private static InvalidCommandException notEditable(String what) {
        return new InvalidCommandException(List.of(Violation.of("targetId", "importNotEditable",
                "该" + what + "当前不能修改：只能导入到本单位的草稿（或已退回的申报表）", what)));
    }
}
