package io.mapper.orm.loading;

import java.util.List;

import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * How one relationship is loaded, after SQLAlchemy's loader strategies ({@code orm/strategies.py}): chosen per
 * relationship path from the query's options, else the mapping's {@code fetch}. {@link SelectInLoader} runs one
 * more statement per level, {@link LazyLoader} and {@link RaiseLoader} leave the relationship to its first use, and
 * the {@link RowLoader}s, {@link JoinedLoader} and {@link ContainsEagerLoader}, read the related objects from the
 * parents' own rows.
 */
interface LoaderStrategy {

    /**
     * Fills {@code relationship} (at {@code path} from the query's entity) on {@code parents}, the objects one
     * statement loaded fresh.
     */
    void load(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents, List<String> path);
}
