package io.mapper.orm.converters;

import java.math.BigDecimal;

import io.mapper.types.TypeConverter;

/** Stores {@link Money} as NUMERIC, the converter a field names with {@code @Convert(MoneyConverter.class)}. */
public class MoneyConverter implements TypeConverter<Money, BigDecimal> {

    @Override
    public BigDecimal toStorage(Money value) {
        return value.amount();
    }

    @Override
    public Money fromStorage(BigDecimal value) {
        return new Money(value);
    }
}
