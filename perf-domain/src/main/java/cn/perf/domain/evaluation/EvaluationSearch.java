package cn.perf.domain.evaluation;

/**
 * The self-evaluation list's search (DESIGN.md §7, the pattern of the declaration list): 年度, 单位, 样式, 状态,
 * 项目名称 (a part of it), a page and a sort. Every criterion may be null. Always combined with the caller's
 * {@code Scope} by the query itself.
 *
 * @param page 0-based
 * @param size rows per page, 1–100
 */
public record EvaluationSearch(Integer year, Long unitId, EvaluationLayout layout, EvaluationStatus status,
                               String projectName, int page, int size, Sort sort, boolean ascending) {

    public static final int MAX_SIZE = 100;

    /** The sortable columns. */
    public enum Sort {
        PROJECT_NAME, UNIT, YEAR, COMPUTED_TOTAL, STATUS
    }

    public EvaluationSearch {
        page = Math.max(0, page);
        size = size < 1 ? 20 : Math.min(size, MAX_SIZE);
        sort = sort == null ? Sort.YEAR : sort;
        projectName = projectName == null || projectName.isBlank() ? null : projectName.strip();
    }

    /** The first page of everything in scope, newest year first. */
    public static EvaluationSearch all() {
        return new EvaluationSearch(null, null, null, null, null, 0, 20, Sort.YEAR, false);
    }
}
