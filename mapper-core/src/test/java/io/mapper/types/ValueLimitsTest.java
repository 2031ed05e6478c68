package io.mapper.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class ValueLimitsTest {

    @Test
    void textMustHaveNoNulNoUnpairedSurrogateAndFitItsVarchar() {
        assertThat(ValueLimits.check(Types.TEXT, "a\u0000")).extracting(ValueLimits.Violation::sqlState)
                .isEqualTo("22021");
        assertThat(ValueLimits.check(Types.TEXT, "\ud800")).isNotNull();
        assertThat(ValueLimits.check(Types.TEXT, "\udc00\ud800")).isNotNull();
        assertThat(ValueLimits.check(Types.TEXT, "pair \uD83D\uDE00")).isNull();
        // Length counts characters (code points), as the databases do: one emoji is one character.
        assertThat(ValueLimits.check(Types.string(3), "ab\uD83D\uDE00")).isNull();
        assertThat(ValueLimits.check(Types.string(3), "abcd")).extracting(ValueLimits.Violation::sqlState)
                .isEqualTo("22001");
    }

    @Test
    void numericMustFitPrecisionAndScaleWithoutRounding() {
        BuiltInType<BigDecimal> money = Types.numeric(12, 2);
        assertThat(ValueLimits.check(money, new BigDecimal("9999999999.99"))).isNull();
        assertThat(ValueLimits.check(money, new BigDecimal("-9999999999.99"))).isNull();
        assertThat(ValueLimits.check(money, new BigDecimal("1.50000"))).isNull();   // trailing zeros are exact
        assertThat(ValueLimits.check(money, new BigDecimal("1E+3"))).isNull();
        assertThat(ValueLimits.check(money, new BigDecimal("10000000000.00"))).isNotNull();
        assertThat(ValueLimits.check(money, new BigDecimal("0.001"))).isNotNull();
        assertThat(ValueLimits.check(money, 12_345_678_901L)).isNotNull();
        assertThat(ValueLimits.check(money, Double.NaN)).isNotNull();
        assertThat(ValueLimits.check(money, 0.1)).isNull();
    }

    @Test
    void integersMustFitTheirColumnType() {
        assertThat(ValueLimits.check(Types.INTEGER, 3_000_000_000L)).isNotNull();
        assertThat(ValueLimits.check(Types.INTEGER, (long) Integer.MAX_VALUE)).isNull();
        assertThat(ValueLimits.check(Types.SMALLINT, 40_000)).isNotNull();
        assertThat(ValueLimits.check(Types.BIGINT, BigInteger.TWO.pow(63))).isNotNull();
        assertThat(ValueLimits.check(Types.BIGINT, new BigDecimal("1.5"))).isNotNull();
    }

    @Test
    void otherTypesAndNullsAreNotChecked() {
        assertThat(ValueLimits.check(Types.TEXT, null)).isNull();
        assertThat(ValueLimits.check(null, "a\u0000")).isNull();
        assertThat(ValueLimits.check(Types.BOOLEAN, true)).isNull();
    }
}
