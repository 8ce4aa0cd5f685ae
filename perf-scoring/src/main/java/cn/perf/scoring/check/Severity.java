package cn.perf.scoring.check;

/** How serious a {@link Finding} is. */
public enum Severity {
    /** The sheet is wrong or cannot be scored as filed: 错误. */
    ERROR("错误"),
    /** Probably wrong or needs an explanation/confirmation: 警告. */
    WARNING("警告"),
    /** Worth knowing; an assumption the scorer made: 提示. */
    INFO("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** Chinese label. */
    public String label() {
        return label;
    }
}
