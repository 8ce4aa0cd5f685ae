package cn.perf.web.export;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.web.api.ApiController;
import cn.perf.web.export.FormDownloads.Format;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The official PDF and Excel file of a form for API callers (a token cannot open the pages' {@code /declarations/{id}/pdf}):
 * the same downloads as {@link PdfExportController} ({@link FormDownloads}: the pages' use cases and scope, the same
 * renderers and file names); only a refusal differs — a problem detail instead of the HTML 404 page.
 */
@ApiController
@Tag(name = "导出", description = "申报表与自评表的 PDF、Excel 文件（与页面下载相同）")
class ApiExportController {

    private final FormDownloads downloads;

    ApiExportController(FormDownloads downloads) {
        this.downloads = downloads;
    }

    @Operation(summary = "申报表 PDF", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/pdf")))
    @GetMapping("/api/v1/declarations/{id}/pdf")
    void declarationPdf(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.declaration(scope, id, Format.PDF, response);
    }

    @Operation(summary = "申报表 Excel", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    @GetMapping("/api/v1/declarations/{id}/xlsx")
    void declarationXlsx(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.declaration(scope, id, Format.XLSX, response);
    }

    @Operation(summary = "自评表 PDF", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/pdf")))
    @GetMapping("/api/v1/evaluations/{id}/pdf")
    void evaluationPdf(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.evaluation(viewer, id, Format.PDF, response);
    }

    @Operation(summary = "自评表 Excel", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    @GetMapping("/api/v1/evaluations/{id}/xlsx")
    void evaluationXlsx(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.evaluation(viewer, id, Format.XLSX, response);
    }
}
