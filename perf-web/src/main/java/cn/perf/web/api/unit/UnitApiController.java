package cn.perf.web.api.unit;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.web.api.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /api/v1/units}: the budget units whose forms the caller may read — the list page's 单位 filter
 * ({@link DeclarationFiling#visibleUnits}), by name.
 */
@ApiController
@Tag(name = "单位", description = "调用者数据范围内的预算单位")
class UnitApiController {

    private final DeclarationFiling filing;

    UnitApiController(DeclarationFiling filing) {
        this.filing = filing;
    }

    @Operation(summary = "数据范围内的单位", description = "单位填报人为本单位；主管部门为其下属单位；财政局为本地区全部单位。")
    @GetMapping("/api/v1/units")
    UnitList units(Scope scope) {
        List<UnitJson> rows = filing.visibleUnits(scope).stream()
                .map(u -> new UnitJson(u.id(), u.code(), u.name())).toList();
        return new UnitList(rows, rows.size());
    }

    @Schema(description = "单位列表")
    public record UnitList(List<UnitJson> rows, @Schema(example = "1") long total) {
    }

    @Schema(description = "一个预算单位")
    public record UnitJson(@Schema(example = "3") long id, @Schema(example = "001239") String code,
                           @Schema(example = "苏州市城市管理局") String name) {
    }
}
