package io.mapper.dialect.mysql;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.exception.CompileException;
import io.mapper.sql.CacheableStatement;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Expression;
import io.mapper.sql.Insert;
import io.mapper.sql.Operation;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;
import io.mapper.types.SqlType;

/**
 * The MySQL family's upsert: {@code INSERT ... ON DUPLICATE KEY UPDATE col = value, ...}, for MySQL and MariaDB.
 * Compiles only for them. Immutable.
 *
 * <pre>{@code
 * // INSERT INTO product (sku, price) VALUES (?, ?) ON DUPLICATE KEY UPDATE price = VALUES(price)
 * MySqlInsert upsert = MySqlInsert.insert(product).values(Map.of("sku", "A1", "price", price));
 * upsert = upsert.onDuplicateKeyUpdate(Map.of("price", upsert.inserted(priceColumn)));
 * }</pre>
 */
public final class MySqlInsert extends CacheableStatement {

    private static final IdentifierPreparer DISPLAY_IDENTIFIERS = new IdentifierPreparer("`", "`", Set.of());

    private final Insert insert;
    private final @Nullable Update duplicateKeyUpdate;

    private MySqlInsert(Insert insert, @Nullable Update duplicateKeyUpdate) {
        this.insert = insert;
        this.duplicateKeyUpdate = duplicateKeyUpdate;
    }

    /** An INSERT into {@code table} that can take an ON DUPLICATE KEY UPDATE clause. */
    public static MySqlInsert insert(TableClause table) {
        return new MySqlInsert(Sql.insert(table), null);
    }

    /** One row of values. */
    public MySqlInsert values(Map<?, ?> row) {
        return new MySqlInsert(insert.values(row), duplicateKeyUpdate);
    }

    /** Several rows of values. */
    public MySqlInsert values(List<? extends Map<?, ?>> rows) {
        return new MySqlInsert(insert.values(rows), duplicateKeyUpdate);
    }

    /** Adds RETURNING columns (MariaDB 10.5+). */
    public MySqlInsert returning(Object... columns) {
        return new MySqlInsert(insert.returning(columns), duplicateKeyUpdate);
    }

    /** {@code ON DUPLICATE KEY UPDATE column = value, ...}; values may use {@link #inserted}. */
    public MySqlInsert onDuplicateKeyUpdate(Map<?, ?> set) {
        return new MySqlInsert(insert, Sql.update(insert.table()).values(set));
    }

    /** The value the row would have had: {@code VALUES(column)}. */
    public <T> Expression<T> inserted(ColumnClause<T> column) {
        return new Inserted<>(column);
    }

    Insert insert() {
        return insert;
    }

    @Nullable Update duplicateKeyUpdate() {
        return duplicateKeyUpdate;
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }

    @Override
    public List<? extends Expression<?>> resultColumns() {
        return insert.returning();
    }

    @Override
    public List<? extends ClauseElement> children() {
        return duplicateKeyUpdate == null ? List.of(insert) : List.of(insert, duplicateKeyUpdate);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        if (!(visitor instanceof MySqlCompiler compiler)) {
            throw new CompileException("MySqlInsert is the MySQL family's INSERT ... ON DUPLICATE KEY UPDATE and "
                    + "compiles only for MySQL and MariaDB; use the insert of your database's dialect package.");
        }
        compiler.visitMySqlInsert(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MySqlInsert that && insert.equals(that.insert)
                && Objects.equals(duplicateKeyUpdate, that.duplicateKeyUpdate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(insert, duplicateKeyUpdate);
    }

    @Override
    public String toString() {
        return new MySqlCompiler(DISPLAY_IDENTIFIERS, "mysql", true, true, true).display(this);
    }

    /** {@code VALUES(column)} in an ON DUPLICATE KEY UPDATE. */
    record Inserted<T>(ColumnClause<T> column) implements Expression<T> {

        @Override
        public SqlType<T> type() {
            return column.type();
        }

        @Override
        public void accept(SqlVisitor visitor) {
            if (!(visitor instanceof MySqlCompiler compiler)) {
                throw new CompileException("inserted(...) belongs to MySQL's ON DUPLICATE KEY UPDATE.");
            }
            compiler.visitInserted(column);
        }
    }
}
