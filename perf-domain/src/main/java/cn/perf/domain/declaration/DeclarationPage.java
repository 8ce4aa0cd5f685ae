package cn.perf.domain.declaration;

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

    public long blockingCount() {
        return findings.stream().filter(DeclarationFinding::blocking).count();
    }
}
