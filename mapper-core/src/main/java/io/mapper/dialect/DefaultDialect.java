package io.mapper.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.CompiledStatement;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.CompiledSql;
import io.mapper.sql.Executable;
import io.mapper.types.SqlType;

/**
 * The standard-SQL dialect that every concrete dialect extends, overriding only where its database differs.
 * Also used, with a warning, for databases no provider recognises.
 */
public class DefaultDialect implements Dialect {

    private static final IdentifierPreparer STANDARD_IDENTIFIERS = new IdentifierPreparer();
    private static final ErrorTranslator STANDARD_ERRORS = new ErrorTranslator();

    private final DatabaseInfo database;

    public DefaultDialect(DatabaseInfo database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public DatabaseInfo database() {
        return database;
    }

    @Override
    public SqlCompiler newSqlCompiler() {
        return new SqlCompiler(identifierPreparer(), name(), false);
    }

    @Override
    public CompiledSql compile(Executable statement) {
        CompiledStatement compiled = newSqlCompiler().compile(statement);
        return new CompiledSql(compiled.sql(), compiled.parameterKeys(),
                compiled.bindValues(statement.boundValues(), Map.of()));
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return STANDARD_IDENTIFIERS;
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return STANDARD_ERRORS;
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public void initializeConnection(Connection connection) throws SQLException {
        // Nothing to set up for a standard database.
    }

    @Override
    public PreparedStatement prepareStatement(Connection connection, String sql, List<String> generatedKeyColumns)
            throws SQLException {
        if (generatedKeyColumns.isEmpty()) {
            return connection.prepareStatement(sql);
        }
        return connection.prepareStatement(sql, generatedKeyColumns.toArray(String[]::new));
    }

    /** For dialects whose drivers only know {@link Statement#RETURN_GENERATED_KEYS}. */
    protected static PreparedStatement prepareReturningAllKeys(Connection connection, String sql,
            List<String> generatedKeyColumns) throws SQLException {
        return generatedKeyColumns.isEmpty() ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    @Override
    public <T> SqlType<T> resolveType(SqlType<T> type) {
        return type;
    }

    @Override
    public void bindParameter(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public String normalizeLabel(String label) {
        return label;
    }

    @Override
    public boolean supportsReadOnlyTransactions() {
        return true;
    }

    @Override
    public void setReadOnly(Connection connection, boolean readOnly) throws SQLException {
        connection.setReadOnly(readOnly);
    }

    @Override
    public String toString() {
        return name() + " dialect (" + database.productName() + " " + database.productVersion() + ")";
    }
}
