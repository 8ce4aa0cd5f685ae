package cn.perf.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link FiscalYear} as an integer column. */
@Converter(autoApply = true)
public class FiscalYearConverter implements AttributeConverter<FiscalYear, Integer> {

    @Override
    public Integer convertToDatabaseColumn(FiscalYear year) {
        return year == null ? null : year.value();
    }

    @Override
    public FiscalYear convertToEntityAttribute(Integer value) {
        return value == null ? null : new FiscalYear(value);
    }
}
