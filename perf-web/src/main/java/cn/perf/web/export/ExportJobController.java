package cn.perf.web.export;

import cn.perf.domain.export.ExportFile;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.scope.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的导出 (issue 12): the exports a user asked for on the list pages ({@link ListExportController}), each on a page of
 * its own that follows it while it is written (htmx asks for its status every second; without JavaScript the page
 * refreshes itself) and then offers its file. Only its owner sees a job or its file: another user's, a made-up or an
 * expired id is 404 ({@link ExportQueue}).
 */
@Controller
@RequestMapping("/exports")
class ExportJobController {

    private final ExportQueue queue;

    ExportJobController(ExportQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    String list(Viewer viewer, Model model) {
        model.addAttribute("jobs", queue.jobs(viewer.scope().username()));
        model.addAttribute("keptHours", ExportQueue.KEPT.toHours());
        return "export/jobs";
    }

    /**
     * The export's page; {@code ?download=1} (the redirect after the click) asks for the file to be fetched once, at
     * once if it is ready already (a small search is written before the page is), else when the poll finds it ready.
     */
    @GetMapping("/{id}")
    String job(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
               Model model) {
        model.addAttribute("job", queue.job(viewer.scope().username(), id));
        model.addAttribute("downloadNow", download);
        model.addAttribute("keptHours", ExportQueue.KEPT.toHours());
        return "export/job";
    }

    /** The job's status panel alone, for the page's htmx poll ({@code ?download=1}: the poll of the click's page). */
    @GetMapping("/{id}/status")
    String status(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
                  Model model, HttpServletResponse response) {
        model.addAttribute("job", queue.job(viewer.scope().username(), id));
        model.addAttribute("downloadNow", download); // the click's page: fetched once when the poll finds it ready
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "export/job :: status";
    }

    @GetMapping("/{id}/file")
    void file(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        send(id, queue.file(viewer.scope().username(), id), response);
    }

    /**
     * Writes job {@code id}'s file as the response: its type, length, a private no-store download named after the job's
     * title ({@link FormDownloads#attachment}, {@code export-<id>.<ext>} for clients without RFC 5987). The page's
     * download and the API's ({@link ApiExportJobController}) are the same bytes and headers.
     */
    static void send(long id, ExportFile file, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLength(file.content().length);
        String ascii = "export-" + id + extension(file.fileName());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FormDownloads.attachment(file.fileName(), ascii));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.getOutputStream().write(file.content());
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }
}
