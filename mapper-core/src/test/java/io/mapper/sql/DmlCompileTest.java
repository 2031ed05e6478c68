package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.h2.H2Merge;
import io.mapper.dialect.mysql.MySqlInsert;
import io.mapper.dialect.postgresql.PostgresInsert;
import io.mapper.dialect.sqlite.SqliteInsert;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.CompileException;
import io.mapper.exception.UnsupportedCompilationException;

/** INSERT, UPDATE, DELETE and the upserts compile to the exact SQL of each dialect. */
class DmlCompileTest {

    private static Map<String, Object> tag(long id, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        return row;
    }

    @Test
    void insertSingleMultiRowAndFromSelect() {
        assertCompilesEverywhere(insert(TAG).values(tag(1, "new")), "INSERT INTO tag (id, name) VALUES (?, ?)");
        assertCompilesEverywhere(insert(TAG).value(TAG_ID, 1L).value(TAG_NAME, "new").value(TAG_ID, 2L),
                "INSERT INTO tag (id, name) VALUES (?, ?)");
        Insert multi = insert(TAG).values(List.of(tag(1, "a"), tag(2, "b"), tag(3, "c")));
        assertCompilesEverywhere(multi, "INSERT INTO tag (id, name) VALUES (?, ?), (?, ?), (?, ?)");
        assertThat(parameters(multi, SQLITE)).containsExactly(1L, "a", 2L, "b", 3L, "c");
        assertCompilesEverywhere(insert(PRODUCT_TAG).fromSelect(List.of(PRODUCT_TAG_PRODUCT, PRODUCT_TAG_TAG),
                select(PRODUCT_ID, TAG_ID).where(TAG_NAME.eq("sale"))), "INSERT INTO product_tag (product_id, tag_id) "
                        + "SELECT product.id, tag.id FROM product, tag WHERE tag.name = ?");
        assertCompiles(insert(TAG), "INSERT INTO tag DEFAULT VALUES", "INSERT INTO tag DEFAULT VALUES",
                "INSERT INTO tag DEFAULT VALUES", "INSERT INTO tag () VALUES ()");
        assertThatThrownBy(() -> insert(TAG).values(List.of(tag(1, "a"), Map.of("id", 2L))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("same columns");
        assertThatThrownBy(() -> insert(PRODUCT_TAG).fromSelect(List.of(PRODUCT_TAG_TAG), select(TAG_ID, TAG_NAME)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("returns 2");
    }

    @Test
    void columnsOfATableReferenceWithoutDeclaredColumnsAreKept() {
        // A metamodel's table reference (Attribute.table(...)) declares no columns; its values must not vanish.
        TableClause bare = TableClause.of("item");
        ColumnClause<String> name = new ColumnClause<>("name", io.mapper.types.Types.string(50), bare);
        ColumnClause<Integer> amount = new ColumnClause<>("amount", io.mapper.types.Types.INTEGER, bare);
        Map<ColumnClause<?>, Object> row = new LinkedHashMap<>();
        row.put(name, "a");
        row.put(amount, 1);
        assertCompilesEverywhere(insert(bare).values(row), "INSERT INTO item (amount, name) VALUES (?, ?)");
        assertCompilesEverywhere(update(bare).values(row), "UPDATE item SET amount = ?, name = ?");
    }

    @Test
    void insertReturningRenderedEmulatedOrRefused() {
        Insert insert = insert(ORDERS).values(Map.of("customer_id", 1L)).returning(ORDERS_ID, ORDERS_STATUS);
        assertCompiles(insert,
                "SELECT id, status FROM FINAL TABLE (INSERT INTO orders (customer_id) VALUES (?))",
                "INSERT INTO orders (customer_id) VALUES (?) RETURNING id, status",
                "INSERT INTO orders (customer_id) VALUES (?) RETURNING id, status",
                "INSERT INTO orders (customer_id) VALUES (?) RETURNING id, `status`");
        assertThatThrownBy(() -> compile(insert, OLD_SQLITE)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessage("RETURNING on INSERT is not supported by the sqlite dialect. Execute the INSERT and then "
                        + "SELECT the rows you need.");
        assertThatThrownBy(() -> compile(insert, OLD_MARIADB)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("mariadb");
    }

    @Test
    void dialectsSayWhichStatementsCanReturnRows() {
        for (Operation operation : List.of(Operation.INSERT, Operation.UPDATE, Operation.DELETE)) {
            assertThat(H2.supportsReturning(operation)).as("h2 (emulated)").isTrue();
            assertThat(POSTGRESQL.supportsReturning(operation)).isTrue();
            assertThat(SQLITE.supportsReturning(operation)).isTrue();
            assertThat(OLD_SQLITE.supportsReturning(operation)).isFalse();
            assertThat(OLD_MARIADB.supportsReturning(operation)).isFalse();
        }
        assertThat(MARIADB.supportsReturning(Operation.INSERT)).isTrue();
        assertThat(MARIADB.supportsReturning(Operation.DELETE)).isTrue();
        assertThat(MARIADB.supportsReturning(Operation.UPDATE)).isFalse();
    }

    @Test
    void updateWithValuesExpressionsAndReturning() {
        Update update = update(PRODUCT).set(PRODUCT_STOCK, PRODUCT_STOCK.minus(1)).set(PRODUCT_NAME, "x")
                .where(PRODUCT_ID.eq(7L));
        assertCompilesEverywhere(update, "UPDATE product SET stock = product.stock - ?, name = ? WHERE product.id = ?");
        assertThat(parameters(update, POSTGRESQL)).containsExactly(1, "x", 7L);
        assertCompilesEverywhere(update(CUSTOMER).values(Map.of("nickname", CUSTOMER_NAME)),
                "UPDATE customer SET nickname = customer.name");
        assertCompilesEverywhere(update(ORDERS).set(ORDERS_NOTE, lower(ORDERS_NOTE)).where(ORDERS_ID.eq(1L))
                .where(ORDERS_NOTE.isNotNull()), "UPDATE orders SET note = LOWER(orders.note) WHERE orders.id = ? AND "
                        + "orders.note IS NOT NULL");
        assertThatThrownBy(() -> update(ORDERS).set(ORDERS_NOTE, now())).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("orders.note SET ...").hasMessageContaining("LocalDateTime");
        Update returning = update(PRODUCT).set(PRODUCT_STOCK, 0).returning(PRODUCT_ID);
        assertCompiles(returning, H2, "SELECT id FROM FINAL TABLE (UPDATE product SET stock = ?)");
        assertCompiles(returning, SQLITE, "UPDATE product SET stock = ? RETURNING id");
        assertCompiles(returning, POSTGRESQL, "UPDATE product SET stock = ? RETURNING id");
        assertThatThrownBy(() -> compile(returning, MARIADB)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessage("RETURNING on UPDATE is not supported by the mariadb dialect. Execute the UPDATE and then "
                        + "SELECT the rows you need.");
        assertThatThrownBy(() -> compile(update(PRODUCT), POSTGRESQL)).isInstanceOf(CompileException.class)
                .hasMessageContaining("sets no columns");
    }

    @Test
    void updateWithValuesFromAnotherTablePerDialect() {
        Update update = update(ORDER_LINE).set(LINE_PRICE, PRODUCT_PRICE).where(LINE_PRODUCT.eq(PRODUCT_ID),
                PRODUCT_CATEGORY.eq(2L));
        String from = "UPDATE order_line SET unit_price = product.price FROM product WHERE order_line.product_id = "
                + "product.id AND product.category_id = ?";
        assertCompiles(update, SQLITE, from);
        assertCompiles(update, POSTGRESQL, from);
        assertCompiles(update, MARIADB, "UPDATE order_line, product SET order_line.unit_price = product.price WHERE "
                + "order_line.product_id = product.id AND product.category_id = ?");
        // H2 has no UPDATE ... FROM: the value reading product becomes a correlated subquery, the rows are chosen by
        // EXISTS (issue 14; the WHERE is repeated, so its parameter is bound twice).
        assertCompiles(update, H2, "UPDATE order_line SET unit_price = (SELECT product.price FROM product WHERE "
                + "order_line.product_id = product.id AND product.category_id = ?) WHERE EXISTS (SELECT 1 FROM product "
                + "WHERE order_line.product_id = product.id AND product.category_id = ?)");
        assertCompiles(update(ORDER_LINE).set(LINE_PRICE, new BigDecimal("1.00")).where(LINE_PRODUCT.eq(PRODUCT_ID),
                PRODUCT_CATEGORY.eq(2L)), H2, "UPDATE order_line SET unit_price = ? WHERE EXISTS (SELECT 1 FROM "
                + "product WHERE order_line.product_id = product.id AND product.category_id = ?)");
        assertCompilesEverywhere(update(ORDER_LINE).set(LINE_PRICE, select(PRODUCT_PRICE)
                .where(PRODUCT_ID.eq(LINE_PRODUCT))), "UPDATE order_line SET unit_price = (SELECT product.price FROM "
                        + "product WHERE product.id = order_line.product_id)");
    }

    @Test
    void deleteWithWhereAndReturning() {
        assertCompilesEverywhere(delete(ORDERS).where(ORDERS_ID.in(1L, 2L)),
                "DELETE FROM orders WHERE orders.id IN (__[EXPANDING_id_1])");
        assertCompilesEverywhere(delete(ORDERS).where(notExists(select(LINE_ID).where(LINE_ORDER.eq(ORDERS_ID)))),
                "DELETE FROM orders WHERE NOT EXISTS (SELECT order_line.id FROM order_line WHERE order_line.order_id "
                        + "= orders.id)");
        Delete returning = delete(TAG).where(TAG_ID.eq(1L)).returning(TAG_NAME);
        assertCompiles(returning, "SELECT name FROM OLD TABLE (DELETE FROM tag WHERE tag.id = ?)",
                "DELETE FROM tag WHERE tag.id = ? RETURNING name", "DELETE FROM tag WHERE tag.id = ? RETURNING name",
                "DELETE FROM tag WHERE tag.id = ? RETURNING name");
        assertThatThrownBy(() -> compile(returning, OLD_MARIADB)).isInstanceOf(UnsupportedCompilationException.class);
    }

    @Test
    void upsertsInTheDialectPackages() {
        PostgresInsert postgres = PostgresInsert.insert(TAG).values(tag(1, "new"));
        assertCompiles(postgres.onConflictDoUpdate(List.of(TAG_ID), Map.of("name", postgres.excluded(TAG_NAME))),
                POSTGRESQL, "INSERT INTO tag (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = "
                        + "excluded.name");
        assertCompiles(postgres.onConflictDoNothing().returning(TAG_ID), POSTGRESQL,
                "INSERT INTO tag (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id");
        SqliteInsert sqlite = SqliteInsert.insert(TAG).values(tag(1, "new"));
        assertCompiles(sqlite.onConflictDoUpdate(List.of(TAG_ID), Map.of("name", sqlite.excluded(TAG_NAME))),
                SQLITE, "INSERT INTO tag (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = "
                        + "excluded.name");
        assertCompiles(sqlite.onConflictDoNothing(TAG_NAME), SQLITE,
                "INSERT INTO tag (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
        MySqlInsert mysql = MySqlInsert.insert(TAG).values(tag(1, "new"));
        assertCompiles(mysql.onDuplicateKeyUpdate(Map.of("name", mysql.inserted(TAG_NAME))), MARIADB,
                "INSERT INTO tag (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)");
        assertCompiles(H2Merge.into(TAG).key(TAG_ID).values(List.of(tag(1, "a"), tag(2, "b"))), H2,
                "MERGE INTO tag (id, name) KEY (id) VALUES (?, ?), (?, ?)");
        assertThatThrownBy(() -> compile(postgres, MARIADB)).isInstanceOf(CompileException.class)
                .hasMessageContaining("compiles only for PostgreSQL");
        assertThatThrownBy(() -> compile(mysql, H2)).isInstanceOf(CompileException.class)
                .hasMessageContaining("MySQL and MariaDB");
        assertThatThrownBy(() -> compile(H2Merge.into(TAG).values(tag(1, "a")), H2))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("key(");
        assertThat(postgres.onConflictDoUpdate(List.of(TAG_ID), Map.of("name", "x")).toString())
                .isEqualTo("INSERT INTO tag (id, name) VALUES (:id_1, :name_1) ON CONFLICT (id) DO UPDATE SET name = "
                        + ":name_2");
    }

    @Test
    void valuesAreCheckedAgainstTheTable() {
        assertThatThrownBy(() -> insert(TAG).values(Map.of("nmae", "x"))).isInstanceOf(ArgumentException.class)
                .hasMessage("Table 'tag' has no column 'nmae'; its columns are [id, name].");
        assertThatThrownBy(() -> update(TAG).set(PRODUCT_NAME, "x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("does not belong to the table 'tag'");
        assertThatThrownBy(() -> insert(PRODUCT).values(Map.of("price", "cheap")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("BigDecimal");
        assertThat(parameters(insert(PRODUCT).values(Map.of("price", 3)), H2)).containsExactly(new BigDecimal(3));
    }
}
