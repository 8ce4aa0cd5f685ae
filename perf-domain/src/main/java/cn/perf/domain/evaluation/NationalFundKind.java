package cn.perf.domain.evaluation;

/** The rows of the national 项目资金 block (财预〔2020〕10号), in printed order. */
public enum NationalFundKind {
    TOTAL("年度资金总额"),
    CURRENT_APPROPRIATION("其中：本年财政拨款"),
    PRIOR_CARRYOVER("上年结转资金"),
    OTHER("其他资金");

    private final String label;

    NationalFundKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
