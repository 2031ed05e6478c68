package io.mapper.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.SchemaReader;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;
import io.mapper.types.SqlType;

/**
 * SQLite reflection from the pragmas ({@code table_info}, {@code foreign_key_list}, {@code index_list},
 * {@code index_info}, used as table-valued functions so that names are bound) and, for what only the DDL text
 * keeps (constraint names, CHECKs, {@code AUTOINCREMENT}), from the {@code CREATE TABLE} statement in
 * {@code sqlite_master}. A schema is an attached database: {@code main} unless named.
 */
final class SqliteSchemaReader extends SchemaReader {

    private static final String MAIN = "main";
    private static final String NUMERIC_TEXT = "NUMERIC_TEXT";

    @Override
    protected Scope scope(Connection connection, @Nullable String schema) throws SQLException {
        if (schema == null) {
            return new Scope(null, MAIN);
        }
        List<String> databases = query(connection, "SELECT name FROM pragma_database_list", List.of(),
                row -> row.getString(1));
        String stored = resolveName(databases, schema);
        if (stored == null) {
            throw unknownSchema(schema, databases);
        }
        return new Scope(null, stored);
    }

    @Override
    protected List<String> rawTableNames(Connection connection, Scope scope) throws SQLException {
        // The schema is an identifier, which cannot be bound; it was checked against pragma_database_list.
        return query(connection, "SELECT name FROM " + master(scope.schema()) + " WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", List.of(), row -> row.getString(1));
    }

