package io.mapper.engine;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.DataException;
import io.mapper.exception.UnstorableValueException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Values a column cannot store exactly are refused before they reach the database, with the same
 * {@link UnstorableValueException} naming the column on all four backends, SQLite included (which would store them),
 * and the transaction stays usable.
 */
class UnstorableValueIT extends BackendTest {

    private Table item;

    @BeforeEach
    void itemTable() {
        MetaData metadata = new MetaData();
        item = metadata.table("item", Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("name", Types.string(10)), Column.of("note", Types.TEXT),
                Column.of("amount", Types.numeric(12, 2)), Column.of("quantity", Types.INTEGER),
                Column.of("small", Types.SMALLINT));
        metadata.createAll(engine());
    }

    private Map<String, @Nullable Object> row(String column, @Nullable Object value) {
        Map<String, @Nullable Object> values = new HashMap<>(Map.of("id", 1, "name", "ok", "note", "ok",
                "amount", new BigDecimal("1.00"), "quantity", 1, "small", (short) 1));
        values.put(column, value);
        return values;
    }

    private void assertRefused(String column, Object value, String reason) {
        assertThatThrownBy(() -> engine().begin(conn -> conn.execute(insert(item).values(row(column, value)))))
                .isInstanceOfSatisfying(UnstorableValueException.class, refused -> {
                    assertThat(refused.column()).isEqualTo(column);
                    assertThat(refused).isInstanceOf(DataException.class)
                            .hasMessageContaining("column \"" + column + "\"").hasMessageContaining(reason)
                            .hasMessageContaining("refused before reaching the database");
                })
                .hasMessageNotContaining(String.valueOf(value));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT COUNT(*) FROM item")).scalar(Long.class)).isZero();
        }
    }

    @Test
    void textWithNulIsRefused() {
        assertRefused("note", "before\u0000after", "NUL character");
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefused() {
        assertRefused("note", "cut \ud800 here", "unpaired UTF-16 surrogate");
        assertRefused("name", "x\udc00", "unpaired UTF-16 surrogate");
    }

    @Test
    void textLongerThanItsVarcharIsRefusedAlsoOnSqlite() {
        assertRefused("name", "eleven char", "11 characters long");
    }

    @Test
    void decimalsBeyondTheScaleAreRefusedInsteadOfRounded() {
        assertRefused("amount", new BigDecimal("1.005"), "3 decimal places");
    }

    @Test
    void numbersBeyondThePrecisionAreRefused() {
        assertRefused("amount", new BigDecimal("12345678901.00"), "11 digits before the decimal point");
    }

    @Test
    void integersBeyondTheColumnTypeAreRefused() {
        assertRefused("quantity", 3_000_000_000L, "range of INTEGER");
        assertRefused("small", 40_000, "range of SMALLINT");
    }

    @Test
    void valuesAtTheLimitsAreStoredExactly() {
        Map<String, @Nullable Object> values = row("amount", new BigDecimal("9999999999.99"));
        values.put("name", "ten chars!");
        values.put("note", "emoji \uD83D\uDE00 pairs are fine");
        values.put("quantity", Integer.MAX_VALUE);
        engine().begin(conn -> conn.execute(insert(item).values(values)));
        try (Connection conn = engine().connect()) {
            Row stored = conn.execute(text("SELECT name, note, amount, quantity FROM item")).one();
            assertThat(stored.get(0)).isEqualTo("ten chars!");
            assertThat(stored.get(1)).isEqualTo("emoji \uD83D\uDE00 pairs are fine");
            assertThat(new BigDecimal(String.valueOf(stored.get(2)))).isEqualByComparingTo("9999999999.99");
            assertThat(((Number) stored.get(3)).longValue()).isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void theTransactionStaysUsableAfterARefusal() {
        engine().begin(conn -> {
            assertThatThrownBy(() -> conn.execute(insert(item).values(row("note", "\u0000"))))
                    .isInstanceOf(UnstorableValueException.class);
            conn.execute(insert(item).values(row("note", "fine")));
        });
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT COUNT(*) FROM item")).scalar(Long.class)).isEqualTo(1);
        }
    }
}
