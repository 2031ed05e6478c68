package io.mapper.orm.loading;

import java.util.List;

import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * Makes the first use of an unloaded relationship raise, naming it and the option that loads it (SQLAlchemy's
 * {@code RaiseLoader}, {@code lazy="raise"}): for hunting N+1 queries. Like {@link LazyLoader}, a plain to-one field
 * or a one-to-one's inverse side is loaded now, having no first use to intercept.
 */
final class RaiseLoader implements LoaderStrategy {

    static final RaiseLoader INSTANCE = new RaiseLoader();

    private RaiseLoader() {
    }

    @Override
    public void load(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents,
            List<String> path) {
        LazyLoader.postpone(pass, relationship, parents, path, true);
    }
}
