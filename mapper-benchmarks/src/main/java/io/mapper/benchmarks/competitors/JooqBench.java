package io.mapper.benchmarks.competitors;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.ChildRecord;
import io.mapper.benchmarks.model.ItemRecord;
import io.mapper.benchmarks.model.ParentGraph;

/**
 * jOOQ 3.21 over a {@link DSLContext} on the pool, with execute logging off: multi-row
 * {@code INSERT ... RETURNING} for keys in bulk, {@code batch(...).bind(...)} for updates, and
 * {@code Records.mapping} into records. The tables are described with plain names (no code generation), which
 * costs jOOQ nothing at run time.
 */
public final class JooqBench implements Competitor {

    private static final Table<Record> ITEM = table(name("bench_item"));
    private static final Table<Record> INSERTS = table(name("bench_insert"));
    private static final Table<Record> KEYED = table(name("bench_insert_keyed"));
    private static final Table<Record> PARENT = table(name("bench_parent"));
    private static final Table<Record> CHILD = table(name("bench_child"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(50));
    private static final Field<Integer> AMOUNT = field(name("amount"), SQLDataType.INTEGER);
    private static final Field<String> NOTE = field(name("note"), SQLDataType.VARCHAR(100));
    private static final Field<Long> PARENT_ID = field(name("parent_id"), SQLDataType.BIGINT);
    private static final Field<Long> P_ID = field(name("bench_parent", "id"), SQLDataType.BIGINT);
    private static final Field<String> P_NAME = field(name("bench_parent", "name"), SQLDataType.VARCHAR(50));
    private static final Field<Long> C_ID = field(name("bench_child", "id"), SQLDataType.BIGINT);
    private static final Field<Long> C_PARENT_ID = field(name("bench_child", "parent_id"), SQLDataType.BIGINT);
    private static final Field<String> C_NAME = field(name("bench_child", "name"), SQLDataType.VARCHAR(50));
    private static final Field<Integer> C_AMOUNT = field(name("bench_child", "amount"), SQLDataType.INTEGER);

    private final Fixture fixture;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    public JooqBench(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("jooq");
        SQLDialect dialect = switch (fixture.database()) {
            case H2 -> SQLDialect.H2;
            case SQLITE -> SQLDialect.SQLITE;
            case POSTGRESQL -> SQLDialect.POSTGRES;
        };
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER).withFetchSize(1000);
        this.dsl = DSL.using(pool, dialect, settings);
    }

