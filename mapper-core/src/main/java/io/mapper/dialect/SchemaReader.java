package io.mapper.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.NoSuchTableException;
import io.mapper.schema.Sequence;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedTable;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;
import io.mapper.types.SqlType;
import io.mapper.types.Types;
import io.mapper.types.UnknownType;

/**
 * Reads the description of a live schema over a JDBC connection: the dialect's half of reflection, handed out by
 * {@link Dialect#schemaReader()}. This base works from {@link DatabaseMetaData} alone; each concrete dialect
 * overrides the parts its driver reports wrongly or not at all (SQLite's pragmas, PostgreSQL's {@code pg_catalog},
 * MariaDB's and H2's {@code INFORMATION_SCHEMA}).
 *
 * <p>Every query binds its values. Names are returned {@linkplain #normalizeName normalised} and accepted either
 * normalised or as stored. Stateless and thread-safe; the caller owns the connection and its transaction.
 */
public class SchemaReader {

    /** Where a table lives, in the driver's terms: the catalog, schema and name as the database stores them. */
    public record TableRef(@Nullable String catalog, @Nullable String schema, String name) {
    }

    /** The catalog and schema that metadata queries are scoped to. */
    public record Scope(@Nullable String catalog, @Nullable String schema) {
    }

    /** Reads one row of a query result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    /** The names of the tables (not views) in a schema, normalised and sorted; {@code null} is the current schema. */
    public List<String> tableNames(Connection connection, @Nullable String schema) throws SQLException {
        Scope scope = scope(connection, schema);
        return rawTableNames(connection, scope).stream().map(this::normalizeName).sorted().toList();
    }

    /**
     * The sequences of the connection's current schema that no column owns (not those behind PostgreSQL's identity
     * and serial columns), with their start and increment, names normalised and sorted; none by default, as
     * {@link DatabaseMetaData} does not report sequences (and SQLite has none).
     */
    public List<Sequence> sequences(Connection connection) throws SQLException {
        return List.of();
    }

    /** The standard {@code information_schema.sequences} of the current schema, for dialects that have it. */
    protected final List<Sequence> standardSequences(Connection connection, String currentSchemaExpression)
            throws SQLException {
        return query(connection, "SELECT sequence_name, start_value, increment FROM information_schema.sequences "
                + "WHERE sequence_schema = " + currentSchemaExpression, List.of(),
                row -> new Sequence(normalizeName(row.getString(1)), Long.parseLong(row.getString(2).trim()),
                        Long.parseLong(row.getString(3).trim())))
                .stream().sorted(Comparator.comparing(Sequence::name)).toList();
    }

    /** The names of the views in a schema, normalised and sorted; {@code null} is the current schema. */
    public List<String> viewNames(Connection connection, @Nullable String schema) throws SQLException {
        Scope scope = scope(connection, schema);
        return rawViewNames(connection, scope).stream().map(this::normalizeName).sorted().toList();
    }

    /** Whether a schema has this table (not a view); {@code null} is the current schema. */
    public boolean hasTable(Connection connection, @Nullable String schema, String name) throws SQLException {
        return resolveName(rawTableNames(connection, scope(connection, schema)), name) != null;
    }

