package cn.perf.domain.declaration;

/**
 * Something a reviewer or filer should know about a 申报表, from a named rule of {@link DeclarationLint}.
 * {@link #blocking()} findings stop a submission (funds that do not add up, unreadable targets, indicators outside
 * the framework); the others are notices. None of them stops a draft from being saved.
 *
 * @param rule     the rule's name ({@link DeclarationLint.Rule})
 * @param blocking whether it stops a submission
 * @param path     the form property it is about, e.g. {@code indicators[3]} or {@code subProjects}, so a page can
 *                 link the finding to its row; empty for the form as a whole
 * @param message  the finding in Chinese, naming the row and the figures
 */
public record DeclarationFinding(DeclarationLint.Rule rule, boolean blocking, String path, String message) {

    static DeclarationFinding error(DeclarationLint.Rule rule, String path, String message) {
        return new DeclarationFinding(rule, true, path, message);
    }

    static DeclarationFinding notice(DeclarationLint.Rule rule, String path, String message) {
        return new DeclarationFinding(rule, false, path, message);
    }

    /** The row index the path names ({@code indicators[3]} → 3), or -1. */
    public int rowIndex() {
        int open = path.indexOf('[');
        int close = path.indexOf(']');
        if (open < 0 || close < open) {
            return -1;
        }
        return Integer.parseInt(path.substring(open + 1, close));
    }

    /** The table the path names ({@code indicators[3]} → indicators). */
    public String table() {
        int open = path.indexOf('[');
        return open < 0 ? path : path.substring(0, open);
    }
}
