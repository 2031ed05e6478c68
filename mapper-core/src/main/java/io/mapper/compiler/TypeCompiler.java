package io.mapper.compiler;

import io.mapper.types.BuiltInType;
import io.mapper.types.ConvertedType;
import io.mapper.types.SqlType;

/**
 * Renders a column's SQL type in DDL: one protected method per built-in kind, which dialect type compilers override
 * where their database names a type differently (BYTEA, LONGBLOB, DATETIME(6)). A converted type renders as its
 * storage type; any other {@link SqlType} as its {@code name()}. Stateless and thread-safe.
 */
public class TypeCompiler {

    /** The type as it appears in a column definition. */
    public String render(SqlType<?> type) {
        if (type instanceof ConvertedType<?, ?> converted) {
            return render(converted.storage());
        }
        if (!(type instanceof BuiltInType<?> builtIn)) {
            return type.name();
        }
        return switch (builtIn.kind()) {
            case SMALLINT -> smallint(builtIn);
            case INTEGER -> integer(builtIn);
            case BIGINT -> bigint(builtIn);
            case BOOLEAN -> bool(builtIn);
            case VARCHAR -> varchar(builtIn);
            case TEXT -> text(builtIn);
            case NUMERIC -> numeric(builtIn);
            case REAL -> real(builtIn);
            case DOUBLE -> doublePrecision(builtIn);
            case DATE -> date(builtIn);
            case TIME -> time(builtIn);
            case TIMESTAMP -> timestamp(builtIn);
            case TIMESTAMP_WITH_TIME_ZONE -> timestampWithTimeZone(builtIn);
            case UUID -> uuid(builtIn);
            case BLOB -> blob(builtIn);
            case ENUM -> enumType(builtIn);
            case JSON -> json(builtIn);
        };
    }

    /**
     * Whether enum columns use the database's own ENUM type; when not, the DDL compiler adds a CHECK constraint
     * that limits the column to the constant names.
     */
    public boolean nativeEnum() {
        return false;
    }

    /** A string literal for DDL (comments, enum constants): quoted, with quotes doubled. */
    public String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    protected String smallint(BuiltInType<?> type) {
        return "SMALLINT";
    }

    protected String integer(BuiltInType<?> type) {
        return "INTEGER";
    }

    protected String bigint(BuiltInType<?> type) {
        return "BIGINT";
    }

    protected String bool(BuiltInType<?> type) {
        return "BOOLEAN";
    }

    protected String varchar(BuiltInType<?> type) {
        return "VARCHAR(" + type.length() + ")";
    }

    protected String text(BuiltInType<?> type) {
        return "TEXT";
    }

    protected String numeric(BuiltInType<?> type) {
        if (type.precision() == null) {
            return "NUMERIC";
        }
        return "NUMERIC(" + type.precision() + (type.scale() == null ? "" : ", " + type.scale()) + ")";
    }

    protected String real(BuiltInType<?> type) {
        return "REAL";
    }

    protected String doublePrecision(BuiltInType<?> type) {
        return "DOUBLE PRECISION";
    }

    protected String date(BuiltInType<?> type) {
        return "DATE";
    }

    protected String time(BuiltInType<?> type) {
        return "TIME";
    }

    protected String timestamp(BuiltInType<?> type) {
        return "TIMESTAMP";
    }

    protected String timestampWithTimeZone(BuiltInType<?> type) {
        return "TIMESTAMP WITH TIME ZONE";
    }

    protected String uuid(BuiltInType<?> type) {
        return "UUID";
    }

    protected String blob(BuiltInType<?> type) {
        return "BLOB";
    }

    /** An enum column's type when it is not native: VARCHAR as long as the longest constant name. */
    protected String enumType(BuiltInType<?> type) {
        return "VARCHAR(" + type.length() + ")";
    }

    protected String json(BuiltInType<?> type) {
        return "JSON";
    }
}
