package io.mapper.orm.loading;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/**
 * Leaves a relationship to load on first use (SQLAlchemy's {@code LazyLoader}, {@code lazy="select"}), counted as a
 * lazy load: a collection becomes mapper's own unloaded {@code List}/{@code Set}, a {@code Ref} holder an unloaded
 * reference (served from the identity map when the target is there). A plain to-one field or a one-to-one's inverse
 * side cannot load on access, so it is loaded now.
 */
final class LazyLoader implements LoaderStrategy {

    static final LazyLoader INSTANCE = new LazyLoader();

    private LazyLoader() {
    }

    @Override
    public void load(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents,
            List<String> path) {
        postpone(pass, relationship, parents, path, false);
    }

    /** Installs loaders that load on first use, or raise when {@code raise} (the {@link RaiseLoader}). */
    static void postpone(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents,
            List<String> path, boolean raise) {
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            if (relationship.isHolder()) {
                postponeReferences(pass, relationship, parents, raise);
            } else {
                SelectInLoader.INSTANCE.load(pass, relationship, parents, path);
            }
            return;
        }
        for (InstanceState state : parents) {
            if (relationship.isSingleValued()) {
                // A single object cannot be loaded on first access; load it now.
                List<Object> loaded = SelectInLoader.fetch(pass, relationship, List.of(state), path)
                        .getOrDefault(state, List.of());
                RelationshipValues.setLoaded(pass.context(), state, relationship, loaded);
            } else {
                RelationshipValues.setUnloaded(pass.context(), state, relationship, raise
                        ? () -> {
                            throw raising(state, relationship);
                        }
                        : () -> loadCollection(pass, state, relationship, path));
            }
        }
    }

    private static void postponeReferences(LoadPass pass, RelationshipMapping relationship,
            List<InstanceState> parents, boolean raise) {
        for (InstanceState state : parents) {
            IdentityKey key = RelationshipValues.targetKey(state, relationship);
            if (key == null) {
                relationship.setRelatedLoaded(state.entity(), null);
                continue;
            }
            InstanceState known = pass.context().identityMap().get(key);
            if (known != null) {
                relationship.setRelatedLoaded(state.entity(), known.entity());
            } else {
                // Served from the identity map when the target is there by then; loaded on first get() otherwise.
                relationship.setLoaded(state.entity(), pass.context().lazyReference(key.id(),
                        () -> loadReference(pass, state, relationship, key, raise)));
            }
        }
    }

    private static @Nullable Object loadReference(LoadPass pass, InstanceState state,
            RelationshipMapping relationship, IdentityKey key, boolean raise) {
        if (raise) {
            throw raising(state, relationship);
        }
        LoadContext context = pass.context();
        if (context.isAttached(state.entity())) {
            InstanceState known = context.identityMap().get(key);
            if (known != null && !known.isExpired()) {
                return known.entity();    // already in the session: no query, so no lazy load to count
            }
        }
        pass.loader().countLazyLoad(state, relationship, pass.origin());
        return context.get(relationship.targetType(), key.id());
    }

    private static List<Object> loadCollection(LoadPass pass, InstanceState state, RelationshipMapping relationship,
            List<String> path) {
        pass.loader().countLazyLoad(state, relationship, pass.origin());
        List<Object> elements = SelectInLoader.fetch(pass, relationship, List.of(state), path)
                .getOrDefault(state, List.of());
        if (relationship.isMap()) {
            // Keyed as the map will key them: of two elements with one key the later stays (SQLAlchemy's dict).
            java.util.Map<Object, Object> keyed = new java.util.LinkedHashMap<>();
            java.util.function.Function<Object, Object> keyOf = RelationshipValues.keyOf(pass.context(), relationship);
            for (Object element : elements) {
                keyed.put(keyOf.apply(element), element);
            }
            RelationshipValues.snapshot(state, relationship, keyed);
            return new java.util.ArrayList<>(keyed.values());
        }
        state.collectionSnapshot(relationship, elements);
        return elements;
    }

    private static InvalidRequestException raising(InstanceState state, RelationshipMapping relationship) {
        return new InvalidRequestException(relationship + " of " + state.key() + " is not loaded and its loading "
                + "strategy is RAISE. Load it with the query: options(selectInLoad(\"" + relationship.name()
                + "\")), or change the strategy.");
    }
}
