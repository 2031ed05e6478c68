package io.mapper.sql;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.text;
import static io.mapper.testing.Store.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import io.mapper.engine.Connection;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Store;

/** Base of the store execution tests: creates the store schema with hand-written DDL and fills it. */
abstract class StoreTest extends BackendTest {

    @BeforeEach
    void createStore() {
        engine().begin(conn -> {
            for (String ddl : Store.ddl(backend)) {
                conn.execute(text(ddl));
            }
            conn.execute(insert(CUSTOMER).values(List.of(
                    row("id", 1L, "name", "Ann", "email", "ann@example.com", "country", "DE", "nickname", null),
                    row("id", 2L, "name", "Bob", "email", "bob@example.com", "country", "US", "nickname", "Bobby"),
                    row("id", 3L, "name", "Cleo", "email", "cleo@example.com", "country", "DE", "nickname", null),
                    row("id", 4L, "name", "Dan", "email", "dan@example.com", "country", null, "nickname", "D"))));
            // The tree first needs its root, so the rows go in one by one, parents first.
            for (Map<String, Object> category : List.of(row("id", 1L, "name", "Root", "parent_id", null),
                    row("id", 2L, "name", "Books", "parent_id", 1L), row("id", 3L, "name", "Fiction", "parent_id", 2L),
                    row("id", 4L, "name", "Games", "parent_id", 1L))) {
                conn.execute(insert(CATEGORY).values(category));
            }
            conn.execute(insert(PRODUCT).values(List.of(
                    product(1, "B-1", "Dune", "12.50", 10, 3L), product(2, "B-2", "Atlas", "30.00", 0, 2L),
                    product(3, "G-1", "Chess", "25.25", 5, 4L), product(4, "X-1", "Gift card", "50.00", 100, null))));
            for (Map<String, Object> order : List.of(row("customer_id", 1L, "status", "paid", "note", "leave at door"),
                    row("customer_id", 1L, "status", "open", "note", null),
                    row("customer_id", 2L, "status", "paid", "note", null))) {
                conn.execute(insert(ORDERS).values(order));
            }
            conn.execute(insert(ORDER_LINE).values(List.of(line(1, 1, 1, 2, "12.50"), line(2, 1, 3, 1, "25.25"),
                    line(3, 2, 2, 1, "30.00"), line(4, 3, 1, 1, "12.50"))));
            conn.execute(insert(TAG).values(List.of(row("id", 1L, "name", "new"), row("id", 2L, "name", "sale"),
                    row("id", 3L, "name", "gift"))));
            conn.execute(insert(PRODUCT_TAG).values(List.of(row("product_id", 1L, "tag_id", 1L),
                    row("product_id", 1L, "tag_id", 2L), row("product_id", 3L, "tag_id", 2L),
                    row("product_id", 4L, "tag_id", 3L))));
        });
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> product(long id, String sku, String name, String price, int stock,
            Long category) {
        return row("id", id, "sku", sku, "name", name, "price", new BigDecimal(price), "stock", stock, "category_id",
                category);
    }

    private static Map<String, Object> line(long id, long order, long product, int quantity, String price) {
        return row("id", id, "order_id", order, "product_id", product, "quantity", quantity, "unit_price",
                new BigDecimal(price));
    }

    /** The values of one column of every row of a query, as the column's Java type. */
    <T> List<T> column(Executable query, Expression<T> column) {
        try (Connection conn = engine().connect()) {
            return conn.execute(query).all().stream().map(r -> r.get(column)).toList();
        }
    }

    /** All rows of a query as lists of values. */
    List<List<Object>> rows(Executable query) {
        try (Connection conn = engine().connect()) {
            return conn.execute(query).all().stream().map(r -> Arrays.asList(r.values().toArray())).toList();
        }
    }
}
