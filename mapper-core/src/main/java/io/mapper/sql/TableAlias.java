package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Another name for a table in one statement ({@code customer AS c}), needed to use a table twice (a self-join).
 * Its columns belong to the alias and render qualified by it. Create with {@link Sql#alias(TableClause, String)}.
 */
public final class TableAlias extends TableClause {

    private final TableClause original;

    TableAlias(TableClause original, String alias) {
        super(alias, null, original.columns());
        this.original = original instanceof TableAlias other ? other.original : original;
    }

    /** The aliased table. */
    public TableClause original() {
        return original;
    }

    @Override
    public List<ForeignKeyReference> foreignKeys() {
        List<ForeignKeyReference> keys = new ArrayList<>();
        for (ForeignKeyReference key : original.foreignKeys()) {
            List<ColumnClause<?>> columns = key.columns().stream().<ColumnClause<?>>map(c -> column(c.name())).toList();
            keys.add(new ForeignKeyReference(columns, key.referredTable(), key.referredColumns()));
        }
        return keys;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTableAlias(this);
    }

    /** Aliases are equal when they give the same table the same alias. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TableAlias that && name().equals(that.name())
                && original.equals(that.original);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name(), original);
    }
}
