package io.mapper.sql;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A named column with a SQL type, optionally belonging to a {@link TableClause} (SQLAlchemy's lightweight
 * {@code ColumnClause}; {@code io.mapper.schema.Column} extends it with keys, defaults and constraints).
 * Immutable and thread-safe.
 *
 * @param <T> the Java type of the column's values
 */
public class ColumnClause<T> implements Expression<T> {

    private final String name;
    private final SqlType<T> type;
    private final @Nullable TableClause table;

    /** A column that belongs to no table yet. */
    protected ColumnClause(String name, SqlType<T> type, @Nullable TableClause table) {
        Objects.requireNonNull(name, "column name must not be null");
        Objects.requireNonNull(type, () -> "the type of column '" + name + "' must not be null");
        if (name.isBlank()) {
            throw new ArgumentException("A column name must not be blank.");
        }
        this.name = name;
        this.type = type;
        this.table = table;
    }

    /** A free-standing column: {@code column("name", Types.string(30))}. */
    public static <T> ColumnClause<T> of(String name, SqlType<T> type) {
        return new ColumnClause<>(name, type, null);
    }

    /** A copy of this column that belongs to {@code owner}; subclasses keep their own state. */
    protected ColumnClause<T> withTable(TableClause owner) {
        return new ColumnClause<>(name, type, owner);
    }

    /** The column's name, unquoted. */
    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The table the column belongs to, or null for a free-standing column. */
    public @Nullable TableClause table() {
        return table;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitColumn(this);
    }

    @Override
    public String toString() {
        return table == null ? name : table.name() + "." + name;
    }
}
