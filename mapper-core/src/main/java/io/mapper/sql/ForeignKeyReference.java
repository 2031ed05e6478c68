package io.mapper.sql;

import java.util.List;

/**
 * What the expression language needs to know about a foreign key: which columns of a table refer to which columns
 * of another. Used to infer the ON clause of a join; the schema layer supplies it from its constraints.
 *
 * @param columns the referring columns, in key order
 * @param referredTable the table referred to
 * @param referredColumns the referred columns, in the same order
 */
public record ForeignKeyReference(List<ColumnClause<?>> columns, TableClause referredTable,
        List<ColumnClause<?>> referredColumns) {

    public ForeignKeyReference {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }
}
