package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.export.ExportKind;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.template.FormLayout;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.xlsx.SummaryWorkbook;
import cn.perf.reports.xlsx.SummaryWorkbook.Column;
import cn.perf.reports.xlsx.SummaryWorkbook.Kind;
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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * What a list's 导出 writes (issue 10), whether it is downloaded at once ({@link ListExportController}) or written in
 * the background ({@link ExportWorker}): the current search of {@code /declarations} or {@code /evaluations} — the same
 * parameters (年度, 单位, 模板, 状态, 名称, sort), every page of it, within the caller's scope (the list's own query) —
 * as one summary workbook or as the PDFs of its forms in one zip.
 *
 * <p><b>Bounded memory, one pass.</b> The search is read through one database cursor, 500 rows at a time
 * ({@code DeclarationQueries#forEach}), and written as it comes: the workbook through SXSSF ({@link SummaryWorkbook}),
 * the zip one PDF at a time. A zip holds at most {@code perf.export.batch-max} forms (default 500) so that one click
 * cannot occupy a node for an hour; a larger search is refused ({@link TooMany}) before anything is written.
 */
@Component
class ListExports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /** Where an export's file goes: first what it is (media type, name, ASCII name, extension), then its bytes. */
    interface Sink {
        OutputStream open(MediaType type, String name, String asciiName, String extension) throws IOException;
    }

    /** A search larger than one zip may hold; {@link #getMessage()} says so in Chinese. */
    static final class TooMany extends RuntimeException {
        TooMany(String message) {
            super(message);
        }
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

    private final DeclarationFiling declarations;
    private final EvaluationFiling evaluations;
    private final FormExports forms;
    private final PdfRenderer pdf;
    private final SummaryWorkbook summary;
    private final MessageSource messages;
    private final int batchMax;

    ListExports(DeclarationFiling declarations, EvaluationFiling evaluations, FormExports forms, PdfRenderer pdf,
                MessageSource messages, @Value("${perf.reports.xlsx-font:}") String xlsxFont,
                @Value("${perf.export.batch-max:500}") int batchMax) {
        this.declarations = declarations;
        this.evaluations = evaluations;
        this.forms = forms;
        this.pdf = pdf;
        this.summary = new SummaryWorkbook(xlsxFont);
        this.messages = messages;
        this.batchMax = batchMax;
    }

    /** What the export of {@code kind} for {@code year} (null: every year) is called, in {@code locale}. */
    String title(ExportKind kind, Integer year, Locale locale) {
        String key = switch (kind) {
            case DECLARATION_SUMMARY -> "export.summary.declarations.title";
            case EVALUATION_SUMMARY -> "export.summary.evaluations.title";
            case DECLARATION_PDFS -> "export.zip.declarations";
            case EVALUATION_PDFS -> "export.zip.evaluations";
        };
        return text(locale, key, year == null ? "" : text(locale, "export.summary.year", String.valueOf(year)));
    }

    /** Writes the summary of the declarations the viewer sees in {@code query}; returns how many rows. */
    int declarationSummary(Viewer viewer, DeclarationQuery query, Sink sink, Locale locale) throws IOException {
        List<Column> columns = List.of(column(locale, "declaration.col.index", Kind.INTEGER, 6),
                column(locale, "declaration.col.projectName", Kind.TEXT, 40),
                column(locale, "declaration.col.unit", Kind.TEXT, 28),
                column(locale, "declaration.col.year", Kind.INTEGER, 8),
                column(locale, "declaration.col.layout", Kind.TEXT, 12),
                column(locale, "declaration.col.total", Kind.MONEY, 16),
                column(locale, "declaration.col.indicators", Kind.INTEGER, 8),
                column(locale, "declaration.col.status", Kind.TEXT, 12),
                column(locale, "declaration.col.updatedAt", Kind.DATE_TIME, 18));
        String title = title(ExportKind.DECLARATION_SUMMARY, query.year(), locale);
        try (SummaryWorkbook.Writer w = summary.start(text(locale, "export.summary.declarations.sheet"), title,
                columns)) {
            int[] n = {0};
            declarations.forEachRow(viewer.scope(), query.all(), r -> w.row(Arrays.asList(
                    ++n[0], r.projectName(), r.unitName(), r.year().value(), text(locale, "layout." + r.layout()),
                    r.totalAmount() == null ? null : r.totalAmount().wan(), r.indicatorCount(),
                    text(locale, "status." + r.status()), LocalDateTime.ofInstant(r.updatedAt(), CHINA))));
            w.finish(sink.open(FormDownloads.XLSX, title, "declarations", ".xlsx"));
            return n[0];
        }
    }

    /** Writes the summary of the self-evaluations the viewer sees in {@code query}; returns how many rows. */
    int evaluationSummary(Viewer viewer, EvaluationQuery query, Sink sink, Locale locale) throws IOException {
        List<Column> columns = List.of(column(locale, "declaration.col.index", Kind.INTEGER, 6),
                column(locale, "declaration.col.projectName", Kind.TEXT, 40),
                column(locale, "declaration.col.unit", Kind.TEXT, 28),
                column(locale, "declaration.col.year", Kind.INTEGER, 8),
                column(locale, "evaluation.col.layout", Kind.TEXT, 16),
                column(locale, "evaluation.col.recordedTotal", Kind.SCORE, 10),
                column(locale, "evaluation.col.computedTotal", Kind.SCORE, 10),
                column(locale, "evaluation.col.grade", Kind.TEXT, 8),
                column(locale, "evaluation.col.findings", Kind.INTEGER, 8),
                column(locale, "declaration.col.status", Kind.TEXT, 12));
        String title = title(ExportKind.EVALUATION_SUMMARY, query.year(), locale);
        try (SummaryWorkbook.Writer w = summary.start(text(locale, "export.summary.evaluations.sheet"), title,
                columns)) {
            int[] n = {0};
            evaluations.forEachRow(viewer.scope(), query.all(), r -> w.row(Arrays.asList(
                    ++n[0], r.projectName(), r.unitName(), r.year().value(),
                    text(locale, "evaluation.layout." + r.layout()), r.recordedTotal(), r.computedTotal(), r.grade(),
                    r.findings(), text(locale, "evaluation.status." + r.status()))));
            w.finish(sink.open(FormDownloads.XLSX, title, "evaluations", ".xlsx"));
            return n[0];
        }
    }

    /** Writes the PDFs of the declarations the viewer sees in {@code query} as one zip; returns how many. */
    int declarationPdfs(Viewer viewer, DeclarationQuery query, Sink sink, Locale locale) throws IOException {
        List<Long> ids = new ArrayList<>();
        declarations.forEachRow(viewer.scope(), query.all(), r -> ids.add(r.id()));
        return zip(sink, ids, title(ExportKind.DECLARATION_PDFS, query.year(), locale), "declarations",
                id -> forms.declaration(viewer.scope(), id), locale);
    }

    /** Writes the PDFs of the self-evaluations the viewer sees in {@code query} as one zip; returns how many. */
    int evaluationPdfs(Viewer viewer, EvaluationQuery query, Sink sink, Locale locale) throws IOException {
        List<Long> ids = new ArrayList<>();
        evaluations.forEachRow(viewer.scope(), query.all(), r -> ids.add(r.id()));
        return zip(sink, ids, title(ExportKind.EVALUATION_PDFS, query.year(), locale), "evaluations",
                id -> forms.evaluation(viewer, id), locale);
    }

    private int zip(Sink sink, List<Long> ids, String name, String ascii, LongFunction<FormExports.Named> form,
                    Locale locale) throws IOException {
        if (ids.size() > batchMax) {
            throw new TooMany(text(locale, "export.zip.tooMany", ids.size(), batchMax));
        }
        FormZip.write(sink.open(ZIP, name, ascii, ".zip"), ids, form, pdf);
        return ids.size();
    }

    private Column column(Locale locale, String key, Kind kind, int width) {
        return new Column(text(locale, key), kind, width);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
