package io.mapper.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.compiler.TypeCompiler;
import io.mapper.exception.ArgumentException;
import io.mapper.schema.DdlCapabilities;
import io.mapper.types.BuiltInType;
import io.mapper.types.Conversions;
import io.mapper.types.ConvertedType;
import io.mapper.compiler.CompiledStatement;
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
    private static final SchemaReader STANDARD_SCHEMA_READER = new SchemaReader();

    private final DatabaseInfo database;
    private volatile @Nullable DatabaseTarget target;

    public DefaultDialect(DatabaseInfo database) {
        this.database = database;
    }

    @Override
    public final DatabaseTarget target() {
        DatabaseTarget read = target;
        if (read == null) {
            read = readTarget(database.url());
            target = read;
        }
        return read;
    }

    /** Reads {@link #target()} from the connection URL, once; a dialect whose URLs it understands overrides this. */
    protected DatabaseTarget readTarget(String url) {
        return DatabaseTarget.UNKNOWN;
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
        if (type instanceof ConvertedType<T, ?> converted) {
            return resolveConverted(converted);
        }
        if (type instanceof BuiltInType<T> builtIn) {
            return resolveBuiltIn(builtIn);
        }
        return type;
    }

    private <T, S> SqlType<T> resolveConverted(ConvertedType<T, S> converted) {
        return converted.withStorage(resolveType(converted.storage()));
    }

    /**
     * This database's implementation of a built-in type; the standard JDBC one by default. Dialects override it
     * for the kinds their driver or storage handles differently.
     */
    protected <T> SqlType<T> resolveBuiltIn(BuiltInType<T> type) {
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

    // ---- Schema: DDL, typed binding and existence checks (issue 3, schema half) ----

    private static final TypeCompiler STANDARD_TYPES = new TypeCompiler();

    @Override
    public DdlCompiler newDdlCompiler() {
        return new DdlCompiler(identifierPreparer(), typeCompiler());
    }

    @Override
    public TypeCompiler typeCompiler() {
        return STANDARD_TYPES;
    }

    @Override
    public DdlCapabilities ddlCapabilities() {
        return new DdlCapabilities(true, true, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void bindTyped(PreparedStatement statement, int index, @Nullable Object value, SqlType<?> type)
            throws SQLException {
        if (value != null && !Conversions.boxed(type.javaType()).isInstance(value)) {
            throw new ArgumentException("A " + value.getClass().getName() + " cannot be bound as " + type.name()
                    + ", whose values are " + type.javaType().getName() + ". Convert the value, or bind it with the "
                    + "type of its own class.");
        }
        ((SqlType<Object>) resolveType(type)).bind(statement, index, value);
    }

    @Override
    public boolean hasTable(Connection connection, @Nullable String schema, String name) throws SQLException {
        if (schema != null) {
            // A named schema is found the way reflection finds it: case-insensitively, a database on MariaDB.
            return schemaReader().hasTable(connection, schema, name);
        }
        java.sql.DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String inSchema = schema != null ? schema : connection.getSchema();
        // Unquoted names are folded to upper case by some databases (H2) and lower case by others.
        for (String candidate : new java.util.LinkedHashSet<>(List.of(name,
                name.toUpperCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT)))) {
            String pattern = escape == null || escape.isEmpty() ? candidate
                    : candidate.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
            try (java.sql.ResultSet tables = metaData.getTables(connection.getCatalog(), inSchema, pattern, null)) {
                while (tables.next()) {
                    if (candidate.equals(tables.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean hasSequence(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.sequences "
                + "WHERE sequence_schema = CURRENT_SCHEMA AND (sequence_name = ? OR sequence_name = ?)")) {
            statement.setString(1, name);
            statement.setString(2, name.toUpperCase(java.util.Locale.ROOT));
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return STANDARD_SCHEMA_READER;
    }

    @Override
    public String toString() {
        return name() + " dialect (" + database.productName() + " " + database.productVersion() + ")";
    }
}
