package io.mapper.sql;

import static io.mapper.sql.Sql.rowValueIn;
import static io.mapper.sql.Sql.select;
import static io.mapper.testing.CompileAssertions.assertCompiles;
import static io.mapper.testing.Store.LINE_ID;
import static io.mapper.testing.Store.LINE_ORDER;
import static io.mapper.testing.Store.LINE_PRODUCT;
import static io.mapper.testing.Store.ORDER_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.exception.ArgumentException;

/** {@code (a, b) IN ((?, ?), ...)}: a row-value list, SQLite's VALUES, and an OR of ANDs without row values. */
class RowValueInTest {

    private static final Select BY_KEYS = select(LINE_ID).from(ORDER_LINE).where(rowValueIn(
            List.of(LINE_ORDER, LINE_PRODUCT), List.of(List.of(1L, 10L), List.of(2L, 20L))));

    @Test
    void eachDatabaseWritesARowValueList() {
        String list = "SELECT order_line.id FROM order_line WHERE (order_line.order_id, order_line.product_id) IN "
                + "((?, ?), (?, ?))";
        String values = "SELECT order_line.id FROM order_line WHERE (order_line.order_id, order_line.product_id) IN "
                + "(VALUES (?, ?), (?, ?))";
        assertCompiles(BY_KEYS, list, values, list, list);
        assertThat(BY_KEYS.boundValues().values()).containsExactly(1L, 10L, 2L, 20L);
    }

    @Test
    void withoutRowValuesItIsAnOrOfAnds() {
        SqlCompiler compiler = new SqlCompiler(new IdentifierPreparer(), "plain", false) {
            @Override
            protected boolean supportsRowValues() {
                return false;
            }
        };
        assertThat(compiler.compile(BY_KEYS.where(LINE_ID.gt(0L))).sql()).isEqualTo("SELECT order_line.id FROM "
                + "order_line WHERE ((order_line.order_id = ? AND order_line.product_id = ?) OR (order_line.order_id = "
                + "? AND order_line.product_id = ?)) AND order_line.id > ?");
    }

    @Test
    void noRowsMatchNothingAndBadRowsAreRefused() {
        String none = select(LINE_ID).from(ORDER_LINE).where(rowValueIn(List.of(LINE_ORDER, LINE_PRODUCT),
                List.of())).toString();
        assertThat(none).doesNotContain("IN (");
        assertThatThrownBy(() -> rowValueIn(List.of(LINE_ORDER, LINE_PRODUCT), List.of(List.of(1L))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("one value per expression");
        assertThatThrownBy(() -> rowValueIn(List.of(LINE_ORDER), List.of(List.of(1L))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("use in(...)");
        assertThatThrownBy(() -> rowValueIn(List.of(LINE_ORDER, LINE_PRODUCT), List.of(List.of(1L, "x"))))
                .isInstanceOf(ArgumentException.class);
    }
}
