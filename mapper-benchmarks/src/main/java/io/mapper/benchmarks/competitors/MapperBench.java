package io.mapper.benchmarks.competitors;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.outerJoin;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.update;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.FlushLoaded;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.ChildRecord;
import io.mapper.benchmarks.model.ItemRecord;
import io.mapper.benchmarks.model.MChild;
import io.mapper.benchmarks.model.MInsert;
import io.mapper.benchmarks.model.MInsertKeyed;
import io.mapper.benchmarks.model.MItem;
import io.mapper.benchmarks.model.MParent;
import io.mapper.benchmarks.model.ParentGraph;
import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.IsolationLevel;
import io.mapper.engine.Row;
import io.mapper.orm.LoadOption;
import io.mapper.orm.Orm;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Insert;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;
import io.mapper.types.Types;

/**
 * mapper, through its Core (statements built from the metamodel, compiled once and cached) and its ORM (sessions,
 * unit of work, identity map), with its default settings (batch size 1000, fetch size 1000).
 */
public final class MapperBench implements Competitor {

    /** W1's ORM flushes after every this many {@code add}s, as SQLAlchemy's bulk-insert test does. */
    static final int FLUSH_EVERY = 1000;

    private static final Select SELECT_ITEMS = select(MItem.ID, MItem.NAME, MItem.AMOUNT, MItem.NOTE);
    /**
     * W4 Core's statement, built once and executed with each call's key (SQLAlchemy's {@code test_core_reuse_stmt});
     * W4b builds its statement per call. {@code id_1} is the key of the parameter compared with {@code id}.
     */
    private static final Select SELECT_BY_ID = SELECT_ITEMS.where(MItem.ID.eq(0L));
    private static final String ID_KEY = "id_1";

    /**
     * W5 Core's INSERT ... RETURNING, built once and executed with each call's values under its parameters' keys, as
     * W4 Core's SELECT is (SQLAlchemy's {@code single_inserts.test_core_query_caching}; raw JDBC runs one SQL string).
     */
    private static final Insert INSERT_ONE = insert(MInsert.TABLE)
            .values(Map.of(MInsert.NAME, "", MInsert.AMOUNT, 0, MInsert.NOTE, "")).returning(MInsert.ID);
    private static final java.util.Set<String> INSERT_KEYS = java.util.Set.of("name_1", "amount_1", "note_1");

    private final Fixture fixture;
    private final HikariDataSource pool;
    private final Engine engine;
    private final SessionFactory sessions;
    /** The same pool without transactions ({@link IsolationLevel#AUTOCOMMIT}), for the W4 reads that need none. */
    private final Engine autocommit;
    private final SessionFactory autocommitSessions;

    public MapperBench(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("mapper");
        this.engine = Engine.create(pool);
        this.sessions = SessionFactory.builder(engine)
                .entities(MItem.class, MInsert.class, MInsertKeyed.class, MParent.class, MChild.class).build();
        this.autocommit = engine.withIsolationLevel(IsolationLevel.AUTOCOMMIT);
        this.autocommitSessions = sessions.withEngine(autocommit);
        List<String> keys = INSERT_ONE.compile(engine.dialect()).parameterKeys();
        if (!java.util.Set.copyOf(keys).equals(INSERT_KEYS)) {
            throw new IllegalStateException("W5 Core's INSERT takes its values under " + keys + ", not " + INSERT_KEYS);
        }
    }

