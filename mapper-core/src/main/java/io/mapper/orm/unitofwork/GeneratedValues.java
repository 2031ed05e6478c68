package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.Condition;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;

/**
 * Reads the values the database wrote (server defaults, {@code @Generated} columns, a version it keeps) into the
 * flushed objects: from a RETURNING row, or with one {@code SELECT key, columns FROM t WHERE key IN (...)} per batch
 * where the statement could not return them (SQLAlchemy's {@code eager_defaults}).
 */
final class GeneratedValues {

    /** Keys per SELECT: below every database's limit on IN lists and parameters. */
    private static final int KEYS_PER_SELECT = 500;

    private GeneratedValues() {
    }

    /** The columns the database writes on every UPDATE ({@code @Generated(ALWAYS)}, a server-kept version). */
    static List<PropertyMapping> onUpdate(Mapper<?> mapper) {
        List<PropertyMapping> fetched = new ArrayList<>();
        for (PropertyMapping property : mapper.properties()) {
            if (property.generatedBy() == GenerationTime.ALWAYS) {
                fetched.add(property);
            }
        }
        return fetched;
    }

    /**
     * Whether RETURNING reports these columns' values: always for plain server defaults; for {@code @Generated} ones
     * (which a trigger may write) only where the database returns what triggers wrote.
     */
    static boolean returnable(Connection connection, List<PropertyMapping> properties) {
        if (connection.dialect().returningIncludesTriggerChanges()) {
            return true;
        }
        for (PropertyMapping property : properties) {    // per INSERT: no stream
            if (property.generatedBy() != null) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code properties} of {@code entity} from the row's columns from {@code offset} on. */
    static <E> void assign(Mapper<E> mapper, E entity, Row row, int offset, List<PropertyMapping> properties) {
        for (int i = 0; i < properties.size(); i++) {
            mapper.setValue(entity, properties.get(i), row.get(offset + i));
        }
    }

    /** Sets the values of rows that start with the primary key on the objects with those keys. */
    @SuppressWarnings("unchecked")
    static <E> void assignByKey(Mapper<E> mapper, List<InstanceState> states, List<Row> rows,
            List<PropertyMapping> properties) {
        int keys = mapper.primaryKey().size();
        Map<IdentityKey, Row> byKey = new HashMap<>();
        for (Row row : rows) {
            byKey.put(keyOf(mapper, row), row);
        }
        for (InstanceState state : states) {
            E entity = (E) state.entity();
            Row row = byKey.get(mapper.identityKey(entity));
            if (row == null) {
                throw new InvalidRequestException("The row of " + mapper.identityKey(entity) + " was not found when "
                        + "reading the values the database generated for it; another transaction deleted it, or a "
                        + "trigger changed its key.");
            }
            assign(mapper, entity, row, keys, properties);
        }
    }

    /** One SELECT of the keys and {@code properties} per batch of objects, set on the objects. */
    static <E> void select(Connection connection, Mapper<E> mapper, List<InstanceState> states,
            List<PropertyMapping> properties, int batchSize) {
        List<Object> columns = new ArrayList<>();
        mapper.primaryKey().forEach(key -> columns.add(key.column()));
        properties.forEach(property -> columns.add(property.column()));
        int size = Math.max(1, Math.min(batchSize, KEYS_PER_SELECT));
        for (int start = 0; start < states.size(); start += size) {
            List<InstanceState> chunk = states.subList(start, Math.min(states.size(), start + size));
            Select select = Sql.select(columns.toArray()).from(mapper.table()).where(byKeys(mapper, chunk));
            List<Row> rows = connection.execute(new OrmStatement(select, mapper.entityName())).all();
            assignByKey(mapper, chunk, rows, properties);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> Condition byKeys(Mapper<E> mapper, List<InstanceState> states) {
        if (mapper.primaryKey().size() == 1) {
            PropertyMapping key = mapper.primaryKey().get(0);
            List<Object> ids = new ArrayList<>(states.size());
            for (InstanceState state : states) {
                ids.add(mapper.value((E) state.entity(), key));
            }
            return ((io.mapper.schema.Column<Object>) key.column()).in(ids);
        }
        List<Condition> rows = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            List<Condition> parts = new ArrayList<>();
            for (PropertyMapping key : mapper.primaryKey()) {
                parts.add(key.column().eq(mapper.value((E) state.entity(), key)));
            }
            rows.add(Sql.and(parts.toArray(Condition[]::new)));
        }
        return Sql.or(rows.toArray(Condition[]::new));
    }

    private static IdentityKey keyOf(Mapper<?> mapper, Row row) {
        int keys = mapper.primaryKey().size();
        if (keys == 1) {
            return mapper.identityKeyOf(row.get(0));
        }
        List<Object> ids = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            ids.add(row.get(i));
        }
        return mapper.identityKeyOf(ids);
    }
}
