package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.BindParameter;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.Executable;
import io.mapper.sql.Expression;
import io.mapper.sql.Sql;
import io.mapper.sql.Update;

/**
 * A session's ORM bulk UPDATEs and DELETEs (SQLAlchemy's {@code orm/bulk_persistence.py}): one Core statement, and
 * the session's objects of the entity brought in line as the statement's {@link SynchronizeSession} says. Every
 * object changed is recorded in the transaction level's journal first, so a rollback restores it. Package-private;
 * owned by one {@link DefaultSession}.
 */
final class BulkWrites {

    private final DefaultSession session;
    private final SessionObjects objects;

    BulkWrites(DefaultSession session, SessionObjects objects) {
        this.session = session;
        this.objects = objects;
    }

    /** Runs the statement and synchronises the session; returns the number of rows the database matched. */
    long execute(BulkStatement statement) {
        Mapper<?> mapper = session.mapperFor(statement.entityType());
        if (mapper.inheritance() != null) {
            // One table's UPDATE or DELETE would miss a joined subclass's tables, the other classes' tables of a
            // table-per-class hierarchy, or (single table) write the rows of sibling classes.
            throw new io.mapper.exception.InvalidRequestException("ORM bulk " + (statement instanceof EntityUpdate<?>
                    ? "UPDATE" : "DELETE") + " of " + mapper.entityName() + " is not supported: it is mapped with "
                    + "inheritance (" + mapper.inheritance().strategy() + "), and one statement on one table would "
                    + "not write its class's rows exactly. Load the objects and change or delete them in the "
                    + "session, or write a Core statement against its tables.");
        }
        List<Condition> where = new ArrayList<>(statement.whereConditions());
        where.addAll(session.loading().criteria(mapper));   // ORM bulk writes honour global filters too
        List<InstanceState> matched = switch (statement.synchronizeSession()) {
            case EVALUATE -> evaluate(mapper, where);
            case FETCH -> fetch(mapper, where);
            case NONE -> List.of();
        };
        Executable core;
        if (statement instanceof EntityUpdate<?> update) {
            Update sql = Sql.update(mapper.table());
            CriteriaEvaluator columns = new CriteriaEvaluator(mapper, List.of());
            for (Map.Entry<ColumnClause<?>, @Nullable Object> entry : update.values().entrySet()) {
                // The metamodel's attribute names the column; the statement takes the mapped table's own.
                sql = sql.set((ColumnClause<?>) columns.property(entry.getKey()).column(), entry.getValue());
            }
            core = where.isEmpty() ? sql : sql.where(where.toArray(Condition[]::new));
        } else {
            io.mapper.sql.Delete sql = Sql.delete(mapper.table());
            core = where.isEmpty() ? sql : sql.where(where.toArray(Condition[]::new));
        }
        long rows = session.transactions().connection().execute(new OrmStatement(core, mapper.entityName()))
                .rowCount();
        for (InstanceState state : matched) {
            session.transactions().journal().record(state);
            if (statement instanceof EntityUpdate<?> update) {
                apply(mapper, state, update);
            } else {
                objects.removed(state);
            }
        }
        return rows;
    }

    /** The session's persistent objects of the entity that the WHERE clause matches, evaluated in Java. */
    private List<InstanceState> evaluate(Mapper<?> mapper, List<Condition> where) {
        CriteriaEvaluator evaluator = new CriteriaEvaluator(mapper, where);
        List<InstanceState> matched = new ArrayList<>();
        for (InstanceState state : objects.all()) {
            if (state.mapper() == mapper && state.status() == InstanceState.Status.PERSISTENT && !state.isExpired()
                    && evaluator.matches(state.entity(), where)) {
                matched.add(state);
            }
        }
        return matched;
    }

    /** The session's objects whose keys a SELECT with the WHERE clause returns (before the write). */
    private List<InstanceState> fetch(Mapper<?> mapper, List<Condition> where) {
        List<Object> keys = new ArrayList<>();
        for (PropertyMapping key : mapper.primaryKey()) {
            keys.add(key.column());
        }
        io.mapper.sql.Select select = Sql.select(keys.toArray()).from(mapper.table());
        if (!where.isEmpty()) {
            select = select.where(where.toArray(Condition[]::new));
        }
        List<InstanceState> matched = new ArrayList<>();
        for (Row row : session.transactions().connection().execute(new OrmStatement(select, mapper.entityName()))) {
            Object id = keys.size() == 1 ? row.get(0) : row.values();
            InstanceState state = objects.get(mapper.identityKeyOf(id));
            if (state != null && state.status() == InstanceState.Status.PERSISTENT) {
                matched.add(state);
            }
        }
        return matched;
    }

    /**
     * Sets the new values on a matched object and in its snapshot, so they are not written again; a value that is
     * an expression Java cannot compute ({@code balance + 1}) expires the object, which reloads on its next return.
     */
    @SuppressWarnings("unchecked")
    private static void apply(Mapper<?> anyMapper, InstanceState state, EntityUpdate<?> update) {
        Mapper<Object> mapper = (Mapper<Object>) anyMapper;
        CriteriaEvaluator columns = new CriteriaEvaluator(mapper, List.of());
        @Nullable Object[] committed = state.committed();
        @Nullable Object[] snapshot = committed == null ? null : committed.clone();
        // Writes that go to the snapshot too leave an object that agreed with its snapshot agreeing with it.
        boolean synced = snapshot != null && mapper.isSynced(state.entity(), state);
        boolean expire = false;
        for (Map.Entry<ColumnClause<?>, @Nullable Object> entry : update.values().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Expression<?> expression && !(expression instanceof BindParameter<?>)) {
                expire = true;
                continue;
            }
            Object plain = value instanceof BindParameter<?> parameter ? parameter.value() : value;
            PropertyMapping property = columns.property(entry.getKey());
            mapper.setValue(state.entity(), property, plain);
            if (snapshot != null) {
                snapshot[property.slot()] = mapper.value(state.entity(), property);
            }
        }
        if (snapshot != null) {
            state.committed(snapshot);
            if (synced) {
                mapper.syncedNow(state.entity(), state);
            }
        }
        if (expire) {
            state.expire();
        }
    }
}
