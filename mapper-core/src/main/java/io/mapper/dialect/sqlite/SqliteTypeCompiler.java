package io.mapper.dialect.sqlite;

import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;

/**
 * SQLite's type names. SQLite stores by affinity, not declared type, so names are chosen for the affinity they give
 * and for readability: UUIDs as {@code CHAR(36)} (text), JSON as {@code TEXT}, decimals of any precision as
 * {@code NUMERIC(p, s)} (NUMERIC affinity, see {@link SqliteTypes}); temporals keep their standard names and hold ISO-8601 text (see {@link SqliteTypes}).
 */
final class SqliteTypeCompiler extends TypeCompiler {

    @Override
    protected String uuid(BuiltInType<?> type) {
        return "CHAR(36)";
    }

    @Override
    protected String json(BuiltInType<?> type) {
        return "TEXT";
    }
}
