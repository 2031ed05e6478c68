package io.mapper.sql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/** Entry points of the expression language; import its methods statically. */
public final class Sql {

    private Sql() {
    }

    /**
     * A hand-written statement with {@code :name} parameters, which are always bound, never rendered into the text.
     *
     * <pre>{@code
     * // SELECT * FROM user_account WHERE name = ?
     * conn.execute(text("SELECT * FROM user_account WHERE name = :name").bind("name", "sandy"));
     * }</pre>
     *
     * Write {@code \:} for a literal colon; {@code ::} (a PostgreSQL cast) is left alone, as are colons inside
     * string literals, quoted identifiers and comments.
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }

    /**
     * A SELECT of columns, tables (all their columns) and expressions.
     *
     * <pre>{@code
     * // SELECT customer.id, customer.name FROM customer WHERE customer.name = ?
     * select(id, name).where(name.eq("Ann"));
     * }</pre>
     */
    public static Select select(Object... columns) {
        return Select.of(columns);
    }

    /**
     * A SELECT of all columns of a table, FROM that table.
     *
     * <pre>{@code
     * // SELECT customer.id, customer.name, customer.email FROM customer
     * selectFrom(customer);
     * }</pre>
     */
    public static Select selectFrom(TableClause table) {
        return Select.of(table).from(table);
    }

    /**
     * An INSERT into a table; add rows with {@code values(...)}.
     *
     * <pre>{@code
     * // INSERT INTO customer (name) VALUES (?)
     * insert(customer).values(Map.of("name", "Ann"));
     * }</pre>
     */
    public static Insert insert(TableClause table) {
        return Insert.into(table);
    }

    /**
     * An UPDATE of a table; add values with {@code set(...)}.
     *
     * <pre>{@code
     * // UPDATE product SET price = ? WHERE product.id = ?
     * update(product).set(price, new BigDecimal("9.99")).where(id.eq(7));
     * }</pre>
     */
    public static Update update(TableClause table) {
        return Update.of(table);
    }

    /**
     * A DELETE from a table.
     *
     * <pre>{@code
     * // DELETE FROM orders WHERE orders.id = ?
     * delete(orders).where(id.eq(3));
     * }</pre>
     */
    public static Delete delete(TableClause table) {
        return Delete.from(table);
    }

    /**
     * Another name for a table in one statement, for self-joins.
     *
     * <pre>{@code
     * // SELECT parent.name FROM category AS parent
     * TableClause parent = alias(category, "parent"); select(parent.column("name"));
     * }</pre>
     */
    public static TableAlias alias(TableClause table, String name) {
        return new TableAlias(Objects.requireNonNull(table, "table must not be null"), name);
    }

    /**
     * A join of two tables, ON inferred from the single foreign key between them.
     *
     * <pre>{@code
     * // customer JOIN orders ON customer.id = orders.customer_id
     * select(customer.column("name")).from(join(customer, orders));
     * }</pre>
     */
    public static Join join(TableClause left, TableClause right) {
        return Join.of(left, right, null, Join.Type.INNER);
    }

    /**
     * A join of two tables on a condition.
     *
     * <pre>{@code
     * // customer JOIN orders ON customer.id = orders.customer_id
     * join(customer, orders, customerId.eq(orderCustomerId));
     * }</pre>
     */
    public static Join join(TableClause left, TableClause right, Condition on) {
        return Join.of(left, right, on, Join.Type.INNER);
    }

    /**
     * A left outer join of two tables on a condition ({@code null} infers it from a foreign key).
     *
     * <pre>{@code
     * // customer LEFT OUTER JOIN orders ON customer.id = orders.customer_id
     * outerJoin(customer, orders, null);
     * }</pre>
     */
    public static Join outerJoin(TableClause left, TableClause right, @Nullable Condition on) {
        return Join.of(left, right, on, Join.Type.LEFT_OUTER);
    }

    /**
     * {@code EXISTS (subquery)}.
     *
     * <pre>{@code
     * // SELECT customer.name FROM customer WHERE EXISTS (SELECT orders.id FROM orders WHERE orders.customer_id = customer.id)
     * select(name).where(exists(select(orderId).where(orderCustomer.eq(customerId))));
     * }</pre>
     */
    public static Condition exists(SelectBase subquery) {
        return new Exists(subquery, false);
    }

    /**
     * {@code NOT EXISTS (subquery)}.
     *
     * <pre>{@code
     * // ... WHERE NOT EXISTS (SELECT orders.id FROM orders WHERE orders.customer_id = customer.id)
     * select(name).where(notExists(select(orderId).where(orderCustomer.eq(customerId))));
     * }</pre>
     */
    public static Condition notExists(SelectBase subquery) {
        return new Exists(subquery, true);
    }

