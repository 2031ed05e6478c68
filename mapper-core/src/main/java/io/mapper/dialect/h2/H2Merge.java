package io.mapper.dialect.h2;

import java.util.List;
import java.util.Map;
import java.util.Objects;


import io.mapper.compiler.IdentifierPreparer;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.CompileException;
import io.mapper.sql.CacheableStatement;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Insert;
import io.mapper.sql.Operation;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;

/**
 * H2's upsert: {@code MERGE INTO t (columns) KEY (key columns) VALUES (...)} updates the row with the same key or
 * inserts a new one. Compiles only for H2. Immutable.
 *
 * <pre>{@code
 * // MERGE INTO product (sku, price) KEY (sku) VALUES (?, ?)
 * H2Merge.into(product).key(sku).values(Map.of("sku", "A1", "price", price));
 * }</pre>
 */
public final class H2Merge extends CacheableStatement {

    private final Insert insert;
    private final List<ColumnClause<?>> key;

    private H2Merge(Insert insert, List<ColumnClause<?>> key) {
        this.insert = insert;
        this.key = List.copyOf(key);
    }

    /** A MERGE into {@code table}; name its key with {@link #key} and add rows with {@link #values}. */
    public static H2Merge into(TableClause table) {
        return new H2Merge(Sql.insert(table), List.of());
    }

    /** The columns that identify an existing row (a primary key or unique constraint). */
    public H2Merge key(ColumnClause<?>... columns) {
        return new H2Merge(insert, List.of(columns));
    }

    /** One row of values. */
    public H2Merge values(Map<?, ?> row) {
        return new H2Merge(insert.values(row), key);
    }

    /** Several rows of values. */
    public H2Merge values(List<? extends Map<?, ?>> rows) {
        return new H2Merge(insert.values(rows), key);
    }

    Insert insert() {
        return insert;
    }

    List<ColumnClause<?>> key() {
        if (key.isEmpty()) {
            throw new ArgumentException("H2Merge needs key(...) columns to find the existing row.");
        }
        return key;
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(insert);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        if (!(visitor instanceof H2Compiler compiler)) {
            throw new CompileException("H2Merge is H2's MERGE INTO ... KEY and compiles only for H2; use the upsert "
                    + "of your database's dialect package.");
        }
        compiler.visitMerge(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof H2Merge that && insert.equals(that.insert) && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(insert, key);
    }

    @Override
    public String toString() {
        return new H2Compiler(new IdentifierPreparer(), true).display(this);
    }
}
