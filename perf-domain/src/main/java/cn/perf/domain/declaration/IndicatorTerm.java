package cn.perf.domain.declaration;

/** Which indicator table a row belongs to: the national layout prints 长期绩效指标 and 年度绩效指标. */
public enum IndicatorTerm {
    /** 年度 (the only table of the Suzhou layout). */
    ANNUAL("年度绩效指标"),
    /** 长期 (national layout). */
    LONG_TERM("长期绩效指标");

    private final String label;

    IndicatorTerm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
