package io.mapper.dialect.sqlite;

import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;

/**
 * SQLite's type names. SQLite stores by affinity, not declared type, so names are chosen for the affinity they give
 * and for readability: UUIDs as {@code CHAR(36)} (text), JSON as {@code TEXT}, wide decimals as
 * {@code NUMERIC_TEXT(p, s)}; temporals keep their standard names and hold ISO-8601 text (see {@link SqliteTypes}).
 */
final class SqliteTypeCompiler extends TypeCompiler {

    @Override
    protected String uuid(BuiltInType<?> type) {
        return "CHAR(36)";
    }

    /**
     * Decimals of up to 15 digits keep NUMERIC affinity (stored as REAL or INTEGER, exact to 15 significant digits,
     * so they read back exactly after rounding to the scale, and sort numerically). Wider decimals would lose digits
     * there, so they get TEXT affinity (the name contains TEXT): exact, but sorted as text.
     */
    @Override
    protected String numeric(BuiltInType<?> type) {
        Integer precision = type.precision();
        if (precision != null && precision <= SqliteTypes.MAX_EXACT_REAL_DIGITS) {
            return super.numeric(type);
        }
        return "NUMERIC_TEXT" + (precision == null ? "" : "(" + precision + ", " + type.scale() + ")");
    }

    @Override
    protected String json(BuiltInType<?> type) {
        return "TEXT";
    }
}
