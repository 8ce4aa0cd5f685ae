package cn.perf.domain.declaration;

import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkView;
import cn.perf.domain.template.LibraryIndicator;
import java.util.List;

/**
 * What the 新增 page starts from: the content pre-filled (Suzhou: the 投入 共性指标 of the project type from the
 * library, with explanations and sources; the four 资金来源 rows), the frameworks to choose from, the units the
 * user may file for, and the library.
 */
public record NewDeclaration(FormLayout layout, int year, DeclarationContent content, FrameworkView framework,
                             List<FrameworkView> frameworks, List<String> projectTypes,
                             List<LibraryIndicator> library, List<UnitChoice> units) {

    /** A unit the user may file for. */
    public record UnitChoice(Long id, String code, String name) {
    }
}
