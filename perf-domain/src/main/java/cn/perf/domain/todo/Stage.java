package cn.perf.domain.todo;

import cn.perf.domain.declaration.DeclarationStatus;
import java.util.Optional;

/**
 * The stages of a filing year whose deadlines the finance bureau sets (DESIGN.md §4): when units must submit their
 * 申报表, when the 主管部门 and the 财政局 must have reviewed them, and the same two for the 自评表.
 */
public enum Stage {
    DECLARATION_SUBMISSION("申报表提交"),
    DEPARTMENT_REVIEW("主管部门审核"),
    FINANCE_REVIEW("财政局审核"),
    EVALUATION_SUBMISSION("自评表提交"),
    EVALUATION_REVIEW("自评表审核");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage a declaration in {@code status} waits in; empty when it waits for nobody (approved, rejected). */
    public static Optional<Stage> ofDeclaration(DeclarationStatus status) {
        return switch (status) {
            case DRAFT, RETURNED -> Optional.of(DECLARATION_SUBMISSION);
            case SUBMITTED -> Optional.of(DEPARTMENT_REVIEW);
            case DEPARTMENT_APPROVED -> Optional.of(FINANCE_REVIEW);
            default -> Optional.empty();
        };
    }
}
