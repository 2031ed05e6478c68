package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Connection;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.TablePart;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.schema.Table;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.Delete;
import io.mapper.sql.Insert;
import io.mapper.sql.Operation;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.Update;
import io.mapper.types.Conversions;

/**
 * Emits the SQL of a flush for one mapper at a time: INSERTs batched with their generated keys (multi-row
 * {@code INSERT ... RETURNING} where the database has it, JDBC batches with generated keys otherwise), UPDATEs of
 * only the changed columns grouped by which columns changed, DELETEs by key, all with row-count and version checks.
 */
final class Persistence {

    /** The most bind parameters one multi-row INSERT uses; below SQLite's and PostgreSQL's limits. */
    private static final int MAX_PARAMETERS = 30_000;

    private Persistence() {
    }

    /**
     * INSERTs the objects of {@code states} (all of {@code mapper}); sets generated keys and snapshots. A column with
     * a server default whose property is null is left out of the INSERT, so the database's default applies (an
     * explicit NULL would override it), and its value is read back, so the object matches the row.
     */
    static <E> void insert(Connection connection, Mapper<E> mapper, List<InstanceState> states, int batchSize) {
        // One INSERT has one column list: consecutive objects leaving out the same server-default columns go
        // together (as SQLAlchemy groups them), so rows are still inserted in the order the objects were added.
        List<InstanceState> run = new ArrayList<>();
        List<PropertyMapping> runOmitted = null;
        for (InstanceState state : states) {
            E entity = entity(mapper, state);
            assignClientValues(mapper, entity);
            List<PropertyMapping> omitted = serverDefaulted(mapper, entity);
            if (runOmitted != null && !omitted.equals(runOmitted)) {
                insertGroup(connection, mapper, run, runOmitted, batchSize);
                run = new ArrayList<>();
            }
            runOmitted = omitted;
            run.add(state);
        }
        if (runOmitted != null) {
            insertGroup(connection, mapper, run, runOmitted, batchSize);
        }
    }

    /**
     * The properties the database fills in: {@code @Generated} columns, and those that are null and whose columns have
     * a server default (never a generated key).
     */
    private static <E> List<PropertyMapping> serverDefaulted(Mapper<E> mapper, E entity) {
        List<PropertyMapping> omitted = new ArrayList<>();
        for (PropertyMapping property : mapper.properties()) {
            if (property.generatedBy() != null || property.column().serverDefault().isPresent()
                    && mapper.value(entity, property) == null && !mapper.primaryKey().contains(property)) {
                omitted.add(property);
            }
        }
        return List.copyOf(omitted);
    }

