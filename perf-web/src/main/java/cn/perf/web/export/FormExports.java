package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.view.FormView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A form's export view and its file name, read through the pages' own use cases ({@link DeclarationFiling#page},
 * {@link EvaluationFiling#page}), so every export obeys the pages' scope: a form outside it, or a forged id, is a
 * {@link cn.perf.domain.shared.NotFoundException} before a byte is written. An approved (or since superseded)
 * declaration's view ends with its review history.
 */
@Component
class FormExports {

    /** A form's export view and the file name it is downloaded under, without extension. */
    record Named(FormView view, String fileName) {
    }

    private final DeclarationFiling declarations;
    private final DeclarationReview review;
    private final EvaluationFiling evaluations;

    FormExports(DeclarationFiling declarations, DeclarationReview review, EvaluationFiling evaluations) {
        this.declarations = declarations;
        this.review = review;
        this.evaluations = evaluations;
    }

    Named declaration(Scope scope, long id) {
        DeclarationDetail d = declarations.page(scope, id).detail();
        List<HistoryRow> history = d.status() == DeclarationStatus.APPROVED
                || d.status() == DeclarationStatus.SUPERSEDED ? review.history(scope, id) : List.of();
        return new Named(DeclarationViews.of(d, history), d.projectName() + "-申报表");
    }

    Named evaluation(Viewer viewer, long id) {
        SelfEvaluationDetail e = evaluations.page(viewer, id).detail();
        return new Named(EvaluationViews.of(e), e.projectName() + "-自评表");
    }
}
