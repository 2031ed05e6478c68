package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A database type that mapper has no built-in type for, known only by its name (SQLAlchemy's {@code NullType}):
 * what reflection gives a column declared {@code CHAR(36)}, {@code ENUM('a','b')} or {@code INTERVAL}. Values are
 * bound with {@code setObject} and read with {@code getObject}, as the driver sees fit; DDL repeats the name.
 * Immutable and thread-safe.
 */
public final class UnknownType implements SqlType<Object> {

    private final String name;

    /** A type known by its database name, such as {@code CHAR(36)}. */
    public UnknownType(String name) {
        this.name = Objects.requireNonNull(name, "name must not be null");
    }

    @Override
    public Class<Object> javaType() {
        return Object.class;
    }

    @Override
    public int jdbcType() {
        return java.sql.Types.OTHER;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownType that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
