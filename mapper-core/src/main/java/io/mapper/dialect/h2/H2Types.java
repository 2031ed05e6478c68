package io.mapper.dialect.h2;

import java.nio.charset.StandardCharsets;

import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * H2's binding where it differs from standard JDBC: H2 turns a character parameter bound to a JSON column into a
 * JSON <em>string</em> value, so JSON text is bound as UTF-8 bytes, which H2 parses as a document.
 */
final class H2Types {

    private H2Types() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> resolve(BuiltInType<T> type) {
        if (type.kind() == BuiltInType.Kind.JSON) {
            return (SqlType<T>) ((BuiltInType<String>) type).withCodec(java.sql.Types.VARBINARY,
                    (statement, index, value) -> statement.setBytes(index, value.getBytes(StandardCharsets.UTF_8)),
                    (resultSet, index) -> {
                        byte[] bytes = resultSet.getBytes(index);
                        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
                    });
        }
        return type;
    }
}
