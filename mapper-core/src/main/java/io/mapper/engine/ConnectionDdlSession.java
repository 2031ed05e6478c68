package io.mapper.engine;

import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.schema.DdlCapabilities;
import io.mapper.schema.DdlElement;
import io.mapper.schema.DdlSession;

/** The schema layer's view of one {@link Connection}: existence checks through the dialect, and DDL execution. */
final class ConnectionDdlSession implements DdlSession {

    private final Connection connection;

    ConnectionDdlSession(Connection connection) {
        this.connection = connection;
    }

    @Override
    public DdlCapabilities capabilities() {
        return connection.dialect().ddlCapabilities();
    }

    @Override
    public boolean hasTable(@Nullable String schema, String name) {
        try {
            return connection.dialect().hasTable(connection.jdbcConnection(), connection.translateSchema(schema), name);
        } catch (SQLException e) {
            throw connection.translate(e, null, List.of());
        }
    }

    @Override
    public boolean hasSchema(String schema) {
        String target = connection.translateSchema(schema);
        if (target == null) {
            return true;                       // translated to the connection's own schema, which always exists
        }
        try {
            return connection.dialect().schemaReader().hasSchema(connection.jdbcConnection(), target);
        } catch (SQLException e) {
            throw connection.translate(e, null, List.of());
        }
    }

    @Override
    public boolean hasSequence(String name) {
        try {
            return connection.dialect().hasSequence(connection.jdbcConnection(), name);
        } catch (SQLException e) {
            throw connection.translate(e, null, List.of());
        }
    }

    @Override
    public void execute(DdlElement element) {
        connection.executeDdl(element);
    }
}
