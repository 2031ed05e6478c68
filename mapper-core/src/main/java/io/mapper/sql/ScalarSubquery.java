package io.mapper.sql;

import java.util.List;

import io.mapper.types.SqlType;

/** A SELECT of one column used as a value: {@code (SELECT max(price) FROM product)}; may be correlated. */
public record ScalarSubquery<T>(SelectBase select, SqlType<T> type) implements Expression<T> {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitScalarSubquery(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(select);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