    @Override
    public String version() {
        return "jOOQ " + org.jooq.Constants.FULL_VERSION;
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender(this::bulkInsert)));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender(this::bulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender(this::bulkUpdate)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender(this::largeResult)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(Contender.perOperation("jOOQ", "", WorkloadId.W4_PK_SELECT,
                fixture, Operations.each(index -> shortQuery(dsl, index)))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(Contender.perOperation("jOOQ", "", WorkloadId.W4B_SHORT_QUERY,
                fixture, Operations.holding(pool::getConnection,
                        (connection, index) -> shortQuery(DSL.using(connection, dsl.dialect(), dsl.settings()),
                                index)))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(Contender.perOperation("jOOQ", "", WorkloadId.W5_SINGLE_INSERT,
                fixture, Operations.each(this::singleInsert))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender(this::selectIn)));
        map.put(WorkloadId.W6_JOINED, List.of(contender(this::joined)));
        return map;
    }

    private static Contender contender(Contender.Run run) {
        return Contender.of("jOOQ", "", run);
    }

    private long bulkInsert() {
        int n = fixture.profile().bulkRows();
        return dsl.transactionResult(configuration -> {
            DSLContext context = DSL.using(configuration);
            long keys = 0;
            if (fixture.database() == io.mapper.benchmarks.Database.SQLITE) {
                // jOOQ reads keys on SQLite through getGeneratedKeys(), which yields only the last row of a
                // multi-row INSERT; one statement per row is what returns every key.
                for (int i = 0; i < n; i++) {
                    Checks.key(context.insertInto(INSERTS, NAME, AMOUNT, NOTE).values(Fixture.name(i), i,
                            Fixture.note(i)).returningResult(ID).fetchOne(Record1::value1));
                    keys++;
                }
                return keys;
            }
            for (int start = 0; start < n; start += RawJdbc.BATCH) {
                InsertValuesStep3<Record, String, Integer, String> insert = context.insertInto(INSERTS, NAME, AMOUNT,
                        NOTE);
                for (int i = start; i < Math.min(n, start + RawJdbc.BATCH); i++) {
                    insert = insert.values(Fixture.name(i), i, Fixture.note(i));
                }
                for (Record1<Long> key : insert.returningResult(ID).fetch()) {
                    Checks.key(key.value1());
                    keys++;
                }
            }
            return keys;
        });
    }

    private long bulkUpdate() {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        return dsl.transactionResult(configuration -> {
            DSLContext context = DSL.using(configuration);
            long updated = 0;
            for (int start = 1; start <= n; start += RawJdbc.BATCH) {
                BatchBindStep batch = context.batch(context.update(ITEM).set(AMOUNT, (Integer) null)
                        .where(ID.eq((Long) null)));
                for (int id = start; id < Math.min(n + 1, start + RawJdbc.BATCH); id++) {
                    batch = batch.bind(generation + id, (long) id);
                }
                for (int count : batch.execute()) {
                    updated += count;
                }
            }
            return updated;
        });
    }

    private long largeResult() {
        return dsl.transactionResult(configuration -> (long) DSL.using(configuration)
                .select(ID, NAME, AMOUNT, NOTE).from(ITEM)
                .fetch(Records.mapping((id, name, amount, note) -> new ItemRecord(id, name, amount, note))).size());
    }

    /**
     * W4 (on the pool's {@code DSLContext}: a connection per query, auto-commit) and W4b (on a context over one
     * connection): the query built per call.
     */
    private @Nullable ItemRecord shortQuery(DSLContext context, int index) {
        return context.select(ID, NAME, AMOUNT, NOTE).from(ITEM).where(ID.eq(fixture.selectIds()[index]))
                .fetchOne(Records.mapping((key, name, amount, note) -> new ItemRecord(key, name, amount, note)));
    }

    private @Nullable Long singleInsert(int index) {
        return dsl.transactionResult(configuration -> DSL.using(configuration)
                .insertInto(INSERTS, NAME, AMOUNT, NOTE).values(Fixture.name(index), index, Fixture.note(index))
                .returningResult(ID).fetchOne(Record1::value1));
    }

    /** W1-keys-given: multi-row INSERTs of 1000 rows with their keys, nothing returned. */
    private long bulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        return dsl.transactionResult(configuration -> {
            DSLContext context = DSL.using(configuration);
            long inserted = 0;
            for (int start = 0; start < n; start += RawJdbc.BATCH) {
                InsertValuesStep4<Record, Long, String, Integer, String> insert = context.insertInto(KEYED, ID, NAME,
                        AMOUNT, NOTE);
                for (int i = start; i < Math.min(n, start + RawJdbc.BATCH); i++) {
                    insert = insert.values(i + 1L, Fixture.name(i), i, Fixture.note(i));
                }
                inserted += insert.execute();
            }
            return inserted;
        });
    }

    private long selectIn() {
        return dsl.transactionResult(configuration -> {
            DSLContext context = DSL.using(configuration);
            List<ParentGraph> parents = context.select(ID, NAME).from(PARENT)
                    .fetch(Records.mapping((id, name) -> new ParentGraph(id, name, new ArrayList<>())));
            Map<Long, List<ChildRecord>> byParent = new HashMap<>(parents.size() * 2);
            for (ParentGraph parent : parents) {
                byParent.put(parent.id(), parent.children());
            }
            List<ChildRecord> children = context.select(ID, PARENT_ID, NAME, AMOUNT).from(CHILD)
                    .where(PARENT_ID.in(byParent.keySet())).fetch(Records.mapping(ChildRecord::new));
            for (ChildRecord child : children) {
                byParent.get(child.parentId()).add(child);
            }
            return Checks.parentsWithChildren(parents.size(), children.size());
        });
    }

    private long joined() {
        return dsl.transactionResult(configuration -> {
            List<ParentGraph> parents = new ArrayList<>();
            long children = 0;
            for (var row : DSL.using(configuration).select(P_ID, P_NAME, C_ID, C_PARENT_ID, C_NAME, C_AMOUNT)
                    .from(PARENT).leftJoin(CHILD).on(C_PARENT_ID.eq(P_ID)).orderBy(P_ID).fetch()) {
                long parentId = row.value1();
                ParentGraph current = parents.isEmpty() ? null : parents.get(parents.size() - 1);
                if (current == null || current.id() != parentId) {
                    current = new ParentGraph(parentId, row.value2(), new ArrayList<>());
                    parents.add(current);
                }
                if (row.value3() != null) {
                    current.children().add(new ChildRecord(row.value3(), row.value4(), row.value5(), row.value6()));
                    children++;
                }
            }
            return Checks.parentsWithChildren(parents.size(), children);
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