    /**
     * Everything about one table; {@code schema} {@code null} is the connection's current schema.
     *
     * @throws NoSuchTableException naming the schema's tables when there is no such table
     */
    public ReflectedTable table(Connection connection, @Nullable String schema, String name) throws SQLException {
        Objects.requireNonNull(name, "name must not be null");
        Scope scope = scope(connection, schema);
        List<String> stored = rawTableNames(connection, scope);
        String storedName = resolveName(stored, name);
        if (storedName == null) {
            String view = resolveName(rawViewNames(connection, scope), name);
            if (view != null) {
                // A view has columns only: no keys, indexes or constraints of its own.
                TableRef ref = new TableRef(scope.catalog(), scope.schema(), view);
                return new ReflectedTable(normalizeName(view), schema, columns(connection, ref), null, List.of(),
                        List.of(), List.of(), List.of(), null);
            }
            throw new NoSuchTableException(name, schema, stored.stream().map(this::normalizeName).sorted().toList());
        }
        TableRef table = new TableRef(scope.catalog(), scope.schema(), storedName);
        List<ReflectedColumn> columns = columns(connection, table);
        ReflectedPrimaryKey primaryKey = primaryKey(connection, table);
        List<ReflectedUniqueConstraint> uniques = sortedByName(uniqueConstraints(connection, table),
                ReflectedUniqueConstraint::name, ReflectedUniqueConstraint::columns);
        List<ReflectedForeignKey> foreignKeys = sortedByName(foreignKeys(connection, table),
                ReflectedForeignKey::name, ReflectedForeignKey::columns);
        List<ReflectedIndex> indexes = sortedByName(indexes(connection, table, primaryKey, uniques, foreignKeys),
                ReflectedIndex::name, ReflectedIndex::columns);
        List<ReflectedCheckConstraint> checks = checkConstraints(connection, table).stream()
                .sorted(Comparator.comparing(ReflectedCheckConstraint::name,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ReflectedCheckConstraint::sqlText))
                .toList();
        return new ReflectedTable(normalizeName(storedName), schema, columns, primaryKey, foreignKeys, indexes,
                uniques, checks, tableComment(connection, table));
    }

