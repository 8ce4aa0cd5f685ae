package cn.perf.web.api.declaration;

import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.declaration.NewDeclaration;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.template.FormLayout;
import cn.perf.web.api.ApiController;
import cn.perf.web.api.ApiWrites;
import cn.perf.web.api.declaration.DeclarationJson.DeclarationDocument;
import cn.perf.web.api.declaration.DeclarationJson.DeclarationFindings;
import cn.perf.web.api.declaration.DeclarationJson.DeclarationHistory;
import cn.perf.web.api.declaration.DeclarationJson.DeclarationList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/declarations}: the 申报表 list with the list page's filters, paging and sorting; one form whole; its
 * lint findings; its review history; creating a form (the page's 新增), saving the whole form ({@code PUT}, with
 * {@code version}), submitting it and reviewing it (主管部门 通过/退回, 财政局 优/良/中/差), each at most once per
 * {@code Idempotency-Key}. The same use cases as the pages ({@link DeclarationFiling}, {@link DeclarationReview}) in
 * the caller's {@link Scope}: a form outside it is 404, a step the caller's role may not take 403, as on the pages.
 */
@ApiController
@RequestMapping("/api/v1/declarations")
@Tag(name = "申报表", description = "绩效目标申报表：列表、整表、检查结果、审核记录")
class DeclarationApiController {

    private static final String REPLAYED = ApiWrites.REPLAYED;

    private final DeclarationFiling filing;
    private final DeclarationReview review;
    private final ApiWrites writes;
    private final MessageSource messages;

    DeclarationApiController(DeclarationFiling filing, DeclarationReview review, ApiWrites writes,
                             MessageSource messages) {
        this.filing = filing;
        this.review = review;
        this.writes = writes;
        this.messages = messages;
    }

    @Operation(summary = "申报表列表", description = "与列表页相同的筛选、分页和排序，只含调用者数据范围内的申报表。")
    @GetMapping
    DeclarationList list(Scope scope,
                         @Parameter(description = "项目年度", example = "2021")
                         @RequestParam(required = false) Integer year,
                         @Parameter(description = "单位 id（见 /api/v1/units）")
                         @RequestParam(required = false) Long unitId,
                         @Parameter(description = "版式") @RequestParam(required = false) FormLayout layout,
                         @Parameter(description = "状态") @RequestParam(required = false) DeclarationStatus status,
                         @Parameter(description = "项目名称的一部分", example = "互联网")
                         @RequestParam(required = false) String name,
                         @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
                         @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") int size,
                         @Parameter(description = "排序列") @RequestParam(defaultValue = "UPDATED_AT")
                         DeclarationSearch.Sort sort,
                         @Parameter(description = "asc 或 desc") @RequestParam(defaultValue = "desc") String dir) {
        DeclarationSearch search = new DeclarationSearch(year, unitId, layout, status, name, page, size, sort,
                "asc".equalsIgnoreCase(dir));
        return DeclarationList.of(filing.search(scope, search));
    }

    @Operation(summary = "新增申报表", description = "与页面“新增”相同：为调用者可填报的单位建立草稿（苏州或全国版式）。"
            + "成功 → 201，Location 为新表地址，响应体为新表（与 GET 相同）。内容有问题 → 422，列出全部问题，未建立任何表。"
            + "可带 Idempotency-Key：同一请求重试时不再新建，返回第一次建立的表（201，同一 Location，响应头 Idempotent-Replayed: true）。")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeclarationDocument> create(Scope scope, @RequestBody DeclarationBodies.DeclarationCreate body,
                                               @Parameter(description = "幂等键（建议每次新建生成一个 UUID）")
                                               @RequestHeader(name = "Idempotency-Key", required = false)
                                               String key) {
        FormLayout layout = body.layout() == null ? FormLayout.SUZHOU : body.layout();
        int year = body.year() == null ? java.time.Year.now().getValue() + 1 : body.year();
        // who may file, and for which units: the 新增 page's own start (none → 404, as the page)
        NewDeclaration start = filing.start(scope, layout, year, null, body.frameworkCode());
        if (body.layout() == null || body.year() == null) {
            throw new InvalidCommandException(java.util.stream.Stream.of(
                    body.layout() == null ? Violation.of("layout", "api.required", "必填") : null,
                    body.year() == null ? Violation.of("year", "api.required", "必填") : null)
                    .filter(java.util.Objects::nonNull).toList());
        }
        long unitId = body.unitId() == null ? start.units().get(0).id() : body.unitId();
        DeclarationContent content = DeclarationBodies.toContent(body.content(), layout, messages);
        String framework = filing.framework(layout, year, body.frameworkCode()).code();
        IdempotentRequests.Result<Long> result = writes.create(scope, key, "POST /api/v1/declarations", body, () -> {
                    try {
                        return filing.create(scope, new CreateDeclaration(unitId, layout, year, framework, content));
                    } catch (InvalidCommandException e) {
                        throw new InvalidCommandException(DeclarationBodies.inCreateBody(e.violations()));
                    }
                });
        long id = result.value();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/declarations/" + id))
                .header(REPLAYED, String.valueOf(result.replayed()))
                .body(DeclarationDocument.of(filing.page(scope, id)));
    }

