package io.mapper.dialect.sqlite;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.OnConflictInsert;
import io.mapper.exception.CompileException;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Insert;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;

/**
 * SQLite's upsert: {@code INSERT ... ON CONFLICT (target) DO UPDATE SET ... | DO NOTHING}. Compiles only for
 * SQLite. Immutable.
 *
 * <pre>{@code
 * // INSERT INTO product (sku, price) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET price = excluded.price
 * SqliteInsert upsert = SqliteInsert.insert(product).values(Map.of("sku", "A1", "price", price));
 * upsert = upsert.onConflictDoUpdate(List.of(sku), Map.of("price", upsert.excluded(priceColumn)));
 * }</pre>
 */
public final class SqliteInsert extends OnConflictInsert<SqliteInsert> {

    private SqliteInsert(Insert insert, @Nullable List<? extends ColumnClause<?>> conflictTarget,
            @Nullable Update conflictUpdate) {
        super(insert, conflictTarget, conflictUpdate);
    }

    /** An INSERT into {@code table} that can take an ON CONFLICT clause. */
    public static SqliteInsert insert(TableClause table) {
        return new SqliteInsert(Sql.insert(table), null, null);
    }

    @Override
    protected SqliteInsert copy(Insert newInsert, @Nullable List<? extends ColumnClause<?>> newTarget,
            @Nullable Update newUpdate) {
        return new SqliteInsert(newInsert, newTarget, newUpdate);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        if (!(visitor instanceof SqliteCompiler compiler)) {
            throw new CompileException("SqliteInsert is SQLite's INSERT ... ON CONFLICT and compiles only for "
                    + "SQLite; use the insert of your database's dialect package.");
        }
        compiler.visitSqliteInsert(this);
    }

    @Override
    public String toString() {
        return SqliteCompiler.forDisplay().display(this);
    }
}
