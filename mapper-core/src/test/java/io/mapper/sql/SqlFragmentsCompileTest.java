package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.types.Types;

/** Issue 14: literal columns, inline literals, text fragments, extract, dateTrunc and aggregate FILTER per dialect. */
class SqlFragmentsCompileTest {

    private static final ColumnClause<Integer> ID = column("id", Types.INTEGER);
    private static final ColumnClause<String> NAME = column("name", Types.string(30));
    private static final ColumnClause<java.time.LocalDateTime> PLACED = column("placed", Types.TIMESTAMP);
    private static final ColumnClause<LocalDate> DAY = column("day_", Types.DATE);
    private static final TableClause T = table("t", ID, NAME, PLACED, DAY);

    @Test
    void literalColumnIsRenderedVerbatimAndNeverBound() {
        Select select = select(literalColumn("'some phrase'", Types.TEXT).label("p"), NAME).from(T).orderBy(NAME);
        assertCompilesEverywhere(select, "SELECT 'some phrase' AS p, name FROM t ORDER BY name");
        assertThat(parameters(select, H2)).isEmpty();
        assertThatThrownBy(() -> literalColumn(" ", Types.TEXT)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has no SQL");
    }

    @Test
    void inlineLiteralsAreQuotedPerDialectAndRepeatAsOneExpression() {
        Expression<String> prefix = func("substr", Types.TEXT, NAME, inlineLiteral(1), inlineLiteral(3));
        assertCompilesEverywhere(select(prefix, count()).from(T).groupBy(prefix),
                "SELECT substr(name, 1, 3), COUNT(*) FROM t GROUP BY substr(name, 1, 3)");
        Select quoted = select(inlineLiteral("it's \\ here"));
        assertCompiles(quoted, H2, "SELECT 'it''s \\ here'");
        assertCompiles(quoted, SQLITE, "SELECT 'it''s \\ here'");
        assertCompiles(quoted, POSTGRESQL, "SELECT 'it''s \\ here'");
        assertCompiles(quoted, MARIADB, "SELECT 'it''s \\\\ here'");
        assertCompilesEverywhere(select(inlineLiteral(new java.math.BigDecimal("1E+3")), inlineLiteral(true)),
                "SELECT 1000, TRUE");
        // Each value compiles to its own SQL: the cache must not hand one value's SQL to another.
        assertThat(select(inlineLiteral("a"))).isNotEqualTo(select(inlineLiteral("b")));
        assertThatThrownBy(() -> inlineLiteral(LocalDate.of(2024, 1, 1))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("cannot be rendered inline");
        assertThatThrownBy(() -> inlineLiteral("a\0b")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void textFragmentsAreConditionsAndColumnsWithBoundParameters() {
        Select select = select(text("id * :k").bind("k", 3).asColumn(Types.INTEGER).label("tripled"))
                .from(T).where(text("name LIKE :p OR id = :i").bind("p", "A%").bind("i", 7).asCondition(),
                        ID.gt(text("1 + :one").bind("one", 1).asColumn(Types.INTEGER)));
        assertCompilesEverywhere(select, "SELECT id * ? AS tripled FROM t WHERE (name LIKE ? OR id = ?) "
                + "AND id > (1 + ?)");
        assertThat(parameters(select, H2)).containsExactly(3, "A%", 7, 1);
        assertThatThrownBy(() -> text("id = :i").asCondition()).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has no value for :i").hasMessageContaining(".bind(\"i\", value)");
    }

    @Test
    void extractIsSpelledPerDialect() {
        assertCompiles(select(extract(DatePart.MONTH, PLACED)).from(T),
                "SELECT EXTRACT(MONTH FROM placed) FROM t",
                "SELECT CAST(strftime('%m', placed) AS INTEGER) FROM t",
                "SELECT CAST(EXTRACT(MONTH FROM placed) AS INTEGER) FROM t",
                "SELECT EXTRACT(MONTH FROM placed) FROM t");
        assertCompiles(select(extract(DatePart.SECOND, PLACED)).from(T), POSTGRESQL,
                "SELECT CAST(FLOOR(EXTRACT(SECOND FROM placed)) AS INTEGER) FROM t");
    }

    @Test
    void dateTruncIsSpelledPerDialectAndKeepsTheType() {
        assertCompiles(select(dateTrunc(DatePart.MONTH, PLACED)).from(T),
                "SELECT DATE_TRUNC('MONTH', placed) FROM t",
                "SELECT strftime('%Y-%m-01 00:00:00', placed) FROM t",
                "SELECT date_trunc('month', placed) FROM t",
                "SELECT CAST(DATE_FORMAT(placed, '%Y-%m-01 00:00:00') AS DATETIME(6)) FROM t");
        assertCompiles(select(dateTrunc(DatePart.YEAR, DAY)).from(T),
                "SELECT DATE_TRUNC('YEAR', day_) FROM t",
                "SELECT strftime('%Y-01-01', day_) FROM t",
                "SELECT CAST(date_trunc('year', day_) AS DATE) FROM t",
                "SELECT CAST(DATE_FORMAT(day_, '%Y-01-01') AS DATE) FROM t");
        assertThat(dateTrunc(DatePart.DAY, DAY).type()).isEqualTo(Types.DATE);
    }

    @Test
    void aggregateFilterIsNativeOrACase() {
        Select select = select(count().filter(NAME.like("A%")), sum(ID).filter(ID.gt(2)),
                countDistinct(NAME).filter(ID.lt(9))).from(T);
        String filter = "SELECT COUNT(*) FILTER (WHERE name LIKE ?), SUM(id) FILTER (WHERE id > ?), "
                + "COUNT(DISTINCT name) FILTER (WHERE id < ?) FROM t";
        assertCompiles(select, filter, filter, filter,
                "SELECT COUNT(CASE WHEN name LIKE ? THEN 1 END), SUM(CASE WHEN id > ? THEN id END), "
                        + "COUNT(DISTINCT CASE WHEN id < ? THEN name END) FROM t");
        assertThatThrownBy(() -> compile(select(func("group_concat", Types.TEXT, NAME, inlineLiteral(","))
                .filter(ID.gt(1))).from(T), MARIADB)).isInstanceOf(UnsupportedCompilationException.class)
                .hasMessageContaining("caseWhen");
        assertThat(List.of(count().filter(ID.gt(1)).filter(ID.lt(5)).condition())).hasSize(1);
    }
}
