package io.mapper.orm.scenarios;

import java.util.List;
import java.util.Objects;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.sql.Sql;

/** Reads the database through a connection of its own, outside any session (what another client would see). */
final class Db {

    private Db() {
    }

    /** The single number {@code sql} selects, as a long. */
    static long count(Engine engine, String sql) {
        try (Connection conn = engine.connect()) {
            Object value = conn.execute(Sql.text(sql)).scalar();
            return ((Number) Objects.requireNonNull(value, sql)).longValue();
        }
    }

    /** The rows of {@code table}. */
    static long rows(Engine engine, String table) {
        return count(engine, "SELECT COUNT(*) FROM " + table);
    }

    /** The first column of every row {@code sql} selects, as strings ("null" for NULL). */
    static List<String> strings(Engine engine, String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(Sql.text(sql)).scalars().all().stream().map(String::valueOf).toList();
        }
    }

    /** The single value {@code sql} selects, as a string ("null" for NULL). */
    static String string(Engine engine, String sql) {
        List<String> values = strings(engine, sql);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + values);
        }
        return values.get(0);
    }
}
