package io.mapper.dialect.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.SchemaReader;
import io.mapper.schema.Sequence;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;

/**
 * H2 2.x reflection from its {@code INFORMATION_SCHEMA}, which (unlike JDBC metadata) tells identity columns, unique
 * and check constraints, and which indexes H2 generated to back a constraint. Names H2 folded to upper case are
 * reported in lower case.
 */
final class H2SchemaReader extends SchemaReader {

    /** The length H2 2.x reports for a CHARACTER VARYING declared without one. */
    private static final int UNBOUNDED_LENGTH = 1_000_000_000;
    /** The precision and (with scale 0) H2 2.x gives a NUMERIC declared without one. */
    private static final int DEFAULT_NUMERIC_PRECISION = 100_000;

    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        // Identity columns' own sequences are SYSTEM_SEQUENCE_...; they belong to their column.
        return standardSequences(connection, "CURRENT_SCHEMA").stream()
                .filter(sequence -> !sequence.name().toLowerCase(Locale.ROOT).startsWith("system_sequence_"))
                .toList();
    }

    @Override
    protected String normalizeName(String storedName) {
        // H2 folds unquoted names to upper case; a name with no lower-case letter was most likely unquoted.
        return storedName.equals(storedName.toUpperCase(Locale.ROOT)) ? storedName.toLowerCase(Locale.ROOT)
                : storedName;
    }

    @Override
    protected List<String> rawTableNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_TYPE = 'BASE TABLE'", List.of(schemaOf(scope.schema())), row -> row.getString(1));
    }

    @Override
    protected List<String> rawViewNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_TYPE = 'VIEW'", List.of(schemaOf(scope.schema())), row -> row.getString(1));
    }

    @Override
    protected List<ReflectedColumn> columns(Connection connection, TableRef table) throws SQLException {
        return query(connection, "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, "
                + "NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, REMARKS FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", tableParameters(table),
                row -> {
                    String typeName = row.getString("DATA_TYPE");
                    Integer length = integer(row, "CHARACTER_MAXIMUM_LENGTH");
                    if (length != null && length >= UNBOUNDED_LENGTH) {
                        length = null;
                    }
                    boolean exact = typeName.equals("NUMERIC") || typeName.equals("DECIMAL");
                    Integer precision = exact ? integer(row, "NUMERIC_PRECISION") : null;
                    Integer scale = exact ? integer(row, "NUMERIC_SCALE") : null;
                    if (precision != null && precision == DEFAULT_NUMERIC_PRECISION && scale != null && scale == 0) {
                        // What H2 gives a NUMERIC declared without precision; report it as declared.
                        precision = null;
                        scale = null;
                    }
                    return new ReflectedColumn(normalizeName(row.getString("COLUMN_NAME")), typeName, length,
                            precision, scale, typeOf(typeName, length, precision, scale, null),
                            "YES".equals(row.getString("IS_NULLABLE")), emptyToNull(row.getString("COLUMN_DEFAULT")),
                            "YES".equals(row.getString("IS_IDENTITY")), emptyToNull(row.getString("REMARKS")));
                });
    }

    @Override
    protected List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, TableRef table)
            throws SQLException {
        Map<String, List<String>> constraints = constraintColumns(connection, table, "UNIQUE");
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        constraints.forEach((name, columns) -> result.add(new ReflectedUniqueConstraint(name, columns)));
        return result;
    }

    @Override
    protected List<ReflectedCheckConstraint> checkConstraints(Connection connection, TableRef table)
            throws SQLException {
        return query(connection, "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc "
                + "ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK'",
                tableParameters(table), row -> new ReflectedCheckConstraint(normalizeName(row.getString(1)),
                        row.getString(2)));
    }

    @Override
    protected List<ReflectedIndex> indexes(Connection connection, TableRef table,
            @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedUniqueConstraint> uniqueConstraints,
            List<ReflectedForeignKey> foreignKeys) throws SQLException {
        // IS_GENERATED marks the indexes H2 made for a primary key, unique or foreign key constraint.
        Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        for (Object[] row : query(connection, "SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, c.ORDINAL_POSITION, "
                + "c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME "
                + "WHERE i.TABLE_SCHEMA = ? AND i.TABLE_NAME = ? AND i.IS_GENERATED = FALSE",
                tableParameters(table), row -> new Object[] {row.getString(1), row.getString(2), row.getInt(3),
                        row.getString(4)})) {
            String name = (String) row[0];
            IndexBuilder index = indexes.computeIfAbsent(name,
                    key -> new IndexBuilder(normalizeName(key), "UNIQUE INDEX".equals(row[1])));
            index.add((Integer) row[2], normalizeName((String) row[3]));
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

    @Override
    protected @Nullable String tableComment(Connection connection, TableRef table) throws SQLException {
        List<String> comments = query(connection, "SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", tableParameters(table), row -> row.getString(1));
        return comments.isEmpty() ? null : emptyToNull(comments.get(0));
    }

    private Map<String, List<String>> constraintColumns(Connection connection, TableRef table, String type)
            throws SQLException {
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        for (String[] row : query(connection, "SELECT tc.CONSTRAINT_NAME, k.COLUMN_NAME "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k "
                + "ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = ? "
                + "ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                List.of(schemaOf(table.schema()), table.name(), type),
                row -> new String[] {row.getString(1), row.getString(2)})) {
            constraints.computeIfAbsent(normalizeName(row[0]), key -> new ArrayList<>()).add(normalizeName(row[1]));
        }
        return constraints;
    }

    private static List<String> tableParameters(TableRef table) {
        return List.of(schemaOf(table.schema()), table.name());
    }

    private static String schemaOf(@Nullable String schema) {
        return schema == null ? "PUBLIC" : schema;
    }
}
