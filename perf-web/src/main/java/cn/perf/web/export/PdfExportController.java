package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.xlsx.XlsxRenderer;
import cn.perf.reports.view.EvaluationViews;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The official PDF of a form (DESIGN.md §7): {@code GET /declarations/{id}/pdf} and {@code GET /evaluations/{id}/pdf}.
 * The same scope as the pages: the read model comes from {@link DeclarationFiling#page} and
 * {@link EvaluationFiling#page}, so a form outside the caller's scope, or a forged id, is 404 before a byte is
 * written. The PDF is drawn from the form's export view ({@link DeclarationViews}, {@link EvaluationViews}) straight
 * onto the response as an attachment named after the project (RFC 5987 UTF-8 file name, with an ASCII fallback).
 * An approved declaration ends with its review history.
 *
 * <p>The Excel file of the same form, {@code GET /declarations/{id}/xlsx} and {@code GET /evaluations/{id}/xlsx}, is
 * drawn from the same export view by {@link XlsxRenderer}, under the same scope rule and naming.
 */
@Controller
class PdfExportController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FormExports forms;
    private final PdfRenderer renderer;
    private final XlsxRenderer xlsx;

    PdfExportController(FormExports forms, PdfRenderer renderer, XlsxRenderer xlsx) {
        this.forms = forms;
        this.renderer = renderer;
        this.xlsx = xlsx;
    }

    @GetMapping("/declarations/{id}/pdf")
    void declaration(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.declaration(scope, id);
        OutputStream out = start(response, PDF, form.fileName(), "declaration-" + id, ".pdf");
        renderer.render(form.view(), out);
        out.flush();
    }

    @GetMapping("/evaluations/{id}/pdf")
    void evaluation(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.evaluation(viewer, id);
        OutputStream out = start(response, PDF, form.fileName(), "evaluation-" + id, ".pdf");
        renderer.render(form.view(), out);
        out.flush();
    }

    @GetMapping("/declarations/{id}/xlsx")
    void declarationXlsx(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.declaration(scope, id);
        OutputStream out = start(response, XLSX, form.fileName(), "declaration-" + id, ".xlsx");
        xlsx.render(form.view(), out);
        out.flush();
    }

    @GetMapping("/evaluations/{id}/xlsx")
    void evaluationXlsx(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        FormExports.Named form = forms.evaluation(viewer, id);
        OutputStream out = start(response, XLSX, form.fileName(), "evaluation-" + id, ".xlsx");
        xlsx.render(form.view(), out);
        out.flush();
    }

    /** The attachment's headers; the body follows on the returned stream. */
    static OutputStream start(HttpServletResponse response, MediaType type, String name, String asciiName,
                                      String extension) throws IOException {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(name + extension, asciiName + extension));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return response.getOutputStream();
    }

    /**
     * {@code attachment; filename="declaration-12.pdf"; filename*=UTF-8''%E8%8B%8F…-%E7%94%B3%E6%8A%A5%E8%A1%A8.pdf}:
     * the project's name for browsers (RFC 6266 / RFC 5987), an ASCII name for the rest. Characters no file system
     * takes ({@code / \ : * ? " < > |}, control characters) become {@code _}.
     */
    static String attachment(String fileName, String asciiFallback) {
        String safe = safeFileName(fileName);
        String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
    }

    /** {@code name} with the characters no file system takes ({@code / \ : * ? " < > |}, controls) as {@code _}. */
    static String safeFileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }
}