    @Override
    protected List<String> rawViewNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT name FROM " + master(scope.schema()) + " WHERE type = 'view'", List.of(),
                row -> row.getString(1));
    }

    @Override
    protected List<ReflectedColumn> columns(Connection connection, TableRef table) throws SQLException {
        SqliteTableDefinition definition = definition(connection, table);
        List<Object[]> rows = query(connection, "SELECT name, type, \"notnull\", dflt_value, pk "
                + "FROM pragma_table_info(?, ?) ORDER BY cid", parameters(table),
                row -> new Object[] {row.getString(1), row.getString(2), row.getInt(3) != 0, row.getString(4),
                        row.getInt(5)});
        long keyColumns = rows.stream().filter(row -> (Integer) row[4] > 0).count();
        List<ReflectedColumn> columns = new ArrayList<>();
        for (Object[] row : rows) {
            String name = (String) row[0];
            DeclaredType type = DeclaredType.parse((String) row[1]);
            boolean inKey = (Integer) row[4] > 0;
            // INTEGER PRIMARY KEY (exactly that type name) makes the column the rowid, which SQLite assigns.
            boolean rowid = inKey && keyColumns == 1 && !definition.withoutRowid()
                    && type.name().equalsIgnoreCase("INTEGER");
            boolean notNull = (Boolean) row[2] || rowid || (inKey && definition.withoutRowid());
            boolean autoincrement = rowid || definition.autoincrementColumns().contains(name.toLowerCase(Locale.ROOT));
            columns.add(new ReflectedColumn(name, type.name(), type.length(), type.precision(), type.scale(),
                    typeOf(type.name(), type.length(), type.precision(), type.scale(), (String) row[1]), !notNull,
                    (String) row[3], autoincrement, null));
        }
        return columns;
    }

    @Override
    protected @Nullable ReflectedPrimaryKey primaryKey(Connection connection, TableRef table) throws SQLException {
        List<String> columns = keyColumns(connection, table.schema(), table.name());
        return columns.isEmpty() ? null
                : new ReflectedPrimaryKey(definition(connection, table).primaryKeyName(), columns);
    }

    @Override
    protected List<ReflectedForeignKey> foreignKeys(Connection connection, TableRef table) throws SQLException {
        SqliteTableDefinition definition = definition(connection, table);
        List<String[]> rows = query(connection, "SELECT id, \"table\", \"from\", \"to\", on_delete, on_update "
                + "FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq", parameters(table),
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)});
        List<ReflectedForeignKey> keys = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            while (end < rows.size() && rows.get(end)[0].equals(rows.get(start)[0])) {
                end++;
            }
            List<String[]> key = rows.subList(start, end);
            String referredTable = key.get(0)[1];
            List<String> columns = key.stream().map(row -> row[2]).toList();
            List<String> referred = key.stream().map(row -> row[3]).toList();
            if (referred.contains(null)) {
                // REFERENCES parent without columns refers to the parent's primary key.
                referred = keyColumns(connection, table.schema(), referredTable);
            }
            keys.add(new ReflectedForeignKey(definition.foreignKeyName(columns), columns, null, referredTable,
                    referred, referentialAction(key.get(0)[4]), referentialAction(key.get(0)[5])));
            start = end;
        }
        return keys;
    }

    @Override
    protected List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, TableRef table)
            throws SQLException {
        SqliteTableDefinition definition = definition(connection, table);
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        for (ReflectedIndex index : indexesOfOrigin(connection, table, "u")) {
            result.add(new ReflectedUniqueConstraint(definition.uniqueName(index.columns()), index.columns()));
        }
        return result;
    }

    @Override
    protected List<ReflectedIndex> indexes(Connection connection, TableRef table,
            @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedUniqueConstraint> uniqueConstraints,
            List<ReflectedForeignKey> foreignKeys) throws SQLException {
        // Origin "c" is CREATE INDEX; "u" and "pk" are the automatic indexes of UNIQUE and PRIMARY KEY.
        return indexesOfOrigin(connection, table, "c");
    }

    @Override
    protected List<ReflectedCheckConstraint> checkConstraints(Connection connection, TableRef table)
            throws SQLException {
        return definition(connection, table).checks().stream()
                .map(check -> new ReflectedCheckConstraint(check.name(), check.condition())).toList();
    }

    @Override
    protected @Nullable String tableComment(Connection connection, TableRef table) {
        return null;
    }

    private List<ReflectedIndex> indexesOfOrigin(Connection connection, TableRef table, String origin)
            throws SQLException {
        List<ReflectedIndex> result = new ArrayList<>();
        for (Object[] index : query(connection, "SELECT name, \"unique\" FROM pragma_index_list(?, ?) "
                + "WHERE origin = ?", List.of(table.name(), schemaOf(table.schema()), origin),
                row -> new Object[] {row.getString(1), row.getInt(2) != 0})) {
            String name = (String) index[0];
            IndexBuilder builder = new IndexBuilder(name, (Boolean) index[1]);
            for (Object[] column : query(connection, "SELECT seqno, name FROM pragma_index_info(?, ?)",
                    List.of(name, schemaOf(table.schema())), row -> new Object[] {row.getInt(1), row.getString(2)})) {
                builder.add((Integer) column[0] + 1, (String) column[1]);
            }
            ReflectedIndex built = builder.build();
            if (built != null) {
                result.add(built);
            }
        }
        return result;
    }

    private static List<String> keyColumns(Connection connection, @Nullable String schema, String table)
            throws SQLException {
        return query(connection, "SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk",
                List.of(table, schemaOf(schema)), row -> row.getString(1));
    }

    private static SqliteTableDefinition definition(Connection connection, TableRef table) throws SQLException {
        List<String> sql = query(connection, "SELECT sql FROM " + master(table.schema())
                + " WHERE type = 'table' AND name = ?", List.of(table.name()), row -> row.getString(1));
        return SqliteTableDefinition.parse(sql.isEmpty() ? null : sql.get(0));
    }

    private static List<String> parameters(TableRef table) {
        return List.of(table.name(), schemaOf(table.schema()));
    }

    private static String schemaOf(@Nullable String schema) {
        return schema == null ? MAIN : schema;
    }

    private static String master(@Nullable String schema) {
        return "\"" + schemaOf(schema).replace("\"", "\"\"") + "\".sqlite_master";
    }

    /**
     * SQLite's own spellings first: mapper declares wide decimals {@code NUMERIC_TEXT(p, s)} (TEXT affinity keeps
     * every digit), which are decimals all the same.
     */
    @Override
    protected @Nullable SqlType<?> sqlType(String typeName, @Nullable Integer length, @Nullable Integer precision,
            @Nullable Integer scale) {
        if (typeName.equalsIgnoreCase(NUMERIC_TEXT)) {
            return super.sqlType("NUMERIC", length, precision, scale);
        }
        return super.sqlType(typeName, length, precision, scale);
    }

    private static boolean isExactNumeric(String upperTypeName) {
        return upperTypeName.equals("NUMERIC") || upperTypeName.equals("DECIMAL") || upperTypeName.equals(NUMERIC_TEXT);
    }

    /** A declared column type such as {@code VARCHAR(120)} or {@code NUMERIC(10, 2)}, split into its parts. */
    record DeclaredType(String name, @Nullable Integer length, @Nullable Integer precision, @Nullable Integer scale) {

        static DeclaredType parse(@Nullable String declared) {
            String text = declared == null ? "" : declared.trim();
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            if (open < 0 || close < open) {
                return new DeclaredType(text, null, null, null);
            }
            String name = text.substring(0, open).trim();
            List<Integer> arguments = new ArrayList<>();
            for (String argument : text.substring(open + 1, close).split(",")) {
                try {
                    arguments.add(Integer.parseInt(argument.trim()));
                } catch (NumberFormatException e) {
                    return new DeclaredType(name, null, null, null);
                }
            }
            String upper = name.toUpperCase(Locale.ROOT);
            if (isExactNumeric(upper)) {
                return new DeclaredType(name, null, arguments.get(0), arguments.size() > 1 ? arguments.get(1) : 0);
            }
            if (upper.contains("CHAR") || upper.contains("BINARY")) {
                return new DeclaredType(name, arguments.get(0), null, null);
            }
            return new DeclaredType(name, null, null, null);
        }
    }
}
