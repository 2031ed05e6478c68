package io.mapper.dialect.mysql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * The MySQL family's storage where it differs from standard JDBC: it has no TIMESTAMP WITH TIME ZONE, so such values
 * are stored in UTC in a {@code DATETIME(6)} (the TIMESTAMP type converts through the session time zone and ends in
 * 2038); UUIDs are bound and read as text, which both MariaDB's native UUID (10.7+) and a CHAR(36) accept.
 */
final class MySqlTypes {

    private MySqlTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> resolve(BuiltInType<T> type) {
        return switch (type.kind()) {
            case TIMESTAMP_WITH_TIME_ZONE -> (SqlType<T>) ((BuiltInType<OffsetDateTime>) type).withCodec(
                    java.sql.Types.TIMESTAMP,
                    (statement, index, value) -> statement.setObject(index,
                            value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                    (resultSet, index) -> {
                        LocalDateTime utc = resultSet.getObject(index, LocalDateTime.class);
                        return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
                    });
            case UUID -> (SqlType<T>) ((BuiltInType<UUID>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, value.toString()),
                    (resultSet, index) -> {
                        String text = resultSet.getString(index);
                        return text == null ? null : UUID.fromString(text);
                    });
            default -> type;
        };
    }
}
