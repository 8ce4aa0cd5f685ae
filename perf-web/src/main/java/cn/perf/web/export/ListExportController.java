package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.xlsx.SummaryWorkbook;
import cn.perf.reports.xlsx.SummaryWorkbook.Column;
import cn.perf.reports.xlsx.SummaryWorkbook.Kind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The list pages' 导出 (issue 10): the current search of {@code GET /declarations} or {@code GET /evaluations} — the same
 * parameters (年度, 单位, 模板, 状态, 名称, sort), every page of it, within the caller's scope (the list's own query) —
 * as one summary workbook ({@code /declarations/summary.xlsx}, {@code /evaluations/summary.xlsx}) or as the PDFs of its
 * forms in one zip ({@code /declarations/pdfs.zip}, {@code /evaluations/pdfs.zip}).
 *
 * <p><b>Bounded memory, one pass.</b> The search is read through one database cursor, 500 rows at a time
 * ({@code DeclarationQueries#forEach}; page after page had cost a count and a deeper {@code OFFSET} each), and written
 * as it comes: the workbook through SXSSF ({@link SummaryWorkbook}), the zip straight onto the response, one PDF at a
 * time. A zip holds at most {@code perf.export.batch-max} forms (default 500) so that one click cannot occupy a node
 * for an hour; a larger search is answered with a Chinese message asking to narrow it, before anything is written.
 */
@Controller
class ListExportController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DeclarationFiling declarations;
    private final EvaluationFiling evaluations;
    private final FormExports forms;
    private final PdfRenderer pdf;
    private final SummaryWorkbook summary;
    private final MessageSource messages;
    private final int batchMax;

    ListExportController(DeclarationFiling declarations, EvaluationFiling evaluations, FormExports forms,
                         PdfRenderer pdf, MessageSource messages, @Value("${perf.reports.xlsx-font:}") String xlsxFont,
                         @Value("${perf.export.batch-max:500}") int batchMax) {
        this.declarations = declarations;
        this.evaluations = evaluations;
        this.forms = forms;
        this.pdf = pdf;
        this.summary = new SummaryWorkbook(xlsxFont);
        this.messages = messages;
        this.batchMax = batchMax;
    }

    /** The declaration list's search parameters, as {@code GET /declarations} takes them. */
    record DeclarationQuery(Integer year, Long unitId, FormLayout layout, DeclarationStatus status, String name,
                            DeclarationSearch.Sort sort, String dir) {

        /** The search without its page: the exports read all of it. */
        DeclarationSearch all() {
            return new DeclarationSearch(year, unitId, layout, status, name, 0, DeclarationSearch.MAX_SIZE, sort,
                    "asc".equalsIgnoreCase(dir));
        }
    }

    /** The self-evaluation list's search parameters, as {@code GET /evaluations} takes them. */
    record EvaluationQuery(Integer year, Long unitId, EvaluationLayout layout, EvaluationStatus status, String name,
                           EvaluationSearch.Sort sort, String dir) {

        /** The search without its page: the exports read all of it. */
        EvaluationSearch all() {
            return new EvaluationSearch(year, unitId, layout, status, name, 0, EvaluationSearch.MAX_SIZE, sort,
                    "asc".equalsIgnoreCase(dir));
        }
    }

    @GetMapping("/declarations/summary.xlsx")
    void declarationSummary(Scope scope, @ModelAttribute DeclarationQuery query, HttpServletResponse response)
            throws IOException {
        List<Column> columns = List.of(column("declaration.col.index", Kind.INTEGER, 6),
                column("declaration.col.projectName", Kind.TEXT, 40), column("declaration.col.unit", Kind.TEXT, 28),
                column("declaration.col.year", Kind.INTEGER, 8), column("declaration.col.layout", Kind.TEXT, 12),
                column("declaration.col.total", Kind.MONEY, 16), column("declaration.col.indicators", Kind.INTEGER, 8),
                column("declaration.col.status", Kind.TEXT, 12), column("declaration.col.updatedAt", Kind.DATE_TIME, 18));
        String title = text("export.summary.declarations.title", yearPart(query.year()));
        try (SummaryWorkbook.Writer w = summary.start(text("export.summary.declarations.sheet"), title, columns)) {
            int[] n = {0};
            declarations.forEachRow(scope, query.all(), r -> w.row(Arrays.asList(
                    ++n[0], r.projectName(), r.unitName(), r.year().value(), text("layout." + r.layout()),
                    r.totalAmount() == null ? null : r.totalAmount().wan(), r.indicatorCount(),
                    text("status." + r.status()), LocalDateTime.ofInstant(r.updatedAt(), CHINA))));
            w.finish(FormDownloads.start(response, FormDownloads.XLSX, title, "declarations", ".xlsx"));
        }
    }

    @GetMapping("/evaluations/summary.xlsx")
    void evaluationSummary(Scope scope, @ModelAttribute EvaluationQuery query, HttpServletResponse response)
            throws IOException {
        List<Column> columns = List.of(column("declaration.col.index", Kind.INTEGER, 6),
                column("declaration.col.projectName", Kind.TEXT, 40), column("declaration.col.unit", Kind.TEXT, 28),
                column("declaration.col.year", Kind.INTEGER, 8), column("evaluation.col.layout", Kind.TEXT, 16),
                column("evaluation.col.recordedTotal", Kind.SCORE, 10),
                column("evaluation.col.computedTotal", Kind.SCORE, 10), column("evaluation.col.grade", Kind.TEXT, 8),
                column("evaluation.col.findings", Kind.INTEGER, 8), column("declaration.col.status", Kind.TEXT, 12));
        String title = text("export.summary.evaluations.title", yearPart(query.year()));
        try (SummaryWorkbook.Writer w = summary.start(text("export.summary.evaluations.sheet"), title, columns)) {
            int[] n = {0};
            evaluations.forEachRow(scope, query.all(), r -> w.row(Arrays.asList(
                    ++n[0], r.projectName(), r.unitName(), r.year().value(), text("evaluation.layout." + r.layout()),
                    r.recordedTotal(), r.computedTotal(), r.grade(), r.findings(),
                    text("evaluation.status." + r.status()))));
            w.finish(FormDownloads.start(response, FormDownloads.XLSX, title, "evaluations", ".xlsx"));
        }
    }

    @GetMapping("/declarations/pdfs.zip")
    void declarationPdfs(Scope scope, @ModelAttribute DeclarationQuery query, HttpServletResponse response)
            throws IOException {
        List<Long> ids = new ArrayList<>();
        declarations.forEachRow(scope, query.all(), r -> ids.add(r.id()));
        zip(response, ids, text("export.zip.declarations", yearPart(query.year())), "declarations",
                id -> forms.declaration(scope, id));
    }

    @GetMapping("/evaluations/pdfs.zip")
    void evaluationPdfs(Viewer viewer, @ModelAttribute EvaluationQuery query, HttpServletResponse response)
            throws IOException {
        List<Long> ids = new ArrayList<>();
        evaluations.forEachRow(viewer.scope(), query.all(), r -> ids.add(r.id()));
        zip(response, ids, text("export.zip.evaluations", yearPart(query.year())), "evaluations",
                id -> forms.evaluation(viewer, id));
    }

    private void zip(HttpServletResponse response, List<Long> ids, String name, String ascii,
                     LongFunction<FormExports.Named> form) throws IOException {
        if (ids.size() > batchMax) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(text("export.zip.tooMany", ids.size(), batchMax));
            return;
        }
        FormZip.write(FormDownloads.start(response, ZIP, name, ascii, ".zip"), ids, form, pdf);
    }

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private Column column(String key, Kind kind, int width) {
        return new Column(text(key), kind, width);
    }

    private String yearPart(Integer year) {
        return year == null ? "" : text("export.summary.year", String.valueOf(year));
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
