package cn.perf.domain.declaration;

import cn.perf.domain.template.FormLayout;

/**
 * The list page's search (DESIGN.md §7): 年度, 单位, 模板, 状态, 项目名称 (a part of it), a page and a sort. Every
 * criterion may be null (not filtered). Always combined with the caller's {@code Scope} by the query itself.
 *
 * @param page 0-based
 * @param size rows per page, 1–100
 */
public record DeclarationSearch(Integer year, Long unitId, FormLayout layout, DeclarationStatus status,
                                String projectName, int page, int size, Sort sort, boolean ascending) {

    public static final int MAX_SIZE = 100;

    /** The sortable columns. */
    public enum Sort {
        PROJECT_NAME, UNIT, YEAR, TOTAL_AMOUNT, STATUS, UPDATED_AT
    }

    public DeclarationSearch {
        page = Math.max(0, page);
        size = size < 1 ? 20 : Math.min(size, MAX_SIZE);
        sort = sort == null ? Sort.UPDATED_AT : sort;
        projectName = projectName == null || projectName.isBlank() ? null : projectName.strip();
    }

    /** The first page of everything in scope, newest change first. */
    public static DeclarationSearch all() {
        return new DeclarationSearch(null, null, null, null, null, 0, 20, Sort.UPDATED_AT, false);
    }
}
