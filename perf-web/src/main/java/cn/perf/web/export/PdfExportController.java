package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.xlsx.XlsxRenderer;
import cn.perf.web.export.FormDownloads.Format;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The official PDF of a form (DESIGN.md §7): {@code GET /declarations/{id}/pdf} and {@code GET /evaluations/{id}/pdf}.
 * The same scope as the pages: the read model comes from {@link DeclarationFiling#page} and
 * {@link EvaluationFiling#page}, so a form outside the caller's scope, or a forged id, is 404 before a byte is
 * written. The PDF is drawn from the form's export view ({@link DeclarationViews}, {@link EvaluationViews}) straight
 * onto the response as an attachment named after the project ({@link FormDownloads}, shared with the API's
 * downloads). An approved declaration ends with its review history.
 *
 * <p>The Excel file of the same form, {@code GET /declarations/{id}/xlsx} and {@code GET /evaluations/{id}/xlsx}, is
 * drawn from the same export view by {@link XlsxRenderer}, under the same scope rule and naming.
 */
@Controller
class PdfExportController {

    private final FormDownloads downloads;

    PdfExportController(FormDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/declarations/{id}/pdf")
    void declaration(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.declaration(scope, id, Format.PDF, response);
    }

    @GetMapping("/evaluations/{id}/pdf")
    void evaluation(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.evaluation(viewer, id, Format.PDF, response);
    }

    @GetMapping("/declarations/{id}/xlsx")
    void declarationXlsx(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.declaration(scope, id, Format.XLSX, response);
    }

    @GetMapping("/evaluations/{id}/xlsx")
    void evaluationXlsx(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.evaluation(viewer, id, Format.XLSX, response);
    }
}
