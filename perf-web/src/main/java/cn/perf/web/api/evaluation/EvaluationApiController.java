package cn.perf.web.api.evaluation;

import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationPage;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluationReview;
import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.web.api.ApiController;
import cn.perf.web.api.ApiWrites;
import cn.perf.web.api.evaluation.EvaluationJson.EvaluationDocument;
import cn.perf.web.api.evaluation.EvaluationJson.EvaluationFindings;
import cn.perf.web.api.evaluation.EvaluationJson.EvaluationList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.perf.web.shell.FormValues;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/evaluations}: the 自评表 list with the list page's filters; one form with its actual values, computed
 * scores, traces and findings; and the pages' writes — starting one from an approved declaration
 * ({@code POST /api/v1/declarations/{id}/evaluation}), saving what the edit page saves ({@code PUT}, with
 * {@code version}), submitting, and the reviewer's steps (开始审核, 调整评分 with a reason, 确认, 退回 with a comment).
 * {@link EvaluationFiling} and {@link SelfEvaluationReview}, the pages' use cases, in the caller's scope: a form
 * outside it is 404, a step the caller may not take 403, one its state does not allow 409. Creates and transitions
 * run at most once per {@code Idempotency-Key}.
 */
@ApiController
@Tag(name = "自评表", description = "绩效自评表：列表、整表（实际完成值、计算得分与过程、问题）、生成、保存、提交、审核")
class EvaluationApiController {

    private static final String BASE = "/api/v1/evaluations";
    private static final String REPLAYED = ApiWrites.REPLAYED;

    private final EvaluationFiling filing;
    private final SelfEvaluationReview review;
    private final ApiWrites writes;
    private final MessageSource messages;

    EvaluationApiController(EvaluationFiling filing, SelfEvaluationReview review, ApiWrites writes,
                            MessageSource messages) {
        this.filing = filing;
        this.review = review;
        this.writes = writes;
        this.messages = messages;
    }

    @Operation(summary = "自评表列表", description = "与列表页相同的筛选、分页和排序，只含调用者数据范围内的自评表。")
    @GetMapping(BASE)
    EvaluationList list(Scope scope,
                        @Parameter(description = "项目年份", example = "2020")
                        @RequestParam(required = false) Integer year,
                        @Parameter(description = "单位 id") @RequestParam(required = false) Long unitId,
                        @Parameter(description = "版式") @RequestParam(required = false) EvaluationLayout layout,
                        @Parameter(description = "状态") @RequestParam(required = false) EvaluationStatus status,
                        @Parameter(description = "项目名称的一部分") @RequestParam(required = false) String name,
                        @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
                        @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") int size,
                        @Parameter(description = "排序列") @RequestParam(defaultValue = "YEAR")
                        EvaluationSearch.Sort sort,
                        @Parameter(description = "asc 或 desc") @RequestParam(defaultValue = "desc") String dir) {
        EvaluationSearch search = new EvaluationSearch(year, unitId, layout, status, name, page, size, sort,
                "asc".equalsIgnoreCase(dir));
        return EvaluationList.of(filing.search(scope, search));
    }

    @Operation(summary = "一张自评表", description = "每行的实际完成值、计算得分和计算过程，类别小计、总分、等级与发现的问题；"
            + "不在数据范围内（或不存在）时 404。")
    @GetMapping(BASE + "/{id}")
    EvaluationDocument one(Viewer viewer, @PathVariable long id) {
        return EvaluationDocument.of(filing.page(viewer, id));
    }

    @Operation(summary = "自评表的评分问题", description = "与页面相同的检查：偏差原因缺失、填报得分与计算不符、资金恒等式、"
            + "与申报表不一致等；rowsNeedingReason 为提交前须填写偏差原因的行。")
    @GetMapping(BASE + "/{id}/findings")
    EvaluationFindings findings(Viewer viewer, @PathVariable long id) {
        return EvaluationFindings.of(filing.page(viewer, id));
    }

    @Operation(summary = "由申报表生成自评表", description = "与页面“生成自评表”相同：财政审核通过的申报表，由本单位填报人生成"
            + "（目标、指标、权重带入）。新建 → 201；该申报表已有自评表（或同一 Idempotency-Key 的重试）→ 200，Location 指向它。申报表未通过 → 409 workflow；"
            + "不是本单位填报人 → 403。可带 Idempotency-Key。")
    @PostMapping("/api/v1/declarations/{id}/evaluation")
    ResponseEntity<EvaluationDocument> start(Viewer viewer, @PathVariable long id,
                                             @Parameter(description = "幂等键（可选）")
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        boolean[] created = {false};
        IdempotentRequests.Result<Long> result = writes.create(viewer.scope(), key,
                "POST /api/v1/declarations/" + id + "/evaluation", null, () -> {
                    try {
                        EvaluationFiling.Started started = filing.begin(viewer.scope(), id);
                        created[0] = started.created();
                        return started.id();
                    } catch (IllegalArgumentException e) {
                        // a declaration the carry-over cannot read (e.g. a framework without points)
                        throw new InvalidCommandException(List.of(Violation.of("", "carryOver", e.getMessage())));
                    }
                });
        long evaluation = result.value();
        return ResponseEntity.status(created[0] ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(BASE + "/" + evaluation)).header(REPLAYED, String.valueOf(result.replayed()))
                .body(EvaluationDocument.of(filing.page(viewer, evaluation)));
    }

