package io.mapper.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * A CHECK constraint: {@code CheckConstraint.of("price >= 0").named("price_positive")}. The condition is trusted
 * SQL text rendered into the DDL; never build it from user input. Enum columns get a generated check that limits
 * them to the enum's constant names (except on MariaDB, which uses a native ENUM column).
 */
public final class CheckConstraint extends Constraint {

    private final @Nullable String sqlText;
    private final @Nullable String enumColumn;

    private CheckConstraint(@Nullable String sqlText, @Nullable String enumColumn, @Nullable String name,
            @Nullable Table table) {
        super(enumColumn == null ? List.of() : List.of(enumColumn), name, table);
        this.sqlText = sqlText;
        this.enumColumn = enumColumn;
    }

    /** A check with this SQL condition. */
    public static CheckConstraint of(String sqlCondition) {
        Objects.requireNonNull(sqlCondition, "sqlCondition must not be null");
        if (sqlCondition.isBlank()) {
            throw new ArgumentException("A CHECK constraint needs a condition, such as \"price >= 0\".");
        }
        return new CheckConstraint(sqlCondition, null, null, null);
    }

    static CheckConstraint forEnum(String column) {
        return new CheckConstraint(null, column, null, null);
    }

    /** The same check with an explicit name (for the {@code %(constraint_name)s} token of the convention). */
    public CheckConstraint named(String name) {
        return new CheckConstraint(sqlText, enumColumn, NamingConvention.requireName(name), null);
    }

    /** The SQL condition; empty for the generated check of an enum column. */
    public Optional<String> sqlText() {
        return Optional.ofNullable(sqlText);
    }

    /** The enum column this generated check constrains, if it is one. */
    public Optional<Column<?>> enumColumn() {
        return enumColumn == null ? Optional.empty() : Optional.of(table().column(enumColumn));
    }

    @Override
    String conventionKey() {
        return "ck";
    }

    @Override
    CheckConstraint attach(Table owner, @Nullable String finalName) {
        return new CheckConstraint(sqlText, enumColumn, finalName, owner);
    }
}
