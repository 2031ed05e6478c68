package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.state.Unloaded;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;

/**
 * A session's deferred columns (SQLAlchemy's {@code DeferredColumnLoader}): marks the columns a row did not load as
 * unloaded in an object's snapshot, gives {@code Deferred<T>} properties an unloaded holder that loads (or raises)
 * on first access, fills unloaded columns of an object already in the session from a row that has them, and
 * loads named columns by primary key ({@code session.refresh(obj, "body")}). Package-private; owned by one
 * {@link DefaultSession}.
 */
final class DeferredColumns {

    private final DefaultSession session;

    DeferredColumns(DefaultSession session) {
        this.session = session;
    }

    /**
     * After a row without some columns set an object: those columns are unloaded in its snapshot, and its holders
     * of them load on first access (or raise, when {@code columns} says so).
     */
    void unloaded(Mapper<Object> mapper, InstanceState state, LoadedColumns columns) {
        if (columns.isComplete()) {
            return;
        }
        for (PropertyMapping property : mapper.properties()) {
            if (columns.isLoaded(property.slot())) {
                continue;
            }
            state.committedSlot(property.slot(), Unloaded.VALUE);
            if (mapper.isDeferredHolder(property)) {
                boolean raise = columns.raises(property.slot());
                mapper.setHolder(state.entity(), property, Deferred.unloaded(() -> onAccess(state, property, raise)));
            }
        }
    }

    /**
     * Fills the unloaded columns of an object the session already holds from a row that loaded them (an
     * {@code undefer} query), unless the application set them meanwhile; the rest of the object is left as it is.
     */
    void fill(Mapper<Object> mapper, InstanceState state, @Nullable Object[] values) {
        if (!state.hasUnloaded()) {
            return;
        }
        for (PropertyMapping property : mapper.properties()) {
            int slot = property.slot();
            if (state.isUnloaded(slot) && !Unloaded.is(values[slot])
                    && !state.isChanged(slot, mapper.value(state.entity(), property))) {
                set(mapper, state, property, values[slot]);
            }
        }
    }

    /**
     * Loads, by primary key, the columns of an object found in the identity map that {@code plan} loads but the
     * object has not loaded ({@code session.get(type, id, undefer(...))}).
     */
    void undeferred(Mapper<Object> mapper, InstanceState state, io.mapper.orm.loading.LoadPlan plan) {
        if (!state.hasUnloaded() || plan == io.mapper.orm.loading.LoadPlan.DEFAULT) {
            return;
        }
        LoadedColumns columns = plan.columns(List.of(), mapper);
        List<PropertyMapping> missing = new ArrayList<>();
        for (PropertyMapping property : mapper.properties()) {
            if (columns.isLoaded(property.slot()) && state.isUnloaded(property.slot())
                    && !state.isChanged(property.slot(), mapper.value(state.entity(), property))) {
                missing.add(property);
            }
        }
        if (!missing.isEmpty()) {
            load(mapper, state, missing);
        }
    }

    private @Nullable Object onAccess(InstanceState state, PropertyMapping property, boolean raise) {
        Mapper<Object> mapper = session.factory().mapperOf(state.entity());
        String name = mapper.entityName() + "." + property.path();
        if (raise) {
            throw new InvalidRequestException(name + " of " + state.key() + " is deferred and not loaded, and its "
                    + "loading is RAISE. Load it with the query: options(undefer(\"" + property.path() + "\")), or "
                    + "session.refresh(object, \"" + property.path() + "\").");
        }
        if (session.isClosed() || !session.contains(state.entity())) {
            throw new DetachedInstanceException(name + " of " + state.key() + " is deferred and was never loaded, "
                    + "and the object is detached from its session, so it cannot be loaded now. Load it with the "
                    + "query (options(undefer(\"" + property.path() + "\"))), or read it while the session is open.");
        }
        load(mapper, state, List.of(property));
        return mapper.value(state.entity(), property);
    }

    /**
     * Loads these columns of a persistent object by primary key, replacing their values and any unflushed change
     * to them (SQLAlchemy's {@code session.refresh(obj, ["attr"])}); the other columns are left as they are.
     */
    void load(Mapper<Object> mapper, InstanceState state, List<PropertyMapping> properties) {
        IdentityKey key = Objects.requireNonNull(state.key());
        List<Object> columns = new ArrayList<>(properties.size());
        for (PropertyMapping property : properties) {
            columns.add(property.column());
        }
        List<PropertyMapping> keys = mapper.primaryKey();
        List<?> ids = keys.size() == 1 ? java.util.Collections.singletonList(key.id()) : (List<?>) key.id();
        Condition[] byKey = new Condition[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            byKey[i] = ((Expression<?>) keys.get(i).column()).eq(ids.get(i));
        }
        Select select = Sql.select(columns.toArray()).from(mapper.table()).where(byKey);
        List<Row> rows = session.transactions().connection().execute(new OrmStatement(select,
                mapper.entityName())).all();
        if (rows.isEmpty()) {
            throw new InvalidRequestException(key + " no longer exists in the database; it was deleted by another "
                    + "transaction, so its " + properties.stream().map(PropertyMapping::path).toList()
                    + " cannot be loaded.");
        }
        for (int i = 0; i < properties.size(); i++) {
            set(mapper, state, properties.get(i), rows.get(0).get(i));
        }
    }

    private static void set(Mapper<Object> mapper, InstanceState state, PropertyMapping property,
            @Nullable Object value) {
        boolean synced = mapper.isSynced(state.entity(), state);
        mapper.setValue(state.entity(), property, value);
        state.committedSlot(property.slot(), mapper.value(state.entity(), property));
        if (synced) {
            mapper.syncedNow(state.entity(), state);    // the write is in the snapshot too
        }
    }
}
