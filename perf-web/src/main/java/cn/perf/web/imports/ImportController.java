package cn.perf.web.imports;

import cn.perf.domain.imports.ImportKind;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.reports.xlsx.UploadRefused;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 导入导出 (DESIGN.md §7, issue 10): {@code GET|POST /imports} the upload page (a new 申报表 of a unit I file for, or
 * an update of a 申报表 draft or a 自评表 draft I may edit), {@code GET /imports/{id}} the preview of what will be
 * created or changed with every row-level problem, {@code POST /imports/{id}/confirm} the confirmation. A hostile or
 * foreign file is refused on upload with its reason and nothing is stored; an upload waits in the database for its
 * owner only (another user's or a made-up id: 404) until confirmed. No rule lives here ({@link ImportDesk}).
 */
@Controller
@RequestMapping("/imports")
class ImportController {

    static final String INDEX = "imports/index";
    static final String PREVIEW = "imports/preview";

    private final ImportDesk desk;

    ImportController(ImportDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String index(Viewer viewer, Model model) {
        return renderIndex(viewer, model, null);
    }

    @PostMapping
    String upload(Viewer viewer, @RequestParam(required = false) ImportKind kind,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long declarationId,
                  @RequestParam(required = false) Long evaluationId,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) throws IOException {
        model.addAttribute("kind", kind);
        if (kind == null) {
            return renderIndex(viewer, model, "import.upload.chooseKind");
        }
        Long target = switch (kind) {
            case NEW_DECLARATION -> unitId;
            case DECLARATION -> declarationId;
            case SELF_EVALUATION -> evaluationId;
        };
        if (target == null) {
            return renderIndex(viewer, model, "import.upload.chooseTarget." + kind);
        }
        if (file == null || file.isEmpty()) {
            return renderIndex(viewer, model, "import.upload.chooseFile");
        }
        try {
            long id = desk.upload(viewer, kind, target, file.getOriginalFilename(), file.getBytes());
            return "redirect:/imports/" + id;
        } catch (UploadRefused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refused", e);
            return renderIndex(viewer, model, null);
        } catch (InvalidCommandException e) {
            model.addAttribute("violations", e.violations());
            return renderIndex(viewer, model, null);
        }
    }

    @GetMapping("/{id}")
    String preview(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("preview", desk.preview(viewer, id));
        return PREVIEW;
    }

    @PostMapping("/{id}/confirm")
    String confirm(Viewer viewer, @PathVariable long id, @RequestParam long version, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        ImportDesk.Outcome outcome = desk.confirm(viewer, id, version);
        if (outcome.redirect() != null) {
            redirect.addFlashAttribute("saved", true);
            redirect.addFlashAttribute("imported", true);
            return "redirect:" + outcome.redirect();
        }
        if (outcome.conflict()) {
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        model.addAttribute("preview", outcome.preview());
        model.addAttribute("notConfirmed", true);
        return PREVIEW;
    }

    private String renderIndex(Viewer viewer, Model model, String error) {
        model.addAttribute("choices", desk.choices(viewer));
        model.addAttribute("maxMegabytes", Math.max(1, desk.maxBytes() / (1024 * 1024)));
        model.addAttribute("kinds", ImportKind.values());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return INDEX;
    }

    /** The upload page with the over-limit message ({@link UploadLimitAdvice}). */
    String tooLarge(Viewer viewer, Model model) {
        model.addAttribute("tooLarge", true);
        return renderIndex(viewer, model, null);
    }
}
