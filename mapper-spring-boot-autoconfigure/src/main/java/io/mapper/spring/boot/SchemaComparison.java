package io.mapper.spring.boot;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mapper.engine.reflection.Inspector;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.types.SqlType;

/**
 * Compares mapped tables with a live database through reflection and lists what differs: a missing table, a
 * missing column, a column whose type cannot hold the mapped values. Types are compared by family (whole numbers,
 * other numbers, text, boolean, date, time, timestamp, binary), because each database keeps mapper's types its
 * own way (SQLite's INTEGER for BIGINT keys, MariaDB's TINYINT(1) for BOOLEAN); a type reflection cannot name is
 * not reported. Thread-safe.
 */
public final class SchemaComparison {

    private enum Family {
        WHOLE_NUMBER, NUMBER, TEXT, BOOLEAN, DATE, TIME, TIMESTAMP, BINARY, UNKNOWN
    }

    private SchemaComparison() {
    }

    /** Every difference between the tables of {@code metadata} and the database {@code inspector} reads, in table order. */
    public static List<String> differences(MetaData metadata, Inspector inspector) {
        List<String> differences = new ArrayList<>();
        for (Table table : metadata.tables()) {
            Inspector schema = table.schema() == null ? inspector : inspector.schema(table.schema());
            String qualified = table.schema() == null ? table.name() : table.schema() + "." + table.name();
            if (!schema.hasTable(table.name())) {
                differences.add("table " + qualified + " is missing");
                continue;
            }
            Map<String, ReflectedColumn> live = new HashMap<>();
            for (ReflectedColumn column : schema.columns(table.name())) {
                live.put(column.name().toLowerCase(Locale.ROOT), column);
            }
            for (Column<?> column : table.schemaColumns()) {
                ReflectedColumn found = live.get(column.name().toLowerCase(Locale.ROOT));
                if (found == null) {
                    differences.add("column " + qualified + "." + column.name() + " is missing");
                    continue;
                }
                Family mapped = family(column.type());
                Family actual = family(found.type());
                if (!compatible(mapped, actual)) {
                    differences.add("column " + qualified + "." + column.name() + " is " + found.typeName()
                            + " in the database but mapped as " + column.type().name());
                }
            }
        }
        return differences;
    }

    private static boolean compatible(Family mapped, Family actual) {
        if (mapped == actual || mapped == Family.UNKNOWN || actual == Family.UNKNOWN) {
            return true;
        }
        // A database without a boolean type keeps booleans as small integers; whole numbers fit any number column.
        return (mapped == Family.BOOLEAN && actual == Family.WHOLE_NUMBER)
                || (mapped == Family.WHOLE_NUMBER && actual == Family.NUMBER);
    }

    private static Family family(SqlType<?> type) {
        return switch (type.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Family.WHOLE_NUMBER;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> Family.NUMBER;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Family.TEXT;
            case Types.BOOLEAN, Types.BIT -> Family.BOOLEAN;
            case Types.DATE -> Family.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> Family.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Family.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Family.BINARY;
            default -> Family.UNKNOWN;
        };
    }
}
