package cn.perf.web.api.evaluation;

import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.web.api.ApiController;
import cn.perf.web.api.evaluation.EvaluationJson.EvaluationDocument;
import cn.perf.web.api.evaluation.EvaluationJson.EvaluationList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/evaluations}: the 自评表 list with the list page's filters, and one form with its actual values,
 * computed scores, traces and findings — {@link EvaluationFiling}, the pages' use cases, in the caller's scope.
 */
@ApiController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "自评表", description = "绩效自评表：列表、整表（实际完成值、计算得分与过程、问题）")
class EvaluationApiController {

    private final EvaluationFiling filing;

    EvaluationApiController(EvaluationFiling filing) {
        this.filing = filing;
    }

    @Operation(summary = "自评表列表", description = "与列表页相同的筛选、分页和排序，只含调用者数据范围内的自评表。")
    @GetMapping
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
    @GetMapping("/{id}")
    EvaluationDocument one(Viewer viewer, @PathVariable long id) {
        return EvaluationDocument.of(filing.page(viewer, id));
    }
}
