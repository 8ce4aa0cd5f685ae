package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportKind;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.export.ExportStatus;
import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.web.api.ApiController;
import cn.perf.web.api.ApiProblem;
import cn.perf.web.api.ApiProblem.FieldViolation;
import cn.perf.web.api.ApiProblems;
import cn.perf.web.api.ApiWrites;
import cn.perf.web.export.ExportJobJson.ExportJobDocument;
import cn.perf.web.export.ExportJobJson.ExportJobList;
import cn.perf.web.export.ExportJobJson.ExportRequest;
import cn.perf.web.export.ListExports.DeclarationQuery;
import cn.perf.web.export.ListExports.EvaluationQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/exports}: a list's 导出 in the background for API callers — the pages' {@code POST
 * /declarations/summary.xlsx} and its siblings ({@link ListExportController}) and 我的导出 ({@link ExportJobController})
 * on the same queue ({@link ExportQueue}), worker ({@link ExportWorker}) and files ({@link ListExports}). A job queued
 * here is the same job the pages show, and the other way round.
 * <ul>
 *   <li>{@code POST} queues the export of a search (the kind and the list's own parameters) → 202, {@code Location}
 *       of the job; at most once per {@code Idempotency-Key}. A caller with {@link ExportQueue#MAX_UNFINISHED} exports
 *       on the way is refused: 429 {@code too-many-exports}, nothing queued.</li>
 *   <li>{@code GET}, {@code GET /{id}} follow the caller's jobs; {@code GET /{id}/file} is the file with the pages'
 *       headers, 409 while it is being written ({@code export-not-ready}) or when it was given up
 *       ({@code export-failed}).</li>
 *   <li>Another user's, a made-up or an expired id is 404, as {@link ExportQueue} decides for the pages.</li>
 * </ul>
 */
@ApiController
@RequestMapping(ApiExportJobController.BASE)
@Tag(name = "后台导出", description = "列表的导出（汇总表 Excel、批量 PDF）在后台生成，完成后下载；与页面“我的导出”相同")
class ApiExportJobController {

    static final String BASE = "/api/v1/exports";

    private final ListExports exports;
    private final ExportQueue queue;
    private final ExportWorker worker;
    private final ApiWrites writes;
    private final ApiProblems problems;
    private final JsonMapper json;

    ApiExportJobController(ListExports exports, ExportQueue queue, ExportWorker worker, ApiWrites writes,
                           ApiProblems problems, JsonMapper json) {
        this.exports = exports;
        this.queue = queue;
        this.worker = worker;
        this.writes = writes;
        this.problems = problems;
        this.json = json;
    }

    @Operation(summary = "提交导出", description = "与列表页的“导出汇总（Excel）”“批量导出PDF”相同：按查询条件（全部页）在后台生成"
            + "汇总表或 PDF 压缩包，只含调用者数据范围内的表。成功 → 202，Location 为任务地址，响应体为任务；"
            + "轮询 GET Location 直到 status 为 DONE（links.file 为文件地址）或 FAILED（error 为原因）。"
            + "导出类型或查询条件的取值不对 → 400，violations 列出可用的取值；缺少 kind → 422。"
            + "已有 " + ExportQueue.MAX_UNFINISHED + " 个导出在等待或生成中 → 429，未新建任务。"
            + "可带 Idempotency-Key：同一请求重试时不再新建，返回第一次建立的任务（202，同一 Location，"
            + "响应头 Idempotent-Replayed: true）。",
            responses = {
                    @ApiResponse(responseCode = "202", description = "已排队；Location 为任务地址",
                            headers = @Header(name = "Location", description = "任务地址，如 /api/v1/exports/12"),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = ExportJobDocument.class))),
                    @ApiResponse(responseCode = "429", description = "已有 " + ExportQueue.MAX_UNFINISHED
                            + " 个导出在等待或生成中，未新建任务",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class)))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExportJobDocument> request(Viewer viewer, @RequestBody ExportRequest body,
                                              @Parameter(description = "幂等键（建议每次导出生成一个 UUID）")
                                              @RequestHeader(name = "Idempotency-Key", required = false)
                                              String key) {
        Asked asked = read(body);
        // what the list's button queues: the search as the worker reads it back, the title in the caller's language
        String parameters = json.writeValueAsString(asked.query());
        String title = exports.title(asked.kind(), asked.year(), LocaleContextHolder.getLocale());
        IdempotentRequests.Result<Long> result;
        try {
            result = writes.create(viewer.scope(), key, "POST " + BASE, body,
                    () -> queue.request(viewer, asked.kind(), parameters, title));
        } catch (InvalidCommandException e) {
            if (e.violations().stream().anyMatch(v -> "export.busy".equals(v.code()))) {
                throw new Busy(); // the queue's one refusal of a request
            }
            throw e;
        }
        worker.wake();
        long id = result.value();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(BASE + "/" + id))
                .header(ApiWrites.REPLAYED, String.valueOf(result.replayed())).cacheControl(CacheControl.noStore())
                .body(document(queue.job(viewer.scope().username(), id)));
    }

    @Operation(summary = "我的导出", description = "调用者提交的导出（页面和接口提交的都在内），最新的在前；"
            + "文件生成后保留 keptHours 小时，过期的不再列出。")
    @GetMapping
    ResponseEntity<ExportJobList> list(Viewer viewer) {
        List<ExportJobDocument> jobs = queue.jobs(viewer.scope().username()).stream().map(this::document).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ExportJobList(jobs, ExportQueue.MAX_UNFINISHED, ExportQueue.KEPT.toHours()));
    }

    @Operation(summary = "一个导出", description = "状态、表格数、文件名；DONE 时 links.file 为文件地址，FAILED 时 error 为原因。"
            + "他人的、不存在的或已过期的 → 404。")
    @GetMapping("/{id}")
    ResponseEntity<ExportJobDocument> one(Viewer viewer, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(document(queue.job(viewer.scope().username(), id)));
    }

    @Operation(summary = "导出的文件", description = "与页面下载相同的文件和文件名（Content-Disposition）。"
            + "尚未生成 → 409 export-not-ready；未能完成 → 409 export-failed；他人的、不存在的或已过期的 → 404。",
            responses = {
                    @ApiResponse(responseCode = "200", description = "汇总表（xlsx）或 PDF 压缩包（zip）",
                            content = {@Content(mediaType = "application/vnd.openxmlformats-officedocument"
                                    + ".spreadsheetml.sheet"), @Content(mediaType = "application/zip")}),
                    @ApiResponse(responseCode = "409", description = "文件尚未生成，或导出未能完成",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class)))})
    @GetMapping("/{id}/file")
    void file(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        String owner = viewer.scope().username();
        ExportJob job = queue.job(owner, id);
        if (!job.done()) {
            throw new NotReady(job);
        }
        ExportJobController.send(id, queue.file(owner, id), response);
    }

    // ------------------------------------------------------------------ refusals of this controller

    /** The caller has {@link ExportQueue#MAX_UNFINISHED} exports on the way: 429, nothing queued. */
    @ExceptionHandler(Busy.class)
    ResponseEntity<ApiProblem> busy(HttpServletRequest request) {
        return respond(problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-exports", request,
                ExportQueue.MAX_UNFINISHED));
    }

    /** The file of a job still waiting or being written, or given up: 409 with what it is doing or why it failed. */
    @ExceptionHandler(NotReady.class)
    ResponseEntity<ApiProblem> notReady(NotReady e, HttpServletRequest request) {
        ExportJob job = e.job;
        if (job.status() == ExportStatus.FAILED) {
            return respond(problems.of(HttpStatus.CONFLICT, "export-failed", request, job.title(),
                    job.error() == null ? "" : job.error()));
        }
        return respond(problems.of(HttpStatus.CONFLICT, "export-not-ready", request, job.title(),
                problems.message("export.status.short." + job.status()), BASE + "/" + job.id()));
    }

    /** Values no list takes (an unknown kind, a layout of the other list): 400, each with the values it takes. */
    @ExceptionHandler(BadValues.class)
    ResponseEntity<ApiProblem> badValues(BadValues e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "invalid-field", request, e.violations, null,
                e.violations.get(0).field()));
    }

    private static ResponseEntity<ApiProblem> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }

    // ------------------------------------------------------------------ reading the request

    /** An export asked for: its kind, the list's search as the worker reads it, and the year its title names. */
    private record Asked(ExportKind kind, Record query, Integer year) {
    }

    /**
     * The body as the list's query of its kind, the values read as the list endpoints read them (an empty text is no
     * filter); every value no list takes is reported at once (400), a missing kind as the creates report a missing
     * field (422).
     */
    private Asked read(ExportRequest body) {
        List<FieldViolation> bad = new ArrayList<>();
        if (blank(body.kind())) {
            throw new InvalidCommandException(List.of(Violation.of("kind", "api.required", "必填")));
        }
        ExportKind kind = value(ExportKind.class, "kind", body.kind(), bad);
        if (kind == null) {
            throw new BadValues(bad);
        }
        Record query;
        if (kind == ExportKind.DECLARATION_SUMMARY || kind == ExportKind.DECLARATION_PDFS) {
            query = new DeclarationQuery(body.year(), body.unitId(),
                    value(FormLayout.class, "layout", body.layout(), bad),
                    value(DeclarationStatus.class, "status", body.status(), bad), body.name(),
                    value(DeclarationSearch.Sort.class, "sort", body.sort(), bad), body.dir());
        } else {
            query = new EvaluationQuery(body.year(), body.unitId(),
                    value(EvaluationLayout.class, "layout", body.layout(), bad),
                    value(EvaluationStatus.class, "status", body.status(), bad), body.name(),
                    value(EvaluationSearch.Sort.class, "sort", body.sort(), bad), body.dir());
        }
        if (!bad.isEmpty()) {
            throw new BadValues(bad);
        }
        return new Asked(kind, query, body.year());
    }

    /** {@code text} as a constant of {@code type} (null when empty); otherwise a violation naming the constants. */
    private <E extends Enum<E>> E value(Class<E> type, String field, String text, List<FieldViolation> bad) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            bad.add(new FieldViolation(field, problems.message("api.violation.oneOf", text, allowed)));
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private ExportJobDocument document(ExportJob job) {
        return ExportJobDocument.of(job, problems::message, this::search);
    }

    private JsonNode search(String parameters) {
        return json.readTree(parameters);
    }

    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    private static final class NotReady extends RuntimeException {
        private final transient ExportJob job;

        NotReady(ExportJob job) {
            super(null, null, false, false);
            this.job = job;
        }
    }

    private static final class BadValues extends RuntimeException {
        private final transient List<FieldViolation> violations;

        BadValues(List<FieldViolation> violations) {
            super(null, null, false, false);
            this.violations = List.copyOf(violations);
        }
    }
}
