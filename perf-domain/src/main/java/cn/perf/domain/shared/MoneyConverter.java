package cn.perf.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/** Stores {@link Money} as {@code numeric(18,6)} 万元. Applied automatically to every {@code Money} attribute. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Money money) {
        return money == null ? null : money.wan();
    }

    @Override
    public Money convertToEntityAttribute(BigDecimal wan) {
        return wan == null ? null : Money.ofWan(wan);
    }
}
