package cn.perf.domain.evaluation;

/**
 * The narratives the filer writes at year end. Suzhou: 项目实施情况, 项目管理成效, 项目管理存在的问题及原因,
 * 进一步加强项目管理的建议. National: 年度总体目标·实际完成情况 ({@code goalAchievement}). Blank means not written.
 * Paragraphs are kept as filed (seed 002 carries {@code <p>} markup; it is stored as text and must be escaped
 * when shown).
 */
public record ImplementationReport(String implementation, String managementResults, String problems,
                                   String suggestions, String goalAchievement) {

    public ImplementationReport {
        implementation = blankToNull(implementation);
        managementResults = blankToNull(managementResults);
        problems = blankToNull(problems);
        suggestions = blankToNull(suggestions);
        goalAchievement = blankToNull(goalAchievement);
    }

    public static ImplementationReport suzhou(String implementation, String managementResults, String problems,
                                              String suggestions) {
        return new ImplementationReport(implementation, managementResults, problems, suggestions, null);
    }

    public static ImplementationReport national(String goalAchievement) {
        return new ImplementationReport(null, null, null, null, goalAchievement);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
