package io.mapper.sql;

import static io.mapper.sql.Sql.delete;
import static io.mapper.sql.Sql.select;
import static io.mapper.testing.CompileAssertions.assertCompiles;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;

/**
 * Issue 14: a DELETE whose WHERE names other tables deletes the target's rows for which some row of the others meets
 * the condition: {@code DELETE ... USING} on PostgreSQL, the multi-table form on MariaDB, {@code WHERE EXISTS} on H2
 * and SQLite (and on MariaDB with RETURNING).
 */
class MultiTableDeleteIT extends StoreTest {

    @Test
    void rendersEachDatabasesForm() {
        Delete lines = delete(ORDER_LINE).where(LINE_PRODUCT.eq(PRODUCT_ID), PRODUCT_CATEGORY.eq(2L));
        String exists = "DELETE FROM order_line WHERE EXISTS (SELECT 1 FROM product WHERE order_line.product_id = "
                + "product.id AND product.category_id = ?)";
        assertCompiles(lines, exists, exists,
                "DELETE FROM order_line USING product WHERE order_line.product_id = product.id "
                        + "AND product.category_id = ?",
                "DELETE order_line FROM order_line, product WHERE order_line.product_id = product.id "
                        + "AND product.category_id = ?");
        // With other tables, PostgreSQL's RETURNING qualifies its columns: a bare "id" would be ambiguous.
        assertCompiles(lines.returning(LINE_ID), io.mapper.testing.CompileAssertions.POSTGRESQL,
                "DELETE FROM order_line USING product WHERE order_line.product_id = product.id "
                        + "AND product.category_id = ? RETURNING order_line.id");
        assertCompiles(Sql.update(ORDER_LINE).set(LINE_PRICE, PRODUCT_PRICE).where(LINE_PRODUCT.eq(PRODUCT_ID))
                .returning(LINE_ID), io.mapper.testing.CompileAssertions.POSTGRESQL,
                "UPDATE order_line SET unit_price = product.price FROM product "
                        + "WHERE order_line.product_id = product.id RETURNING order_line.id");
    }

    @Test
    void deletesOnlyTheRowsThatMatchARowOfTheOtherTables() {
        try (Connection conn = engine().begin()) {
            // Product 2 (Atlas) is the only product of category 2: order line 3.
            assertThat(conn.execute(delete(ORDER_LINE).where(LINE_PRODUCT.eq(PRODUCT_ID), PRODUCT_CATEGORY.eq(2L)))
                    .rowCount()).isEqualTo(1);
            // Two other tables: the lines of Bob's orders (order 3, line 4).
            assertThat(conn.execute(delete(ORDER_LINE).where(LINE_ORDER.eq(ORDERS_ID),
                    ORDERS_CUSTOMER.eq(CUSTOMER_ID), CUSTOMER_NAME.eq("Bob"))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(LINE_ID).orderBy(LINE_ID)).scalars(Long.class).all()).containsExactly(1L, 2L);
            if (conn.dialect().supportsReturning(Operation.DELETE)) {
                assertThat(conn.execute(delete(ORDER_LINE).where(LINE_PRODUCT.eq(PRODUCT_ID),
                        PRODUCT_NAME.eq("Chess")).returning(LINE_ID)).scalars(Long.class).all()).containsExactly(2L);
            }
            conn.commit();
        }
    }
}
