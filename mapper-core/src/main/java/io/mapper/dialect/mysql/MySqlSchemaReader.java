package io.mapper.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.SchemaReader;
import io.mapper.schema.Sequence;
import io.mapper.exception.InvalidRequestException;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * MySQL and MariaDB reflection from {@code information_schema}. A schema here is a database (JDBC's catalog).
 *
 * <p>Two things differ from the other databases by nature: a UNIQUE constraint <em>is</em> a unique index, so every
 * unique index is reported as a unique constraint; and InnoDB creates an index for each foreign key that has none,
 * named after the constraint (or its first column), which is left out of the indexes as the foreign key's own.
 */
final class MySqlSchemaReader extends SchemaReader {

    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        // MariaDB lists a sequence as a table of type SEQUENCE, and keeps its options in its one row.
        List<String> names = query(connection, "SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME", List.of(),
                row -> row.getString(1));
        List<Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            sequences.addAll(query(connection, "SELECT start_value, increment FROM `" + name.replace("`", "``")
                    + "`", List.of(), row -> new Sequence(normalizeName(name), row.getLong(1), row.getLong(2))));
        }
        return sequences;
    }

    @Override
    protected Scope scope(Connection connection, @Nullable String schema) throws SQLException {
        if (schema == null) {
            return new Scope(connection.getCatalog(), null);
        }
        List<String> databases = query(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA", List.of(),
                row -> row.getString(1));
        String stored = resolveName(databases, schema);
        if (stored == null) {
            throw unknownSchema(schema, databases);
        }
        return new Scope(stored, null);
    }

    @Override
    protected List<String> rawTableNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_TYPE = 'BASE TABLE'", List.of(databaseOf(scope.catalog())), row -> row.getString(1));
    }

    @Override
    protected List<String> rawViewNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_TYPE = 'VIEW'", List.of(databaseOf(scope.catalog())), row -> row.getString(1));
    }

    @Override
    protected List<ReflectedColumn> columns(Connection connection, TableRef table) throws SQLException {
        Set<String> jsonColumns = jsonColumns(connection, table);
        return query(connection, "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                + "NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                tableParameters(table), row -> {
                    String name = row.getString("COLUMN_NAME");
                    String typeName = row.getString("DATA_TYPE");
                    String lowerType = typeName.toLowerCase(Locale.ROOT);
                    boolean sized = switch (lowerType) {
                        case "char", "varchar", "binary", "varbinary" -> true;
                        default -> false;
                    };
                    boolean exact = lowerType.equals("decimal") || lowerType.equals("numeric");
                    Integer length = sized ? integer(row, "CHARACTER_MAXIMUM_LENGTH") : null;
                    Integer precision = exact ? integer(row, "NUMERIC_PRECISION") : null;
                    Integer scale = exact ? integer(row, "NUMERIC_SCALE") : null;
                    SqlType<?> type;
                    if (jsonColumns.contains(name)) {
                        type = Types.JSON;
                    } else if (row.getString("COLUMN_TYPE").toLowerCase(Locale.ROOT).startsWith("tinyint(1)")) {
                        type = Types.BOOLEAN; // BOOLEAN is an alias of TINYINT(1) in the MySQL family.
                    } else if (lowerType.equals("float")) {
                        type = Types.REAL;
                    } else {
                        type = typeOf(typeName, length, precision, scale, row.getString("COLUMN_TYPE"));
                    }
                    String defaultSql = row.getString("COLUMN_DEFAULT");
                    // MariaDB reports "DEFAULT NULL" as the text NULL; it is no default at all.
                    if ("NULL".equals(defaultSql)) {
                        defaultSql = null;
                    }
                    String extra = row.getString("EXTRA");
                    return new ReflectedColumn(name, typeName, length, precision, scale, type,
                            "YES".equals(row.getString("IS_NULLABLE")), emptyToNull(defaultSql),
                            extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment"),
                            emptyToNull(row.getString("COLUMN_COMMENT")));
                });
    }

    /**
     * MariaDB's JSON is LONGTEXT plus a CHECK (json_valid(`column`)) named after the column; such columns are
     * reported as JSON and the check is left out of the check constraints.
     */
    private Set<String> jsonColumns(Connection connection, TableRef table) throws SQLException {
        Set<String> columns = new HashSet<>();
        for (ReflectedCheckConstraint check : allChecks(connection, table)) {
            if (isJsonCheck(check)) {
                columns.add(check.name());
            }
        }
        return columns;
    }

    private static boolean isJsonCheck(ReflectedCheckConstraint check) {
        return check.name() != null
                && check.sqlText().equals("json_valid(`" + check.name().replace("`", "``") + "`)");
    }

    @Override
    protected @Nullable ReflectedPrimaryKey primaryKey(Connection connection, TableRef table) throws SQLException {
        List<String> columns = query(connection, "SELECT COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX",
                tableParameters(table), row -> row.getString(1));
        return columns.isEmpty() ? null : new ReflectedPrimaryKey("PRIMARY", columns);
    }

    @Override
    protected List<ReflectedForeignKey> foreignKeys(Connection connection, TableRef table) throws SQLException {
        List<ReflectedForeignKey> keys = new ArrayList<>();
        ForeignKeyBuilder current = null;
        String currentName = null;
        String database = databaseOf(table.catalog());
        for (String[] row : query(connection, "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
                + "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
                + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                + "AND r.TABLE_NAME = k.TABLE_NAME "
                + "WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                + "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION", tableParameters(table),
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)})) {
            if (current == null || !row[0].equals(currentName)) {
                if (current != null) {
                    keys.add(current.build());
                }
                currentName = row[0];
                current = new ForeignKeyBuilder(row[0], database.equals(row[2]) ? null : row[2], row[3],
                        referentialAction(row[5]), referentialAction(row[6]));
            }
            current.columns.add(row[1]);
            current.referredColumns.add(row[4]);
        }
        if (current != null) {
            keys.add(current.build());
        }
        return keys;
    }

    @Override
    protected List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, TableRef table)
            throws SQLException {
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        for (ReflectedIndex index : allIndexes(connection, table)) {
            if (index.unique() && !index.name().equals("PRIMARY")) {
                result.add(new ReflectedUniqueConstraint(index.name(), index.columns()));
            }
        }
        return result;
    }

    @Override
    protected List<ReflectedIndex> indexes(Connection connection, TableRef table,
            @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedUniqueConstraint> uniqueConstraints,
            List<ReflectedForeignKey> foreignKeys) throws SQLException {
        List<ReflectedIndex> result = new ArrayList<>();
        for (ReflectedIndex index : allIndexes(connection, table)) {
            boolean foreignKeyIndex = foreignKeys.stream().anyMatch(key -> key.columns().equals(index.columns())
                    && (index.name().equals(key.name()) || index.name().equals(key.columns().get(0))));
            if (!index.unique() && !foreignKeyIndex) {
                result.add(index);
            }
        }
        return result;
    }

    @Override
    protected List<ReflectedCheckConstraint> checkConstraints(Connection connection, TableRef table)
            throws SQLException {
        return allChecks(connection, table).stream().filter(check -> !isJsonCheck(check)).toList();
    }

    private List<ReflectedCheckConstraint> allChecks(Connection connection, TableRef table) throws SQLException {
        return query(connection, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?", tableParameters(table),
                row -> new ReflectedCheckConstraint(row.getString(1), row.getString(2)));
    }

    @Override
    protected @Nullable String tableComment(Connection connection, TableRef table) throws SQLException {
        List<String> comments = query(connection, "SELECT TABLE_COMMENT FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", tableParameters(table), row -> row.getString(1));
        return comments.isEmpty() ? null : emptyToNull(comments.get(0));
    }

    private List<ReflectedIndex> allIndexes(Connection connection, TableRef table) throws SQLException {
        Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        for (Object[] row : query(connection, "SELECT INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                + "ORDER BY INDEX_NAME, SEQ_IN_INDEX", tableParameters(table),
                row -> new Object[] {row.getString(1), row.getInt(2) == 0, row.getInt(3), row.getString(4)})) {
            IndexBuilder index = indexes.computeIfAbsent((String) row[0],
                    name -> new IndexBuilder(name, (Boolean) row[1]));
            index.add((Integer) row[2], (String) row[3]);
        }
        List<ReflectedIndex> result = new ArrayList<>();
        for (IndexBuilder builder : indexes.values()) {
            ReflectedIndex index = builder.build();
            if (index != null) {
                result.add(index);
            }
        }
        return result;
    }

    private static List<String> tableParameters(TableRef table) {
        return List.of(databaseOf(table.catalog()), table.name());
    }

    private static String databaseOf(@Nullable String catalog) {
        if (catalog == null) {
            throw new InvalidRequestException("The connection has no current database to reflect; name one in the "
                    + "JDBC URL (jdbc:mariadb://host/database), or inspect a named one with inspector.schema(\"db\").");
        }
        return catalog;
    }
}
