package io.mapper.dialect.mysql;

import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;

/**
 * MySQL and MariaDB type names: {@code DATETIME(6)} for timestamps (TIMESTAMP converts through the session zone and
 * ends in 2038), also for TIMESTAMP WITH TIME ZONE, stored in UTC; DOUBLE for REAL (see {@link #real});
 * LONGTEXT and LONGBLOB for unbounded data; native ENUM columns; MariaDB's UUID type from 10.7, CHAR(36)
 * before.
 */
final class MySqlTypeCompiler extends TypeCompiler {

    private final boolean nativeUuid;

    MySqlTypeCompiler(boolean nativeUuid) {
        this.nativeUuid = nativeUuid;
    }

    @Override
    public boolean nativeEnum() {
        return true;
    }

    @Override
    public String stringLiteral(String value) {
        // Backslash is an escape character in MySQL string literals unless NO_BACKSLASH_ESCAPES is set.
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected String text(BuiltInType<?> type) {
        return "LONGTEXT";
    }

    @Override
    protected String numeric(BuiltInType<?> type) {
        return type.precision() == null ? "DECIMAL(65, 30)" : "DECIMAL(" + type.precision() + ", "
                + (type.scale() == null ? 0 : type.scale()) + ")";
    }

    /**
     * REAL is stored as DOUBLE: a FLOAT column comes back through the text protocol with six significant digits
     * (123456.79 reads as 123457), while a float widened to a double narrows back to the same float.
     */
    @Override
    protected String real(BuiltInType<?> type) {
        return "DOUBLE";
    }

    @Override
    protected String doublePrecision(BuiltInType<?> type) {
        return "DOUBLE";
    }

    @Override
    protected String time(BuiltInType<?> type) {
        return "TIME(6)";
    }

    @Override
    protected String timestamp(BuiltInType<?> type) {
        return "DATETIME(6)";
    }

    @Override
    protected String timestampWithTimeZone(BuiltInType<?> type) {
        return "DATETIME(6)";
    }

    @Override
    protected String uuid(BuiltInType<?> type) {
        return nativeUuid ? "UUID" : "CHAR(36)";
    }

    @Override
    protected String blob(BuiltInType<?> type) {
        return "LONGBLOB";
    }

    @Override
    protected String enumType(BuiltInType<?> type) {
        StringBuilder sql = new StringBuilder("ENUM(");
        String separator = "";
        for (String constant : type.enumValues()) {
            sql.append(separator).append(stringLiteral(constant));
            separator = ", ";
        }
        return sql.append(")").toString();
    }
}
