package cn.perf.domain.declaration;

import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.template.FrameworkView;
import cn.perf.domain.template.LibraryIndicator;
import java.util.List;

/**
 * What a declaration's read and edit pages show: the detail read model, every finding of the lint (with the
 * framework's category check), the framework's categories, the library's 共性指标 for its project type, and what
 * the signed-in user may do.
 *
 * @param editable  the user may edit it (their unit's form, a draft or returned)
 * @param submittable the user may submit it (editable, nothing blocking)
 */
public record DeclarationPage(DeclarationDetail detail, List<DeclarationFinding> findings, FrameworkView framework,
                              List<LibraryIndicator> library, boolean editable, boolean submittable) {

    /**
     * The page of a stored version as {@code scope} sees it: everything but what the user may do is the version's
     * alone (the same for every viewer), so a page kept for that version serves every user who may see the form.
     * Not visible in {@code scope}: {@link NotFoundException}, exactly as if it did not exist.
     */
    public static DeclarationPage of(DeclarationDetail detail, List<DeclarationFinding> findings,
                                     FrameworkView framework, List<LibraryIndicator> library, Scope scope) {
        if (!scope.canSee(detail.unitId(), detail.unitRegion())) {
            throw new NotFoundException("申报表不存在：" + detail.id());
        }
        boolean editable = scope.canFile(detail.unitId()) && detail.status().editable();
        return new DeclarationPage(detail, findings, framework, library, editable,
                editable && findings.stream().noneMatch(DeclarationFinding::blocking));
    }

    /** This page (of one stored version) as another user sees it: see {@link #of}. */
    public DeclarationPage seenBy(Scope scope) {
        return of(detail, findings, framework, library, scope);
    }

    public long blockingCount() {
        return findings.stream().filter(DeclarationFinding::blocking).count();
    }
}