    /**
     * {@code (a, b) IN ((?, ?), (?, ?))}: the expressions compared with rows of values, each value bound with its
     * expression's type (a composite key among several); no rows at all is always false.
     *
     * <pre>{@code
     * // (line.order_id, line.line_no) IN ((?, ?), (?, ?))
     * rowValueIn(List.of(orderId, lineNo), List.of(List.of(1, 1), List.of(1, 2)));
     * }</pre>
     */
    public static Condition rowValueIn(List<? extends Expression<?>> operands,
            java.util.Collection<? extends List<?>> rows) {
        return RowValueIn.of(operands, rows);
    }

    /**
     * Conditions joined with AND; no conditions at all is always true.
     *
     * <pre>{@code
     * // a = ? AND b = ?
     * and(a.eq(1), b.eq(2));
     * }</pre>
     */
    public static Condition and(Condition... conditions) {
        return ConditionList.of(true, List.of(conditions));
    }

    /**
     * Conditions joined with OR; no conditions at all is always false.
     *
     * <pre>{@code
     * // a = ? OR b = ?
     * or(a.eq(1), b.eq(2));
     * }</pre>
     */
    public static Condition or(Condition... conditions) {
        return ConditionList.of(false, List.of(conditions));
    }

    /**
     * The negation of a condition.
     *
     * <pre>{@code
     * // NOT (a = ?)
     * not(a.eq(1));
     * }</pre>
     */
    public static Condition not(Condition condition) {
        return condition.not();
    }

    /**
     * A value used as an expression, always bound; its SQL type follows from its Java type where it can.
     *
     * <pre>{@code
     * // SELECT ? AS greeting
     * select(literal("hello").label("greeting"));
     * }</pre>
     */
    public static <T> Expression<T> literal(T value) {
        Objects.requireNonNull(value, "literal(null) has no type; use literal(null, type) or nullLiteral(type)");
        SqlType<T> type = BuiltinTypes.forValue(value);
        return new BindParameter<>("param", type, value, !BuiltinTypes.isUntyped(type));
    }

    /**
     * A value of a declared SQL type used as an expression, always bound.
     *
     * <pre>{@code
     * // SELECT ? (bound as BIGINT)
     * select(literal(42L, Types.BIGINT));
     * }</pre>
     */
    public static <T> Expression<T> literal(@Nullable T value, SqlType<T> type) {
        return new BindParameter<>("param", Objects.requireNonNull(type, "type must not be null"), value, true);
    }

    /**
     * SQL text used as a column, rendered verbatim and never bound (SQLAlchemy's {@code literal_column}). Never build
     * the text from user input; for a constant value use {@link #inlineLiteral(Object)}.
     *
     * <pre>{@code
     * // SELECT 'some phrase', user_account.name FROM user_account ORDER BY user_account.name
     * select(literalColumn("'some phrase'", Types.TEXT).label("p"), name).orderBy(name);
     * }</pre>
     */
    public static <T> LiteralColumn<T> literalColumn(String sql, SqlType<T> type) {
        return new LiteralColumn<>(sql, type);
    }

    /** SQL text used as a column of unknown type, read as the driver returns it. */
    public static LiteralColumn<Object> literalColumn(String sql) {
        return new LiteralColumn<>(sql, BuiltinTypes.NULL);
    }

    /**
     * A constant rendered inline as a quoted SQL literal instead of a bound parameter, so the same constant in SELECT,
     * GROUP BY and OVER is the same expression to the database. Strings are quoted by the dialect ({@code 'it''s'};
     * backslashes doubled on MySQL and MariaDB); strings, integers, decimals, finite doubles and booleans only.
     *
     * <pre>{@code
     * // SELECT to_char(o.placed, 'YYYY-MM'), count(*) FROM orders o GROUP BY to_char(o.placed, 'YYYY-MM')
     * Expression<String> month = func("to_char", Types.TEXT, placed, inlineLiteral("YYYY-MM"));
     * select(month, count()).from(orders).groupBy(month);
     * }</pre>
     */
    public static <T> InlineLiteral<T> inlineLiteral(T value) {
        Objects.requireNonNull(value, "inlineLiteral(null): use literalColumn(\"NULL\", type) for a NULL constant");
        return new InlineLiteral<>(value, BuiltinTypes.forValue(value));
    }

    /**
     * A field of a date or timestamp as an integer, spelled per dialect.
     *
     * <pre>{@code
     * // PostgreSQL: CAST(EXTRACT(MONTH FROM orders.placed) AS INTEGER)
     * // SQLite:     CAST(strftime('%m', orders.placed) AS INTEGER)
     * select(extract(DatePart.MONTH, placed));
     * }</pre>
     */
    public static Extract extract(DatePart field, Expression<?> dateOrTimestamp) {
        return new Extract(field, dateOrTimestamp);
    }

