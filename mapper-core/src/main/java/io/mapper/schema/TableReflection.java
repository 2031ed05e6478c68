package io.mapper.schema;

import java.util.ArrayList;
import java.util.List;

import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedTable;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * Turns a {@link ReflectedTable} into the elements of a {@link Table}: what {@link MetaData#reflect} defines for each
 * table it reads. Reflected names are kept exactly ({@link NamingConvention#converted}), so the naming convention
 * only names what the database left unnamed.
 */
final class TableReflection {

    /** MariaDB and MySQL call every primary key this; it is no name anyone chose. */
    private static final String MYSQL_PRIMARY_KEY = "PRIMARY";

    private TableReflection() {
    }

    static List<TableElement> elements(ReflectedTable table) {
        List<TableElement> elements = new ArrayList<>();
        ReflectedPrimaryKey primaryKey = table.primaryKey();
        List<String> keyColumns = primaryKey == null ? List.of() : primaryKey.columns();
        for (ReflectedColumn column : table.columns()) {
            elements.add(column(column, keyColumns));
        }
        if (primaryKey != null) {
            PrimaryKeyConstraint key = PrimaryKeyConstraint.of(primaryKey.columns().toArray(String[]::new));
            String name = primaryKey.name();
            elements.add(name == null || name.equals(MYSQL_PRIMARY_KEY) ? key : key.named(NamingConvention.converted(name)));
        }
        for (ReflectedUniqueConstraint unique : table.uniqueConstraints()) {
            UniqueConstraint constraint = UniqueConstraint.of(unique.columns().toArray(String[]::new));
            elements.add(unique.name() == null ? constraint : constraint.named(NamingConvention.converted(unique.name())));
        }
        for (ReflectedCheckConstraint check : table.checkConstraints()) {
            CheckConstraint constraint = CheckConstraint.of(check.sqlText());
            elements.add(check.name() == null ? constraint : constraint.named(NamingConvention.converted(check.name())));
        }
        for (ReflectedForeignKey key : table.foreignKeys()) {
            // A key within a named schema refers to that schema's table, defined there too.
            String referredSchema = key.referredSchema() != null ? key.referredSchema() : table.schema();
            String target = referredSchema == null ? key.referredTable() : referredSchema + "." + key.referredTable();
            ForeignKeyConstraint constraint = ForeignKeyConstraint.of(key.columns(), target, key.referredColumns());
            // NO ACTION is what an unspecified action means; leaving it unset keeps the DDL as it was written.
            if (key.onDelete() != ReferentialAction.NO_ACTION) {
                constraint = constraint.onDelete(key.onDelete());
            }
            if (key.onUpdate() != ReferentialAction.NO_ACTION) {
                constraint = constraint.onUpdate(key.onUpdate());
            }
            elements.add(key.name() == null ? constraint : constraint.named(NamingConvention.converted(key.name())));
        }
        for (ReflectedIndex index : table.indexes()) {
            Index element = Index.on(index.columns().toArray(String[]::new)).named(NamingConvention.converted(index.name()));
            elements.add(index.unique() ? element.unique() : element);
        }
        if (table.comment() != null) {
            elements.add(TableComment.of(table.comment()));
        }
        return elements;
    }

    private static Column<?> column(ReflectedColumn reflected, List<String> keyColumns) {
        SqlType<?> type = reflected.type();
        Column<?> column = Column.of(reflected.name(), type).nullable(reflected.nullable());
        if (reflected.serverDefault() != null) {
            column = column.serverDefault(reflected.serverDefault());
        }
        // mapper generates values only for an integer column that is the whole primary key; MariaDB also allows
        // AUTO_INCREMENT elsewhere (and on MEDIUMINT), which reads back as a plain column.
        if (reflected.autoincrement() && keyColumns.equals(List.of(reflected.name())) && isInteger(type)) {
            column = column.autoincrement();
        }
        if (reflected.comment() != null) {
            column = column.comment(reflected.comment());
        }
        return column;
    }

    private static boolean isInteger(SqlType<?> type) {
        return type instanceof BuiltInType<?> builtIn && (builtIn.kind() == BuiltInType.Kind.SMALLINT
                || builtIn.kind() == BuiltInType.Kind.INTEGER || builtIn.kind() == BuiltInType.Kind.BIGINT);
    }
}
