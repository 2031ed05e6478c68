package io.mapper.dialect.postgresql;

import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * PostgreSQL's binding where it differs from standard JDBC: JSON text goes to a JSONB column as an untyped value
 * ({@code Types.OTHER}), since the server refuses a {@code varchar} parameter there.
 */
final class PostgresTypes {

    private PostgresTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> resolve(BuiltInType<T> type) {
        if (type.kind() == BuiltInType.Kind.JSON) {
            return (SqlType<T>) ((BuiltInType<String>) type).withCodec(java.sql.Types.OTHER,
                    (statement, index, value) -> statement.setObject(index, value, java.sql.Types.OTHER),
                    java.sql.ResultSet::getString);
        }
        return type;
    }
}
