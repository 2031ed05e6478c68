package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A SQL type and its Java counterpart: how a value of {@code T} is bound to a statement and read from a result.
 * Dialects may substitute their own implementation of a type where their driver or storage differs (SQLite keeps
 * timestamps as text, MariaDB has no UUID type); DDL names come from the dialect's type compiler.
 * Implementations are immutable and thread-safe.
 *
 * @param <T> the Java type of the values
 */
public interface SqlType<T> {

    /** The Java class of the values. */
    Class<T> javaType();

    /** The {@link java.sql.Types} code used when binding {@code null}. */
    int jdbcType();

    /** A generic, readable name such as {@code VARCHAR(30)}; dialects render their own DDL. */
    String name();

    /** Binds a value (possibly null) at a 1-based index. */
    void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException;

    /** Reads the value at a 1-based column index; SQL NULL reads as {@code null}. */
    @Nullable T read(ResultSet resultSet, int index) throws SQLException;
}