    @Override
    public String version() {
        return "mapper " + Engine.class.getPackage().getImplementationVersion();
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(
                contender("ORM", () -> ormBulkInsert(fixture.profile().bulkRows(), FLUSH_EVERY, true)),
                contender("Core", this::coreBulkInsert),
                contender("ORM (one session keeps all)",
                        () -> ormBulkInsert(fixture.profile().bulkRows(), FLUSH_EVERY, false))));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender("ORM", this::ormBulkInsertKeysGiven),
                contender("Core", this::coreBulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender("Core", this::coreBulkUpdate)));
        map.put(WorkloadId.W2_ORM_UPDATE, List.of(contender("ORM", this::ormLoadChangeFlush)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender("Core rows", this::coreRows),
                contender("ORM projections", this::ormProjections), contender("ORM entities", this::ormEntities)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(
                perOperation("Core", WorkloadId.W4_PK_SELECT,
                        Operations.each(index -> corePrimaryKeySelect(engine, index))),
                perOperation("ORM", WorkloadId.W4_PK_SELECT,
                        Operations.each(index -> ormPrimaryKeySelect(sessions, index))),
                perOperation("Core (AUTOCOMMIT)", WorkloadId.W4_PK_SELECT,
                        Operations.each(index -> corePrimaryKeySelect(autocommit, index))),
                perOperation("ORM (AUTOCOMMIT)", WorkloadId.W4_PK_SELECT,
                        Operations.each(index -> ormPrimaryKeySelect(autocommitSessions, index)))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(
                perOperation("Core", WorkloadId.W4B_SHORT_QUERY, Operations.holding(engine::connect,
                        this::coreShortQuery)),
                perOperation("ORM", WorkloadId.W4B_SHORT_QUERY, Operations.holding(sessions::open,
                        this::ormShortQuery))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(
                perOperation("Core", WorkloadId.W5_SINGLE_INSERT, Operations.each(this::coreSingleInsert)),
                perOperation("ORM", WorkloadId.W5_SINGLE_INSERT, Operations.each(this::ormSingleInsert))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender("ORM selectInLoad", this::ormSelectIn),
                contender("Core (IN grouped by hand)", this::coreSelectIn)));
        map.put(WorkloadId.W6_JOINED, List.of(contender("ORM joinedLoad", this::ormJoined),
                contender("Core (join grouped by hand)", this::coreJoined)));
        for (WorkloadId workload : List.of(WorkloadId.W1_FLUSH_SMALL, WorkloadId.W1_FLUSH_MEDIUM,
                WorkloadId.W1_FLUSH_LARGE)) {
            int size = workload.scaleSize(fixture.profile());
            map.put(workload, List.of(contender("ORM", () -> ormBulkInsert(size, size, false))));
        }
        for (WorkloadId workload : List.of(WorkloadId.FLUSH_LOADED_SMALL, WorkloadId.FLUSH_LOADED_MEDIUM,
                WorkloadId.FLUSH_LOADED_LARGE)) {
            map.put(workload, List.of(Contender.staged("mapper", "ORM",
                    () -> loadedThenFlushed(workload.scaleSize(fixture.profile())))));
        }
        return map;
    }

    private static Contender contender(String variant, Contender.Run run) {
        return Contender.of("mapper", variant, run);
    }

    private Contender perOperation(String variant, WorkloadId workload, Operations operations) {
        return Contender.perOperation("mapper", variant, workload, fixture, operations);
    }

    /**
     * W1 (a flush every {@code flushEvery} objects) and W1-flush (one flush of {@code n} objects). With
     * {@code expunge}, each flush is followed by {@code expungeAll()}, the bulk-load pattern docs/orm.md gives (as
     * Hibernate's contender clears after each flush): the session then holds one chunk, not every object so far,
     * and the flush's dirty check stays flat.
     */
    private long ormBulkInsert(int n, int flushEvery, boolean expunge) {
        List<MInsert> all = new ArrayList<>(n);
        try (Session session = sessions.open()) {
            List<MInsert> chunk = new ArrayList<>(Math.min(n, flushEvery));
            for (int i = 0; i < n; i++) {
                MInsert row = new MInsert(Fixture.name(i), i, Fixture.note(i));
                chunk.add(row);
                all.add(row);
                if (chunk.size() == flushEvery || i == n - 1) {
                    session.addAll(chunk);
                    session.flush();
                    if (expunge) {
                        session.expungeAll();
                    }
                    chunk.clear();
                }
            }
            session.commit();
        }
        long keys = 0;
        for (MInsert row : all) {
            Checks.key(row.getId());
            keys++;
        }
        return keys;
    }

    private long coreBulkInsert() {
        int n = fixture.profile().bulkRows();
        long keys = 0;
        // executeManyValues: one single-row INSERT ... RETURNING, compiled once, sent as multi-row VALUES of the
        // engine's batch size (SQLAlchemy's insertmanyvalues), the rows given positionally in its column order.
        Insert statement = insert(MInsert.TABLE).returning(MInsert.ID);
        List<ColumnClause<?>> columns = List.of(MInsert.NAME, MInsert.AMOUNT, MInsert.NOTE);
        try (Connection connection = engine.begin()) {
            for (int start = 0; start < n; start += RawJdbc.BATCH) {
                int end = Math.min(n, start + RawJdbc.BATCH);
                List<List<Object>> rows = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    rows.add(List.of(Fixture.name(i), i, Fixture.note(i)));
                }
                for (Row row : connection.executeManyValues(statement, columns, rows)) {
                    Checks.key(row.get(0));
                    keys++;
                }
            }
            connection.commit();
        }
        return keys;
    }

    private long coreBulkUpdate() {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        Update statement = update(MItem.TABLE).set(MItem.AMOUNT, 0).where(MItem.ID.eq(0L));
        List<String> keys = statement.compile(engine.dialect()).parameterKeys();
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            Map<String, Object> row = new HashMap<>(4);
            row.put(keys.get(0), generation + id);
            row.put(keys.get(1), (long) id);
            rows.add(row);
        }
        return engine.inTransaction(connection -> connection.executeMany(statement, rows).rowCount());
    }

    private long ormLoadChangeFlush() {
        int n = fixture.profile().bulkRows();
        try (Session session = sessions.open()) {
            List<MItem> items = session.scalars(Orm.select(MItem.class).where(MItem.ID.le((long) n))).all();
            for (MItem item : items) {
                item.setAmount(item.getAmount() + 1);
            }
            session.commit();
            return items.size();
        }
    }

    private long coreRows() {
        try (Connection connection = engine.connect()) {
            List<Row> rows = connection.execute(SELECT_ITEMS).all();
            connection.commit();
            return rows.size();
        }
    }

    private long ormProjections() {
        try (Session session = sessions.open()) {
            List<ItemRecord> items = session.execute(SELECT_ITEMS).into(ItemRecord.class);
            session.commit();
            return items.size();
        }
    }

    private long ormEntities() {
        try (Session session = sessions.open()) {
            List<MItem> items = session.scalars(Orm.select(MItem.class)).all();
            session.commit();
            return items.size();
        }
    }

    /**
     * W4 Core: a connection per select, one statement built once and run with the call's key (as raw JDBC runs one
     * SQL string); in a transaction, or without one on the {@link IsolationLevel#AUTOCOMMIT} engine.
     */
    private ItemRecord corePrimaryKeySelect(Engine engine, int index) {
        try (Connection connection = engine.connect()) {
            Row row = connection.execute(SELECT_BY_ID, Map.of(ID_KEY, fixture.selectIds()[index])).one();
            return new ItemRecord(row.get(MItem.ID), row.get(MItem.NAME), row.get(MItem.AMOUNT), row.get(MItem.NOTE));
        }
    }

    /** W4 ORM: a session per {@code get}; in a transaction, or without one on the AUTOCOMMIT engine. */
    private @Nullable MItem ormPrimaryKeySelect(SessionFactory sessions, int index) {
        try (Session session = sessions.open()) {
            return session.get(MItem.class, fixture.selectIds()[index]);
        }
    }

    /** W4b Core: the whole statement built per call (SQLAlchemy's test_core_new_stmt_each_time), one connection. */
    private ItemRecord coreShortQuery(Connection connection, int index) {
        Row row = connection.execute(select(MItem.ID, MItem.NAME, MItem.AMOUNT, MItem.NOTE)
                .where(MItem.ID.eq(fixture.selectIds()[index]))).one();
        return new ItemRecord(row.get(MItem.ID), row.get(MItem.NAME), row.get(MItem.AMOUNT), row.get(MItem.NOTE));
    }

    /** W4b ORM: an entity query built per call (SQLAlchemy's test_orm_query_new_style), one session. */
    private MItem ormShortQuery(Session session, int index) {
        return session.scalars(Orm.select(MItem.class).where(MItem.ID.eq(fixture.selectIds()[index]))).one();
    }

    private Long coreSingleInsert(int index) {
        Map<String, @Nullable Object> values = new HashMap<>(4);
        values.put("name_1", Fixture.name(index));
        values.put("amount_1", index);
        values.put("note_1", Fixture.note(index));
        return engine.inTransaction(connection -> (Long) connection.execute(INSERT_ONE, values).scalar());
    }

    private @Nullable Long ormSingleInsert(int index) {
        MInsert row = new MInsert(Fixture.name(index), index, Fixture.note(index));
        try (Session session = sessions.open()) {
            session.add(row);
            session.commit();
        }
        return row.getId();
    }

    /** W1-keys-given ORM: objects with keys set by the application, a flush and expunge every 1000, as W1. */
    private long ormBulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        try (Session session = sessions.open()) {
            List<MInsertKeyed> chunk = new ArrayList<>(FLUSH_EVERY);
            for (int i = 0; i < n; i++) {
                chunk.add(new MInsertKeyed(i + 1L, Fixture.name(i), i, Fixture.note(i)));
                if (chunk.size() == FLUSH_EVERY || i == n - 1) {
                    session.addAll(chunk);
                    session.flush();
                    session.expungeAll();
                    chunk.clear();
                }
            }
            session.commit();
        }
        return n;
    }

    /** {@code bench_insert_keyed} as a Core table with its columns, which {@code executeMany} names values by. */
    private static final TableClause KEYED = Sql.table("bench_insert_keyed", Sql.column("id", Types.BIGINT),
            Sql.column("name", Types.string(50)), Sql.column("amount", Types.INTEGER),
            Sql.column("note", Types.string(100)));

    /**
     * W1-keys-given Core: {@code executeManyValues(insert(table), columns, rows)}, SQLAlchemy's insertmanyvalues
     * without RETURNING: one single-row INSERT compiled once, sent as multi-row VALUES of the engine's batch size,
     * each row its values in the columns' order, no map per row.
     */
    private long coreBulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        List<ColumnClause<?>> columns = List.of(KEYED.column("id"), KEYED.column("name"), KEYED.column("amount"),
                KEYED.column("note"));
        List<List<Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(List.of(i + 1L, Fixture.name(i), i, Fixture.note(i)));
        }
        return engine.inTransaction(connection -> connection.executeManyValues(insert(KEYED), columns, rows)
                .rowCount());
    }

    /**
     * flush-loaded: a session holding the first {@code loaded} items (loaded untimed), 10 of them changed; the
     * timed part is {@code flush()}.
     */
    private Contender.Stage loadedThenFlushed(int loaded) {
        Session session = sessions.open();
        List<MItem> items = session.scalars(Orm.select(MItem.class).where(MItem.ID.le((long) loaded))
                .orderBy(MItem.ID)).all();
        return FlushLoaded.stage(fixture, loaded, (position, amount) -> items.get(position).setAmount(amount),
                session::flush, () -> {
                    session.commit();
                    session.close();
                });
    }

    private long ormSelectIn() {
        return loadParents(Orm.selectInLoad(MParent.CHILDREN));
    }

    private long ormJoined() {
        return loadParents(Orm.joinedLoad(MParent.CHILDREN));
    }

    private long loadParents(LoadOption option) {
        try (Session session = sessions.open()) {
            List<MParent> parents = session.scalars(Orm.select(MParent.class).options(option)).all();
            long children = 0;
            for (MParent parent : parents) {
                children += parent.getChildren().size();
            }
            session.commit();
            return Checks.parentsWithChildren(parents.size(), children);
        }
    }

    private static final Select PARENTS = select(MParent.ID, MParent.NAME).from(MParent.TABLE);

    /**
     * W6-selectin with the Core, as jOOQ's and MyBatis's contenders do it: the parents, then their children by one
     * {@code IN} of the parents' keys (one expanding parameter), grouped by hand into records.
     */
    private long coreSelectIn() {
        return engine.inTransaction(connection -> {
            List<ParentGraph> parents = new ArrayList<>();
            Map<Long, List<ChildRecord>> byParent = new HashMap<>();
            for (Row row : connection.execute(PARENTS)) {
                ParentGraph parent = new ParentGraph((Long) row.get(0), (String) row.get(1), new ArrayList<>());
                parents.add(parent);
                byParent.put(parent.id(), parent.children());
            }
            long children = 0;
            Select select = select(MChild.ID, MChild.PARENT_ID, MChild.NAME, MChild.AMOUNT)
                    .where(MChild.PARENT_ID.in(byParent.keySet()));
            for (Row row : connection.execute(select)) {
                long parentId = (Long) row.get(1);
                byParent.get(parentId).add(new ChildRecord((Long) row.get(0), parentId, (String) row.get(2),
                        (Integer) row.get(3)));
                children++;
            }
            return Checks.parentsWithChildren(parents.size(), children);
        });
    }

    private static final Select JOINED = select(MParent.ID, MParent.NAME, MChild.ID, MChild.PARENT_ID, MChild.NAME,
            MChild.AMOUNT).from(outerJoin(MParent.TABLE, MChild.TABLE, MChild.PARENT_ID.eq(MParent.ID)))
            .orderBy(MParent.ID);

    private long coreJoined() {
        List<ParentGraph> parents = new ArrayList<>();
        long children = 0;
        try (Connection connection = engine.connect()) {
            ParentGraph current = null;
            for (Row row : connection.execute(JOINED)) {
                long parentId = (Long) row.get(0);
                if (current == null || current.id() != parentId) {
                    current = new ParentGraph(parentId, (String) row.get(1), new ArrayList<>());
                    parents.add(current);
                }
                Object childId = row.get(2);
                if (childId != null) {
                    current.children().add(new ChildRecord((Long) childId, (Long) row.get(3), (String) row.get(4),
                            (Integer) row.get(5)));
                    children++;
                }
            }
            connection.commit();
        }
        return Checks.parentsWithChildren(parents.size(), children);
    }

    @Override
    public void close() {
        engine.dispose();
        pool.close();
    }
}
