package cn.perf.web.export;

import cn.perf.domain.export.ExportFile;
import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.scope.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

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

    @GetMapping("/{id}")
    String job(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("job", queue.job(viewer.scope().username(), id));
        model.addAttribute("keptHours", ExportQueue.KEPT.toHours());
        return "export/job";
    }

    /** The job's status panel alone, for the page's htmx poll. */
    @GetMapping("/{id}/status")
    String status(Viewer viewer, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
                  String htmx, Model model, HttpServletResponse response) {
        ExportJob job = queue.job(viewer.scope().username(), id);
        model.addAttribute("job", job);
        model.addAttribute("polled", htmx != null); // the page's poll found it finished: the file is fetched once
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "export/job :: status";
    }

    @GetMapping("/{id}/file")
    void file(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        ExportFile file = queue.file(viewer.scope().username(), id);
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
