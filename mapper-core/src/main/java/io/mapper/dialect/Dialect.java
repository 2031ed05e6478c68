package io.mapper.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.compiler.TypeCompiler;
import io.mapper.schema.DdlCapabilities;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementCompiler;
import io.mapper.types.SqlType;

/**
 * Everything that differs between databases: how SQL is rendered, how identifiers are quoted, how errors are
 * classified and how connections are set up. Part of the SPI for dialect authors; users get one from the engine.
 *
 * <p>Generic code asks a dialect <em>whether</em> it can do something; the dialect's collaborators decide
 * <em>how</em> the SQL looks. Implementations are immutable and thread-safe; extend {@link DefaultDialect}.
 */
public interface Dialect extends StatementCompiler {

    /** A short lower-case name, also the {@code db.system.name} of metrics: {@code postgresql}, {@code sqlite}, ... */
    String name();

    /** The database this dialect was resolved for. */
    DatabaseInfo database();

    /**
     * Where this dialect's connections go, from the connection URL: the namespace, host and port that observations
     * report ({@code db.namespace}, {@code server.address}, {@code server.port}). Unknown by default.
     */
    default DatabaseTarget target() {
        return DatabaseTarget.UNKNOWN;
    }

    /** A new compiler for one statement. */
    SqlCompiler newSqlCompiler();

    /** How identifiers are quoted. */
    IdentifierPreparer identifierPreparer();

    /** How driver errors are classified. */
    ErrorTranslator errorTranslator();

    /** Whether INSERT, UPDATE and DELETE accept a RETURNING clause. */
    boolean supportsReturning();

    // Expression language (issue 3): RETURNING differs per statement kind (MariaDB has it for INSERT and DELETE).

    /**
     * Whether a Core statement of this kind ({@code INSERT}, {@code UPDATE}, {@code DELETE}) can return rows with
     * {@code returning(...)}: natively, or emulated by the dialect's compiler (H2's data-change delta tables).
     */
    default boolean supportsReturning(Operation operation) {
        return supportsReturning();
    }

    /**
     * Whether a RETURNING clause reports the values triggers wrote into the row: true where triggers run before the
     * row is returned (PostgreSQL's and MariaDB's BEFORE triggers, H2's delta tables); SQLite returns the row before
     * its AFTER triggers change it, so values a trigger sets must be SELECTed afterwards there.
     */
    default boolean returningIncludesTriggerChanges() {
        return true;
    }

    /** Whether the database has savepoints ({@code beginNested()}). */
    boolean supportsSavepoints();

    /**
     * Whether a transaction that wrote nothing is better ended with COMMIT than ROLLBACK when its connection is
     * released: the outcome is the same (there is nothing to undo), but some databases drop caches on ROLLBACK (H2
     * forgets every parsed statement of the session). False by default.
     */
    default boolean endsReadOnlyWorkWithCommit() {
        return false;
    }

    /**
     * Prepares a connection each time it is taken from the pool, before any transaction starts on it (for example
     * SQLite's {@code PRAGMA foreign_keys}). Must be cheap; the default does nothing.
     */
    void initializeConnection(Connection connection) throws SQLException;

    /** Prepares a statement, asking for the generated values of the named columns when there are any. */
    PreparedStatement prepareStatement(Connection connection, String sql, List<String> generatedKeyColumns)
            throws SQLException;

    /**
     * The implementation of {@code type} for this database: the type itself, or a dialect-specific variant where
     * the driver or the storage differs (for example timestamps kept as text in SQLite). Used for binding and
     * reading typed values.
     */
    <T> SqlType<T> resolveType(SqlType<T> type);

    /** Binds one value of no declared type at a 1-based index; {@code null} binds SQL NULL. */
    void bindParameter(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;

    /** The column label a result reports, as mapper exposes it (for example lower case for H2's upper case). */
    String normalizeLabel(String label);

    /** Whether {@link #setReadOnly} makes the database refuse writes (H2 treats it as a mere hint). */
    boolean supportsReadOnlyTransactions();

    /** Makes the connection's transactions read-only or read-write. */
    void setReadOnly(Connection connection, boolean readOnly) throws SQLException;

    /**
     * How far behind its primary the database on this connection is, when it is a replica that can tell (PostgreSQL:
     * the time since the last replayed transaction while received WAL waits to be replayed); zero for a replica that
     * has replayed all it received, or for a primary; empty when this database cannot measure it (a replica set
     * then judges the replica by whether it answers). Runs one cheap query.
     */
    default java.util.Optional<java.time.Duration> replicationLag(Connection connection) throws SQLException {
        return java.util.Optional.empty();
    }

    // ---- Schema: DDL, typed binding and existence checks (issue 3, schema half) ----

    /** A new DDL compiler for one DDL statement. */
    DdlCompiler newDdlCompiler();

    /** How column types are named in DDL. */
    TypeCompiler typeCompiler();

    /** What the database can do with DDL, for {@code MetaData.createAll} and {@code dropAll}. */
    DdlCapabilities ddlCapabilities();

    /**
     * Binds a value of a declared type at a 1-based index through this dialect's implementation of the type
     * ({@link #resolveType}); {@code null} binds SQL NULL. A value that is not of the type's Java class raises an
     * {@code ArgumentException}. Connections call it for every {@code TypedValue} parameter.
     */
    void bindTyped(PreparedStatement statement, int index, @Nullable Object value, SqlType<?> type)
            throws SQLException;

    /** Whether a table or view with this name exists (schema null: the connection's current schema). */
    boolean hasTable(Connection connection, @Nullable String schema, String name) throws SQLException;

    /** Whether a sequence with this name exists in the connection's current schema. */
    boolean hasSequence(Connection connection, String name) throws SQLException;

    /**
     * Why this database cannot hold {@code value} in a column of {@code type} exactly, beyond the limits every
     * database shares ({@link io.mapper.types.ValueLimits}); {@code null} when it can. SQLite, whose decimals are
     * REALs, refuses a decimal it would round. Checked before a statement is sent, for every bound value, with the
     * type as declared (not resolved for this dialect): keep it cheap.
     */
    default io.mapper.types.ValueLimits.@Nullable Violation unstorable(SqlType<?> type, Object value) {
        return null;
    }

    /**
     * Whether the driver reports a row count for every statement of a JDBC batch, so that the ORM can check
     * versioned UPDATEs and DELETEs in batches; without it they run one at a time.
     */
    default boolean supportsBatchRowCounts() {
        return true;
    }

    // Reflection ------------------------------------------------------------------------------------------------

    /** How this database's schema is read back: tables, columns, keys, indexes and constraints. */
    SchemaReader schemaReader();

    // Migrations (issue 9) ------------------------------------------------------------------------------------------

    /**
     * Whether ALTER TABLE can change a column's type, nullability and default and add or drop constraints. Without
     * it (SQLite), a generated migration rebuilds the table instead ({@code DdlElement.RebuildTable}).
     */
    default boolean supportsAlterColumns() {
        return true;
    }

    /** Whether ALTER TABLE ... DROP COLUMN exists (SQLite from 3.35, for a column no key, index or check uses). */
    default boolean supportsDropColumn() {
        return true;
    }

    /** Whether tables and columns keep comments (not SQLite), so that a migration compares and sets them. */
    default boolean supportsComments() {
        return true;
    }
}
