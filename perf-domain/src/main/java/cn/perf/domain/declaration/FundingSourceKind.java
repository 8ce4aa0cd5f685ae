package cn.perf.domain.declaration;

/** A row of the Suzhou 项目资金来源 table. */
public enum FundingSourceKind {
    SUPERIOR("上级财政资金"),
    CITY("市级财政资金"),
    SUBORDINATE("下级财政资金"),
    OTHER("其他");

    private final String label;

    FundingSourceKind(String label) {
        this.label = label;
    }

    /** The row label as printed. */
    public String label() {
        return label;
    }

    public static FundingSourceKind ofLabel(String label) {
        for (FundingSourceKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("未知的资金来源：" + label + "（应为上级财政资金、市级财政资金、下级财政资金或其他）");
    }
}
