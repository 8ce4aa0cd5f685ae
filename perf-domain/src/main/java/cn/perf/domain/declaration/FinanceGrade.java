package cn.perf.domain.declaration;

/** The finance bureau's graded review of a 申报表 (财预〔2015〕88号). */
public enum FinanceGrade {
    /** 优: approved as filed. */
    EXCELLENT("优", DeclarationStatus.APPROVED),
    /** 良: approved after agreed changes. */
    GOOD("良", DeclarationStatus.APPROVED),
    /** 中: returned for revision. */
    FAIR("中", DeclarationStatus.RETURNED),
    /** 差: rejected. */
    POOR("差", DeclarationStatus.REJECTED);

    private final String label;
    private final DeclarationStatus outcome;

    FinanceGrade(String label, DeclarationStatus outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    public String label() {
        return label;
    }

    /** The status the grade leads to. */
    public DeclarationStatus outcome() {
        return outcome;
    }

    /** 优 needs no comment; 良 (the agreed changes), 中 and 差 do. */
    public boolean requiresComment() {
        return this != EXCELLENT;
    }
}
