package io.mapper.dialect.sqlite;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.SqlCompiler;
import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.TypeCompiler;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.DialectProvider;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.dialect.SchemaReader;
import io.mapper.schema.DdlCapabilities;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * SQLite: foreign keys switched on for every connection (SQLite leaves them off), WAL and a busy timeout for file
 * databases, result-code based error classification (SQLite reports no SQLState), and read-only transactions
 * through {@code PRAGMA query_only}.
 */
public class SqliteDialect extends DefaultDialect {

    /** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private static final ErrorTranslator ERRORS = new SqliteErrorTranslator();
    private static final SchemaReader SCHEMA_READER = new SqliteSchemaReader();

    // Physical connections already set up; pooled connections come back many times and need it only once.
    private final Set<Connection> initialized = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private final SqliteTemporalStorage temporalStorage;

    public SqliteDialect(DatabaseInfo database) {
        this(database, SqliteTemporalStorage.SECONDS);
    }

    /** A SQLite dialect storing timestamps and times in the given text form. */
    public SqliteDialect(DatabaseInfo database, SqliteTemporalStorage temporalStorage) {
        super(database);
        this.temporalStorage = Objects.requireNonNull(temporalStorage, "temporalStorage must not be null");
    }

    /**
     * A provider of SQLite dialects with this temporal storage, for one engine:
     * {@code Engine.builder(url).dialectResolver(new DialectResolver(List.of(SqliteDialect.provider(MICROSECONDS))))}.
     */
    public static DialectProvider provider(SqliteTemporalStorage temporalStorage) {
        Objects.requireNonNull(temporalStorage, "temporalStorage must not be null");
        return database -> database.productName().equalsIgnoreCase("SQLite")
                ? Optional.of(new SqliteDialect(database, temporalStorage)) : Optional.empty();
    }

    /** How this dialect stores timestamps and times. */
    public SqliteTemporalStorage temporalStorage() {
        return temporalStorage;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean supportsReturning() {
        return database().isAtLeast(3, 35);
    }

    @Override
    public SqlCompiler newSqlCompiler() {
        return new SqliteCompiler(identifierPreparer(), supportsReturning(), database().isAtLeast(3, 39), false,
                temporalStorage);
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }

    /** Whether the database lives in a file (WAL and busy timeouts matter) rather than in memory. */
    public boolean isFileDatabase() {
        String url = database().url().toLowerCase(Locale.ROOT);
        String path = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        return !(path.isEmpty() || path.contains(":memory:") || path.contains("mode=memory"));
    }

    @Override
    public void initializeConnection(Connection connection) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        if (initialized.contains(physical)) {
            return;
        }
        // PRAGMA foreign_keys is a no-op inside a transaction, so this must run while the connection is idle.
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            if (isFileDatabase()) {
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                statement.execute("PRAGMA journal_mode = WAL");
            }
        }
        initialized.add(physical);
    }

    @Override
    public PreparedStatement prepareStatement(Connection connection, String sql, List<String> generatedKeyColumns)
            throws SQLException {
        // The SQLite driver returns the last rowid for RETURN_GENERATED_KEYS and rejects column-name arrays.
        return prepareReturningAllKeys(connection, sql, generatedKeyColumns);
    }

    @Override
    public void setReadOnly(Connection connection, boolean readOnly) throws SQLException {
        // The driver fixes read-only at open time; query_only refuses writes on an open connection instead.
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = " + (readOnly ? "ON" : "OFF"));
        }
    }

    // ---- Schema: DDL and types (issue 3, schema half) ----

    private static final TypeCompiler TYPES = new SqliteTypeCompiler();

    @Override
    public DdlCompiler newDdlCompiler() {
        return new SqliteDdlCompiler(identifierPreparer(), typeCompiler());
    }

    @Override
    public TypeCompiler typeCompiler() {
        return TYPES;
    }

    @Override
    public DdlCapabilities ddlCapabilities() {
        // No sequences, no ALTER TABLE for constraints (but references to later tables are accepted), no comments.
        return new DdlCapabilities(false, false, false);
    }

    @Override
    protected <T> SqlType<T> resolveBuiltIn(BuiltInType<T> type) {
        return SqliteTypes.resolve(type, temporalStorage);
    }

    /** Values of no declared type are stored as the typed ones are: decimals as numbers, temporals as ISO text. */
    @Override
    public void bindParameter(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value instanceof BigDecimal decimal) {
            SqliteTypes.bindDecimal(statement, index, decimal, null);
        } else if (value instanceof LocalDateTime timestamp) {
            statement.setString(index, SqliteTypes.timestamp(timestamp, temporalStorage));
        } else if (value instanceof LocalTime time) {
            statement.setString(index, SqliteTypes.time(time, temporalStorage));
        } else if (value instanceof LocalDate date) {
            statement.setString(index, date.toString());
        } else {
            super.bindParameter(statement, index, value);
        }
    }

    @Override
    public boolean hasSequence(Connection connection, String name) {
        return false;
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }

    // ---- Migrations (issue 9) ----

    @Override
    public boolean supportsAlterColumns() {
        // ALTER TABLE only renames, adds and drops columns here; anything else needs the table rebuilt.
        return false;
    }

    @Override
    public boolean supportsDropColumn() {
        return database().isAtLeast(3, 35);
    }
}
