package cn.perf.domain.declaration;

/**
 * Something a reviewer or filer should know about a 申报表 (Chinese message). {@link #blocking()} findings stop a
 * submission (funds that do not add up, unreadable targets, indicators outside the framework); the others are
 * shown as notices.
 */
public record DeclarationFinding(boolean blocking, String message) {

    static DeclarationFinding error(String message) {
        return new DeclarationFinding(true, message);
    }

    static DeclarationFinding notice(String message) {
        return new DeclarationFinding(false, message);
    }
}
