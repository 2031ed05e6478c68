package io.mapper.sql;

import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.update;
import static io.mapper.testing.CompileAssertions.assertCompiles;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.exception.UnsupportedCompilationException;

/**
 * Issue 14: an UPDATE whose values or WHERE name other tables updates the target's rows for which some row of the
 * others meets the condition: {@code UPDATE ... FROM} on PostgreSQL and SQLite, the multi-table form on MariaDB, and on
 * H2, which has neither, correlated subqueries ({@code SET c = (SELECT ...) WHERE EXISTS (SELECT 1 ...)}). Mirrors
 * SQLAlchemy's test/sql/test_update.py::UpdateFromRoundTripTest (test_exec_two_table, test_exec_multitable) and
 * ::UpdateFromCompileTest.
 */
class MultiTableUpdateIT extends StoreTest {

    private static final Update ANNS_LINES = update(ORDER_LINE).set(LINE_QUANTITY, LINE_QUANTITY.plus(10))
            .set(LINE_PRICE, PRODUCT_PRICE).where(LINE_ORDER.eq(ORDERS_ID), ORDERS_CUSTOMER.eq(CUSTOMER_ID),
                    CUSTOMER_NAME.eq("Ann"), LINE_PRODUCT.eq(PRODUCT_ID));

    @Test
    void rendersEachDatabasesForm() {
        String where = "order_line.order_id = orders.id AND orders.customer_id = customer.id AND customer.name = ? "
                + "AND order_line.product_id = product.id";
        String from = "UPDATE order_line SET quantity = order_line.quantity + ?, unit_price = product.price FROM "
                + "product, orders, customer WHERE " + where;
        assertCompiles(ANNS_LINES,
                "UPDATE order_line SET quantity = order_line.quantity + ?, unit_price = (SELECT product.price FROM "
                        + "product, orders, customer WHERE " + where + ") WHERE EXISTS (SELECT 1 FROM product, "
                        + "orders, customer WHERE " + where + ")",
                from, from,
                "UPDATE order_line, product, orders, customer SET order_line.quantity = order_line.quantity + ?, "
                        + "order_line.unit_price = product.price WHERE " + where);
    }

    // mirrors UpdateFromRoundTripTest::test_exec_two_table
    @Test
    void valuesComeFromTheMatchingRowOfTheOtherTable() {
        try (Connection conn = engine().begin()) {
            conn.execute(update(PRODUCT).set(PRODUCT_PRICE, new BigDecimal("14.00")).where(PRODUCT_NAME.eq("Dune")));
            assertThat(conn.execute(update(ORDER_LINE).set(LINE_PRICE, PRODUCT_PRICE)
                    .where(LINE_PRODUCT.eq(PRODUCT_ID), PRODUCT_NAME.eq("Dune"))).rowCount()).isEqualTo(2);
            assertThat(conn.execute(select(LINE_PRICE).orderBy(LINE_ID)).scalars(BigDecimal.class).all())
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("14.00"),
                            new BigDecimal("25.25"), new BigDecimal("30.00"), new BigDecimal("14.00"));
            conn.commit();
        }
    }

    // mirrors UpdateFromRoundTripTest::test_exec_multitable: three other tables, a value from one of them, a value
    // computed from the target, and a WHERE that names them all
    @Test
    void severalOtherTablesAndValuesOfEveryKind() {
        try (Connection conn = engine().begin()) {
            assertThat(conn.execute(ANNS_LINES).rowCount()).isEqualTo(3);
            assertThat(conn.execute(select(LINE_QUANTITY).orderBy(LINE_ID)).scalars(Integer.class).all())
                    .containsExactly(12, 11, 11, 1);
            assertThat(conn.execute(select(LINE_PRICE).orderBy(LINE_ID)).scalars(BigDecimal.class).all())
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("12.50"),
                            new BigDecimal("25.25"), new BigDecimal("30.00"), new BigDecimal("12.50"));
            // Only the WHERE names another table: the values are plain.
            assertThat(conn.execute(update(ORDER_LINE).set(LINE_QUANTITY, 0).where(LINE_PRODUCT.eq(PRODUCT_ID),
                    PRODUCT_CATEGORY.eq(4L))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(LINE_QUANTITY).orderBy(LINE_ID)).scalars(Integer.class).all())
                    .containsExactly(12, 0, 11, 1);
            conn.commit();
        }
    }

    @Test
    void returningTheUpdatedRowsWhereTheDatabaseCan() {
        Update chess = update(ORDER_LINE).set(LINE_QUANTITY, 5).where(LINE_PRODUCT.eq(PRODUCT_ID),
                PRODUCT_NAME.eq("Chess")).returning(LINE_ID, LINE_QUANTITY);
        try (Connection conn = engine().begin()) {
            if (backend.is("mariadb")) {
                assertThatThrownBy(() -> conn.execute(chess)).isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining("RETURNING on UPDATE");
                return;
            }
            // H2: SELECT ... FROM FINAL TABLE (UPDATE ... WHERE EXISTS (...)).
            var row = conn.execute(chess).one();
            assertThat(row.get(LINE_ID)).isEqualTo(2L);
            assertThat(row.get(LINE_QUANTITY)).isEqualTo(5);
            conn.commit();
        }
    }
}
