package io.mapper.schema;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.IntegrityException;
import io.mapper.testing.BackendTest;
import io.mapper.types.TypedValue;
import io.mapper.types.Types;

/**
 * The constraints createAll declares are enforced by every database and carry the naming convention's names:
 * unique, check (also an enum's), foreign keys with ON DELETE CASCADE / SET NULL, server defaults, generated keys.
 */
class ConstraintsIT extends BackendTest {

    private final StoreSchema store = new StoreSchema();

    @BeforeEach
    void createSchema() {
        store.metadata.createAll(engine());
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO customer (email, name) VALUES ('sandy@example.com', 'Sandy')"));
            conn.execute(text("INSERT INTO customer (email, name, status) VALUES ('bob@example.com', 'Bob', "
                    + "'SUSPENDED')"));
            conn.execute(text("INSERT INTO category (name) VALUES ('Food')"));
            conn.execute(text("INSERT INTO category (parent_id, name) VALUES (1, 'Fruit')"));
            conn.execute(text("INSERT INTO product (sku, price, category_id) VALUES (:sku, :price, 2)")
                    .bind("sku", "APPLE").bind("price", TypedValue.of(Types.numeric(12, 2), new BigDecimal("0.35"))));
            conn.execute(text("INSERT INTO purchase_order (customer_id, placed_at) VALUES (1, :at)")
                    .bind("at", TypedValue.of(Types.TIMESTAMP_WITH_TIME_ZONE, OffsetDateTime.parse(
                            "2024-05-01T10:00:00+02:00"))));
            conn.execute(text("INSERT INTO order_line (order_id, line_no, product_id) VALUES (1, 1, 1)"));
        });
    }

    private long count(String sql) {
        try (Connection conn = engine().connect()) {
            return conn.execute(text(sql)).scalar(Long.class);
        }
    }

    private void assertRejected(String sql, String constraintName) {
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text(sql))).isInstanceOf(IntegrityException.class)
                    .satisfies(error -> {
                        if (!backend.is("sqlite") || constraintName.startsWith("ck_")) {
                            // SQLite names only CHECK constraints in its messages.
                            assertThat(error.getMessage().toLowerCase(Locale.ROOT)).contains(constraintName);
                        }
                    });
        }
    }

    @Test
    void generatedKeysAndServerDefaultsAreFilledIn() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT id, status FROM customer ORDER BY id")).all())
                    .extracting(row -> row.get("id", Long.class), row -> row.get("status", String.class))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "ACTIVE"),
                            org.assertj.core.groups.Tuple.tuple(2L, "SUSPENDED"));
            assertThat(conn.execute(text("SELECT quantity FROM order_line")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void uniqueConstraintsAreEnforcedUnderTheirConventionNames() {
        assertRejected("INSERT INTO customer (email, name) VALUES ('sandy@example.com', 'Other Sandy')",
                "uq_customer_email");
        assertRejected("INSERT INTO product (sku, price) VALUES ('APPLE', 1)", "uq_product_sku");
        // MariaDB calls every primary key PRIMARY, whatever name the DDL gave it.
        assertRejected("INSERT INTO order_line (order_id, line_no, product_id) VALUES (1, 1, 1)",
                backend.is("mariadb") ? "primary" : "pk_order_line");
    }

    @Test
    void checkConstraintsAreEnforcedUnderTheirConventionNames() {
        assertRejected("INSERT INTO product (sku, price) VALUES ('PEAR', -1)", "ck_product_price_positive");
        assertRejected("INSERT INTO order_line (order_id, line_no, product_id, quantity) VALUES (1, 2, 1, 0)",
                "ck_order_line_quantity_positive");
    }

    @Test
    void enumColumnsAcceptOnlyTheConstantNames() {
        try (Connection conn = engine().connect()) {
            // A CHECK constraint everywhere but MariaDB, whose native ENUM refuses the value in strict mode.
            assertThatThrownBy(() -> conn.execute(text(
                    "INSERT INTO customer (email, name, status) VALUES ('x@example.com', 'X', 'BANNED')")))
                    .isInstanceOf(DatabaseException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(2);
    }

    @Test
    void foreignKeysAreEnforcedAndCascade() {
        assertRejected("INSERT INTO purchase_order (customer_id, placed_at) VALUES (99, CURRENT_TIMESTAMP)",
                "fk_purchase_order_customer_id_customer");
        assertRejected("DELETE FROM product WHERE id = 1", "fk_order_line_product_id_product");

        engine().begin(conn -> conn.execute(text("DELETE FROM customer WHERE id = 1")));
        assertThat(count("SELECT COUNT(*) FROM purchase_order")).isZero();
        assertThat(count("SELECT COUNT(*) FROM order_line")).isZero();

        engine().begin(conn -> conn.execute(text("DELETE FROM category WHERE id = 1")));
        // The child category went with its parent (CASCADE); the product keeps existing without one (SET NULL).
        assertThat(count("SELECT COUNT(*) FROM category")).isZero();
        assertThat(count("SELECT COUNT(*) FROM product WHERE category_id IS NULL")).isEqualTo(1);
    }

    @Test
    void databaseReportsTheConventionsForeignKeyNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection conn = engine().connect()) {
            java.sql.Connection jdbc = conn.jdbcConnection();
            DatabaseMetaData metaData = jdbc.getMetaData();
            String table = backend.is("h2") ? "ORDER_LINE" : "order_line";
            try (ResultSet keys = metaData.getImportedKeys(jdbc.getCatalog(), jdbc.getSchema(), table)) {
                while (keys.next()) {
                    names.add(String.valueOf(keys.getString("FK_NAME")).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(names).contains("fk_order_line_order_id_purchase_order", "fk_order_line_product_id_product");
    }
}
