package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A hand-written SQL fragment used as a column expression, with its {@code :name} parameters bound: build it with
 * {@link TextClause#asColumn(SqlType)}. Rendered in parentheses where it is an operand, so its own operators keep
 * their meaning.
 *
 * @param segments the fragment's text and parameter names, as {@link TextClause} parsed them
 * @param type the SQL type of its values
 * @param parameters one bound parameter per distinct name, in order of first appearance
 * @param <T> the Java type of its values
 */
public record TextExpression<T>(List<TextClause.Segment> segments, SqlType<T> type,
        List<BindParameter<?>> parameters) implements Expression<T> {

    public TextExpression {
        segments = List.copyOf(segments);
        Objects.requireNonNull(type, "type must not be null");
        parameters = List.copyOf(parameters);
    }

    /** One bound parameter per parameter of {@code text}; every parameter must have a value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<BindParameter<?>> parametersOf(TextClause text, String use) {
        List<BindParameter<?>> parameters = new ArrayList<>();
        for (String name : text.parameterNames()) {
            if (!text.boundValues().containsKey(name)) {
                throw new ArgumentException("The text fragment \"" + text.sql() + "\" has no value for :" + name
                        + "; bind it with .bind(\"" + name + "\", value) before " + use + ".");
            }
            Object value = text.boundValues().get(name);
            SqlType type = BuiltinTypes.forValue(value);
            parameters.add(new BindParameter(name, type, value, !BuiltinTypes.isUntyped(type)));
        }
        return parameters;
    }

    /** The bound parameter for the fragment's parameter {@code name}. */
    static BindParameter<?> parameter(List<BindParameter<?>> parameters, String name) {
        for (BindParameter<?> parameter : parameters) {
            if (parameter.baseName().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalStateException("no parameter :" + name);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTextFragment(segments, parameters, false);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return parameters;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