    /**
     * A date or timestamp truncated to the start of its year, month, day, hour, minute or second, of the same type,
     * spelled per dialect.
     *
     * <pre>{@code
     * // PostgreSQL, H2: date_trunc('month', orders.placed)
     * // MariaDB: CAST(DATE_FORMAT(orders.placed, '%Y-%m-01 00:00:00') AS DATETIME(6))
     * // SQLite:  strftime('%Y-%m-01 00:00:00', orders.placed)
     * select(dateTrunc(DatePart.MONTH, placed), count()).groupBy(dateTrunc(DatePart.MONTH, placed));
     * }</pre>
     */
    public static <T> DateTrunc<T> dateTrunc(DatePart unit, Expression<T> dateOrTimestamp) {
        return new DateTrunc<>(unit, dateOrTimestamp);
    }

    /**
     * A generic SQL function with a declared return type; arguments are expressions or bound values.
     *
     * <pre>{@code
     * // SELECT length(customer.name) FROM customer
     * select(func("length", Types.INTEGER, name));
     * }</pre>
     */
    public static <T> FunctionCall<T> func(String name, SqlType<T> returnType, Object... arguments) {
        return new FunctionCall<>(name, FunctionCall.arguments(arguments), returnType, FunctionCall.Kind.GENERIC,
                false);
    }

    /**
     * {@code count(*)}.
     *
     * <pre>{@code
     * // SELECT count(*) FROM orders
     * select(count()).from(orders);
     * }</pre>
     */
    public static FunctionCall<Long> count() {
        return new FunctionCall<>("count", List.of(), Types.BIGINT, FunctionCall.Kind.COUNT_STAR, false);
    }

    /**
     * {@code count(expression)}: the number of non-null values.
     *
     * <pre>{@code
     * // SELECT count(customer.email) FROM customer
     * select(count(email));
     * }</pre>
     */
    public static FunctionCall<Long> count(Expression<?> expression) {
        return standard("count", Types.BIGINT, expression);
    }

