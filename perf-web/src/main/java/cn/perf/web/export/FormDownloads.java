package cn.perf.web.export;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.xlsx.XlsxRenderer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A form's official file as a download, for the pages ({@link PdfExportController}) and the API
 * ({@link ApiExportController}) alike: the form's export view read through the pages' use cases and scope
 * ({@link FormExports}: outside the scope, or a forged id, 404 before a byte is written), drawn by the PDF or Excel
 * renderer straight onto the response as an attachment named after the project (RFC 5987 UTF-8 file name with an
 * ASCII fallback), never cached.
 */
@Component
class FormDownloads {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The two files of a form. */
    enum Format {
        PDF(FormDownloads.PDF, ".pdf"), XLSX(FormDownloads.XLSX, ".xlsx");

        private final MediaType type;
        private final String extension;

        Format(MediaType type, String extension) {
            this.type = type;
            this.extension = extension;
        }
    }

    private final FormExports forms;
    private final PdfRenderer pdf;
    private final XlsxRenderer xlsx;

    FormDownloads(FormExports forms, PdfRenderer pdf, XlsxRenderer xlsx) {
        this.forms = forms;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    /** 申报表 {@code id} in {@code format}. */
    void declaration(Scope scope, long id, Format format, HttpServletResponse response) throws IOException {
        send(forms.declaration(scope, id), "declaration-" + id, format, response);
    }

    /** 自评表 {@code id} in {@code format}. */
    void evaluation(Viewer viewer, long id, Format format, HttpServletResponse response) throws IOException {
        send(forms.evaluation(viewer, id), "evaluation-" + id, format, response);
    }

    private void send(FormExports.Named form, String asciiName, Format format, HttpServletResponse response)
            throws IOException {
        OutputStream out = start(response, format.type, form.fileName(), asciiName, format.extension);
        if (format == Format.PDF) {
            pdf.render(form.view(), out);
        } else {
            xlsx.render(form.view(), out);
        }
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