    private static <E> void insertGroup(Connection connection, Mapper<E> mapper, List<InstanceState> states,
            List<PropertyMapping> omitted, int batchSize) {
        List<InstanceState> withKeys = new ArrayList<>();
        List<InstanceState> needingKeys = new ArrayList<>();
        PropertyMapping generatedKey = generatedKey(mapper);
        for (InstanceState state : states) {
            E entity = entity(mapper, state);
            if (generatedKey != null && mapper.value(entity, generatedKey) == null) {
                needingKeys.add(state);
            } else {
                withKeys.add(state);
            }
        }
        // The snapshot is what was written: a reference to a row not inserted yet went in as NULL, and the
        // post-update compares against that.
        Map<InstanceState, Object[]> written = new java.util.IdentityHashMap<>(Math.max(4, states.size()));
        List<TablePart> parts = mapper.tableParts();
        TablePart base = parts.get(0);
        // The values the database fills in come back in the INSERT itself where it has RETURNING (SQLAlchemy's
        // eager_defaults), else with one SELECT per batch afterwards (per object and table, for a hierarchy whose
        // rows span several tables).
        boolean returning = parts.size() == 1 && connection.dialect().supportsReturning(Operation.INSERT)
                && GeneratedValues.returnable(connection, omitted);
        if (!omitted.isEmpty() && returning) {
            if (!withKeys.isEmpty()) {
                insertReturning(connection, mapper, base, withKeys, null, omitted, omitted, batchSize, written);
            }
        } else {
            for (List<InstanceState> chunk : chunks(withKeys, batchSize)) {
                insertBatch(connection, mapper, base, chunk, null, omitted, written);
            }
        }
        if (!needingKeys.isEmpty()) {
            if (connection.dialect().supportsReturning(Operation.INSERT)) {
                insertReturning(connection, mapper, base, needingKeys, generatedKey, omitted,
                        returning ? omitted : List.of(), batchSize, written);
            } else {
                for (List<InstanceState> chunk : chunks(needingKeys, batchSize)) {
                    insertBatch(connection, mapper, base, chunk, generatedKey, omitted, written);
                }
            }
        }
        // A joined-table subclass's own rows follow the base rows, whose keys they repeat.
        for (TablePart part : parts.subList(1, parts.size())) {
            for (List<InstanceState> chunk : chunks(states, batchSize)) {
                insertBatch(connection, mapper, part, chunk, null, omitted, written);
            }
        }
        if (!omitted.isEmpty() && !returning) {
            readBack(connection, mapper, states, omitted, batchSize);
        }
        for (InstanceState state : states) {
            Object[] values = written.get(state);
            E entity = entity(mapper, state);
            if (generatedKey != null) {
                values[generatedKey.slot()] = mapper.value(entity, generatedKey);
            }
            for (PropertyMapping property : omitted) {
                values[property.slot()] = mapper.value(entity, property);
            }
            state.committed(values);
        }
    }

    /**
     * Reads the values the database wrote into {@code properties} back into the objects: one SELECT per batch by key
     * for an entity of one table, table by table per object for a hierarchy whose rows span several (one SELECT over
     * the entity's table could not name the other tables' columns).
     */
    private static <E> void readBack(Connection connection, Mapper<E> mapper, List<InstanceState> states,
            List<PropertyMapping> properties, int batchSize) {
        if (mapper.tableParts().size() == 1) {
            GeneratedValues.select(connection, mapper, states, properties, batchSize);
            return;
        }
        for (InstanceState state : states) {
            readServerDefaults(connection, mapper, state, properties);
        }
    }

    /** Reads the values the database gave the left-out columns of a hierarchy's object, table by table, by key. */
    private static <E> void readServerDefaults(Connection connection, Mapper<E> mapper, InstanceState state,
            List<PropertyMapping> omitted) {
        E entity = entity(mapper, state);
        for (TablePart part : mapper.tableParts()) {
            List<PropertyMapping> here = omitted.stream().filter(property -> part.properties().contains(property))
                    .toList();
            if (here.isEmpty()) {
                continue;
            }
            List<Condition> byKey = new ArrayList<>();
            for (PropertyMapping key : part.primaryKey()) {
                byKey.add(key.column().eq(mapper.value(entity, key)));
            }
            Select select = Sql.select(here.stream().map(PropertyMapping::column).toArray())
                    .from(part.table()).where(byKey.toArray(Condition[]::new));
            Row row = connection.execute(new OrmStatement(select, mapper.entityName())).one();
            for (int i = 0; i < here.size(); i++) {
                PropertyMapping property = here.get(i);
                Object value = Conversions.convert(row.get(i), property.column().type().javaType());
                mapper.setValue(entity, property, value);
            }
        }
    }