    /**
     * {@code count(DISTINCT expression)}.
     *
     * <pre>{@code
     * // SELECT count(DISTINCT orders.customer_id) FROM orders
     * select(countDistinct(customerId));
     * }</pre>
     */
    public static FunctionCall<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), Types.BIGINT, FunctionCall.Kind.STANDARD, true);
    }

    /**
     * {@code sum(expression)}, typed as the expression.
     *
     * <pre>{@code
     * // SELECT sum(order_line.quantity) FROM order_line
     * select(sum(quantity));
     * }</pre>
     */
    public static <T> FunctionCall<T> sum(Expression<T> expression) {
        return standard("sum", expression.type(), expression);
    }

    /**
     * {@code min(expression)}.
     *
     * <pre>{@code
     * // SELECT min(product.price) FROM product
     * select(min(price));
     * }</pre>
     */
    public static <T> FunctionCall<T> min(Expression<T> expression) {
        return standard("min", expression.type(), expression);
    }

    /**
     * {@code max(expression)}.
     *
     * <pre>{@code
     * // SELECT max(product.price) FROM product
     * select(max(price));
     * }</pre>
     */
    public static <T> FunctionCall<T> max(Expression<T> expression) {
        return standard("max", expression.type(), expression);
    }

    /**
     * {@code avg(expression)}, as a {@code BigDecimal}: exact (NUMERIC) where the database averages exact numbers
     * exactly (PostgreSQL, MariaDB), so a value next to it is bound as NUMERIC and {@code round(avg(x) / 1000.0, 2)}
     * works everywhere; H2 (for integers) and SQLite compute a DOUBLE, read as the nearest BigDecimal.
     *
     * <pre>{@code
     * // SELECT avg(product.price) FROM product
     * select(avg(price));
     * }</pre>
     */
    public static FunctionCall<BigDecimal> avg(Expression<?> expression) {
        return standard("avg", Types.NUMERIC, expression);
    }

    /**
     * {@code coalesce(a, b, ...)}: the first non-null argument, typed as the first.
     *
     * <pre>{@code
     * // SELECT coalesce(customer.nickname, customer.name) FROM customer
     * select(coalesce(nickname, name));
     * }</pre>
     */
    public static <T> FunctionCall<T> coalesce(Expression<T> first, Object... others) {
        List<Expression<?>> arguments = new java.util.ArrayList<>();
        arguments.add(first);
        for (Object other : others) {
            arguments.add(Coercions.value(first, other, "coalesce"));
        }
        return new FunctionCall<>("coalesce", arguments, first.type(), FunctionCall.Kind.STANDARD, false);
    }

    /**
     * {@code lower(expression)}.
     *
     * <pre>{@code
     * // SELECT lower(customer.email) FROM customer
     * select(lower(email));
     * }</pre>
     */
    public static FunctionCall<String> lower(Expression<String> expression) {
        return standard("lower", Types.TEXT, expression);
    }

    /**
     * {@code upper(expression)}.
     *
     * <pre>{@code
     * // SELECT upper(customer.name) FROM customer
     * select(upper(name));
     * }</pre>
     */
    public static FunctionCall<String> upper(Expression<String> expression) {
        return standard("upper", Types.TEXT, expression);
    }

    /**
     * The current date and time, spelled per dialect ({@code CURRENT_TIMESTAMP}, MySQL's {@code CURRENT_TIMESTAMP(6)}).
     *
     * <pre>{@code
     * // UPDATE orders SET updated_at = CURRENT_TIMESTAMP
     * update(orders).set(updatedAt, now());
     * }</pre>
     */
    public static FunctionCall<java.time.LocalDateTime> now() {
        return new FunctionCall<>("current_timestamp", List.of(), BuiltinTypes.TIMESTAMP,
                FunctionCall.Kind.CURRENT_TIMESTAMP, false);
    }

    /**
     * {@code row_number()}, for use with {@code over(...)}.
     *
     * <pre>{@code
     * // SELECT row_number() OVER (ORDER BY product.price DESC) FROM product
     * select(rowNumber().overOrder(price.desc()));
     * }</pre>
     */
    public static FunctionCall<Long> rowNumber() {
        return standard("row_number", Types.BIGINT);
    }

    /**
     * {@code rank()}, for use with {@code over(...)}.
     *
     * <pre>{@code
     * // SELECT rank() OVER (PARTITION BY product.category_id ORDER BY product.price) FROM product
     * select(rank().over(List.of(categoryId), List.of(price.asc()), null));
     * }</pre>
     */
    public static FunctionCall<Long> rank() {
        return standard("rank", Types.BIGINT);
    }

    /**
     * {@code CASE WHEN condition THEN result ...}; add branches with {@code when} and {@code otherwise}.
     *
     * <pre>{@code
     * // CASE WHEN product.stock = ? THEN ? ELSE ? END
     * caseWhen(stock.eq(0), "sold out").otherwise("available");
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    public static <T> CaseExpression<T> caseWhen(Condition condition, T result) {
        Objects.requireNonNull(result, "the first result of a CASE gives its type and must not be null");
        Expression<T> first = result instanceof Expression<?> expression ? (Expression<T>) expression
                : literal(result);
        return new CaseExpression<>(List.of(new CaseExpression.When(condition, first)), null, first.type());
    }

    /**
     * {@code CASE WHEN condition THEN expression ...}, typed as the expression.
     *
     * <pre>{@code
     * // CASE WHEN product.stock > ? THEN product.price ELSE ? END
     * caseWhen(stock.gt(0), price).otherwise(BigDecimal.ZERO);
     * }</pre>
     */
    public static <T> CaseExpression<T> caseWhen(Condition condition, Expression<T> result) {
        return new CaseExpression<>(List.of(new CaseExpression.When(condition, result)), null, result.type());
    }

    /**
     * A window frame for {@code over(partitionBy, orderBy, frame)}.
     *
     * <pre>{@code
     * // ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
     * rows(WindowFrame.Bound.UNBOUNDED_PRECEDING, WindowFrame.Bound.CURRENT_ROW);
     * }</pre>
     */
    public static WindowFrame rows(WindowFrame.Bound start, WindowFrame.Bound end) {
        return WindowFrame.rows(start, end);
    }

    /**
     * A free-standing table for ad-hoc statements, with its columns.
     *
     * <pre>{@code
     * // SELECT t.a FROM t
     * TableClause t = table("t", column("a", Types.INTEGER)); select(t.column("a"));
     * }</pre>
     */
    public static TableClause table(String name, ColumnClause<?>... columns) {
        return TableClause.of(name, columns);
    }

    /**
     * A free-standing column.
     *
     * <pre>{@code
     * // a
     * column("a", Types.INTEGER);
     * }</pre>
     */
    public static <T> ColumnClause<T> column(String name, SqlType<T> type) {
        return ColumnClause.of(name, type);
    }

    private static <T> FunctionCall<T> standard(String name, SqlType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, List.of(arguments), type, FunctionCall.Kind.STANDARD, false);
    }

    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new ArgumentException(what + " must not be blank");
        }
    }
}
