package cn.perf.domain.template;

/** The printed layout of a 绩效目标申报表 (DESIGN.md §2.1, §2.2). */
public enum FormLayout {
    /** 苏州市级财政支出项目绩效目标申报表 (seeds 000, 001). */
    SUZHOU("苏州市级财政支出项目绩效目标申报表"),
    /** 财政支出项目绩效目标申报表, national layout of 财预〔2015〕88号 (seed 003). */
    NATIONAL("财政支出项目绩效目标申报表");

    private final String title;

    FormLayout(String title) {
        this.title = title;
    }

    /** The form's printed title. */
    public String title() {
        return title;
    }
}
