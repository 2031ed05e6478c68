package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.h2.H2Merge;
import io.mapper.dialect.mysql.MySqlInsert;
import io.mapper.dialect.postgresql.PostgresInsert;
import io.mapper.dialect.sqlite.SqliteInsert;
import io.mapper.engine.Connection;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.UnsupportedCompilationException;

class StoreDmlIT extends StoreTest {

    @Test
    void insertSingleMultiRowAndFromSelect() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(insert(TAG).value(TAG_ID, 10L).value(TAG_NAME, "bestseller")).rowCount())
                    .isEqualTo(1);
            assertThat(conn.execute(insert(TAG).values(List.of(Map.of("id", 11L, "name", "eco"),
                    Map.of("id", 12L, "name", "local")))).rowCount()).isEqualTo(2);
            // Every product without a tag gets the 'eco' tag.
            Insert tagUntagged = insert(PRODUCT_TAG).fromSelect(List.of(PRODUCT_TAG_PRODUCT, PRODUCT_TAG_TAG),
                    select(PRODUCT_ID, literal(11L, io.mapper.types.Types.BIGINT))
                            .where(PRODUCT_ID.notIn(select(PRODUCT_TAG_PRODUCT))));
            assertThat(conn.execute(tagUntagged).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(PRODUCT_TAG_PRODUCT).where(PRODUCT_TAG_TAG.eq(11L))).all())
                    .extracting(r -> r.get(PRODUCT_TAG_PRODUCT)).containsExactly(2L);
            assertThat(conn.execute(select(TAG_NAME).where(TAG_ID.ge(10L)).orderBy(TAG_ID)).all())
                    .extracting(r -> r.get(TAG_NAME)).containsExactly("bestseller", "eco", "local");
            conn.commit();
        }
    }

    @Test
    void insertReturningGeneratedKeysWhereSupported() {
        Insert insert = insert(ORDERS).values(Map.of("customer_id", 3L, "status", "open")).returning(ORDERS_ID,
                ORDERS_STATUS);
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(insert).one();
            assertThat(row.get(ORDERS_ID)).isEqualTo(4L);
            assertThat(row.get(ORDERS_STATUS)).isEqualTo("open");
            conn.commit();
        }
    }

    @Test
    void multiRowInsertReturningGivesEveryGeneratedKeyInOrder() {
        assertThat(engine().dialect().supportsReturning(Operation.INSERT)).isTrue();
        Insert insert = insert(ORDERS).values(List.of(Map.of("customer_id", 3L, "status", "a"),
                Map.of("customer_id", 4L, "status", "b"), Map.of("customer_id", 3L, "status", "c")))
                .returning(ORDERS_ID, ORDERS_CUSTOMER);
        try (Connection conn = engine().connect()) {
            List<Row> rows = conn.execute(insert).all();
            assertThat(rows).extracting(r -> r.get(ORDERS_ID)).containsExactly(4L, 5L, 6L);
            assertThat(rows).extracting(r -> r.get(ORDERS_CUSTOMER)).containsExactly(3L, 4L, 3L);
            conn.commit();
        }
    }

    @Test
    void updateWithExpressionsAndReturning() {
        try (Connection conn = engine().connect()) {
            Update restock = update(PRODUCT).set(PRODUCT_STOCK, PRODUCT_STOCK.plus(5))
                    .set(PRODUCT_PRICE, PRODUCT_PRICE.times(new BigDecimal("2"))).where(PRODUCT_ID.in(1L, 2L));
            assertThat(conn.execute(restock).rowCount()).isEqualTo(2);
            assertThat(conn.execute(select(PRODUCT_STOCK, PRODUCT_PRICE).where(PRODUCT_ID.eq(2L))).one().values())
                    .satisfies(values -> {
                        assertThat(((Number) values.get(0)).intValue()).isEqualTo(5);
                        assertThat((BigDecimal) values.get(1)).isEqualByComparingTo("60.00");
                    });
            assertThat(conn.execute(update(CUSTOMER).values(Map.of("nickname", "Cle")).where(CUSTOMER_ID.eq(3L)))
                    .rowCount()).isEqualTo(1);
            assertThat(conn.execute(update(CUSTOMER).set(CUSTOMER_NICKNAME, null).where(CUSTOMER_ID.eq(2L)))
                    .rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(CUSTOMER_NICKNAME).orderBy(CUSTOMER_ID)).all())
                    .extracting(r -> r.get(CUSTOMER_NICKNAME)).containsExactly(null, null, "Cle", "D");

            Update returning = update(PRODUCT).set(PRODUCT_STOCK, PRODUCT_STOCK.minus(1)).where(PRODUCT_ID.eq(3L))
                    .returning(PRODUCT_ID, PRODUCT_STOCK);
            if (!engine().dialect().supportsReturning(Operation.UPDATE)) {
                assertThat(backend.name()).isEqualTo("mariadb");
                assertThatThrownBy(() -> conn.execute(returning)).isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining("RETURNING on UPDATE").hasMessageContaining("mariadb");
            } else {
                Row row = conn.execute(returning).one();
                assertThat(row.get(PRODUCT_STOCK)).isEqualTo(4);
            }
            conn.commit();
        }
    }

    @Test
    void updateWithValuesFromAnotherTable() {
        // Every order line's price becomes its product's current price.
        Update reprice = update(ORDER_LINE).set(LINE_PRICE, PRODUCT_PRICE).where(LINE_PRODUCT.eq(PRODUCT_ID),
                PRODUCT_CATEGORY.eq(2L));
        try (Connection conn = engine().connect()) {
            conn.execute(update(PRODUCT).set(PRODUCT_PRICE, new BigDecimal("33.00")).where(PRODUCT_ID.eq(2L)));
            // H2 (issue 14): UPDATE ... SET unit_price = (SELECT ...) WHERE EXISTS (SELECT 1 FROM product WHERE ...).
            assertThat(conn.execute(reprice).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(LINE_PRICE).where(LINE_ID.eq(3L))).one().get(LINE_PRICE))
                    .isEqualByComparingTo("33.00");
            assertThat(conn.execute(select(LINE_PRICE).where(LINE_ID.eq(1L))).one().get(LINE_PRICE))
                    .isEqualByComparingTo("12.50");
            conn.commit();
        }
    }

    @Test
    void deleteWithWhereAndReturning() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(delete(PRODUCT_TAG).where(PRODUCT_TAG_TAG.eq(2L))).rowCount()).isEqualTo(2);
            Delete delete = delete(PRODUCT_TAG).where(PRODUCT_TAG_PRODUCT.eq(4L)).returning(PRODUCT_TAG_TAG);
            assertThat(conn.execute(delete).all()).extracting(r -> r.get(PRODUCT_TAG_TAG)).containsExactly(3L);
            assertThat(conn.execute(select(count()).from(PRODUCT_TAG)).scalar(Long.class)).isEqualTo(1L);
            conn.commit();
        }
    }

    @Test
    void upsertInTheDialectsOwnForm() {
        Map<String, Object> changed = Map.of("id", 1L, "sku", "B-1", "name", "Dune (2nd ed.)",
                "price", new BigDecimal("14.00"), "stock", 3, "category_id", 3L);
        Map<String, Object> added = Map.of("id", 5L, "sku", "B-5", "name", "Emma", "price", new BigDecimal("9.00"),
                "stock", 1, "category_id", 3L);
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(insert(PRODUCT).values(changed)))
                    .isInstanceOf(IntegrityException.class);
            conn.rollback();
            for (Map<String, Object> row : List.of(changed, added)) {
                Executable upsert = switch (backend.name()) {
                    case "postgresql" -> {
                        PostgresInsert insert = PostgresInsert.insert(PRODUCT).values(row);
                        yield insert.onConflictDoUpdate(List.of(PRODUCT_ID), Map.of("name",
                                insert.excluded(PRODUCT_NAME), "price", insert.excluded(PRODUCT_PRICE)));
                    }
                    case "sqlite" -> {
                        SqliteInsert insert = SqliteInsert.insert(PRODUCT).values(row);
                        yield insert.onConflictDoUpdate(List.of(PRODUCT_ID), Map.of("name",
                                insert.excluded(PRODUCT_NAME), "price", insert.excluded(PRODUCT_PRICE)));
                    }
                    case "mariadb" -> {
                        MySqlInsert insert = MySqlInsert.insert(PRODUCT).values(row);
                        yield insert.onDuplicateKeyUpdate(Map.of("name", insert.inserted(PRODUCT_NAME),
                                "price", insert.inserted(PRODUCT_PRICE)));
                    }
                    default -> H2Merge.into(PRODUCT).key(PRODUCT_ID).values(row);
                };
                conn.execute(upsert);
            }
            List<Row> rows = conn.execute(select(PRODUCT_ID, PRODUCT_NAME, PRODUCT_PRICE).where(PRODUCT_ID.in(1L, 5L))
                    .orderBy(PRODUCT_ID)).all();
            assertThat(rows).extracting(r -> r.get(PRODUCT_NAME)).containsExactly("Dune (2nd ed.)", "Emma");
            assertThat(rows.get(0).get(PRODUCT_PRICE)).isEqualByComparingTo("14.00");

            Executable ignore = switch (backend.name()) {
                case "postgresql" -> PostgresInsert.insert(TAG).values(Map.of("id", 1L, "name", "other"))
                        .onConflictDoNothing(TAG_ID);
                case "sqlite" -> SqliteInsert.insert(TAG).values(Map.of("id", 1L, "name", "other"))
                        .onConflictDoNothing();
                case "mariadb" -> MySqlInsert.insert(TAG).values(Map.of("id", 1L, "name", "other"))
                        .onDuplicateKeyUpdate(Map.of("id", TAG_ID));
                default -> H2Merge.into(TAG).key(TAG_ID).values(Map.of("id", 1L, "name", "new"));
            };
            conn.execute(ignore);
            assertThat(conn.execute(select(TAG_NAME).where(TAG_ID.eq(1L))).one().get(TAG_NAME)).isEqualTo("new");
            conn.commit();
        }
    }

    @Test
    void statementsAreImmutableAndReusable() {
        Select base = select(CUSTOMER_NAME).orderBy(CUSTOMER_ID);
        Select german = base.where(CUSTOMER_COUNTRY.eq("DE"));
        assertThat(column(base, CUSTOMER_NAME)).hasSize(4);
        assertThat(column(german, CUSTOMER_NAME)).containsExactly("Ann", "Cleo");
        assertThat(column(german.where(CUSTOMER_NAME.ne("Ann")), CUSTOMER_NAME)).containsExactly("Cleo");
        try (Connection conn = engine().connect()) {
            Result<Row> result = conn.execute(select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(1L)),
                    Map.of("id_1", 2L));
            assertThat(result.one().get(CUSTOMER_NAME)).isEqualTo("Bob");
        }
    }
}
