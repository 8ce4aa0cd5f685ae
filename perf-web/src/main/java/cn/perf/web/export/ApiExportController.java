package cn.perf.web.export;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.xlsx.XlsxRenderer;
import cn.perf.web.api.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The official PDF and Excel file of a form for API callers (a token cannot open the pages' {@code /declarations/{id}/pdf}):
 * the same {@link FormExports} read through the pages' use cases and scope, the same renderers, the same file names
 * as {@link PdfExportController}; only a refusal differs — a problem detail instead of the HTML 404 page.
 */
@ApiController
@Tag(name = "导出", description = "申报表与自评表的 PDF、Excel 文件（与页面下载相同）")
class ApiExportController {

    private final FormExports forms;
    private final PdfRenderer pdf;
    private final XlsxRenderer xlsx;

    ApiExportController(FormExports forms, PdfRenderer pdf, XlsxRenderer xlsx) {
        this.forms = forms;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @Operation(summary = "申报表 PDF", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/pdf")))
    @GetMapping("/api/v1/declarations/{id}/pdf")
    void declarationPdf(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.declaration(scope, id);
        OutputStream out = PdfExportController.start(response, PdfExportController.PDF, form.fileName(),
                "declaration-" + id, ".pdf");
        pdf.render(form.view(), out);
        out.flush();
    }

    @Operation(summary = "申报表 Excel", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    @GetMapping("/api/v1/declarations/{id}/xlsx")
    void declarationXlsx(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.declaration(scope, id);
        OutputStream out = PdfExportController.start(response, PdfExportController.XLSX, form.fileName(),
                "declaration-" + id, ".xlsx");
        xlsx.render(form.view(), out);
        out.flush();
    }

    @Operation(summary = "自评表 PDF", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/pdf")))
    @GetMapping("/api/v1/evaluations/{id}/pdf")
    void evaluationPdf(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.evaluation(viewer, id);
        OutputStream out = PdfExportController.start(response, PdfExportController.PDF, form.fileName(),
                "evaluation-" + id, ".pdf");
        pdf.render(form.view(), out);
        out.flush();
    }

    @Operation(summary = "自评表 Excel", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    @GetMapping("/api/v1/evaluations/{id}/xlsx")
    void evaluationXlsx(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.evaluation(viewer, id);
        OutputStream out = PdfExportController.start(response, PdfExportController.XLSX, form.fileName(),
                "evaluation-" + id, ".xlsx");
        xlsx.render(form.view(), out);
        out.flush();
    }
}
