package cn.perf.domain.evaluation;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: score a self-evaluation by its rules and keep the result on the form. The regime is chosen from the
 * declaration's indicator framework, else by layout ({@link RegimeChoice}); the form is mapped to a perf-scoring
 * sheet ({@link EvaluationSheets}) and scored; the aggregate then stores each row's computed score, status and
 * trace, the computed total and grade, and the findings ({@link SelfEvaluation#storeScoring}, refused once 已确认).
 * The stored findings are the engine's followed by the differences from the approved declaration
 * ({@link CarryOverCheck}, which the engine cannot see): {@link SelfEvaluation#findings()} is the whole list.
 */
@Named
public class SelfEvaluationScoring {

    private final SelfEvaluations evaluations;
    private final Declarations declarations;
    private final ScoringRegimeCatalog regimes;
    private final IndicatorFrameworks frameworks;
    private final IndicatorLibrary library;

    public SelfEvaluationScoring(SelfEvaluations evaluations, Declarations declarations,
                                 ScoringRegimeCatalog regimes, IndicatorFrameworks frameworks,
                                 IndicatorLibrary library) {
        this.evaluations = evaluations;
        this.declarations = declarations;
        this.regimes = regimes;
        this.frameworks = frameworks;
        this.library = library;
    }

    /**
     * Scores the form the user saw ({@code expectedVersion}); a stale version fails with
     * {@link OptimisticLockException}.
     *
     * @return the full result (every row's trace, subtotals, findings) for a report
     * @throws WorkflowException once 已确认
     */
    @Transactional
    public SheetResult score(Long id, long expectedVersion) {
        SelfEvaluation e = evaluations.findById(id).orElseThrow(() -> new IllegalArgumentException("自评表不存在：" + id));
        if (e.version() != expectedVersion) {
            throw new OptimisticLockException("自评表已被他人修改（版本 " + e.version() + "，页面版本 " + expectedVersion
                    + "），请刷新后重试");
        }
        return score(e);
    }

    /**
     * Scores a loaded (or new, not yet saved) form in the caller's transaction, e.g. right after an import. The
     * aggregate decides whether it may be scored. The stored findings also carry the differences from the approved
     * declaration; the returned engine result does not (read {@link SelfEvaluation#findings()} for the whole list).
     *
     * @throws WorkflowException once 已确认
     */
    @Transactional
    public SheetResult score(SelfEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        Optional<Declaration> declaration = declarations.findById(evaluation.declarationId());
        RegimeChoice choice = regimeOf(evaluation, declaration);
        SheetResult result = new SheetScorer(choice.regime()).score(EvaluationSheets.toSheet(evaluation,
                choice.regime()));
        evaluation.storeScoring(ScoringOutcome.of(result, choice, Instant.now()).withFindings(
                SelfEvaluationService.differencesFromDeclaration(evaluation, declaration, frameworks, library)));
        return result;
    }

    /** The regime for a form: its declaration's framework where the declaration is found, else its layout. */
    public RegimeChoice regimeOf(SelfEvaluation evaluation) {
        return RegimeChoice.of(evaluation.layout(), declarations.frameworkCode(evaluation.declarationId()).orElse(null),
                regimes);
    }

    private RegimeChoice regimeOf(SelfEvaluation evaluation, Optional<Declaration> declaration) {
        return RegimeChoice.of(evaluation.layout(), declaration.map(Declaration::frameworkCode).orElse(null),
                regimes);
    }
}