    /**
     * Whether the named schema exists (found as reflection finds it: case-insensitively; a database on MariaDB, an
     * attached database on SQLite).
     */
    public boolean hasSchema(Connection connection, String schema) throws SQLException {
        try {
            scope(connection, schema);
            return true;
        } catch (ArgumentException unknown) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Hooks, each answered from DatabaseMetaData here and overridden where a database knows better.

    /** The catalog and schema to search: the connection's own, or the named schema (resolved against the stored). */
    protected Scope scope(Connection connection, @Nullable String schema) throws SQLException {
        String catalog = connection.getCatalog();
        if (schema == null) {
            return new Scope(catalog, connection.getSchema());
        }
        List<String> schemas = new ArrayList<>();
        try (ResultSet resultSet = connection.getMetaData().getSchemas()) {
            while (resultSet.next()) {
                schemas.add(resultSet.getString("TABLE_SCHEM"));
            }
        }
        String stored = resolveName(schemas, schema);
        if (stored == null) {
            throw unknownSchema(schema, schemas);
        }
        return new Scope(catalog, stored);
    }

    /** The names of the tables in scope, as stored. */
    protected List<String> rawTableNames(Connection connection, Scope scope) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet resultSet = metaData.getTables(scope.catalog(), pattern(metaData, scope.schema()), "%",
                new String[] {"TABLE"})) {
            while (resultSet.next()) {
                if (Objects.equals(resultSet.getString("TABLE_SCHEM"), scope.schema())
                        || scope.schema() == null) {
                    names.add(resultSet.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    /** The stored names of a schema's views, from {@code DatabaseMetaData.getTables(..., {"VIEW"})}. */
    protected List<String> rawViewNames(Connection connection, Scope scope) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet resultSet = metaData.getTables(scope.catalog(), pattern(metaData, scope.schema()), "%",
                new String[] {"VIEW"})) {
            while (resultSet.next()) {
                if (Objects.equals(resultSet.getString("TABLE_SCHEM"), scope.schema()) || scope.schema() == null) {
                    names.add(resultSet.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    /** The table's columns in table order. */
    protected List<ReflectedColumn> columns(Connection connection, TableRef table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<ReflectedColumn> columns = new ArrayList<>();
        try (ResultSet resultSet = metaData.getColumns(table.catalog(), pattern(metaData, table.schema()),
                pattern(metaData, table.name()), "%")) {
            while (resultSet.next()) {
                if (!table.name().equals(resultSet.getString("TABLE_NAME"))) {
                    continue;
                }
                String typeName = resultSet.getString("TYPE_NAME");
                int jdbcType = resultSet.getInt("DATA_TYPE");
                Integer size = integer(resultSet, "COLUMN_SIZE");
                Integer digits = integer(resultSet, "DECIMAL_DIGITS");
                Integer length = isSized(jdbcType) ? size : null;
                Integer precision = isExactNumeric(jdbcType) ? size : null;
                Integer scale = isExactNumeric(jdbcType) ? digits : null;
                columns.add(new ReflectedColumn(normalizeName(resultSet.getString("COLUMN_NAME")), typeName, length,
                        precision, scale, typeOf(typeName, length, precision, scale, null),
                        resultSet.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        emptyToNull(resultSet.getString("COLUMN_DEF")),
                        "YES".equalsIgnoreCase(resultSet.getString("IS_AUTOINCREMENT")),
                        emptyToNull(resultSet.getString("REMARKS"))));
            }
        }
        return columns;
    }

    /** The primary key, or {@code null}. */
    protected @Nullable ReflectedPrimaryKey primaryKey(Connection connection, TableRef table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        String name = null;
        try (ResultSet resultSet = connection.getMetaData().getPrimaryKeys(table.catalog(), table.schema(),
                table.name())) {
            while (resultSet.next()) {
                columns.put(resultSet.getInt("KEY_SEQ"), normalizeName(resultSet.getString("COLUMN_NAME")));
                name = resultSet.getString("PK_NAME");
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        return new ReflectedPrimaryKey(name == null ? null : normalizeName(name), List.copyOf(columns.values()));
    }

    /** The foreign keys, from {@link DatabaseMetaData#getImportedKeys}. */
    protected List<ReflectedForeignKey> foreignKeys(Connection connection, TableRef table) throws SQLException {
        List<ReflectedForeignKey> keys = new ArrayList<>();
        try (ResultSet resultSet = connection.getMetaData().getImportedKeys(table.catalog(), table.schema(),
                table.name())) {
            ForeignKeyBuilder current = null;
            while (resultSet.next()) {
                String name = resultSet.getString("FK_NAME");
                int sequence = resultSet.getInt("KEY_SEQ");
                if (current == null || sequence == 1 || !Objects.equals(name, current.name)) {
                    if (current != null) {
                        keys.add(current.build());
                    }
                    current = new ForeignKeyBuilder(name == null ? null : normalizeName(name),
                            referredSchema(resultSet, table), normalizeName(resultSet.getString("PKTABLE_NAME")),
                            referentialAction(resultSet.getInt("DELETE_RULE")),
                            referentialAction(resultSet.getInt("UPDATE_RULE")));
                }
                current.columns.add(normalizeName(resultSet.getString("FKCOLUMN_NAME")));
                current.referredColumns.add(normalizeName(resultSet.getString("PKCOLUMN_NAME")));
            }
            if (current != null) {
                keys.add(current.build());
            }
        }
        return keys;
    }

    /** The referred table's schema for one row of {@code getImportedKeys}, or {@code null} when it is the same. */
    protected @Nullable String referredSchema(ResultSet importedKey, TableRef table) throws SQLException {
        String schema = importedKey.getString("PKTABLE_SCHEM");
        return schema == null || schema.equals(table.schema()) ? null : normalizeName(schema);
    }

    /**
     * The indexes created as indexes: this base leaves out the one whose columns are the primary key's and those
     * with a unique constraint's columns, which back those constraints.
     */
    protected List<ReflectedIndex> indexes(Connection connection, TableRef table,
            @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedUniqueConstraint> uniqueConstraints,
            List<ReflectedForeignKey> foreignKeys) throws SQLException {
        Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        try (ResultSet resultSet = connection.getMetaData().getIndexInfo(table.catalog(), table.schema(),
                table.name(), false, false)) {
            while (resultSet.next()) {
                String name = resultSet.getString("INDEX_NAME");
                if (name == null || resultSet.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                IndexBuilder index = indexes.computeIfAbsent(name,
                        key -> new IndexBuilder(normalizeName(key), false));
                index.unique = !resultSet.getBoolean("NON_UNIQUE");
                String column = resultSet.getString("COLUMN_NAME");
                index.add(resultSet.getInt("ORDINAL_POSITION"), column == null ? null : normalizeName(column));
            }
        }
        List<ReflectedIndex> result = new ArrayList<>();
        for (IndexBuilder builder : indexes.values()) {
            ReflectedIndex index = builder.build();
            if (index == null) {
                continue;
            }
            boolean backsKey = index.unique() && (primaryKey != null && primaryKey.columns().equals(index.columns())
                    || uniqueConstraints.stream().anyMatch(unique -> unique.columns().equals(index.columns())));
            if (!backsKey) {
                result.add(index);
            }
        }
        return result;
    }

    /** The UNIQUE constraints; JDBC metadata has no notion of them, so this base finds none. */
    protected List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, TableRef table)
            throws SQLException {
        return List.of();
    }

    /** The CHECK constraints; JDBC metadata has no notion of them, so this base finds none. */
    protected List<ReflectedCheckConstraint> checkConstraints(Connection connection, TableRef table)
            throws SQLException {
        return List.of();
    }

    /** The table's comment, or {@code null}. */
    protected @Nullable String tableComment(Connection connection, TableRef table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet resultSet = metaData.getTables(table.catalog(), pattern(metaData, table.schema()),
                pattern(metaData, table.name()), new String[] {"TABLE"})) {
            while (resultSet.next()) {
                if (table.name().equals(resultSet.getString("TABLE_NAME"))) {
                    return emptyToNull(resultSet.getString("REMARKS"));
                }
            }
        }
        return null;
    }

    /**
     * A name as mapper reports it. Identity here; databases that fold unquoted names to upper case (H2) report an
     * all-upper-case name in lower case, as SQLAlchemy does, so that unquoted DDL reads back the way it was written.
     */
    protected String normalizeName(String storedName) {
        return storedName;
    }

    /**
     * The mapper type for a column, or {@code null} when no built-in type fits (fixed-length CHAR, native enums,
     * arrays, vendor types). This base knows the SQL standard's names and the common aliases of the four databases;
     * dialects translate any other spelling first.
     */
    protected @Nullable SqlType<?> sqlType(String typeName, @Nullable Integer length, @Nullable Integer precision,
            @Nullable Integer scale) {
        return switch (typeName.toUpperCase(Locale.ROOT)) {
            case "SMALLINT", "INT2" -> Types.SMALLINT;
            case "INTEGER", "INT", "INT4" -> Types.INTEGER;
            case "BIGINT", "INT8" -> Types.BIGINT;
            case "BOOLEAN", "BOOL" -> Types.BOOLEAN;
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARCHAR2" ->
                length == null || length <= 0 ? Types.TEXT : Types.string(length);
            case "TEXT", "CLOB", "CHARACTER LARGE OBJECT", "NCLOB", "MEDIUMTEXT", "LONGTEXT" -> Types.TEXT;
            case "NUMERIC", "DECIMAL" -> precision == null || precision <= 0 ? Types.NUMERIC
                    : Types.numeric(precision, scale == null ? 0 : scale);
            case "REAL", "FLOAT4" -> Types.REAL;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> Types.DOUBLE;
            case "DATE" -> Types.DATE;
            case "TIME", "TIME WITHOUT TIME ZONE" -> Types.TIME;
            case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "DATETIME" -> Types.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> Types.TIMESTAMP_WITH_TIME_ZONE;
            case "UUID" -> Types.UUID;
            case "BLOB", "BYTEA", "BINARY LARGE OBJECT", "LONGBLOB", "MEDIUMBLOB" -> Types.BLOB;
            case "JSON", "JSONB" -> Types.JSON;
            default -> null;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers for subclasses.

    /**
     * The column's mapper type: {@link #sqlType} where a built-in fits, else an {@link UnknownType} named
     * {@code declared} (or, without it, the type name with its length or precision and scale).
     */
    protected final SqlType<?> typeOf(String typeName, @Nullable Integer length, @Nullable Integer precision,
            @Nullable Integer scale, @Nullable String declared) {
        SqlType<?> type = sqlType(typeName, length, precision, scale);
        if (type != null) {
            return type;
        }
        if (declared != null) {
            return new UnknownType(declared);
        }
        String parameters = length != null ? "(" + length + ")"
                : precision != null ? "(" + precision + (scale == null ? "" : ", " + scale) + ")" : "";
        return new UnknownType(typeName + parameters);
    }

    /** The stored name that {@code requested} means: an exact match first, else the one it normalises to. */
    protected @Nullable String resolveName(List<String> storedNames, String requested) {
        if (storedNames.contains(requested)) {
            return requested;
        }
        List<String> matches = storedNames.stream().filter(stored -> normalizeName(stored).equals(requested))
                .toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** The error for a schema that does not exist, listing those that do. */
    protected ArgumentException unknownSchema(String schema, List<String> storedSchemas) {
        return new ArgumentException("There is no schema '" + schema + "' in this database; its schemas are "
                + storedSchemas.stream().map(this::normalizeName).sorted().toList()
                + ". Check the spelling, or create the schema first.");
    }

    /** Runs a query with bound string or number parameters and reads every row. */
    protected static <T> List<T> query(Connection connection, String sql, List<?> parameters, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(reader.read(resultSet));
                }
            }
            return rows;
        }
    }

    /** A JDBC {@code importedKey*} rule as a {@link ReferentialAction}. */
    protected static ReferentialAction referentialAction(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** A rule as SQL spells it ({@code SET NULL}, {@code no action}) as a {@link ReferentialAction}. */
    protected static ReferentialAction referentialAction(@Nullable String rule) {
        if (rule == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ')) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** {@code null} for a null or blank string. */
    protected static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * An integer column that may be SQL NULL; a value beyond {@code int} (H2 reports {@code Long.MAX_VALUE} as the
     * length of a BLOB) means "unbounded" and reads as {@code null} too.
     */
    protected static @Nullable Integer integer(ResultSet resultSet, String column) throws SQLException {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() || value > Integer.MAX_VALUE ? null : (int) value;
    }

    private static boolean isSized(int jdbcType) {
        return switch (jdbcType) {
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.NCHAR, java.sql.Types.NVARCHAR,
                    java.sql.Types.BINARY, java.sql.Types.VARBINARY -> true;
            default -> false;
        };
    }

    private static boolean isExactNumeric(int jdbcType) {
        return jdbcType == java.sql.Types.NUMERIC || jdbcType == java.sql.Types.DECIMAL;
    }

    /** A LIKE pattern that matches exactly {@code name}: metadata methods take patterns, and {@code _} is common. */
    private static @Nullable String pattern(DatabaseMetaData metaData, @Nullable String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static <T> List<T> sortedByName(List<T> values, Function<T, @Nullable String> name,
            Function<T, List<String>> columns) {
        return values.stream().sorted(Comparator.comparing(name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(value -> String.join(",", columns.apply(value)))).toList();
    }

    /** Collects the rows of one foreign key. */
    protected static final class ForeignKeyBuilder {
        private final @Nullable String name;
        private final @Nullable String referredSchema;
        private final String referredTable;
        private final ReferentialAction onDelete;
        private final ReferentialAction onUpdate;
        /** The referring columns, in key order. */
        public final List<String> columns = new ArrayList<>();
        /** The referred columns, in key order. */
        public final List<String> referredColumns = new ArrayList<>();

        public ForeignKeyBuilder(@Nullable String name, @Nullable String referredSchema, String referredTable,
                ReferentialAction onDelete, ReferentialAction onUpdate) {
            this.name = name;
            this.referredSchema = referredSchema;
            this.referredTable = referredTable;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }

        /** The foreign key collected so far. */
        public ReflectedForeignKey build() {
            return new ReflectedForeignKey(name, columns, referredSchema, referredTable, referredColumns, onDelete,
                    onUpdate);
        }
    }

    /** Collects the columns of one index, by position; an expression (a null column) drops the index. */
    protected static final class IndexBuilder {
        private final String name;
        private final Map<Integer, @Nullable String> columns = new TreeMap<>();
        /** Whether the index is unique. */
        public boolean unique;

        public IndexBuilder(String name, boolean unique) {
            this.name = name;
            this.unique = unique;
        }

        /** Adds the column at a 1-based position; {@code null} for an expression. */
        public void add(int position, @Nullable String column) {
            columns.put(position, column);
        }

        /** The index, or {@code null} when it indexes an expression, which reflection does not describe. */
        public @Nullable ReflectedIndex build() {
            if (columns.containsValue(null)) {
                return null;
            }
            List<String> names = new ArrayList<>();
            columns.values().forEach(column -> names.add(Objects.requireNonNull(column)));
            return new ReflectedIndex(name, names, unique);
        }
    }
}
