package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.types.Types;

class StoreSelectIT extends StoreTest {

    @Test
    void comparisonsNullChecksInAndBetween() {
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_COUNTRY.eq(null)), CUSTOMER_NAME)).containsExactly("Dan");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_COUNTRY.ne("DE")), CUSTOMER_NAME)).containsExactly("Bob");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.ge(2), CUSTOMER_ID.lt(4)).orderBy(CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Bob", "Cleo");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_NICKNAME.isNotNull()).orderBy(CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Bob", "Dan");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1, 3, 99)).orderBy(CUSTOMER_ID), CUSTOMER_NAME))
                .containsExactly("Ann", "Cleo");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(List.of())), CUSTOMER_NAME)).isEmpty();
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.notIn(List.of())), CUSTOMER_NAME)).hasSize(4);
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.notIn(1, 2)).orderBy(CUSTOMER_ID), CUSTOMER_NAME))
                .containsExactly("Cleo", "Dan");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_PRICE.between(new BigDecimal("12.50"),
                new BigDecimal("25.25"))).orderBy(PRODUCT_ID), PRODUCT_NAME)).containsExactly("Dune", "Chess");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_PRICE.notBetween(new BigDecimal("12.50"),
                new BigDecimal("25.25"))).orderBy(PRODUCT_ID), PRODUCT_NAME)).containsExactly("Atlas", "Gift card");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_STOCK.gt(0), PRODUCT_STOCK.le(10)).orderBy(PRODUCT_ID),
                PRODUCT_NAME)).containsExactly("Dune", "Chess");
    }

    @Test
    void likeFamilyAndBooleanOperators() {
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_NAME.like("D%")), PRODUCT_NAME)).containsExactly("Dune");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_NAME.notLike("%e%")).orderBy(PRODUCT_ID), PRODUCT_NAME))
                .containsExactly("Atlas", "Gift card");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_NAME.ilike("%DUNE%")), PRODUCT_NAME))
                .containsExactly("Dune");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_NAME.contains("ift c")), PRODUCT_NAME))
                .containsExactly("Gift card");
        assertThat(column(select(PRODUCT_SKU).where(PRODUCT_SKU.startsWith("B-")).orderBy(PRODUCT_SKU), PRODUCT_SKU))
                .containsExactly("B-1", "B-2");
        assertThat(column(select(CUSTOMER_EMAIL).where(CUSTOMER_EMAIL.endsWith("n@example.com")).orderBy(CUSTOMER_ID),
                CUSTOMER_EMAIL)).containsExactly("ann@example.com", "dan@example.com");
        assertThat(column(select(CUSTOMER_NAME).where(or(CUSTOMER_ID.eq(1), and(CUSTOMER_COUNTRY.eq("DE"),
                not(CUSTOMER_NAME.eq("Ann"))))).orderBy(CUSTOMER_ID), CUSTOMER_NAME)).containsExactly("Ann", "Cleo");
        assertThat(column(select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(1).or(CUSTOMER_ID.eq(2)).not())
                .orderBy(CUSTOMER_ID), CUSTOMER_NAME)).containsExactly("Cleo", "Dan");
    }

    @Test
    void joinsInferredExplicitOuterAndManyToMany() {
        Select perCustomer = select(CUSTOMER_NAME, count().label("orders")).join(ORDERS).groupBy(CUSTOMER_NAME)
                .orderBy(CUSTOMER_NAME);
        assertThat(rows(perCustomer)).containsExactly(List.of("Ann", 2L), List.of("Bob", 1L));
        Select outer = select(CUSTOMER_NAME, count(ORDERS_ID).label("orders"))
                .outerJoin(ORDERS, ORDERS_CUSTOMER.eq(CUSTOMER_ID)).groupBy(CUSTOMER_NAME).orderBy(CUSTOMER_NAME);
        assertThat(rows(outer)).containsExactly(List.of("Ann", 2L), List.of("Bob", 1L), List.of("Cleo", 0L),
                List.of("Dan", 0L));
        Select tagged = select(PRODUCT_NAME, TAG_NAME).from(join(PRODUCT, PRODUCT_TAG).join(TAG))
                .orderBy(PRODUCT_NAME, TAG_NAME);
        assertThat(rows(tagged)).containsExactly(List.of("Chess", "sale"), List.of("Dune", "new"),
                List.of("Dune", "sale"), List.of("Gift card", "gift"));
        TableAlias parent = alias(CATEGORY, "parent");
        Select withParent = select(CATEGORY_NAME, parent.column("name").label("parent_name"))
                .from(CATEGORY).join(parent, CATEGORY_PARENT.eq(parent.column("id"))).orderBy(CATEGORY_ID);
        assertThat(rows(withParent)).containsExactly(List.of("Books", "Root"), List.of("Fiction", "Books"),
                List.of("Games", "Root"));
    }

    @Test
    void fullOuterJoinRunsOrIsRefusedNamingTheDialect() {
        Select full = select(PRODUCT_NAME, CATEGORY_NAME).from(PRODUCT)
                .fullOuterJoin(CATEGORY, PRODUCT_CATEGORY.eq(CATEGORY_ID)).where(PRODUCT_ID.isNull().or(
                        CATEGORY_ID.isNull()));
        if (backend.is("h2") || backend.is("mariadb")) {
            try (Connection conn = engine().connect()) {
                assertThatThrownBy(() -> conn.execute(full)).isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining("FULL OUTER JOIN").hasMessageContaining(backend.name());
            }
            return;
        }
        List<List<Object>> rows = rows(full.orderBy(CATEGORY_NAME));
        assertThat(rows).containsExactlyInAnyOrder(java.util.Arrays.asList("Gift card", null),
                java.util.Arrays.asList(null, "Root"));
    }

    @Test
    void orderByNullsFirstAndLastEverywhere() {
        assertThat(column(select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.asc().nullsFirst(), CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Dan", "Ann", "Cleo", "Bob");
        assertThat(column(select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.asc().nullsLast(), CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Ann", "Cleo", "Bob", "Dan");
        assertThat(column(select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.desc().nullsFirst(), CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Dan", "Bob", "Ann", "Cleo");
        assertThat(column(select(CUSTOMER_NAME).orderBy(CUSTOMER_COUNTRY.desc().nullsLast(), CUSTOMER_ID),
                CUSTOMER_NAME)).containsExactly("Bob", "Ann", "Cleo", "Dan");
    }

    @Test
    void groupByHavingLimitOffsetAndDistinct() {
        Label<Integer> total = sum(LINE_QUANTITY).label("total");
        Select sold = select(LINE_PRODUCT, total).groupBy(LINE_PRODUCT).having(sum(LINE_QUANTITY).gt(1))
                .orderBy(LINE_PRODUCT);
        assertThat(rows(sold)).hasSize(1);
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(sold).one();
            assertThat(row.get(LINE_PRODUCT)).isEqualTo(1L);
            assertThat(row.get(total)).isEqualTo(3);
        }
        assertThat(column(select(PRODUCT_ID).orderBy(PRODUCT_ID).limit(2).offset(1), PRODUCT_ID)).containsExactly(2L, 3L);
        assertThat(column(select(PRODUCT_ID).orderBy(PRODUCT_ID).offset(3), PRODUCT_ID)).containsExactly(4L);
        assertThat(column(select(PRODUCT_ID).orderBy(PRODUCT_ID.desc()).limit(1), PRODUCT_ID)).containsExactly(4L);
        assertThat(column(select(CUSTOMER_COUNTRY).distinct().where(CUSTOMER_COUNTRY.isNotNull())
                .orderBy(CUSTOMER_COUNTRY), CUSTOMER_COUNTRY)).containsExactly("DE", "US");
    }

    @Test
    void subqueriesInFromScalarCorrelatedAndExists() {
        Subquery totals = select(LINE_ORDER, sum(LINE_PRICE.times(LINE_QUANTITY)).label("amount"))
                .groupBy(LINE_ORDER).subquery("totals");
        Expression<BigDecimal> amount = totals.column("amount", BigDecimal.class);
        // Filtered on the integer column: SQLite compares a bound decimal (sent as text by its driver) with a REAL sum
        // as text, which the schema layer's SQLite NUMERIC type resolves.
        Select big = select(totals.column("order_id"), amount).where(totals.column("order_id", Long.class).eq(1L));
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(big).one();
            assertThat(row.get(totals.column("order_id", Long.class))).isEqualTo(1L);
            assertThat(row.get(amount)).isEqualByComparingTo("50.25");
        }
        Expression<?> orderCount = select(count()).where(ORDERS_CUSTOMER.eq(CUSTOMER_ID)).scalarSubquery();
        assertThat(rows(select(CUSTOMER_NAME, orderCount.label("n")).orderBy(CUSTOMER_ID)))
                .extracting(r -> ((Number) r.get(1)).intValue()).containsExactly(2, 1, 0, 0);
        Expression<?> average = select(avg(PRODUCT_PRICE)).scalarSubquery();
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_PRICE.gt(average)).orderBy(PRODUCT_ID), PRODUCT_NAME))
                .containsExactly("Atlas", "Gift card");
        assertThat(column(select(CUSTOMER_NAME).where(exists(select(ORDERS_ID).where(ORDERS_CUSTOMER.eq(CUSTOMER_ID))))
                .orderBy(CUSTOMER_ID), CUSTOMER_NAME)).containsExactly("Ann", "Bob");
        assertThat(column(select(CUSTOMER_NAME).where(notExists(select(ORDERS_ID)
                .where(ORDERS_CUSTOMER.eq(CUSTOMER_ID)))).orderBy(CUSTOMER_ID), CUSTOMER_NAME))
                .containsExactly("Cleo", "Dan");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_ID.in(select(LINE_PRODUCT).where(LINE_QUANTITY.gt(1))))
                , PRODUCT_NAME)).containsExactly("Dune");
        assertThat(column(select(PRODUCT_NAME).where(PRODUCT_ID.notIn(select(LINE_PRODUCT))), PRODUCT_NAME))
                .containsExactly("Gift card");
    }

    @Test
    void commonTableExpressionsIncludingRecursive() {
        Cte paid = select(ORDERS_ID, ORDERS_CUSTOMER).where(ORDERS_STATUS.eq("paid")).cte("paid");
        assertThat(column(select(CUSTOMER_NAME).from(CUSTOMER).join(paid, paid.column("customer_id").eq(CUSTOMER_ID))
                .orderBy(CUSTOMER_NAME), CUSTOMER_NAME)).containsExactly("Ann", "Bob");

        Cte tree = select(CATEGORY_ID, CATEGORY_NAME).where(CATEGORY_NAME.eq("Books")).cteRecursive("tree");
        TableAlias child = alias(CATEGORY, "child");
        tree = tree.unionAll(select(child.column("id"), child.column("name")).from(child)
                .join(tree, child.column("parent_id").eq(tree.column("id"))));
        assertThat(column(select(tree.column("name", String.class)).from(tree).orderBy(tree.column("id")),
                tree.column("name", String.class))).containsExactly("Books", "Fiction");
    }

    @Test
    void setOperations() {
        Select de = select(CUSTOMER_ID).where(CUSTOMER_COUNTRY.eq("DE"));
        Select buyers = select(ORDERS_CUSTOMER.label("id"));
        assertThat(column(de.union(buyers).orderBy(CUSTOMER_ID), CUSTOMER_ID)).containsExactly(1L, 2L, 3L);
        assertThat(column(de.unionAll(buyers).orderBy(CUSTOMER_ID), CUSTOMER_ID)).containsExactly(1L, 1L, 1L, 2L, 3L);
        assertThat(column(de.intersect(buyers), CUSTOMER_ID)).containsExactly(1L);
        assertThat(column(de.except(buyers), CUSTOMER_ID)).containsExactly(3L);
        assertThat(column(de.union(buyers).orderBy(CUSTOMER_ID.desc()).limit(2), CUSTOMER_ID)).containsExactly(3L, 2L);
    }

    @Test
    void functionsCaseCastLiteralsAndLabels() {
        try (Connection conn = engine().connect()) {
            Row stats = conn.execute(select(count().label("n"), sum(PRODUCT_STOCK).label("stock"),
                    min(PRODUCT_PRICE).label("cheapest"), max(PRODUCT_PRICE).label("dearest"),
                    avg(PRODUCT_STOCK).label("average"))).one();
            assertThat(stats.get("n", Long.class)).isEqualTo(4L);
            assertThat(stats.get(sum(PRODUCT_STOCK).label("stock"))).isEqualTo(115);
            assertThat(stats.get(min(PRODUCT_PRICE).label("cheapest"))).isEqualByComparingTo("12.50");
            assertThat(stats.get(max(PRODUCT_PRICE).label("dearest"))).isEqualByComparingTo("50.00");
            assertThat(stats.get("average", Double.class)).isEqualTo(28.75);

            Label<String> shown = coalesce(CUSTOMER_NICKNAME, CUSTOMER_NAME).label("shown");
            assertThat(conn.execute(select(shown).orderBy(CUSTOMER_ID)).all()).extracting(r -> r.get(shown))
                    .containsExactly("Ann", "Bobby", "Cleo", "D");
            assertThat(conn.execute(select(lower(CUSTOMER_NAME).label("l"), upper(CUSTOMER_NAME).label("u"))
                    .where(CUSTOMER_ID.eq(1))).one().values()).containsExactly("ann", "ANN");
            Label<Integer> length = func("length", Types.INTEGER, PRODUCT_NAME).label("len");
            assertThat(conn.execute(select(length).where(PRODUCT_ID.eq(4))).one().get(length)).isEqualTo(9);

            Label<String> availability = caseWhen(PRODUCT_STOCK.eq(0), "sold out").when(PRODUCT_STOCK.lt(10), "low")
                    .otherwise("plenty").label("availability");
            assertThat(conn.execute(select(availability).orderBy(PRODUCT_ID)).all()).extracting(r -> r.get(availability))
                    .containsExactly("plenty", "sold out", "low", "plenty");
            Label<String> asText = PRODUCT_STOCK.cast(Types.string(10)).label("stock_text");
            assertThat(conn.execute(select(asText).where(PRODUCT_ID.eq(4))).one().get(asText)).isEqualTo("100");
            Label<Integer> asNumber = literal("42").cast(Types.INTEGER).label("n");
            assertThat(conn.execute(select(asNumber)).one().get(asNumber)).isEqualTo(42);
            Label<String> greeting = literal("hello").label("greeting");
            assertThat(conn.execute(select(greeting, PRODUCT_PRICE.times(2).label("double_price"))
                    .where(PRODUCT_ID.eq(1))).one().get(greeting)).isEqualTo("hello");
            Label<LocalDateTime> now = now().label("now");
            assertThat(conn.execute(select(now)).one().get(now)).isNotNull()
                    .isAfter(LocalDateTime.now().minusDays(2));
            Label<String> concatenated = CUSTOMER_NAME.concat(" <").concat(CUSTOMER_EMAIL).concat(">").label("who");
            assertThat(conn.execute(select(concatenated).where(CUSTOMER_ID.eq(2))).one().get(concatenated))
                    .isEqualTo("Bob <bob@example.com>");
        }
    }

    @Test
    void windowFunctions() {
        Label<Long> rank = rowNumber().over(List.of(PRODUCT_CATEGORY), List.of(PRODUCT_PRICE.desc()), null)
                .label("rank_in_category");
        assertThat(rows(select(PRODUCT_NAME, rank).where(PRODUCT_CATEGORY.isNotNull()).orderBy(PRODUCT_ID)))
                .extracting(r -> ((Number) r.get(1)).intValue()).containsExactly(1, 1, 1);
        Label<Integer> running = sum(PRODUCT_STOCK).over(List.of(), List.of(PRODUCT_ID.asc()),
                Sql.rows(WindowFrame.Bound.UNBOUNDED_PRECEDING, WindowFrame.Bound.CURRENT_ROW)).label("running");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(PRODUCT_ID, running).orderBy(PRODUCT_ID)).all())
                    .extracting(r -> r.get(running)).containsExactly(10, 10, 15, 115);
            Label<Long> overall = count().over().label("overall");
            assertThat(conn.execute(select(PRODUCT_ID, overall).orderBy(PRODUCT_ID).limit(1)).one().get(overall))
                    .isEqualTo(4L);
        }
    }

    @Test
    void typedReadsTellSameNamedColumnsApart() {
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(select(ORDERS_ID, CUSTOMER_ID, CUSTOMER_NAME, PRODUCT_PRICE).from(ORDERS)
                    .join(CUSTOMER).join(ORDER_LINE, LINE_ORDER.eq(ORDERS_ID)).join(PRODUCT, PRODUCT_ID.eq(LINE_PRODUCT))
                    .where(ORDERS_ID.eq(3))).one();
            Long orderId = row.get(ORDERS_ID);
            Long customerId = row.get(CUSTOMER_ID);
            BigDecimal price = row.get(PRODUCT_PRICE);
            assertThat(orderId).isEqualTo(3L);
            assertThat(customerId).isEqualTo(2L);
            assertThat(price).isEqualByComparingTo("12.50");
            assertThat(row.get(0)).isInstanceOf(Long.class);
            assertThat(row.get(3)).isInstanceOf(BigDecimal.class);
        }
        assertThat(column(selectFrom(TAG).orderBy(TAG_ID), TAG_NAME)).containsExactly("new", "sale", "gift");
    }

    @Test
    void forUpdateLocksWhereTheDatabaseCan() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(PRODUCT_STOCK).where(PRODUCT_ID.eq(1)).forUpdate()).one().get(PRODUCT_STOCK))
                    .isEqualTo(10);
            if (backend.is("sqlite")) {
                assertThatThrownBy(() -> conn.execute(select(PRODUCT_STOCK).forUpdate(ForUpdate.NOWAIT)))
                        .isInstanceOf(UnsupportedCompilationException.class).hasMessageContaining("sqlite");
            } else {
                assertThat(conn.execute(select(PRODUCT_STOCK).where(PRODUCT_ID.eq(1)).forUpdate(ForUpdate.NOWAIT))
                        .all()).hasSize(1);
                assertThat(conn.execute(select(PRODUCT_STOCK).where(PRODUCT_ID.eq(1))
                        .forUpdate(ForUpdate.SKIP_LOCKED)).all()).hasSize(1);
            }
            conn.commit();
        }
    }
}
