package io.mapper.sql;

import static io.mapper.sql.Sql.avg;
import static io.mapper.sql.Sql.count;
import static io.mapper.sql.Sql.func;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.max;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.sum;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
 * Issue 14: a value's bind type comes from the expression it meets. Every comparison operator (on the column, on
 * {@code MAX} of it and, for numbers, on {@code SUM} of it in HAVING) and every arithmetic operator, for each of
 * integer, bigint, decimal, double, text, date and timestamp, gives the same answer through the expression language
 * (values bound) as the database gives to the same expression written as SQL text (values as literals).
 */
class BindTypeMatrixIT extends BackendTest {

    private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");
    private static final List<String> ARITHMETIC = List.of("+", "-", "*", "/");

    private final MetaData metadata = new MetaData();
    private final Table typed = metadata.table("typed", Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("k", Types.string(5)), Column.of("i", Types.INTEGER), Column.of("b", Types.BIGINT),
            Column.of("d", Types.numeric(10, 2)), Column.of("f", Types.DOUBLE), Column.of("t", Types.string(20)),
            Column.of("dt", Types.DATE), Column.of("ts", Types.TIMESTAMP));

    /** One column under test: its name, the Java value compared with it, and that value as a SQL literal. */
    private record Case(String column, Object value, String literal, boolean numeric) {
    }

    private static final List<Case> CASES = List.of(
            new Case("i", 7, "7", true),
            new Case("b", 3_000_000_000L, "3000000000", true),
            new Case("d", new BigDecimal("50.00"), "50.00", true),
            new Case("f", 7.25, "7.25", true),
            new Case("t", "banana", "'banana'", false),
            new Case("dt", LocalDate.of(2024, 3, 1), "'2024-03-01'", false),
            new Case("ts", LocalDateTime.of(2024, 3, 1, 0, 0), "'2024-03-01 00:00:00'", false));

    @BeforeEach
    void fill() {
        metadata.createAll(engine());
        engine().begin(conn -> conn.execute(insert(typed).values(List.of(
                row(1, "a", 3, 3_000_000_000L, "12.50", 2.5, "apple", LocalDate.of(2024, 1, 15),
                        LocalDateTime.of(2024, 1, 15, 10, 0)),
                row(2, "a", 7, 7_000_000_000L, "100.00", 7.25, "banana", LocalDate.of(2024, 3, 1),
                        LocalDateTime.of(2024, 3, 1, 0, 0)),
                row(3, "b", 50, 50L, "50.00", 50.0, "cherry", LocalDate.of(2024, 12, 31),
                        LocalDateTime.of(2024, 12, 31, 23, 59, 59))))));
    }

    private static Map<String, Object> row(int id, String k, int i, long b, String d, double f, String t,
            LocalDate dt, LocalDateTime ts) {
        return Map.of("id", id, "k", k, "i", i, "b", b, "d", new BigDecimal(d), "f", f, "t", t, "dt", dt, "ts", ts);
    }

    @Test
    void everyComparisonMatchesTheDatabasesOwnAnswer() {
        List<String> mismatches = new ArrayList<>();
        try (Connection conn = engine().connect()) {
            for (Case c : CASES) {
                Expression<?> column = typed.column(c.column());
                for (String op : COMPARISONS) {
                    long bound = countRows(conn, select(count()).from(typed).where(compare(column, op, c.value())));
                    long literal = countRows(conn, text("SELECT COUNT(*) FROM typed WHERE " + c.column() + " " + op + " "
                            + c.literal()));
                    check(mismatches, c.column() + " " + op + " " + c.literal(), bound, literal);

                    long boundMax = conn.execute(select(typed.column("k")).from(typed)
                            .groupBy(typed.column("k")).having(compare(max(column), op, c.value()))).all().size();
                    long literalMax = conn.execute(text("SELECT k FROM typed GROUP BY k HAVING MAX(" + c.column()
                            + ") " + op + " " + c.literal())).all().size();
                    check(mismatches, "MAX(" + c.column() + ") " + op + " " + c.literal(), boundMax, literalMax);

                    if (c.numeric()) {
                        long boundSum = conn.execute(select(typed.column("k")).from(typed)
                                .groupBy(typed.column("k")).having(compare(sum(column), op, c.value()))).all().size();
                        long literalSum = conn.execute(text("SELECT k FROM typed GROUP BY k HAVING SUM("
                                + c.column() + ") " + op + " " + c.literal())).all().size();
                        check(mismatches, "SUM(" + c.column() + ") " + op + " " + c.literal(), boundSum, literalSum);
                    }
                }
            }
        }
        assertThat(mismatches).as("expressions whose bound form disagrees with the SQL text on " + backend).isEmpty();
    }

