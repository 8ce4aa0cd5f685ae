package cn.perf.domain.declaration;

import cn.perf.domain.template.IndicatorLibraryEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One indicator row as filed, to add to or replace in a {@link Declaration}. Build it with {@link #suzhou} (分解目标
 * row) or {@link #national} (一级/二级/指标内容/指标值 row), then add the optional 财预〔2021〕101号 fields with the
 * {@code with…} methods.
 *
 * @param term            年度 or 长期 (Suzhou rows are 年度)
 * @param category        类别 / 一级指标, e.g. 投入, 产出指标
 * @param subCategory     二级指标 (national), e.g. 数量指标; null for Suzhou
 * @param name            指标名称 / 指标内容 (三级指标)
 * @param targetText      目标值 / 指标值 exactly as filed
 * @param explanation     指标解释 (or the 101号 explanation/formula)
 * @param targetBasis     目标值来源
 * @param basisKind       指标值设定依据 (101号): 计划标准/行业标准/历史标准/其他; optional
 * @param measureUnit     计量单位 (101号); optional
 * @param weight          权重 where the library gives one (投入 rows); optional
 * @param subProjectNames 对应子项目名称 in printed order (Suzhou); each must be a sub-project of the declaration
 * @param libraryEntryId  the library row it was pre-filled from; optional
 */
public record IndicatorDraft(IndicatorTerm term, String category, String subCategory, String name, String targetText,
                             String explanation, String targetBasis, BasisKind basisKind, String measureUnit,
                             BigDecimal weight, List<String> subProjectNames, Long libraryEntryId) {

    public IndicatorDraft {
        Objects.requireNonNull(term, "term");
        subProjectNames = subProjectNames == null ? List.of() : List.copyOf(subProjectNames);
        targetText = targetText == null ? "" : targetText;
        if (weight != null && weight.signum() < 0) {
            throw new IllegalArgumentException("指标“" + name + "”的权重不能为负数：" + weight.toPlainString());
        }
    }

    /** A Suzhou 分解目标 row: 类别, 对应子项目名称, 指标名称, 目标值, 指标解释, 目标值来源. */
    public static IndicatorDraft suzhou(String category, List<String> subProjectNames, String name, String targetText,
                                        String explanation, String targetBasis) {
        return new IndicatorDraft(IndicatorTerm.ANNUAL, category, null, name, targetText, explanation, targetBasis,
                null, null, null, subProjectNames, null);
    }

    /** A Suzhou row pre-filled from the common-indicator library. */
    public static IndicatorDraft fromLibrary(IndicatorLibraryEntry entry) {
        return new IndicatorDraft(IndicatorTerm.ANNUAL, entry.category(), null, entry.name(), entry.targetText(),
                entry.explanation(), entry.targetBasis(), null, null, entry.weight(), List.of(), entry.id());
    }

    /** A national row: 一级指标, 二级指标, 指标内容, 指标值 in the 长期 or 年度 table. */
    public static IndicatorDraft national(IndicatorTerm term, String category, String subCategory, String name,
                                          String targetText) {
        return new IndicatorDraft(term, category, subCategory, name, targetText, null, null, null, null, null,
                List.of(), null);
    }

    /** The 财预〔2021〕101号 fields: 计量单位, 指标解释/计算公式, 指标值设定依据 (+ its description). */
    public IndicatorDraft with101Fields(String measureUnit, String explanation, BasisKind basisKind,
                                        String targetBasis) {
        return new IndicatorDraft(term, category, subCategory, name, targetText, explanation, targetBasis, basisKind,
                measureUnit, weight, subProjectNames, libraryEntryId);
    }

    public IndicatorDraft withWeight(BigDecimal newWeight) {
        return new IndicatorDraft(term, category, subCategory, name, targetText, explanation, targetBasis, basisKind,
                measureUnit, newWeight, subProjectNames, libraryEntryId);
    }

    public IndicatorDraft withLibraryEntry(Long entryId) {
        return new IndicatorDraft(term, category, subCategory, name, targetText, explanation, targetBasis, basisKind,
                measureUnit, weight, subProjectNames, entryId);
    }

    public IndicatorDraft withSubProjects(List<String> names) {
        return new IndicatorDraft(term, category, subCategory, name, targetText, explanation, targetBasis, basisKind,
                measureUnit, weight, names, libraryEntryId);
    }
}
