package io.mapper.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The primary key. Marking columns with {@code Column.primaryKey()} declares it too (several columns make a
 * composite key, in column order); declare it explicitly to choose the key order or the name:
 * {@code PrimaryKeyConstraint.of("order_id", "line_no")}.
 */
public final class PrimaryKeyConstraint extends Constraint {

    private PrimaryKeyConstraint(List<String> columns, @Nullable String name, @Nullable Table table) {
        super(columns, name, table);
    }

    /** A primary key over these columns, in this order. */
    public static PrimaryKeyConstraint of(String... columns) {
        return new PrimaryKeyConstraint(requireColumns("primary key", columns), null, null);
    }

    /** The same key with an explicit name. */
    public PrimaryKeyConstraint named(String name) {
        return new PrimaryKeyConstraint(columnNames(), NamingConvention.requireName(name), null);
    }

    @Override
    String conventionKey() {
        return "pk";
    }

    @Override
    PrimaryKeyConstraint attach(Table owner, @Nullable String finalName) {
        return new PrimaryKeyConstraint(columnNames(), finalName, owner);
    }
}
