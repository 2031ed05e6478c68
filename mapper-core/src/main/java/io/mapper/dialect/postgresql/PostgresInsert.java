package io.mapper.dialect.postgresql;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.OnConflictInsert;
import io.mapper.exception.CompileException;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Insert;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;

/**
 * PostgreSQL's upsert: {@code INSERT ... ON CONFLICT (target) DO UPDATE SET ... | DO NOTHING}. Compiles only for
 * PostgreSQL. Immutable.
 *
 * <pre>{@code
 * // INSERT INTO product (sku, price) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET price = excluded.price
 * PostgresInsert upsert = PostgresInsert.insert(product).values(Map.of("sku", "A1", "price", price));
 * upsert = upsert.onConflictDoUpdate(List.of(sku), Map.of("price", upsert.excluded(priceColumn)));
 * }</pre>
 */
public final class PostgresInsert extends OnConflictInsert<PostgresInsert> {

    private PostgresInsert(Insert insert, @Nullable List<? extends ColumnClause<?>> conflictTarget,
            @Nullable Update conflictUpdate) {
        super(insert, conflictTarget, conflictUpdate);
    }

    /** An INSERT into {@code table} that can take an ON CONFLICT clause. */
    public static PostgresInsert insert(TableClause table) {
        return new PostgresInsert(Sql.insert(table), null, null);
    }

    @Override
    protected PostgresInsert copy(Insert newInsert, @Nullable List<? extends ColumnClause<?>> newTarget,
            @Nullable Update newUpdate) {
        return new PostgresInsert(newInsert, newTarget, newUpdate);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        if (!(visitor instanceof PostgresCompiler compiler)) {
            throw new CompileException("PostgresInsert is PostgreSQL's INSERT ... ON CONFLICT and compiles only for "
                    + "PostgreSQL; use the insert of your database's dialect package.");
        }
        compiler.visitPostgresInsert(this);
    }

    @Override
    public String toString() {
        return new PostgresCompiler(new IdentifierPreparer(), true).display(this);
    }
}