    @Operation(summary = "保存自评表", description = "与页面“保存草稿”相同：带读取时的 version；资金部分、每行的实际完成值、"
            + "自评分、偏差原因，文字部分和签署。内容有问题 → 422（全部问题，未做任何修改）；版本已变 → 409；"
            + "不是草稿 → 409 workflow；不是本单位填报人 → 403。返回保存后的表（含重新计算的得分与过程）。")
    @PutMapping(path = BASE + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationDocument> save(Viewer viewer, @PathVariable long id,
                                            @RequestBody EvaluationBodies.EvaluationUpdate body,
                                            @Parameter(description = "幂等键（可选）")
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long version = EvaluationBodies.version(body.version());
        EvaluationPage page = filing.page(viewer, id);
        RecordEvaluation cmd = EvaluationBodies.toCommand(body, id, version, page.detail().layout(), messages);
        return writes.once(viewer.scope(), key, "PUT " + BASE + "/" + id, body,
                () -> filing.save(viewer.scope(), cmd), () -> EvaluationDocument.of(filing.page(viewer, id)));
    }

    @Operation(summary = "提交自评表", description = "与页面“提交”相同：未达目标或超额完成而未写偏差原因的行 → 422（各行）；"
            + "空白的自评分取计算得分；版本已变 → 409；状态不允许 → 409 workflow。带 Idempotency-Key 时重试不会再提交一次。")
    @PostMapping(path = BASE + "/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationDocument> submit(Viewer viewer, @PathVariable long id,
                                              @RequestBody EvaluationBodies.VersionOnly body,
                                              @Parameter(description = "幂等键（建议每次提交生成一个 UUID）")
                                              @RequestHeader(name = "Idempotency-Key", required = false)
                                              String key) {
        long version = EvaluationBodies.version(body.version());
        return writes.once(viewer.scope(), key, "POST " + BASE + "/" + id + "/submit", body,
                () -> filing.submit(viewer.scope(), id, version), () -> EvaluationDocument.of(filing.page(viewer, id)));
    }

    @Operation(summary = "审核自评表", description = "与页面审核操作相同（主管部门审核人或本地区财政局审核人）：START 开始审核"
            + "（已提交 → 审核中）；ADJUST 调整第 position 行的得分为 score，须写 reason（审核中）；CONFIRM 确认（→ 已确认）；"
            + "RETURN 退回，须写 comment（→ 草稿）。角色不允许 → 403；状态不允许 → 409 workflow；版本已变 → 409。")
    @PostMapping(path = BASE + "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationDocument> review(Viewer viewer, @PathVariable long id,
                                              @RequestBody EvaluationBodies.ReviewBody body,
                                              @Parameter(description = "幂等键（可选）")
                                              @RequestHeader(name = "Idempotency-Key", required = false)
                                              String key) {
        long version = EvaluationBodies.version(body.version());
        if (body.action() == null) {
            throw new InvalidCommandException(List.of(Violation.of("action", "api.required", "必填")));
        }
        return writes.once(viewer.scope(), key, "POST " + BASE + "/" + id + "/review", body, () -> {
            switch (body.action()) {
                case START -> review.startReview(viewer, id, version);
                case ADJUST -> adjust(viewer, id, version, body);
                case CONFIRM -> review.confirm(viewer, id, version);
                case RETURN -> review.returnForRevision(viewer, id, version, body.comment());
            }
        }, () -> EvaluationDocument.of(filing.page(viewer, id)));
    }

    /** 调整评分, as the page: the row and the score checked for shape, the rest by the use case. */
    private void adjust(Viewer viewer, long id, long version, EvaluationBodies.ReviewBody body) {
        int rows = filing.page(viewer, id).detail().indicators().size(); // outside the scope: 404 first
        MapBindingResult errors = new MapBindingResult(new java.util.HashMap<>(), "review");
        BigDecimal score = new FormValues(errors).score("score", body.score());
        List<Violation> refused = new java.util.ArrayList<>();
        if (body.position() == null || body.position() < 1 || body.position() > rows) {
            refused.add(Violation.of("position", "rowPosition", "请给出第 1 至 " + rows + " 行中的一行", rows));
        }
        if (errors.hasErrors()) {
            refused.add(Violation.of("score", "api.shape", messages.getMessage(errors.getFieldErrors().get(0),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        } else if (score == null) {
            refused.add(Violation.of("score", "required", "调整后的得分不能为空", "调整后的得分"));
        }
        if (!refused.isEmpty()) {
            throw new InvalidCommandException(refused);
        }
        try {
            filing.adjust(viewer, id, version, body.position(), score, body.reason());
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(List.of(Violation.of("score", "invalid", e.getMessage())));
        }
    }

}
