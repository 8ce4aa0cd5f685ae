package cn.perf.web.export;

import cn.perf.domain.export.ExportKind;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.web.export.ListExports.DeclarationQuery;
import cn.perf.web.export.ListExports.EvaluationQuery;
import cn.perf.web.export.ListExports.Sink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The list pages' 导出 (issues 10 and 12), for the current search of {@code GET /declarations} or
 * {@code GET /evaluations} (the list's own parameters and scope; {@link ListExports} writes the files):
 * <ul>
 *   <li>{@code POST /declarations/summary.xlsx}, {@code POST /evaluations/summary.xlsx},
 *       {@code POST /declarations/pdfs.zip}, {@code POST /evaluations/pdfs.zip} — what the list's buttons send: the
 *       export is queued ({@link ExportQueue}) and the browser goes to its page ({@code /exports/{id}}), which shows it
 *       being written and offers the file when it is ready. A region's summary of 10,000 forms takes a second of a
 *       worker's time, not a second of a request's.</li>
 *   <li>{@code GET} on the same paths — the file at once, in the request (a link, a script, a small search).</li>
 * </ul>
 */
@Controller
class ListExportController {

    private final ListExports exports;
    private final ExportQueue queue;
    private final ExportWorker worker;
    private final JsonMapper json;

    ListExportController(ListExports exports, ExportQueue queue, ExportWorker worker, JsonMapper json) {
        this.exports = exports;
        this.queue = queue;
        this.worker = worker;
        this.json = json;
    }

    @GetMapping("/declarations/summary.xlsx")
    void declarationSummary(Viewer viewer, @ModelAttribute DeclarationQuery query, HttpServletResponse response)
            throws IOException {
        exports.declarationSummary(viewer, query, sink(response), locale());
    }

    @GetMapping("/evaluations/summary.xlsx")
    void evaluationSummary(Viewer viewer, @ModelAttribute EvaluationQuery query, HttpServletResponse response)
            throws IOException {
        exports.evaluationSummary(viewer, query, sink(response), locale());
    }

    @GetMapping("/declarations/pdfs.zip")
    void declarationPdfs(Viewer viewer, @ModelAttribute DeclarationQuery query, HttpServletResponse response)
            throws IOException {
        try {
            exports.declarationPdfs(viewer, query, sink(response), locale());
        } catch (ListExports.TooMany e) {
            tooMany(response, e);
        }
    }

    @GetMapping("/evaluations/pdfs.zip")
    void evaluationPdfs(Viewer viewer, @ModelAttribute EvaluationQuery query, HttpServletResponse response)
            throws IOException {
        try {
            exports.evaluationPdfs(viewer, query, sink(response), locale());
        } catch (ListExports.TooMany e) {
            tooMany(response, e);
        }
    }

    @PostMapping("/declarations/summary.xlsx")
    String queueDeclarationSummary(Viewer viewer, @ModelAttribute DeclarationQuery query, RedirectAttributes flash) {
        return queue(viewer, ExportKind.DECLARATION_SUMMARY, query, query.year(), flash);
    }

    @PostMapping("/evaluations/summary.xlsx")
    String queueEvaluationSummary(Viewer viewer, @ModelAttribute EvaluationQuery query, RedirectAttributes flash) {
        return queue(viewer, ExportKind.EVALUATION_SUMMARY, query, query.year(), flash);
    }

    @PostMapping("/declarations/pdfs.zip")
    String queueDeclarationPdfs(Viewer viewer, @ModelAttribute DeclarationQuery query, RedirectAttributes flash) {
        return queue(viewer, ExportKind.DECLARATION_PDFS, query, query.year(), flash);
    }

    @PostMapping("/evaluations/pdfs.zip")
    String queueEvaluationPdfs(Viewer viewer, @ModelAttribute EvaluationQuery query, RedirectAttributes flash) {
        return queue(viewer, ExportKind.EVALUATION_PDFS, query, query.year(), flash);
    }

    private String queue(Viewer viewer, ExportKind kind, Record query, Integer year, RedirectAttributes flash) {
        long id;
        try {
            id = queue.request(viewer, kind, json.writeValueAsString(query), exports.title(kind, year, locale()));
        } catch (InvalidCommandException e) {
            flash.addFlashAttribute("busy", ExportQueue.MAX_UNFINISHED); // the one refusal of a request
            return "redirect:/exports";
        }
        worker.wake();
        return "redirect:/exports/" + id + "?download=1"; // the page fetches the file as soon as it is ready
    }

    private static Sink sink(HttpServletResponse response) {
        return (type, name, ascii, extension) -> FormDownloads.start(response, type, name, ascii, extension);
    }

    private static void tooMany(HttpServletResponse response, ListExports.TooMany e) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(e.getMessage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
