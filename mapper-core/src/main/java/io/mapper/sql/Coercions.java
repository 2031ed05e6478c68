package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.UnstorableValueException;
import io.mapper.types.Conversions;
import io.mapper.types.ValueLimits;
import io.mapper.types.SqlType;

/** Turns the Java values given to operators into bound parameters, checking their types where they are given. */
final class Coercions {

    private Coercions() {
    }

    static Condition compare(Expression<?> left, ComparisonOperator operator, Object value) {
        Objects.requireNonNull(value, () -> "the value compared with " + describe(left) + " must not be null; "
                + "use isNull() or eq(null)");
        return new Comparison(left, operator, value(left, value, operator.sql()));
    }

    static <T> Expression<T> arithmetic(Expression<T> left, ArithmeticOperator operator, Object value) {
        Objects.requireNonNull(value, () -> "the operand of " + describe(left) + " " + operator.sql()
                + " must not be null");
        return new Arithmetic<>(left, operator, value(left, value, operator.sql()), left.type());
    }

    static List<Expression<?>> values(Expression<?> left, Collection<?> values, String operation) {
        Objects.requireNonNull(values, () -> "the values of " + operation + " must not be null");
        List<Expression<?>> result = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                throw new ArgumentException("A null in " + describe(left) + " " + operation + " (...) never matches "
                        + "in SQL; use isNull() for NULL checks.");
            }
            result.add(value(left, value, operation));
        }
        return List.copyOf(result);
    }

    /** The values of an IN: {@link #values}, plain ones held by one expanding parameter. */
    static List<Expression<?>> inValues(Expression<?> left, Collection<?> values, String operation) {
        return expandingIfPlain(left, values(left, values, operation));
    }

    /**
     * Plain values bound through {@code left}'s type as one expanding parameter, so that the IN compiles once
     * whatever the number of values; values that are expressions, or untyped, are left one by one.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Expression<?>> expandingIfPlain(Expression<?> left, List<Expression<?>> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<@Nullable Object> plain = new ArrayList<>(values.size());
        for (Expression<?> value : values) {
            if (!(value instanceof BindParameter<?> parameter) || parameter.expanding() || !parameter.typed()
                    || parameter.type() != left.type()) {
                return List.copyOf(values);
            }
            plain.add(parameter.value());
        }
        return List.of(BindParameter.expanding(baseName(left), (SqlType) left.type(), plain, true));
    }

    static Expression<String> pattern(Expression<?> left, String pattern) {
        Objects.requireNonNull(pattern, "a LIKE pattern must not be null");
        requireCompatible(left.type(), String.class, describe(left), "LIKE");
        return new BindParameter<>(baseName(left), io.mapper.types.Types.TEXT, pattern, true);
    }

    /** The value as an expression of {@code left}'s type: an expression is checked, a Java value is bound. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Expression<?> value(Expression<?> left, @Nullable Object value, String operation) {
        if (value instanceof Expression<?> expression) {
            requireCompatible(left.type(), Conversions.boxed(expression.type().javaType()), describe(left),
                    operation);
            return expression;
        }
        if (value instanceof SelectBase select) {
            return select.scalarSubquery();
        }
        SqlType type = left.type();
        if (value == null) {
            return new BindParameter(baseName(left), type, null, true);
        }
        Class<?> target = Conversions.boxed(type.javaType());
        if (target == Object.class) {
            return new BindParameter(baseName(left), BuiltinTypes.forValue(value), value, false);
        }
        requireCompatible(type, value.getClass(), describe(left), operation);
        Object bound = value;
        if (!target.isInstance(value) && value instanceof Number) {
            // A number of another class (a Long for an INTEGER column) must fit before it is narrowed.
            ValueLimits.Violation violation = ValueLimits.check(type, value);
            if (violation != null) {
                String column = left instanceof ColumnClause<?> ? baseName(left) : null;
                String what = column != null ? "column \"" + column + "\"" : describe(left);
                throw new UnstorableValueException("The value for " + what + " " + violation.reason()
                        + ". It was refused before reaching the database; nothing was written.", column,
                        baseName(left), null, violation.sqlState());
            }
            bound = Conversions.convert(value, target);
        }
        return new BindParameter(baseName(left), type, bound, true);
    }

    static void requireCompatible(SqlType<?> type, Class<?> other, String described, String operation) {
        Class<?> own = Conversions.boxed(type.javaType());
        Class<?> given = Conversions.boxed(other);
        if (own == Object.class || given == Object.class || own.isAssignableFrom(given)
                || given.isAssignableFrom(own)
                || (Number.class.isAssignableFrom(own) && Number.class.isAssignableFrom(given))) {
            return;
        }
        throw new ArgumentException("Type mismatch in " + described + " " + operation + " ...: " + described + " holds "
                + own.getSimpleName() + " values (" + type.name() + "), but a " + given.getSimpleName()
                + " was given. Pass a value of type " + own.getSimpleName() + ", or cast() one side to the other's type.");
    }

    static String baseName(Expression<?> expression) {
        if (expression instanceof ColumnClause<?> column) {
            return column.name();
        }
        if (expression instanceof Label<?> label) {
            return label.name();
        }
        return "param";
    }

    static String describe(Expression<?> expression) {
        if (expression instanceof ColumnClause<?> || expression instanceof Label<?>) {
            return expression.toString();
        }
        return "the " + expression.type().name() + " expression";
    }
}
