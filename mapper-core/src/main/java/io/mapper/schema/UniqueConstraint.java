package io.mapper.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A UNIQUE constraint over one or more columns: {@code UniqueConstraint.of("customer_id", "sku")}. */
public final class UniqueConstraint extends Constraint {

    private UniqueConstraint(List<String> columns, @Nullable String name, @Nullable Table table) {
        super(columns, name, table);
    }

    /** A unique constraint over these columns. */
    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(requireColumns("unique constraint", columns), null, null);
    }

    /** The same constraint with an explicit name. */
    public UniqueConstraint named(String name) {
        return new UniqueConstraint(columnNames(), NamingConvention.requireName(name), null);
    }

    @Override
    String conventionKey() {
        return "uq";
    }

    @Override
    UniqueConstraint attach(Table owner, @Nullable String finalName) {
        return new UniqueConstraint(columnNames(), finalName, owner);
    }
}
