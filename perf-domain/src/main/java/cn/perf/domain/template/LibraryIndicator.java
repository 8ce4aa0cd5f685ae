package cn.perf.domain.template;

import java.math.BigDecimal;

/** A 共性指标 of the library as a form offers it: choosing it fills 目标值, 指标解释 and 目标值来源. */
public record LibraryIndicator(Long id, String category, String name, String targetText, String explanation,
                               String targetBasis, BigDecimal weight) {

    public static LibraryIndicator of(IndicatorLibraryEntry e) {
        return new LibraryIndicator(e.id(), e.category(), e.name(), e.targetText(), e.explanation(), e.targetBasis(),
                e.weight());
    }
}
