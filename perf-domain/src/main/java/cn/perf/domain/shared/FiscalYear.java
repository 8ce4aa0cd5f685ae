package cn.perf.domain.shared;

/** A budget year (项目年度), e.g. 2021. */
public record FiscalYear(int value) implements Comparable<FiscalYear> {

    public FiscalYear {
        if (value < 2000 || value > 2100) {
            throw new IllegalArgumentException("项目年度应在 2000–2100 之间：" + value);
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    public FiscalYear previous() {
        return new FiscalYear(value - 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
