package cn.perf.domain.declaration;

/** The basis of an indicator value asked for by 财预〔2021〕101号 (指标值设定依据). */
public enum BasisKind {
    PLAN("计划标准"),
    INDUSTRY("行业标准"),
    HISTORY("历史标准"),
    OTHER("其他");

    private final String label;

    BasisKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
