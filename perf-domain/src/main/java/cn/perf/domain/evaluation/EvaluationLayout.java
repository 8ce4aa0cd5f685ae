package cn.perf.domain.evaluation;

/**
 * Which printed 自评表 a {@link SelfEvaluation} follows. The layout decides which blocks are filled: the Suzhou form
 * has the two 市级 funds blocks, 项目资金构成 and the seven 项目基本情况 narratives; the national form has the four
 * 项目资金 rows, 年度总体目标 (预期目标 vs 实际完成情况) and 一级/二级/三级 indicators with 偏差原因分析.
 */
public enum EvaluationLayout {
    /** 苏州市级财政支出项目绩效自评表 (DESIGN.md §2.3, seed 002). */
    SUZHOU_2017("苏州市级财政支出项目绩效自评表"),
    /** 项目支出绩效自评表, 财预〔2020〕10号 (DESIGN.md §2.4). */
    NATIONAL_2020("项目支出绩效自评表（财预〔2020〕10号）");

    private final String label;

    EvaluationLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