    @Operation(summary = "一张申报表", description = "两种版式的全部字段、版本号、计算值和可用操作；"
            + "不在调用者数据范围内（或不存在）时 404。")
    @GetMapping("/{id}")
    DeclarationDocument one(Scope scope, @PathVariable long id) {
        return DeclarationDocument.of(filing.page(scope, id));
    }

    @Operation(summary = "保存整张申报表", description = "与页面“保存草稿”相同：带读取时的 version，content 为整张表"
            + "（未列出的行被删除）。版本已变 → 409；内容有问题 → 422，列出全部问题，未做任何修改。"
            + "可带 Idempotency-Key：同一请求重试时不再保存，返回当前的表。")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeclarationDocument> save(Scope scope, @PathVariable long id,
                                             @RequestBody DeclarationBodies.DeclarationUpdate body,
                                             @Parameter(description = "幂等键（可选）")
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long version = DeclarationBodies.version(body.version());
        FormLayout layout = filing.page(scope, id).detail().layout();
        DeclarationContent content = DeclarationBodies.toContent(body.content(), layout, messages);
        return writes.once(scope, key, "PUT /api/v1/declarations/" + id, body, () -> {
            try {
                filing.revise(scope, new ReviseDeclaration(id, version, content));
            } catch (InvalidCommandException e) {
                throw new InvalidCommandException(DeclarationBodies.inBody(e.violations()));
            }
        }, () -> DeclarationDocument.of(filing.page(scope, id)));
    }

    @Operation(summary = "提交申报表", description = "与页面“提交”相同：交主管部门审核。带读取时的 version；"
            + "有阻止提交的问题 → 422（violations 为各问题）；版本已变 → 409；状态不允许 → 409。"
            + "带 Idempotency-Key 时，同一请求重试不会再提交一次，也不报错，返回当前的表（响应头 Idempotent-Replayed: true）。")
    @PostMapping(path = "/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeclarationDocument> submit(Scope scope, @PathVariable long id,
                                               @RequestBody DeclarationBodies.VersionOnly body,
                                               @Parameter(description = "幂等键（建议每次提交生成一个 UUID）")
                                               @RequestHeader(name = "Idempotency-Key", required = false)
                                               String key) {
        long version = DeclarationBodies.version(body.version());
        return writes.once(scope, key, "POST /api/v1/declarations/" + id + "/submit", body,
                () -> filing.submit(scope, id, version), () -> DeclarationDocument.of(filing.page(scope, id)));
    }

    @Operation(summary = "审核申报表", description = "与页面“审核”相同。主管部门审核人：decision 为 APPROVE（通过，报财政局）"
            + "或 RETURN（退回，须填 comment）；财政局审核人：grade 为 EXCELLENT（优）、GOOD（良，须填约定的修改）通过，"
            + "FAIR（中，退回修改）或 POOR（差，不予通过）须填 comment。角色或单位不允许该步骤 → 403；状态不允许 → 409 workflow；"
            + "版本已变 → 409；缺少结论或意见 → 422。带 Idempotency-Key 时，同一请求重试不会再审核一次。")
    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeclarationDocument> review(Viewer viewer, @PathVariable long id,
                                               @RequestBody DeclarationBodies.ReviewBody body,
                                               @Parameter(description = "幂等键（可选）")
                                               @RequestHeader(name = "Idempotency-Key", required = false)
                                               String key) {
        long version = DeclarationBodies.version(body.version());
        return writes.once(viewer.scope(), key, "POST /api/v1/declarations/" + id + "/review", body,
                () -> review.review(viewer, new DeclarationReview.ReviewCommand(id, version, body.decision(),
                        body.grade(), body.comment())),
                () -> DeclarationDocument.of(filing.page(viewer.scope(), id)));
    }

    @Operation(summary = "申报表的检查结果", description = "与页面“检查”相同的规则；blocking 为 true 的问题阻止提交。")
    @GetMapping("/{id}/findings")
    DeclarationFindings findings(Scope scope, @PathVariable long id) {
        DeclarationPage page = filing.page(scope, id);
        return DeclarationFindings.of(page);
    }

    @Operation(summary = "申报表的审核记录", description = "提交、审核、退回、目标调整，最早的在前。")
    @GetMapping("/{id}/history")
    DeclarationHistory history(Scope scope, @PathVariable long id) {
        return DeclarationHistory.of(id, review.history(scope, id));
    }
}
