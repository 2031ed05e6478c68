package io.mapper.engine;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A data source view of a {@link ReplicaSet}: a healthy replica's connection, else one from the primary. */
final class ReplicaReadDataSource implements DataSource {

    private final ReplicaSet replicas;
    private final DataSource primary;

    ReplicaReadDataSource(ReplicaSet replicas, DataSource primary) {
        this.replicas = replicas;
        this.primary = primary;
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        java.sql.Connection replica = replicas.readConnection().orElse(null);
        return replica != null ? replica : primary.getConnection();
    }

    @Override
    public java.sql.Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Replica connections use each pool's own credentials; call "
                + "getConnection() without a user and password.");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }
}
