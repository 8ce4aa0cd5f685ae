package cn.perf.web.export;

import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportKind;
import cn.perf.domain.export.ExportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of the background exports of the API ({@link ApiExportJobController}): what a program sends to queue a
 * list's 导出, and a job as its owner follows it — the same facts the pages' 我的导出 shows.
 */
public final class ExportJobJson {

    private ExportJobJson() {
    }

    /**
     * {@code POST /api/v1/exports}: the kind and the list's search, under the names {@code GET /api/v1/declarations}
     * and {@code GET /api/v1/evaluations} (and the list pages) give them. {@code layout}, {@code status} and
     * {@code sort} take the values of the list that {@code kind} exports, so they are read here as text and checked
     * against that list's values ({@link ApiExportJobController}).
     */
    @Schema(name = "ExportRequest", description = "要导出的内容：导出类型，以及与列表页相同的查询条件（全部页，不只一页）")
    public record ExportRequest(
            @Schema(description = "导出类型：DECLARATION_SUMMARY 申报汇总表（Excel），EVALUATION_SUMMARY 自评汇总表（Excel），"
                    + "DECLARATION_PDFS 申报表 PDF（zip），EVALUATION_PDFS 自评表 PDF（zip）",
                    allowableValues = {"DECLARATION_SUMMARY", "EVALUATION_SUMMARY", "DECLARATION_PDFS",
                            "EVALUATION_PDFS"},
                    example = "DECLARATION_SUMMARY", requiredMode = Schema.RequiredMode.REQUIRED)
            String kind,
            @Schema(description = "项目年度", example = "2021") Integer year,
            @Schema(description = "单位 id（见 /api/v1/units）") Long unitId,
            @Schema(description = "版式：申报表 SUZHOU、NATIONAL；自评表 SUZHOU_2017、NATIONAL_2020") String layout,
            @Schema(description = "状态：与 GET /api/v1/declarations 或 GET /api/v1/evaluations 的 status 相同")
            String status,
            @Schema(description = "项目名称的一部分", example = "互联网") String name,
            @Schema(description = "排序列：与对应列表的 sort 相同", example = "PROJECT_NAME") String sort,
            @Schema(description = "asc 或 desc", example = "asc") String dir) {
    }

    @Schema(name = "ExportJobList", description = "调用者的导出，最新的在前（过期的不再列出）")
    public record ExportJobList(List<ExportJobDocument> jobs,
                                @Schema(description = "同时等待或生成中的导出最多几个", example = "3")
                                int maxUnfinished,
                                @Schema(description = "文件生成后保留的小时数", example = "24") long keptHours) {
    }

    @Schema(name = "ExportJob", description = "一个后台导出：由调用者本人提交，只有本人可见")
    public record ExportJobDocument(
            @Schema(example = "12") long id,
            ExportKind kind,
            @Schema(example = "申报汇总表（Excel）") String kindLabel,
            @Schema(description = "名称，也是文件名的来源", example = "2021年度绩效目标申报汇总表") String title,
            @Schema(description = "QUEUED 等待生成，RUNNING 生成中，DONE 已生成（可下载），FAILED 未能完成（见 error）")
            ExportStatus status,
            @Schema(example = "已生成") String statusLabel,
            @Schema(description = "提交时的查询条件") JsonNode search,
            Instant createdAt,
            @Schema(description = "开始生成的时间（未开始为 null）") Instant startedAt,
            @Schema(description = "生成完成或放弃的时间（未完成为 null）") Instant finishedAt,
            @Schema(description = "到此时间后任务和文件被删除") Instant expiresAt,
            @Schema(description = "文件中的表格数（生成后）", example = "3") Integer rows,
            @Schema(description = "文件大小，字节（生成后）", example = "6144") Long size,
            @Schema(description = "文件名（生成后）", example = "2021年度绩效目标申报汇总表.xlsx") String fileName,
            @Schema(description = "未能完成的原因（FAILED 时）") String error,
            ExportJobLinks links) {

        /**
         * @param label  the bundle's text of a message key
         * @param search the stored search as JSON
         */
        static ExportJobDocument of(ExportJob j, Function<String, String> label, Function<String, JsonNode> search) {
            return new ExportJobDocument(j.id(), j.kind(), label.apply("export.kind." + j.kind()), j.title(),
                    j.status(), label.apply("export.status.short." + j.status()), search.apply(j.parameters()),
                    j.createdAt(), j.startedAt(), j.finishedAt(), j.expiresAt(), j.rows(), j.size(), j.fileName(),
                    j.error(), ExportJobLinks.of(j));
        }
    }

    @Schema(name = "ExportJobLinks", description = "相关链接（同一服务器上的路径）")
    public record ExportJobLinks(@Schema(example = "/api/v1/exports/12") String self,
                                 @Schema(description = "页面（浏览器登录后）", example = "/exports/12") String page,
                                 @Schema(description = "文件（仅在 DONE 时给出）", example = "/api/v1/exports/12/file")
                                 String file) {

        static ExportJobLinks of(ExportJob j) {
            String self = ApiExportJobController.BASE + "/" + j.id();
            return new ExportJobLinks(self, "/exports/" + j.id(), j.done() ? self + "/file" : null);
        }
    }
}
