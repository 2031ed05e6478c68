package io.mapper.orm.converters;

import java.math.BigDecimal;

/**
 * A money amount, deliberately without {@code equals}: the session must compare it by its stored value (a loaded
 * object whose amount did not change is not dirty).
 */
public final class Money {

    private final BigDecimal amount;

    public Money(BigDecimal amount) {
        this.amount = amount;
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public BigDecimal amount() {
        return amount;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
