package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A hand-written SQL statement with named {@code :name} parameters, parsed once when it is created.
 *
 * <p>Immutable: {@link #bind(String, Object)} and {@link #returningGeneratedKeys(String...)} return new instances.
 * Values given to {@code bind} and values passed at execution are merged; execution-time values win.
 */
public final class TextClause implements Executable {

    /** One piece of the statement: either literal SQL or the name of a parameter. */
    public record Segment(String text, boolean parameter) {
    }

    private final String sql;
    private final List<Segment> segments;
    private final Set<String> parameterNames;
    private final Map<String, @Nullable Object> boundValues;
    private final List<String> generatedKeyColumns;
    private final Operation operation;

    private TextClause(String sql, List<Segment> segments, Set<String> parameterNames,
            Map<String, @Nullable Object> boundValues, List<String> generatedKeyColumns, Operation operation) {
        this.sql = sql;
        this.segments = segments;
        this.parameterNames = parameterNames;
        this.boundValues = boundValues;
        this.generatedKeyColumns = generatedKeyColumns;
        this.operation = operation;
    }

    static TextClause of(String sql) {
        Objects.requireNonNull(sql, "sql must not be null: pass the statement text to Sql.text(...)");
        if (sql.isBlank()) {
            throw new ArgumentException("Sql.text(...) was given an empty statement; pass the SQL to run.");
        }
        List<Segment> segments = NamedParameterParser.parse(sql);
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment.parameter()) {
                names.add(segment.text());
            }
        }
        return new TextClause(sql, List.copyOf(segments), Collections.unmodifiableSet(names), Map.of(), List.of(),
                Operation.classify(sql));
    }

    /** Binds a value to the parameter {@code :name}; the parameter must appear in the text. */
    public TextClause bind(String name, @Nullable Object value) {
        requireParameter(name);
        Map<String, @Nullable Object> values = new LinkedHashMap<>(boundValues);
        values.put(name, value);
        return new TextClause(sql, segments, parameterNames, Collections.unmodifiableMap(values),
                generatedKeyColumns, operation);
    }

    /** Binds several values at once; every key must be a parameter of the text. */
    public TextClause bind(Map<String, ?> values) {
        TextClause result = this;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            result = result.bind(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /**
     * Asks the driver for the values the database generated for these columns (identity or autoincrement keys);
     * read them with {@code result.generatedKeys()}.
     */
    public TextClause returningGeneratedKeys(String... columns) {
        if (columns.length == 0) {
            throw new ArgumentException("returningGeneratedKeys() needs the generated column names, e.g. \"id\".");
        }
        return new TextClause(sql, segments, parameterNames, boundValues, List.of(columns), operation);
    }

    /**
     * This text as a condition inside a statement, its bound values becoming the statement's parameters
     * (SQLAlchemy's {@code where(text(...))}):
     * {@code select(user.name).where(text("name LIKE :p OR id = 1").bind("p", "s%").asCondition())}
     * renders {@code WHERE (name LIKE ? OR id = 1)}. Every parameter must be bound first.
     */
    public TextCondition asCondition() {
        return new TextCondition(segments, TextExpression.parametersOf(this, "asCondition()"));
    }

    /**
     * This text as a column expression of {@code type} inside a statement, its bound values becoming the statement's
     * parameters: {@code select(text("price * :rate").bind("rate", 2).asColumn(Types.NUMERIC).label("p"))}.
     */
    public <T> TextExpression<T> asColumn(SqlType<T> type) {
        return new TextExpression<>(segments, type, TextExpression.parametersOf(this, "asColumn(...)"));
    }

    /** Throws an {@link ArgumentException} naming the known parameters when {@code name} is not one of them. */
    public void requireParameter(String name) {
        if (!parameterNames.contains(name)) {
            throw new ArgumentException("The statement has no parameter :" + name + "; its parameters are "
                    + (parameterNames.isEmpty() ? "none" : parameterNames.stream().map(p -> ":" + p).toList())
                    + ". Check the name, or add :" + name + " to the SQL text.");
        }
    }

    /** The statement as written. */
    public String sql() {
        return sql;
    }

    /** The statement split into literal SQL and parameter names, in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The distinct parameter names, in order of first appearance. */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    /** The values bound with {@link #bind(String, Object)}. */
    @Override
    public Map<String, @Nullable Object> boundValues() {
        return boundValues;
    }

    @Override
    public List<String> generatedKeyColumns() {
        return generatedKeyColumns;
    }

    @Override
    public StatementKind statementKind() {
        return StatementKind.TEXT;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitText(this);
    }

    /** The statement text as written; bound values are never shown. */
    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextClause that && sql.equals(that.sql) && boundValues.equals(that.boundValues)
                && generatedKeyColumns.equals(that.generatedKeyColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, boundValues, generatedKeyColumns);
    }

    /** Splits SQL text into literal pieces and {@code :name} parameters, skipping quotes and comments. */
    static final class NamedParameterParser {

        private NamedParameterParser() {
        }

        static List<Segment> parse(String sql) {
            List<Segment> segments = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int length = sql.length();
            int i = 0;
            while (i < length) {
                char ch = sql.charAt(i);
                if (ch == '\'' || ch == '"' || ch == '`') {
                    int end = closingQuote(sql, i, ch);
                    literal.append(sql, i, end);
                    i = end;
                } else if (ch == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? length : end;
                    literal.append(sql, i, end);
                    i = end;
                } else if (ch == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    end = end < 0 ? length : end + 2;
                    literal.append(sql, i, end);
                    i = end;
                } else if (ch == '\\' && i + 1 < length && sql.charAt(i + 1) == ':') {
                    literal.append(':');
                    i += 2;
                } else if (ch == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                    literal.append("::");
                    i += 2;
                } else if (ch == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                        && (i == 0 || !isNameChar(sql.charAt(i - 1)))) {
                    int end = i + 1;
                    while (end < length && isNameChar(sql.charAt(end))) {
                        end++;
                    }
                    if (!literal.isEmpty()) {
                        segments.add(new Segment(literal.toString(), false));
                        literal.setLength(0);
                    }
                    segments.add(new Segment(sql.substring(i + 1, end), true));
                    i = end;
                } else {
                    literal.append(ch);
                    i++;
                }
            }
            if (!literal.isEmpty()) {
                segments.add(new Segment(literal.toString(), false));
            }
            return segments;
        }

        private static boolean isNameChar(char ch) {
            return Character.isLetterOrDigit(ch) || ch == '_';
        }

        private static int closingQuote(String sql, int start, char quote) {
            int i = start + 1;
            while (i < sql.length()) {
                char ch = sql.charAt(i);
                if (ch == quote) {
                    // A doubled quote is an escaped quote inside the literal.
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            return sql.length();
        }
    }
}
