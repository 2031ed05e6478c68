package io.mapper.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.Dialect;
import io.mapper.dialect.SchemaReader;
import io.mapper.exception.NoSuchTableException;
import io.mapper.schema.reflection.DatabaseInspector;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedTable;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;

/**
 * Reads the schema of a live database: table names, and for each table its columns, primary key, foreign keys,
 * indexes, unique and check constraints and comment (SQLAlchemy's {@code inspect(engine)}).
 *
 * <pre>{@code
 * Inspector inspector = Inspector.of(engine);            // or engine.inspect()
 * List<String> tables = inspector.tableNames();          // [customer, orders, product, ...]
 * ReflectedTable orders = inspector.table("orders");
 * orders.foreignKeys().get(0).onDelete();                 // CASCADE
 * Inspector archive = inspector.schema("archive");       // another schema (a database, on MariaDB)
 * }</pre>
 *
 * <p>Each call reads the database afresh; nothing is cached. An inspector over an engine takes a connection per call
 * and rolls back what the catalog queries opened; one over a {@link Connection} reads inside that connection's
 * transaction, so it sees the transaction's own uncommitted DDL where the database allows it. Database errors are
 * translated like any statement's. An inspector over an engine is thread-safe; one over a connection is as
 * thread-safe as the connection (not at all).
 */
public final class Inspector implements DatabaseInspector {

    private final @Nullable Engine engine;
    private final @Nullable Connection connection;
    private final @Nullable String schema;

    private Inspector(@Nullable Engine engine, @Nullable Connection connection, @Nullable String schema) {
        this.engine = engine;
        this.connection = connection;
        this.schema = schema;
    }

    /** An inspector that reads the engine's database, one pooled connection per call. */
    public static Inspector of(Engine engine) {
        return new Inspector(Objects.requireNonNull(engine, "engine must not be null"), null, null);
    }

    /** An inspector that reads through this connection, inside its current transaction. */
    public static Inspector of(Connection connection) {
        return new Inspector(null, Objects.requireNonNull(connection, "connection must not be null"), null);
    }

    /**
     * An inspector over the named schema of the same database (on MariaDB and MySQL a schema is a database; on
     * SQLite, an attached database such as {@code main} or {@code temp}).
     */
    @Override
    public Inspector schema(String schemaName) {
        Objects.requireNonNull(schemaName, "schemaName must not be null");
        return new Inspector(engine, connection, schemaName);
    }

    /** This inspector itself. */
    @Override
    public Inspector inspect() {
        return this;
    }

    /** The schema this inspector reads, or {@code null} for the connection's current one. */
    public @Nullable String schemaName() {
        return schema;
    }

    /** The names of the tables (not views) in the schema, sorted. */
    @Override
    public List<String> tableNames() {
        return read((reader, jdbc) -> reader.tableNames(jdbc, schema));
    }

    /** The names of the views in the schema, sorted. */
    @Override
    public List<String> viewNames() {
        return read((reader, jdbc) -> reader.viewNames(jdbc, schema));
    }

    /** Every view of the schema, in name order, as tables with columns only. */
    public List<ReflectedTable> views() {
        return read((reader, jdbc) -> {
            List<ReflectedTable> views = new ArrayList<>();
            for (String name : reader.viewNames(jdbc, schema)) {
                views.add(reader.table(jdbc, schema, name));
            }
            return List.copyOf(views);
        });
    }

    /** Whether the schema has a table of this name. */
    public boolean hasTable(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return read((reader, jdbc) -> reader.hasTable(jdbc, schema, name));
    }

    /**
     * Everything about one table; a view's name gives the view's columns (it has no keys, indexes or constraints).
     *
     * @throws NoSuchTableException naming the schema's tables when there is no such table
     */
    @Override
    public ReflectedTable table(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return read((reader, jdbc) -> reader.table(jdbc, schema, name));
    }

    /** Every table of the schema, in name order, read over one connection. */
    @Override
    public List<ReflectedTable> tables() {
        return read((reader, jdbc) -> {
            List<ReflectedTable> tables = new ArrayList<>();
            for (String name : reader.tableNames(jdbc, schema)) {
                tables.add(reader.table(jdbc, schema, name));
            }
            return List.copyOf(tables);
        });
    }

    /** The table's columns in table order. */
    public List<ReflectedColumn> columns(String table) {
        return table(table).columns();
    }

    /** The table's primary key, if it has one. */
    public Optional<ReflectedPrimaryKey> primaryKey(String table) {
        return table(table).findPrimaryKey();
    }

    /** The table's foreign keys. */
    public List<ReflectedForeignKey> foreignKeys(String table) {
        return table(table).foreignKeys();
    }

    /** The table's indexes, not counting those that back its primary key and unique constraints. */
    public List<ReflectedIndex> indexes(String table) {
        return table(table).indexes();
    }

    /** The table's UNIQUE constraints. */
    public List<ReflectedUniqueConstraint> uniqueConstraints(String table) {
        return table(table).uniqueConstraints();
    }

    /** The table's CHECK constraints. */
    public List<ReflectedCheckConstraint> checkConstraints(String table) {
        return table(table).checkConstraints();
    }

    /** The table's comment, if it has one. */
    public Optional<String> tableComment(String table) {
        return Optional.ofNullable(table(table).comment());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(SchemaReader reader, java.sql.Connection jdbc) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        if (connection != null) {
            return readOn(connection, work);
        }
        try (Connection pooled = Objects.requireNonNull(engine).connect()) {
            return readOn(pooled, work);
        }
    }

    private static <T> T readOn(Connection connection, Work<T> work) {
        Dialect dialect = connection.dialect();
        try {
            return work.run(dialect.schemaReader(), connection.jdbcConnection());
        } catch (SQLException e) {
            throw dialect.errorTranslator().translate(e, null, List.of(), false);
        }
    }

    @Override
    public String toString() {
        return "Inspector(" + (schema == null ? "current schema" : "schema " + schema) + ")";
    }
}
