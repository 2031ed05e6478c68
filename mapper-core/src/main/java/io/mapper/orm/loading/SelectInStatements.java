package io.mapper.orm.loading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.sql.BindParameter;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.InCondition;
import io.mapper.sql.Select;

/**
 * The select-in loader's statements, built once per session factory and run with each chunk's keys, as SQLAlchemy's
 * selectin loader caches its query with an expanding {@code primary_keys} parameter: a chunk then costs no statement
 * construction, no walk of a new statement tree and an identity hit in the compiled cache. Only single-column keys
 * are kept (a composite key's row-value IN is built per chunk). Thread-safe.
 */
public final class SelectInStatements {

    // Enough for every relationship and load_only variant an application has; a map grown past it (columns chosen
    // per request, say) is emptied rather than kept growing.
    private static final int LIMIT = 2_000;

    /** A statement and the expanding parameter of its keys. */
    record Statement(Select select, BindParameter<?> keys) {
    }

    private record Key(RelationshipMapping relationship, LoadedColumns columns, boolean references) {
    }

    private final Map<Key, Optional<Statement>> statements = new ConcurrentHashMap<>();

    /** The statements of one session factory, none built yet. */
    public SelectInStatements() {
    }

    /**
     * The statement that loads {@code relationship} (its targets when {@code references}, else its elements) with
     * {@code columns}: {@code build} makes it from the IN condition on {@code keyColumns}, built once from
     * {@code firstKey}. Null when the statement cannot be kept (a composite key, or an IN that does not expand):
     * the caller then builds one per chunk.
     */
    @Nullable Statement of(RelationshipMapping relationship, LoadedColumns columns, boolean references,
            List<? extends Expression<?>> keyColumns, Object firstKey, Function<Condition, Select> build) {
        if (keyColumns.size() != 1) {
            return null;
        }
        Key key = new Key(relationship, columns, references);
        Optional<Statement> known = statements.get(key);
        if (known == null) {
            Condition in = keyColumns.get(0).in(List.of(firstKey));
            known = in instanceof InCondition condition && condition.expanding()
                    ? Optional.of(new Statement(build.apply(condition), (BindParameter<?>) condition.values().get(0)))
                    : Optional.empty();
            if (statements.size() >= LIMIT) {
                statements.clear();
            }
            statements.putIfAbsent(key, known);
        }
        return known.orElse(null);
    }
}