    @Test
    void everyArithmeticOperatorMatchesTheDatabasesOwnAnswer() {
        List<String> mismatches = new ArrayList<>();
        Map<String, Object> operands = Map.of("i", 2, "b", 2L, "d", new BigDecimal("2"), "f", 2.0);
        try (Connection conn = engine().connect()) {
            for (Case c : CASES) {
                if (!c.numeric()) {
                    continue;
                }
                Expression<?> column = typed.column(c.column());
                Object operand = operands.get(c.column());
                for (String op : ARITHMETIC) {
                    Expression<?> expression = arithmetic(column, op, operand);
                    List<Object> bound = conn.execute(select(expression).from(typed).orderBy(typed.column("id")))
                            .all().stream().map(r -> r.get(0)).toList();
                    // MariaDB's / on integers is decimal division; the expression language means integer division there.
                    String sqlOperator = op.equals("/") && backend.is("mariadb")
                            && (c.column().equals("i") || c.column().equals("b")) ? "DIV" : op;
                    List<Object> literal = conn.execute(text("SELECT " + c.column() + " " + sqlOperator + " "
                            + operand + " FROM typed ORDER BY id")).all().stream().map(r -> r.get(0)).toList();
                    check(mismatches, c.column() + " " + op + " " + operand, normalise(bound), normalise(literal));
                }
            }
        }
        assertThat(mismatches).as("arithmetic whose bound form disagrees with the SQL text on " + backend).isEmpty();
    }

    @Test
    void aLiteralNextToAnAverageOfExactNumbersIsExact() {
        try (Connection conn = engine().connect()) {
            // PostgreSQL: AVG(integer) is NUMERIC, so round(numeric, integer) exists; a DOUBLE would fail here.
            Row row = conn.execute(select(func("round", Types.NUMERIC,
                    avg(typed.column("i")).dividedBy(new BigDecimal("1000.0")), 4).label("r"),
                    avg(typed.column("d")).label("a")).from(typed)).one();
            assertThat((BigDecimal) row.get("r")).isEqualByComparingTo("0.0200");
            assertThat(((BigDecimal) row.get("a")).setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("54.1667");
            assertThat(conn.execute(select(typed.column("k")).from(typed).groupBy(typed.column("k"))
                    .having(avg(typed.column("d")).gt(new BigDecimal("56.25")))).all()).isEmpty();
            assertThat(conn.execute(select(typed.column("k")).from(typed).groupBy(typed.column("k"))
                    .having(avg(typed.column("d")).ge(new BigDecimal("56.25")))).all()).hasSize(1);
        }
    }

    private static Condition compare(Expression<?> left, String op, Object value) {
        return switch (op) {
            case "=" -> left.eq(value);
            case "<>" -> left.ne(value);
            case "<" -> left.lt(value);
            case "<=" -> left.le(value);
            case ">" -> left.gt(value);
            case ">=" -> left.ge(value);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Expression<?> arithmetic(Expression<?> left, String op, Object value) {
        BiFunction<Expression<?>, Object, Expression<?>> operator = switch (op) {
            case "+" -> Expression::plus;
            case "-" -> Expression::minus;
            case "*" -> Expression::times;
            case "/" -> Expression::dividedBy;
            default -> throw new IllegalArgumentException(op);
        };
        return operator.apply(left, value);
    }

    private static long countRows(Connection conn, Executable statement) {
        return ((Number) conn.execute(statement).scalar()).longValue();
    }

    private static List<BigDecimal> normalise(List<Object> values) {
        return values.stream().map(value -> new BigDecimal(value.toString()).setScale(6, RoundingMode.HALF_EVEN))
                .toList();
    }

    private void check(List<String> mismatches, String expression, Object bound, Object literal) {
        if (!bound.equals(literal)) {
            mismatches.add(expression + ": bound " + bound + ", SQL text " + literal);
        }
    }
}
