package io.mapper.dialect.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * PostgreSQL reflection from {@code pg_catalog}: identity and serial columns, type modifiers, comments, unique and
 * check constraints, and the indexes that are not the ones backing a constraint. Keys come from JDBC metadata, which
 * pgjdbc reports correctly.
 */
final class PostgresSchemaReader extends SchemaReader {

    private static final String TABLE = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')";
    // pg_attribute keeps length and precision in atttypmod, offset by the 4-byte varlena header.
    private static final int TYPMOD_OFFSET = 4;

    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        // Sequences an identity or serial column owns (pg_depend 'i' and 'a') belong to their column, not the schema.
        return query(connection, "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s "
                + "JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                + "WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) ORDER BY c.relname", List.of(),
                row -> new Sequence(normalizeName(row.getString(1)), row.getLong(2), row.getLong(3)));
    }

    @Override
    protected List<String> rawTableNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p')", List.of(schemaOf(scope.schema())),
                row -> row.getString(1));
    }

    /** Views and materialized views. */
    @Override
    protected List<String> rawViewNames(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('v', 'm')", List.of(schemaOf(scope.schema())),
                row -> row.getString(1));
    }

    @Override
    protected List<ReflectedColumn> columns(Connection connection, TableRef table) throws SQLException {
        return query(connection, "SELECT a.attname, t.typname, a.atttypmod, a.attnotnull, a.attidentity, "
                + "format_type(a.atttypid, a.atttypmod) AS declared, "
                // A generated column keeps its expression in pg_attrdef too; it is not a default.
                + "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_sql, "
                + "col_description(c.oid, a.attnum) AS comment, "
                + "pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS owned_sequence "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum", tableParameters(table), row -> {
                    String typeName = row.getString("typname");
                    int modifier = row.getInt("atttypmod");
                    Integer length = null;
                    Integer precision = null;
                    Integer scale = null;
                    if (modifier >= TYPMOD_OFFSET) {
                        switch (typeName) {
                            case "varchar", "bpchar" -> length = modifier - TYPMOD_OFFSET;
                            case "numeric" -> {
                                precision = ((modifier - TYPMOD_OFFSET) >> 16) & 0xFFFF;
                                scale = (modifier - TYPMOD_OFFSET) & 0xFFFF;
                            }
                            default -> {
                                // Other modifiers (time precision, bit lengths) are not reflected.
                            }
                        }
                    }
                    String defaultSql = row.getString("default_sql");
                    boolean identity = !Objects.requireNonNullElse(row.getString("attidentity"), "").isEmpty();
                    // A serial column's default is the sequence it owns; report it as auto-incrementing instead.
                    // A default from any other sequence is an ordinary default.
                    boolean serial = defaultSql != null && defaultSql.startsWith("nextval(")
                            && row.getString("owned_sequence") != null;
                    return new ReflectedColumn(row.getString("attname"), typeName, length, precision, scale,
                            typeOf(typeName, length, precision, scale, row.getString("declared")),
                            !row.getBoolean("attnotnull"),
                            serial ? null : defaultSql, identity || serial, row.getString("comment"));
                });
    }

    @Override
    protected List<ReflectedUniqueConstraint> uniqueConstraints(Connection connection, TableRef table)
            throws SQLException {
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        for (String[] row : query(connection, "SELECT con.conname, a.attname FROM pg_constraint con "
                + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                + "WHERE n.nspname = ? AND c.relname = ? AND con.contype = 'u' ORDER BY con.conname, k.position",
                tableParameters(table), row -> new String[] {row.getString(1), row.getString(2)})) {
            constraints.computeIfAbsent(row[0], key -> new ArrayList<>()).add(row[1]);
        }
        List<ReflectedUniqueConstraint> result = new ArrayList<>();
        constraints.forEach((name, columns) -> result.add(new ReflectedUniqueConstraint(name, columns)));
        return result;
    }

    @Override
    protected List<ReflectedCheckConstraint> checkConstraints(Connection connection, TableRef table)
            throws SQLException {
        return query(connection, "SELECT con.conname, pg_get_constraintdef(con.oid, true) FROM pg_constraint con "
                + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND con.contype = 'c'", tableParameters(table),
                row -> new ReflectedCheckConstraint(row.getString(1), checkCondition(row.getString(2))));
    }

    /** {@code CHECK ((price >= 0)) NOT VALID} as {@code (price >= 0)}: the condition inside CHECK's parentheses. */
    static String checkCondition(String definition) {
        int open = definition.indexOf('(');
        int close = definition.lastIndexOf(')');
        return open < 0 || close < open ? definition : definition.substring(open + 1, close).trim();
    }

    @Override
    protected List<ReflectedIndex> indexes(Connection connection, TableRef table,
            @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedUniqueConstraint> uniqueConstraints,
            List<ReflectedForeignKey> foreignKeys) throws SQLException {
        // Indexes that back a primary key, unique or exclusion constraint are reported as those constraints.
        Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        for (Object[] row : query(connection, "SELECT ic.relname, i.indisunique, k.position, a.attname "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position) "
                + "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0 "
                + "WHERE n.nspname = ? AND c.relname = ? AND k.position <= i.indnkeyatts "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
                + "AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
                + "ORDER BY ic.relname, k.position", tableParameters(table),
                row -> new Object[] {row.getString(1), row.getBoolean(2), row.getInt(3), row.getString(4)})) {
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

    @Override
    protected @Nullable String tableComment(Connection connection, TableRef table) throws SQLException {
        List<String> comments = query(connection, "SELECT obj_description(c.oid, 'pg_class') " + TABLE,
                tableParameters(table), row -> row.getString(1));
        return comments.isEmpty() ? null : comments.get(0);
    }

    private static List<String> tableParameters(TableRef table) {
        return List.of(schemaOf(table.schema()), table.name());
    }

    private static String schemaOf(@Nullable String schema) {
        return schema == null ? "public" : schema;
    }
}