    /** Splits a list into consecutive pieces of at most {@code size} elements; one round trip each. */
    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < list.size(); start += size) {
            chunks.add(list.subList(start, Math.min(list.size(), start + size)));
        }
        return chunks;
    }

    private static <E> @Nullable PropertyMapping generatedKey(Mapper<E> mapper) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (key.generation() == GenerationStrategy.IDENTITY || key.generation() == GenerationStrategy.SEQUENCE) {
                return key;
            }
        }
        return null;
    }

    private static <E> void assignClientValues(Mapper<E> mapper, E entity) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (key.generation() == GenerationStrategy.UUID && mapper.value(entity, key) == null) {
                UUID id = UUID.randomUUID();
                Class<?> javaType = key.column().type().javaType();
                mapper.setValue(entity, key, javaType == String.class ? id.toString() : id);
            }
        }
        mapper.version().filter(version -> version.generatedBy() == null).ifPresent(version -> {
            Object current = mapper.value(entity, version);
            if (current == null || ((Number) current).longValue() == 0) {
                mapper.setValue(entity, version, 1L);
            }
        });
    }

    /** One JDBC batch (chunked by the engine's batch size); reads generated keys when {@code key} is given. */
    private static <E> void insertBatch(Connection connection, Mapper<E> mapper, TablePart part,
            List<InstanceState> states, @Nullable PropertyMapping key, List<PropertyMapping> omitted,
            Map<InstanceState, Object[]> written) {
        List<PropertyMapping> columns = insertedColumns(part, key, omitted);
        E first = entity(mapper, states.get(0));
        Object[] firstValues = mapper.values(first, states.get(0));
        Map<ColumnClause<?>, Object> template = new LinkedHashMap<>();
        for (PropertyMapping property : columns) {
            template.put(property.column(), firstValues[property.slot()]);
        }
        Insert insert = Sql.insert(part.table()).values(template);
        OrmStatement statement = new OrmStatement(insert, mapper.entityName(),
                key == null ? List.of() : List.of(key.column().name()));
        List<String> keys = insert.compile(connection.dialect()).parameterKeys();
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            Object[] values = mapper.values(entity(mapper, state), state);
            written.put(state, values);
            Map<String, @Nullable Object> row = new HashMap<>(keys.size() * 2);
            for (int i = 0; i < keys.size(); i++) {
                row.put(keys.get(i), values[columns.get(i).slot()]);
            }
            rows.add(row);
        }
        Result<Row> result = connection.executeMany(statement, rows);
        if (key != null) {
            List<Row> generated = result.generatedKeys();
            if (generated.size() != states.size()) {
                throw new io.mapper.exception.InvalidRequestException("The driver returned " + generated.size()
                        + " generated keys for " + states.size() + " inserted " + mapper.entityName() + " rows, so "
                        + "mapper cannot tell which key belongs to which object.");
            }
            for (int i = 0; i < states.size(); i++) {
                mapper.setValue(entity(mapper, states.get(i)), key, generated.get(i).get(0));
            }
        }
        expectRows(mapper, "INSERT", result.rowCount(), states.size());
    }

    /**
     * Multi-row INSERT ... VALUES (...), (...) RETURNING key (and the columns the database fills in), in chunks that
     * stay under the parameter limit; with {@code key} null the rows carry their keys, and returned rows are matched
     * to objects by key.
     */
    private static <E> void insertReturning(Connection connection, Mapper<E> mapper, TablePart part,
            List<InstanceState> states, @Nullable PropertyMapping key, List<PropertyMapping> omitted,
            List<PropertyMapping> fetched, int batchSize, Map<InstanceState, Object[]> written) {
        List<PropertyMapping> columns = insertedColumns(part, key, omitted);
        int perStatement = Math.max(1, Math.min(batchSize, MAX_PARAMETERS / Math.max(1, columns.size())));
        List<PropertyMapping> returned = new ArrayList<>();
        if (key != null) {
            returned.add(key);
        } else {
            returned.addAll(mapper.primaryKey());
        }
        returned.addAll(fetched);
        // One single-row INSERT ... RETURNING, built once per mapper and column set and written for each chunk's rows
        // (insertmanyvalues): the objects' values are bound straight from their value arrays, with no statement or
        // map per row, and the statement's cache key is walked once.
        ReturningInsert prepared = mapper.derived(new InsertShape(part.table(), slots(columns), slots(returned)),
                unused -> ReturningInsert.of(mapper, part, columns, returned));
        OrmStatement insert = prepared.insert();
        List<PropertyMapping> bound = prepared.bound();
        for (int start = 0; start < states.size(); start += perStatement) {
            List<InstanceState> chunk = states.subList(start, Math.min(states.size(), start + perStatement));
            List<List<@Nullable Object>> rows = new ArrayList<>(chunk.size());
            for (InstanceState state : chunk) {
                Object[] values = mapper.values(entity(mapper, state), state);
                written.put(state, values);
                @Nullable Object[] row = new Object[bound.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = values[bound.get(i).slot()];
                }
                rows.add(Arrays.asList(row));
            }
            // A row of only database-generated values has no VALUES group to repeat: one DEFAULT VALUES each.
            List<Row> result;
            if (bound.isEmpty()) {
                result = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    result.addAll(connection.execute(insert).all());
                }
            } else {
                result = connection.executeManyValues(insert, rows).all();
            }
            if (result.size() != chunk.size()) {
                throw new io.mapper.exception.InvalidRequestException("INSERT ... RETURNING gave " + result.size()
                        + " rows for " + chunk.size() + " " + mapper.entityName() + " rows.");
            }
            if (key == null) {
                GeneratedValues.assignByKey(mapper, chunk, result, fetched);
                continue;
            }
            // Keys of one statement are assigned in VALUES order; RETURNING need not list them in that order.
            List<Row> ordered = new ArrayList<>(result);
            ordered.sort((left, right) -> compareKeys(left.get(0), right.get(0)));
            for (int i = 0; i < chunk.size(); i++) {
                E entity = entity(mapper, chunk.get(i));
                mapper.setValue(entity, key, ordered.get(i).get(0));
                GeneratedValues.assign(mapper, entity, ordered.get(i), 1, fetched);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return ((Comparable) left).compareTo(right);
    }

    private static List<PropertyMapping> insertedColumns(TablePart part, @Nullable PropertyMapping skipped,
            List<PropertyMapping> omitted) {
        List<PropertyMapping> columns = new ArrayList<>(part.properties().size());
        for (PropertyMapping property : part.properties()) {
            if (property != skipped && !omitted.contains(property)) {
                columns.add(property);
            }
        }
        return columns;
    }

    /**
     * UPDATEs the changed columns of each state, grouping states whose changed columns are the same; a joined-table
     * subclass updates only the tables whose columns changed (its base table too when it has the version, which
     * every change increments).
     */
    static <E> void update(Connection connection, Mapper<E> mapper, List<InstanceState> states, List<BitSet> changes,
            int batchSize) {
        Map<BitSet, List<InstanceState>> groups = new LinkedHashMap<>();
        BitSet lastColumns = null;
        List<InstanceState> lastGroup = null;
        for (int i = 0; i < states.size(); i++) {
            BitSet columns = changes.get(i);
            if (lastGroup == null || !columns.equals(lastColumns)) {
                // Most flushes change the same columns of every object: the first group is sized for all of them,
                // and a run of objects with the columns of the one before needs no lookup.
                int expected = groups.isEmpty() ? states.size() : 16;
                lastGroup = groups.computeIfAbsent(columns, unused -> new ArrayList<>(expected));
                lastColumns = columns;
            }
            lastGroup.add(states.get(i));
        }
        PropertyMapping version = mapper.version().orElse(null);
        // A version counter kept by the database is compared, never set; it comes back with the generated columns.
        boolean serverVersion = version != null && version.generatedBy() != null;
        List<PropertyMapping> fetched = GeneratedValues.onUpdate(mapper);
        for (Map.Entry<BitSet, List<InstanceState>> group : groups.entrySet()) {
            List<InstanceState> all = group.getValue();
            // A chunk of one batch at a time goes from its values to its batch and its new snapshots while its
            // objects are still in the processor's caches; a pass over the whole group per step touched each
            // object again long after (W2-orm: 100,000 objects).
            int chunk = batchSize > 0 ? batchSize : all.size();
            for (int from = 0; from < all.size(); from += chunk) {
                updateChunk(connection, mapper, group.getKey(), all.subList(from, Math.min(all.size(), from + chunk)),
                        all.size() == 1, version, serverVersion, fetched, batchSize);
            }
        }
    }

    /** The UPDATEs of some objects whose changed columns are {@code columns}; {@code single}: the group's only one. */
    private static <E> void updateChunk(Connection connection, Mapper<E> mapper, BitSet columns,
            List<InstanceState> members, boolean single, @Nullable PropertyMapping version, boolean serverVersion,
            List<PropertyMapping> fetched, int batchSize) {
        List<@Nullable Object[]> newValues = new ArrayList<>(members.size());
        List<@Nullable Object> oldVersions = new ArrayList<>(members.size());
        // Each object's write count when its values were read: after the UPDATE it agrees with them, unless written
        // since (a value the database generated and the object was given).
        long[] writes = mapper.isTracked() ? new long[members.size()] : null;
        for (InstanceState state : members) {
            E entity = entity(mapper, state);
            if (version != null) {
                Object old = state.committed()[version.slot()];
                oldVersions.add(old);
                if (!serverVersion) {
                    long next = old == null ? 1L : ((Number) old).longValue() + 1;
                    mapper.setValue(entity, version, next);
                }
            }
            newValues.add(mapper.values(entity, state));
            if (writes != null) {
                writes[newValues.size() - 1] = mapper.writes(entity);
            }
        }
        boolean fetchedByReturning = false;
        List<TablePart> parts = mapper.tableParts();
        for (TablePart part : parts) {
            PropertyMapping partVersion = version != null && part.holds(version.slot()) ? version : null;
            List<PropertyMapping> changed = new ArrayList<>();
            for (PropertyMapping property : part.properties()) {
                if (columns.get(property.slot()) && !part.primaryKey().contains(property) && !property.isVersion()) {
                    changed.add(property);
                }
            }
            if (changed.isEmpty() && (partVersion == null || serverVersion)) {
                continue;    // nothing of this table changed (a version the database keeps needs a change)
            }
            if (partVersion != null && !serverVersion) {
                changed.add(partVersion);
            }
            // One row: UPDATE ... RETURNING is one round trip. Several: a batch and one SELECT, two round trips
            // instead of one per row (a JDBC batch returns no rows).
            boolean returnHere = !fetched.isEmpty() && parts.size() == 1 && single
                    && connection.dialect().supportsReturning(Operation.UPDATE)
                    && GeneratedValues.returnable(connection, fetched);
            updatePart(connection, mapper, part, members, changed, newValues, partVersion, oldVersions,
                    batchSize, returnHere ? fetched : List.of());
            fetchedByReturning |= returnHere;
        }
        if (!fetched.isEmpty() && !fetchedByReturning) {
            readBack(connection, mapper, members, fetched, batchSize);
        }
        for (int m = 0; m < members.size(); m++) {
            Object[] values = newValues.get(m);
            for (PropertyMapping property : fetched) {
                values[property.slot()] = mapper.value(entity(mapper, members.get(m)), property);
            }
            members.get(m).committedAfterUpdate(values, columns);
            if (writes != null) {
                mapper.synced(members.get(m), writes[m]);
            }
        }
    }

    private static <E> void updatePart(Connection connection, Mapper<E> mapper, TablePart part,
            List<InstanceState> members, List<PropertyMapping> changed, List<@Nullable Object[]> newValues,
            @Nullable PropertyMapping version, List<@Nullable Object> oldVersions, int batchSize,
            List<PropertyMapping> returning) {
        Update update = Sql.update(part.table());
        Object[] first = newValues.get(0);
        for (PropertyMapping property : changed) {
            update = update.set(property.column(), first[property.slot()]);
        }
        update = update.where(keyConditions(mapper, part, members.get(0), version, version == null ? null
                : oldVersions.get(0)));
        if (!returning.isEmpty()) {
            // One object (the caller groups RETURNING updates singly): its values are the statement's own.
            Update withReturning = update.returning(returning.stream().map(PropertyMapping::column).toArray());
            List<Row> result = connection.execute(new OrmStatement(withReturning, mapper.entityName())).all();
            expectRows(mapper, "UPDATE", result.size(), 1);
            GeneratedValues.assign(mapper, entity(mapper, members.get(0)), result.get(0), 0, returning);
            return;
        }
        // The placeholders are the SET values in order, then the key (and version) conditions: bound by position.
        List<List<@Nullable Object>> rows = new ArrayList<>(members.size());
        for (int m = 0; m < members.size(); m++) {
            List<@Nullable Object> ordered = new ArrayList<>(changed.size() + part.primaryKey().size() + 1);
            Object[] values = newValues.get(m);
            for (PropertyMapping property : changed) {
                ordered.add(values[property.slot()]);
            }
            addKeyValues(ordered, mapper, part, members.get(m), version, version == null ? null
                    : oldVersions.get(m));
            rows.add(ordered);
        }
        executeChecked(connection, mapper, new OrmStatement(update, mapper.entityName()), rows, "UPDATE",
                version != null, batchSize);
    }

    /**
     * DELETEs the rows of the states by primary key (and version); a joined-table subclass's own rows first, then
     * its superclasses' up to the base row, which the others refer to.
     */
    static <E> void delete(Connection connection, Mapper<E> mapper, List<InstanceState> states, int batchSize) {
        List<TablePart> parts = mapper.tableParts();
        for (int p = parts.size() - 1; p >= 0; p--) {
            TablePart part = parts.get(p);
            PropertyMapping version = mapper.version().filter(property -> part.holds(property.slot())).orElse(null);
            InstanceState first = states.get(0);
            Object firstVersion = version == null || first.committed() == null ? null
                    : first.committed()[version.slot()];
            Delete delete = Sql.delete(part.table()).where(keyConditions(mapper, part, first, version,
                    firstVersion));
            List<List<@Nullable Object>> rows = new ArrayList<>(states.size());
            for (InstanceState state : states) {
                Object stateVersion = version == null || state.committed() == null ? null
                        : state.committed()[version.slot()];
                rows.add(keyValues(mapper, part, state, version, stateVersion));
            }
            executeChecked(connection, mapper, new OrmStatement(delete, mapper.entityName()), rows, "DELETE",
                    version != null, batchSize);
        }
    }

    private static <E> Condition[] keyConditions(Mapper<E> mapper, TablePart part, InstanceState state,
            @Nullable PropertyMapping version, @Nullable Object oldVersion) {
        List<Condition> conditions = new ArrayList<>();
        List<@Nullable Object> values = keyValues(mapper, part, state, version, oldVersion);
        int i = 0;
        for (PropertyMapping key : part.primaryKey()) {
            conditions.add(((Column<?>) key.column()).eq(values.get(i++)));
        }
        if (version != null) {
            conditions.add(version.column().eq(values.get(i)));
        }
        return conditions.toArray(Condition[]::new);
    }

    /** The primary-key values as loaded (a changed key is refused earlier), then the old version if any. */
    private static <E> List<@Nullable Object> keyValues(Mapper<E> mapper, TablePart part, InstanceState state,
            @Nullable PropertyMapping version, @Nullable Object oldVersion) {
        List<@Nullable Object> values = new ArrayList<>(part.primaryKey().size() + 1);
        addKeyValues(values, mapper, part, state, version, oldVersion);
        return values;
    }

    /** Adds the key values {@link #keyValues} returns to {@code values}, with no list of their own. */
    private static <E> void addKeyValues(List<@Nullable Object> values, Mapper<E> mapper, TablePart part,
            InstanceState state, @Nullable PropertyMapping version, @Nullable Object oldVersion) {
        List<PropertyMapping> primaryKey = part.primaryKey();
        Object[] committed = state.committed();
        for (int i = 0; i < primaryKey.size(); i++) {
            PropertyMapping key = primaryKey.get(i);
            values.add(committed != null ? committed[key.slot()] : mapper.value(entity(mapper, state), key));
        }
        if (version != null) {
            values.add(oldVersion == null ? null : Conversions.convert(oldVersion, version.column().type().javaType()));
        }
    }

    private static Map<String, @Nullable Object> byKey(List<String> keys, List<@Nullable Object> ordered) {
        Map<String, @Nullable Object> row = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            row.put(keys.get(i), ordered.get(i));
        }
        return row;
    }

    /** Runs {@code statement} with each row's values, by position, checking that each row matched one row. */
    private static <E> void executeChecked(Connection connection, Mapper<E> mapper, OrmStatement statement,
            List<List<@Nullable Object>> rows, String verb, boolean versioned, int batchSize) {
        boolean exactCounts = connection.dialect().supportsBatchRowCounts();
        if (!exactCounts && versioned) {
            // The driver does not report per-row counts for batches, so a lost update would go unnoticed:
            // versioned rows are written one statement at a time instead.
            List<String> keys = statement.compile(connection.dialect()).parameterKeys();
            for (List<@Nullable Object> row : rows) {
                expectRows(mapper, verb, connection.execute(statement, byKey(keys, row)).rowCount(), 1);
            }
            return;
        }
        for (List<List<@Nullable Object>> chunk : chunks(rows, batchSize)) {
            long count = connection.executeManyPositional(statement, chunk).rowCount();
            if (count < 0 && versioned) {
                throw new io.mapper.exception.InvalidRequestException("The " + connection.dialect().name()
                        + " driver reported no row counts for a batch, so a lost update of a versioned "
                        + mapper.entityName() + " could not be detected. Its dialect should answer "
                        + "supportsBatchRowCounts() with false.");
            }
            expectRows(mapper, verb, count, chunk.size());
        }
    }

    private static <E> void expectRows(Mapper<E> mapper, String verb, long actual, int expected) {
        if (actual >= 0 && actual != expected) {
            throw new RowCountMismatchException(verb + " of " + mapper.entityName() + " matched " + actual + " of "
                    + expected + " rows: another transaction changed or deleted them since they were loaded"
                    + (mapper.version().isPresent() ? " (their @Version no longer matches)" : "") + ". Roll back, "
                    + "reload the objects and apply the change again.");
        }
    }

    /** Inserts or deletes association-table rows, batched per relationship. */
    static void associations(Connection connection, List<AssociationRow> rows, boolean insert,
            int batchSize) {
        Map<io.mapper.orm.mapping.RelationshipMapping, List<AssociationRow>> byRelationship =
                new LinkedHashMap<>();
        for (AssociationRow row : rows) {
            byRelationship.computeIfAbsent(row.relationship(), unused -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<io.mapper.orm.mapping.RelationshipMapping, List<AssociationRow>> entry
                : byRelationship.entrySet()) {
            io.mapper.orm.mapping.RelationshipMapping relationship = entry.getKey();
            List<AssociationRow> members = entry.getValue();
            // One column per key part of each side, owner's first: the values of a row in that order.
            List<io.mapper.schema.Column<?>> columns = new ArrayList<>(relationship.associationOwnerColumns());
            columns.addAll(relationship.associationTargetColumns());
            List<Object> first = associationValues(relationship, members.get(0));
            io.mapper.sql.Executable statement;
            if (insert) {
                Map<ColumnClause<?>, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), first.get(i));
                }
                statement = Sql.insert(relationship.associationTable()).values(values);
            } else {
                io.mapper.sql.Condition[] where = new io.mapper.sql.Condition[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    where[i] = columns.get(i).eq(first.get(i));
                }
                statement = Sql.delete(relationship.associationTable()).where(where);
            }
            List<String> keys = statement.compile(connection.dialect()).parameterKeys();
            List<Map<String, @Nullable Object>> parameterSets = new ArrayList<>(members.size());
            for (AssociationRow row : members) {
                parameterSets.add(byKey(keys, associationValues(relationship, row)));
            }
            OrmStatement wrapped = new OrmStatement(statement, relationship.toString());
            for (List<Map<String, @Nullable Object>> chunk : chunks(parameterSets, batchSize)) {
                connection.executeMany(wrapped, chunk);
            }
        }
    }

    /** An association row's values: every key part of the owner, then every key part of the target. */
    private static List<Object> associationValues(io.mapper.orm.mapping.RelationshipMapping relationship,
            AssociationRow row) {
        List<Object> values = new ArrayList<>();
        keyOf(relationship.owner(), row.owner(), values);
        keyOf(relationship.target(), row.target(), values);
        return values;
    }

    @SuppressWarnings("unchecked")
    private static void keyOf(Mapper<?> mapper, Object entity, List<Object> values) {
        Mapper<Object> typed = (Mapper<Object>) mapper;
        for (io.mapper.orm.mapping.PropertyMapping part : typed.primaryKey()) {
            Object key = typed.value(entity, part);
            if (key == null) {
                throw new io.mapper.exception.InvalidRequestException("A " + typed.entityName() + " in an "
                        + "association has no primary key; add it to the session so it is inserted first.");
            }
            values.add(key);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> E entity(Mapper<E> mapper, InstanceState state) {
        return (E) state.entity();
    }
    /** What a single-row INSERT ... RETURNING of a mapper depends on: the table, the columns written and returned. */
    private record InsertShape(Table table, List<Integer> columns, List<Integer> returned) {
        // Written out, as Engine's cache key: looked up at every flush that inserts.
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof InsertShape that && table.equals(that.table)
                    && columns.equals(that.columns) && returned.equals(that.returned);
        }

        @Override
        public int hashCode() {
            return (31 * table.hashCode() + columns.hashCode()) * 31 + returned.hashCode();
        }
    }

    private static List<Integer> slots(List<PropertyMapping> properties) {
        List<Integer> slots = new ArrayList<>(properties.size());
        for (PropertyMapping property : properties) {
            slots.add(property.slot());
        }
        return slots;
    }

    /** A single-row INSERT ... RETURNING and the properties its placeholders take, in the INSERT's column order. */
    private record ReturningInsert(OrmStatement insert, List<PropertyMapping> bound) {

        static ReturningInsert of(Mapper<?> mapper, TablePart part, List<PropertyMapping> columns,
                List<PropertyMapping> returned) {
            // One value per column: properties that share a column (two single-table subclasses declaring it) write
            // it once, the last one's value, as a row map keyed by column would.
            Map<ColumnClause<?>, PropertyMapping> byColumn = new LinkedHashMap<>();
            for (PropertyMapping property : columns) {
                byColumn.put(property.column(), property);
            }
            Map<ColumnClause<?>, @Nullable Object> template = new LinkedHashMap<>();
            for (ColumnClause<?> column : byColumn.keySet()) {
                template.put(column, null);
            }
            Insert single = Sql.insert(part.table()).values(template)
                    .returning(returned.stream().map(PropertyMapping::column).toArray());
            // The values are bound in the INSERT's column order (the table's, not the template's).
            List<PropertyMapping> bound = new ArrayList<>(single.columns().size());
            for (ColumnClause<?> column : single.columns()) {
                bound.add(Objects.requireNonNull(byColumn.get(column), column.name()));
            }
            return new ReturningInsert(new OrmStatement(single, mapper.entityName()), List.copyOf(bound));
        }
    }
}
