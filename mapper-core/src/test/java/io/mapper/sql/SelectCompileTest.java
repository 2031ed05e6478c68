package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.UnsupportedCompilationException;

/** SELECT in all its forms compiles to the exact SQL of each dialect. */
class SelectCompileTest {

    @Test
    void columnsTablesAndImplicitFroms() {
        assertCompilesEverywhere(select(CUSTOMER), "SELECT customer.id, customer.name, customer.email, "
                + "customer.country, customer.nickname FROM customer");
        assertCompilesEverywhere(selectFrom(TAG), "SELECT tag.id, tag.name FROM tag");
        assertCompilesEverywhere(select(CUSTOMER_NAME).where(ORDERS_CUSTOMER.eq(CUSTOMER_ID)),
                "SELECT customer.name FROM customer, orders WHERE orders.customer_id = customer.id");
        assertCompilesEverywhere(select(CUSTOMER_NAME).distinct().where(CUSTOMER_ID.gt(1L)).where(CUSTOMER_ID.lt(9L)),
                "SELECT DISTINCT customer.name FROM customer WHERE customer.id > ? AND customer.id < ?");
        assertCompilesEverywhere(select(literal(1)), "SELECT ?");
    }

    @Test
    void joinsInferFromASingleForeignKeyOrTakeTheCondition() {
        assertCompilesEverywhere(select(CUSTOMER_NAME, ORDERS_ID).join(ORDERS),
                "SELECT customer.name, orders.id FROM customer JOIN orders ON customer.id = orders.customer_id");
        assertCompilesEverywhere(select(ORDERS_ID).from(ORDERS).join(CUSTOMER),
                "SELECT orders.id FROM orders JOIN customer ON customer.id = orders.customer_id");
        assertCompilesEverywhere(select(PRODUCT_NAME, TAG_NAME).from(join(PRODUCT, PRODUCT_TAG).join(TAG)),
                "SELECT product.name, tag.name FROM product JOIN product_tag ON product.id = product_tag.product_id "
                        + "JOIN tag ON tag.id = product_tag.tag_id");
        assertCompilesEverywhere(select(CUSTOMER_NAME).outerJoin(ORDERS, ORDERS_CUSTOMER.eq(CUSTOMER_ID)
                .and(ORDERS_ID.gt(1L))), "SELECT customer.name FROM customer LEFT OUTER JOIN orders ON "
                        + "orders.customer_id = customer.id AND orders.id > ?");
        assertCompilesEverywhere(select(CUSTOMER_NAME).from(outerJoin(CUSTOMER, ORDERS, null)),
                "SELECT customer.name FROM customer LEFT OUTER JOIN orders ON customer.id = orders.customer_id");
        assertThatThrownBy(() -> select(CUSTOMER_NAME).join(TAG)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("no foreign key").hasMessageContaining("'tag'");
        assertThatThrownBy(() -> select(ORDERS_ID).from(ORDERS).join(ORDER_LINE).join(PRODUCT).join(PRODUCT_TAG)
                .join(TAG).join(ORDER_LINE)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void fullOuterJoinWhereTheDatabaseHasIt() {
        Select full = select(PRODUCT_NAME, CATEGORY_NAME).from(PRODUCT).fullOuterJoin(CATEGORY,
                PRODUCT_CATEGORY.eq(CATEGORY_ID));
        String sql = "SELECT product.name, category.name FROM product FULL OUTER JOIN category ON "
                + "product.category_id = category.id";
        assertCompiles(full, SQLITE, sql);
        assertCompiles(full, POSTGRESQL, sql);
        assertThatThrownBy(() -> compile(full, H2)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessage("FULL OUTER JOIN is not supported by the h2 dialect. Combine a LEFT OUTER JOIN and a "
                        + "RIGHT-side anti-join with UNION ALL instead.");
        assertThatThrownBy(() -> compile(full, MARIADB)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("mariadb");
        assertThatThrownBy(() -> compile(full, OLD_SQLITE)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("sqlite");
    }

    @Test
    void aliasesAndSelfJoins() {
        TableAlias parent = alias(CATEGORY, "parent");
        assertCompilesEverywhere(select(CATEGORY_NAME, parent.column("name").label("parent_name")).from(CATEGORY)
                .join(parent, CATEGORY_PARENT.eq(parent.column("id"))), "SELECT category.name, parent.name AS "
                        + "parent_name FROM category JOIN category AS parent ON category.parent_id = parent.id");
        TableAlias c = alias(CUSTOMER, "c");
        assertCompilesEverywhere(select(c.column("name")).join(ORDERS).where(c.column("id").eq(1L)),
                "SELECT c.name FROM customer AS c JOIN orders ON c.id = orders.customer_id WHERE c.id = ?");
    }

    @Test
    void orderByWithNullsRenderedOrEmulated() {
        Select select = select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.asc().nullsLast(),
                CUSTOMER_NICKNAME.desc().nullsFirst(), CUSTOMER_ID.desc(), CUSTOMER_NAME);
        String standard = "SELECT customer.name FROM customer ORDER BY customer.country NULLS LAST, "
                + "customer.nickname DESC NULLS FIRST, customer.id DESC, customer.name";
        assertCompiles(select, standard, standard, standard, "SELECT customer.name FROM customer ORDER BY "
                + "customer.country IS NULL, customer.country, customer.nickname IS NULL DESC, customer.nickname "
                + "DESC, customer.id DESC, customer.name");
        // MySQL's own NULL order needs no emulation.
        assertCompiles(select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.asc().nullsFirst(),
                CUSTOMER_NICKNAME.desc().nullsLast()), MARIADB, "SELECT customer.name FROM customer ORDER BY "
                        + "customer.country, customer.nickname DESC");
        Label<Long> n = count().label("n");
        assertCompilesEverywhere(select(CUSTOMER_COUNTRY, n).groupBy(CUSTOMER_COUNTRY).orderBy(n.desc()),
                "SELECT customer.country, COUNT(*) AS n FROM customer GROUP BY customer.country ORDER BY n DESC");
    }

    @Test
    void groupByHaving() {
        assertCompilesEverywhere(select(LINE_PRODUCT, sum(LINE_QUANTITY).label("total")).groupBy(LINE_PRODUCT)
                .having(sum(LINE_QUANTITY).gt(1), count().ge(1L)), "SELECT order_line.product_id, "
                        + "SUM(order_line.quantity) AS total FROM order_line GROUP BY order_line.product_id HAVING "
                        + "SUM(order_line.quantity) > ? AND COUNT(*) >= ?");
    }

    @Test
    void limitAndOffsetPerDialect() {
        Select both = select(TAG_NAME).orderBy(TAG_ID).limit(10).offset(20);
        assertCompiles(both, "SELECT tag.name FROM tag ORDER BY tag.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                "SELECT tag.name FROM tag ORDER BY tag.id LIMIT ? OFFSET ?",
                "SELECT tag.name FROM tag ORDER BY tag.id LIMIT ? OFFSET ?",
                "SELECT tag.name FROM tag ORDER BY tag.id LIMIT ? OFFSET ?");
        assertThat(parameters(both, H2)).containsExactly(20, 10);
        assertThat(parameters(both, POSTGRESQL)).containsExactly(10, 20);
        Select offsetOnly = select(TAG_NAME).offset(5);
        assertCompiles(offsetOnly, "SELECT tag.name FROM tag OFFSET ? ROWS",
                "SELECT tag.name FROM tag LIMIT -1 OFFSET ?", "SELECT tag.name FROM tag OFFSET ?",
                "SELECT tag.name FROM tag LIMIT 18446744073709551615 OFFSET ?");
        assertCompiles(select(TAG_NAME).limit(1), "SELECT tag.name FROM tag FETCH FIRST ? ROWS ONLY",
                "SELECT tag.name FROM tag LIMIT ?", "SELECT tag.name FROM tag LIMIT ?",
                "SELECT tag.name FROM tag LIMIT ?");
    }

    @Test
    void subqueriesInFromScalarCorrelatedAndExists() {
        Subquery totals = select(LINE_ORDER, sum(LINE_QUANTITY).label("items")).groupBy(LINE_ORDER)
                .subquery("totals");
        assertCompilesEverywhere(select(totals.column("order_id")).where(totals.column("items", Integer.class).gt(2)),
                "SELECT totals.order_id FROM (SELECT order_line.order_id, SUM(order_line.quantity) AS items FROM "
                        + "order_line GROUP BY order_line.order_id) AS totals WHERE totals.items > ?");
        Expression<?> orderCount = select(count()).where(ORDERS_CUSTOMER.eq(CUSTOMER_ID)).scalarSubquery();
        assertCompilesEverywhere(select(CUSTOMER_NAME, orderCount.label("orders")), "SELECT customer.name, (SELECT "
                + "COUNT(*) FROM orders WHERE orders.customer_id = customer.id) AS orders FROM customer");
        assertCompilesEverywhere(select(PRODUCT_NAME).where(PRODUCT_PRICE.gt(select(avg(PRODUCT_PRICE)))),
                "SELECT product.name FROM product WHERE product.price > (SELECT AVG(product.price) FROM product)");
        assertCompilesEverywhere(select(CUSTOMER_NAME).where(exists(select(ORDERS_ID)
                .where(ORDERS_CUSTOMER.eq(CUSTOMER_ID)))), "SELECT customer.name FROM customer WHERE EXISTS (SELECT "
                        + "orders.id FROM orders WHERE orders.customer_id = customer.id)");
        assertCompilesEverywhere(select(CUSTOMER_NAME).where(notExists(select(ORDERS_ID)
                .where(ORDERS_CUSTOMER.eq(CUSTOMER_ID))).and(CUSTOMER_ID.gt(0L))), "SELECT customer.name FROM "
                        + "customer WHERE NOT EXISTS (SELECT orders.id FROM orders WHERE orders.customer_id = "
                        + "customer.id) AND customer.id > ?");
        assertThatThrownBy(() -> select(CUSTOMER_ID, CUSTOMER_NAME).scalarSubquery())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("exactly one column");
        assertThatThrownBy(() -> select(count()).subquery("s")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("label");
    }

    @Test
    void commonTableExpressions() {
        Cte paid = select(ORDERS_ID, ORDERS_CUSTOMER).where(ORDERS_ID.gt(0L)).cte("paid");
        assertCompilesEverywhere(select(CUSTOMER_NAME).from(CUSTOMER).join(paid,
                paid.column("customer_id").eq(CUSTOMER_ID)), "WITH paid(id, customer_id) AS (SELECT orders.id, "
                        + "orders.customer_id FROM orders WHERE orders.id > ?) SELECT customer.name FROM customer "
                        + "JOIN paid ON paid.customer_id = customer.id");
        Cte tree = select(CATEGORY_ID, CATEGORY_PARENT).where(CATEGORY_ID.eq(2L)).cteRecursive("tree");
        TableAlias child = alias(CATEGORY, "child");
        tree = tree.unionAll(select(child.column("id"), child.column("parent_id")).from(child)
                .join(tree, child.column("parent_id").eq(tree.column("id"))));
        Select select = select(tree.column("id")).from(tree);
        assertCompilesEverywhere(select, "WITH RECURSIVE tree(id, parent_id) AS (SELECT category.id, "
                + "category.parent_id FROM category WHERE category.id = ? UNION ALL SELECT child.id, child.parent_id "
                + "FROM category AS child JOIN tree ON child.parent_id = tree.id) SELECT tree.id FROM tree");
        assertThat(select.boundValues()).containsExactly(java.util.Map.entry("id_1", 2L));
    }

    @Test
    void setOperations() {
        Select a = select(CUSTOMER_ID).where(CUSTOMER_ID.lt(3L));
        Select b = select(ORDERS_CUSTOMER);
        assertCompilesEverywhere(a.union(b), "SELECT customer.id FROM customer WHERE customer.id < ? UNION SELECT "
                + "orders.customer_id FROM orders");
        assertCompilesEverywhere(a.unionAll(b, b), "SELECT customer.id FROM customer WHERE customer.id < ? UNION ALL "
                + "SELECT orders.customer_id FROM orders UNION ALL SELECT orders.customer_id FROM orders");
        assertCompilesEverywhere(a.intersect(b), "SELECT customer.id FROM customer WHERE customer.id < ? INTERSECT "
                + "SELECT orders.customer_id FROM orders");
        assertCompilesEverywhere(a.except(b), "SELECT customer.id FROM customer WHERE customer.id < ? EXCEPT SELECT "
                + "orders.customer_id FROM orders");
        assertCompiles(a.union(b).orderBy(CUSTOMER_ID.desc()).limit(2),
                "SELECT customer.id FROM customer WHERE customer.id < ? UNION SELECT orders.customer_id FROM orders "
                        + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                "SELECT customer.id FROM customer WHERE customer.id < ? UNION SELECT orders.customer_id FROM orders "
                        + "ORDER BY id DESC LIMIT ?",
                "SELECT customer.id FROM customer WHERE customer.id < ? UNION SELECT orders.customer_id FROM orders "
                        + "ORDER BY id DESC LIMIT ?",
                "SELECT customer.id FROM customer WHERE customer.id < ? UNION SELECT orders.customer_id FROM orders "
                        + "ORDER BY id DESC LIMIT ?");
        assertThatThrownBy(() -> a.union(select(CUSTOMER_ID, CUSTOMER_NAME))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("same number of columns");
    }

    @Test
    void forUpdatePerDialect() {
        Select select = select(PRODUCT_STOCK).where(PRODUCT_ID.eq(1L));
        String base = "SELECT product.stock FROM product WHERE product.id = ?";
        assertCompiles(select.forUpdate(), base + " FOR UPDATE", base, base + " FOR UPDATE", base + " FOR UPDATE");
        assertCompiles(select.forUpdate(ForUpdate.NOWAIT), H2, base + " FOR UPDATE NOWAIT");
        assertCompiles(select.forUpdate(ForUpdate.NOWAIT), POSTGRESQL, base + " FOR UPDATE NOWAIT");
        assertCompiles(select.forUpdate(ForUpdate.SKIP_LOCKED), MARIADB, base + " FOR UPDATE SKIP LOCKED");
        assertCompiles(select.limit(1).forUpdate(), POSTGRESQL, base + " LIMIT ? FOR UPDATE");
        assertThatThrownBy(() -> compile(select.forUpdate(ForUpdate.SKIP_LOCKED), SQLITE))
                .isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("FOR UPDATE SKIP LOCKED is not supported by the sqlite dialect");
    }

    /**
     * Shared locks and OF, per dialect. Mirrors SQLAlchemy's test/dialect/postgresql/test_compiler.py::test_for_update
     * (read, of, nowait, skip_locked) and test/dialect/mysql/test_compiler.py::test_for_update (LOCK IN SHARE MODE,
     * no OF on MariaDB).
     */
    @Test
    void rowLocksSharedAndOfPerDialect() {
        Select select = select(CUSTOMER_NAME, ORDERS_ID).join(ORDERS).where(CUSTOMER_ID.eq(1L));
        String base = "SELECT customer.name, orders.id FROM customer JOIN orders ON customer.id = orders.customer_id "
                + "WHERE customer.id = ?";
        assertCompiles(select.forShare(), base + " FOR UPDATE", base, base + " FOR SHARE",
                base + " LOCK IN SHARE MODE");
        assertCompiles(select.lock(RowLock.SHARE.nowait()), POSTGRESQL, base + " FOR SHARE NOWAIT");
        assertCompiles(select.lock(RowLock.SHARE.skipLocked()), MARIADB, base + " LOCK IN SHARE MODE SKIP LOCKED");
        assertCompiles(select.lock(RowLock.UPDATE.of(CUSTOMER)), base + " FOR UPDATE", base,
                base + " FOR UPDATE OF customer", base + " FOR UPDATE");
        assertCompiles(select.lock(RowLock.UPDATE.of(CUSTOMER).nowait()), H2, base + " FOR UPDATE NOWAIT");
        assertCompiles(select.lock(RowLock.UPDATE.of(CUSTOMER).nowait()), MARIADB, base + " FOR UPDATE NOWAIT");
        assertCompiles(select.lock(RowLock.UPDATE.of(CUSTOMER, ORDERS).skipLocked()), POSTGRESQL,
                base + " FOR UPDATE OF customer, orders SKIP LOCKED");
        TableAlias c = alias(CUSTOMER, "c");
        assertCompiles(select(c.column("name")).where(c.column("id").eq(1L)).lock(RowLock.UPDATE.of(c)), POSTGRESQL,
                "SELECT c.name FROM customer AS c WHERE c.id = ? FOR UPDATE OF c");
        assertThat(select.forUpdate()).isEqualTo(select.lock(RowLock.UPDATE)).isNotEqualTo(select.forShare());
        assertThatThrownBy(() -> compile(select.lock(RowLock.SHARE.nowait()), SQLITE))
                .isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("SQLite has no row locks");
    }
}
