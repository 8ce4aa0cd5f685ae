package cn.perf.domain.declaration;

import cn.perf.domain.template.FormLayout;
import java.util.Objects;

/** The commands of the 申报表 pages (DESIGN.md §8): typed ids, the expected version, the whole content. */
public final class DeclarationCommands {

    private DeclarationCommands() {
    }

    /**
     * Create a draft for {@code unitId} and {@code year} in {@code layout} under {@code frameworkCode} with the
     * given content (the project is opened, or carried over when the unit has one of that name).
     */
    public record CreateDeclaration(Long unitId, FormLayout layout, int year, String frameworkCode,
                                    DeclarationContent content) {
        public CreateDeclaration {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Save the whole form of declaration {@code id}, started from {@code expectedVersion}. */
    public record ReviseDeclaration(Long id, long expectedVersion, DeclarationContent content) {
        public ReviseDeclaration {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
    }
}
