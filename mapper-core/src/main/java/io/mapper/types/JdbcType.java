package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A {@link SqlType} bound with {@code setObject} and read with {@code getObject} plus {@link Conversions}: right for
 * every type whose JDBC mapping the drivers agree on. Types with quirks get their own implementations.
 *
 * @param <T> the Java type of the values
 */
public class JdbcType<T> implements SqlType<T> {

    private final String name;
    private final Class<T> javaType;
    private final int jdbcType;

    public JdbcType(String name, Class<T> javaType, int jdbcType) {
        this.name = Objects.requireNonNull(name, "name");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.jdbcType = jdbcType;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public int jdbcType() {
        return jdbcType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType);
        } else {
            statement.setObject(index, value, jdbcType);
        }
    }

    @Override
    public @Nullable T read(ResultSet resultSet, int index) throws SQLException {
        return Conversions.convert(resultSet.getObject(index), javaType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JdbcType<?> that && getClass() == that.getClass() && name.equals(that.name)
                && javaType == that.javaType && jdbcType == that.jdbcType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, javaType, jdbcType);
    }

    @Override
    public String toString() {
        return name;
    }
}
