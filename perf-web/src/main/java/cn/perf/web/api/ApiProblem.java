package cn.perf.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An error of the JSON API as an RFC 9457 problem detail ({@code application/problem+json}): a stable {@code type}
 * per kind of problem ({@code urn:perf:problem:not-found}, …), the HTTP status, a Chinese {@code title} and
 * {@code detail}, the path asked for, and the {@code violations} (field path and message, the same messages the
 * pages show next to their fields).
 *
 * @param currentVersion the version stored now, for a stale-version problem (409)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 问题详情（application/problem+json）")
public record ApiProblem(
        @Schema(example = "urn:perf:problem:not-found") String type,
        @Schema(example = "未找到") String title,
        @Schema(example = "404") int status,
        @Schema(example = "申报表不存在，或不在您的数据范围内") String detail,
        @Schema(example = "/api/v1/declarations/999") String instance,
        List<FieldViolation> violations,
        Long currentVersion) {

    /** One thing wrong with the request, where: a property path of the body ({@code indicators[3].name}) or a parameter. */
    @Schema(name = "Violation")
    public record FieldViolation(@Schema(example = "projectName") String field,
                                 @Schema(example = "请填写项目名称") String message) {
    }
}
