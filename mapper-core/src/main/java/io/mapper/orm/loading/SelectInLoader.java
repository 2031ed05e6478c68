package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;

/**
 * Loads a relationship of all the parents of one statement with one more {@code SELECT ... WHERE key IN (...)} per
 * 500 keys (SQLAlchemy's {@code SelectInLoader}, {@code lazy="selectin"}). A reference already in the identity map
 * costs no query. Also the fallback of a JOINED collection under LIMIT/OFFSET, and how plain to-one fields are
 * loaded whatever their strategy: a plain field cannot load on first access.
 */
final class SelectInLoader implements LoaderStrategy {

    static final SelectInLoader INSTANCE = new SelectInLoader();

    /** Keys per SELECT ... IN; far below every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private SelectInLoader() {
    }

    @Override
    public void load(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents,
            List<String> path) {
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            loadReferences(pass, relationship, parents, path);
            return;
        }
        Map<InstanceState, List<Object>> children = fetch(pass, relationship, parents, path);
        for (InstanceState parent : parents) {
            RelationshipValues.setLoaded(pass.context(), parent, relationship, children.getOrDefault(parent, List.of()));
        }
    }

    /** Sets each parent's reference, loading the targets not in the identity map with SELECT ... IN. */
    private static void loadReferences(LoadPass pass, RelationshipMapping relationship, List<InstanceState> parents,
            List<String> path) {
        Mapper<?> target = relationship.target();
        // One key and one identity-map lookup per object; only the targets not found are looked up again.
        IdentityKey[] keys = new IdentityKey[parents.size()];
        InstanceState[] found = new InstanceState[parents.size()];
        boolean[] alreadySet = new boolean[parents.size()];
        Map<Object, IdentityKey> missing = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (setByCollection(parents.get(i), relationship)) {
                alreadySet[i] = true;
                continue;
            }
            IdentityKey key = RelationshipValues.targetKey(parents.get(i), relationship);
            keys[i] = key;
            found[i] = key == null ? null : pass.context().identityMap().get(key);
            if (key != null && found[i] == null) {
                missing.put(key.id(), key);
            }
        }
        List<Column<?>> targetKey = RelationshipValues.columnsOf(target.primaryKey());
        LoadedColumns columns = pass.plan().columns(path, target);
        for (List<Object> chunk : chunks(new ArrayList<>(missing.keySet()))) {
            run(pass, target, relationship, columns, true, targetKey, chunk,
                    in -> EntityLoader.selectFor(target, columns).where(in), path, null);
        }
        for (int i = 0; i < keys.length; i++) {
            if (alreadySet[i]) {
                continue;
            }
            InstanceState related = found[i] != null || keys[i] == null ? found[i]
                    : pass.context().identityMap().get(keys[i]);
            relationship.setRelatedLoaded(parents.get(i).entity(), related == null ? null : related.entity());
        }
    }

    /**
     * Whether the reference of a freshly loaded object was already set, by the loader of the collection it was
     * loaded into (see {@link #fetch}), to the object its foreign key names: then it needs no identity-map lookup.
     */
    @SuppressWarnings("unchecked")
    private static boolean setByCollection(InstanceState state, RelationshipMapping relationship) {
        Mapper<Object> target = (Mapper<Object>) relationship.target();
        if (target.primaryKey().size() != 1) {
            return false;
        }
        Object related = relationship.related(state.entity());
        if (related == null) {
            return false;
        }
        Object foreignKey = relationship.foreignKeyValue(state.committed());
        return foreignKey != null && foreignKey.equals(target.value(related, target.primaryKey().get(0)));
    }

    /**
     * The elements of a collection relationship for each owner, with one SELECT ... IN per chunk of owners. A
     * freshly loaded element of a one-to-many gets its back-reference (the inverse many-to-one) set to the owner it
     * was loaded for, which is the object its foreign key names, so the element's own reference loader finds it set.
     */
    static Map<InstanceState, List<Object>> fetch(LoadPass pass, RelationshipMapping relationship,
            List<InstanceState> owners, List<String> path) {
        Mapper<?> owner = (Mapper<?>) owners.get(0).mapper();
        Mapper<?> target = relationship.target();
        Map<Object, InstanceState> ownersByKey = new LinkedHashMap<>();
        for (InstanceState state : owners) {
            ownersByKey.put(Objects.requireNonNull(state.key()).id(), state);
        }
        boolean oneToMany = relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY;
        RelationshipMapping backReference = RelationshipValues.backReference(relationship);
        io.mapper.orm.mapping.LoadedColumns targetColumns = pass.plan().columns(path, target);
        int ownerIndex = EntityLoader.columnCount(target, targetColumns);
        int ownerParts = owner.primaryKey().size();
        Map<InstanceState, List<Object>> result = new IdentityHashMap<>();
        List<? extends Expression<?>> keyColumns = oneToMany
                ? RelationshipValues.columnsOf(relationship.ownerKeyProperties())
                : relationship.associationOwnerColumns();
        Function<Condition, Select> build = in -> {
            Select select;
            if (oneToMany) {
                select = EntityLoader.selectFor(target, targetColumns).where(in);
            } else {
                List<Column<?>> ownerColumns = relationship.associationOwnerColumns();
                select = EntityLoader.selectFor(target, targetColumns).addColumns(ownerColumns.toArray())
                        .join(relationship.associationTable(), RelationshipValues.columnsEqual(
                                RelationshipValues.columns(relationship.associationTable(),
                                        relationship.associationTargetColumns()),
                                RelationshipValues.columns(target.table(),
                                        RelationshipValues.columnsOf(target.primaryKey()))))
                        .where(in);
            }
            return select.orderBy(RelationshipValues.order(relationship, target.table()));
        };
        for (List<Object> chunk : chunks(new ArrayList<>(ownersByKey.keySet()))) {
            run(pass, target, relationship, targetColumns, false, keyColumns, chunk, build, path, (loaded, row) -> {
                Object ownerKey = oneToMany ? relationship.ownerKeyValue(loaded.state().committed())
                        : ownerParts == 1 ? row.get(ownerIndex) : ownerKeyOf(row, ownerIndex, ownerParts);
                InstanceState ownerState = ownerKey == null ? null
                        : ownersByKey.get(owner.identityKeyOf(ownerKey).id());
                if (ownerState != null) {
                    List<Object> elements = result.computeIfAbsent(ownerState, unused -> new ArrayList<>());
                    if (!BackReferences.containsSame(elements, loaded.entity())) {
                        elements.add(loaded.entity());
                    }
                    RelationshipValues.setBackReference(backReference, loaded, ownerState);
                }
            });
        }
        return result;
    }

    /**
     * Loads one chunk: with the statement kept for the relationship and columns, run with the chunk's keys, or with
     * one built for the chunk where none can be kept (a composite key).
     */
    private static void run(LoadPass pass, Mapper<?> target, RelationshipMapping relationship, LoadedColumns columns,
            boolean references, List<? extends Expression<?>> keyColumns, List<Object> chunk,
            Function<Condition, Select> build, List<String> path, @Nullable BiConsumer<Loaded, Row> perRow) {
        SelectInStatements.Statement kept = pass.context().selectInStatements().of(relationship, columns, references,
                keyColumns, chunk.get(0), build);
        if (kept == null) {
            pass.loader().rows(target, build.apply(RelationshipValues.keyIn(keyColumns, chunk)), path, pass, perRow);
        } else {
            pass.loader().rows(target, kept.select(), path, pass, perRow, kept.keys(), chunk);
        }
    }

    /** An owner's composite key from the association columns the statement added after the target's. */
    private static List<Object> ownerKeyOf(io.mapper.engine.Row row, int first, int parts) {
        List<Object> key = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            key.add(row.get(first + i));
        }
        return key;
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < list.size(); start += IN_CHUNK) {
            chunks.add(list.subList(start, Math.min(list.size(), start + IN_CHUNK)));
        }
        return chunks;
    }
}
