package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Issue 14 on every backend: inline literals repeated in SELECT and GROUP BY, literal columns, text fragments with
 * bound parameters, extract and dateTrunc on dates and timestamps, and aggregate FILTER (native or CASE).
 */
class SqlFragmentsIT extends BackendTest {

    private final MetaData metadata = new MetaData();
    private final Table orders = metadata.table("orders", Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("customer", Types.string(20)), Column.of("amount", Types.numeric(10, 2)),
            Column.of("placed", Types.TIMESTAMP), Column.of("due", Types.DATE));
    private final Column<Integer> id = orders.column("id", Integer.class);
    private final Column<String> customer = orders.column("customer", String.class);
    private final Column<BigDecimal> amount = orders.column("amount", BigDecimal.class);
    private final Column<LocalDateTime> placed = orders.column("placed", LocalDateTime.class);
    private final Column<LocalDate> due = orders.column("due", LocalDate.class);

    @BeforeEach
    void fill() {
        metadata.createAll(engine());
        engine().begin(conn -> conn.executeMany(insert(orders), List.of(
                order(1, "anna", "10.00", LocalDateTime.of(2024, 1, 15, 10, 20, 30), LocalDate.of(2024, 2, 29)),
                order(2, "anton", "20.00", LocalDateTime.of(2024, 1, 31, 23, 59, 59), LocalDate.of(2024, 3, 1)),
                order(3, "bert", "30.50", LocalDateTime.of(2024, 2, 1, 0, 0, 0), LocalDate.of(2025, 1, 1)),
                order(4, "it's \\ odd", "5.00", LocalDateTime.of(2025, 7, 4, 12, 0, 0), LocalDate.of(2025, 7, 4)))));
    }

    private static Map<String, Object> order(int id, String customer, String amount, LocalDateTime placed,
            LocalDate due) {
        return Map.of("id", id, "customer", customer, "amount", new BigDecimal(amount), "placed", placed, "due", due);
    }

    @Test
    void anInlineLiteralRepeatedInSelectAndGroupByIsOneExpression() {
        // Bound, the two substr calls would be different expressions to PostgreSQL ("must appear in GROUP BY").
        Expression<String> prefix = func("substr", Types.TEXT, customer, inlineLiteral(1), inlineLiteral(2));
        try (Connection conn = engine().connect()) {
            List<Row> rows = conn.execute(select(prefix.label("p"), count().label("n")).from(orders).groupBy(prefix)
                    .orderBy(prefix)).all();
            assertThat(rows).extracting(row -> row.get("p") + "=" + ((Number) row.get("n")).intValue())
                    .containsExactly("an=2", "be=1", "it=1");
            assertThat(conn.execute(select(inlineLiteral("it's \\ odd"))).scalar()).isEqualTo("it's \\ odd");
            assertThat(conn.execute(select(count()).from(orders).where(customer.eq(inlineLiteral("it's \\ odd"))))
                    .scalar(Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void literalColumnsAndTextFragments() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(literalColumn("'some phrase'", Types.TEXT).label("p"), customer)
                    .from(orders).orderBy(customer).limit(1)).one().get("p")).isEqualTo("some phrase");
            List<Integer> ids = conn.execute(select(id).from(orders)
                    .where(text("customer LIKE :p OR id = :i").bind("p", "an%").bind("i", 4))
                    .where(id.ne(2)).orderBy(id)).scalars(Integer.class).all();
            // The OR stays inside the fragment's parentheses: "id <> 2" applies to both branches.
            assertThat(ids).containsExactly(1, 4);
            Label<Integer> tripled = text("id * :k").bind("k", 3).asColumn(Types.INTEGER).label("tripled");
            assertThat(conn.execute(select(tripled).from(orders).where(id.gt(2)).orderBy(id))
                    .scalars(Integer.class).all()).containsExactly(9, 12);
        }
    }

    @Test
    void extractReadsEachFieldOfDatesAndTimestamps() {
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(select(extract(DatePart.YEAR, placed), extract(DatePart.MONTH, placed),
                    extract(DatePart.DAY, placed), extract(DatePart.HOUR, placed), extract(DatePart.MINUTE, placed),
                    extract(DatePart.SECOND, placed), extract(DatePart.YEAR, due), extract(DatePart.MONTH, due),
                    extract(DatePart.DAY, due)).from(orders).where(id.eq(1))).one();
            assertThat(row.values()).extracting(value -> ((Number) value).intValue())
                    .containsExactly(2024, 1, 15, 10, 20, 30, 2024, 2, 29);
            assertThat(conn.execute(select(count()).from(orders).where(extract(DatePart.MONTH, placed).eq(1)))
                    .scalar(Long.class)).isEqualTo(2L);
        }
    }

    @Test
    void dateTruncKeepsTheTypeAndGroups() {
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(select(dateTrunc(DatePart.YEAR, placed), dateTrunc(DatePart.MONTH, placed),
                    dateTrunc(DatePart.DAY, placed), dateTrunc(DatePart.HOUR, placed),
                    dateTrunc(DatePart.MINUTE, placed), dateTrunc(DatePart.SECOND, placed),
                    dateTrunc(DatePart.YEAR, due), dateTrunc(DatePart.MONTH, due), dateTrunc(DatePart.DAY, due))
                    .from(orders).where(id.eq(1))).one();
            assertThat(row.values()).containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0),
                    LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 15, 0, 0),
                    LocalDateTime.of(2024, 1, 15, 10, 0), LocalDateTime.of(2024, 1, 15, 10, 20),
                    LocalDateTime.of(2024, 1, 15, 10, 20, 30), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1),
                    LocalDate.of(2024, 2, 29));
            DateTrunc<LocalDateTime> month = dateTrunc(DatePart.MONTH, placed);
            List<Row> perMonth = conn.execute(select(month.label("m"), sum(amount).label("total")).from(orders)
                    .groupBy(month).orderBy(month)).all();
            assertThat(perMonth).extracting(r -> r.get("m")).containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0),
                    LocalDateTime.of(2024, 2, 1, 0, 0), LocalDateTime.of(2025, 7, 1, 0, 0));
            // The truncated value compares with a bound value of the same type (SQLite: the same text form).
            assertThat(conn.execute(select(count()).from(orders)
                    .where(month.eq(LocalDateTime.of(2024, 1, 1, 0, 0)))).scalar(Long.class)).isEqualTo(2L);
        }
    }

    @Test
    void aggregateFilterCountsOnlyTheRowsThatMeetTheCondition() {
        try (Connection conn = engine().connect()) {
            Row row = conn.execute(select(count().label("all_rows"),
                    count().filter(customer.startsWith("an")).label("an"),
                    sum(amount).filter(amount.gt(new BigDecimal("10"))).label("big"),
                    countDistinct(extract(DatePart.YEAR, placed)).filter(id.lt(4)).label("years"))
                    .from(orders)).one();
            assertThat(((Number) row.get("all_rows")).intValue()).isEqualTo(4);
            assertThat(((Number) row.get("an")).intValue()).isEqualTo(2);
            assertThat((BigDecimal) row.get("big")).isEqualByComparingTo("50.50");
            assertThat(((Number) row.get("years")).intValue()).isEqualTo(1);
        }
    }
}
