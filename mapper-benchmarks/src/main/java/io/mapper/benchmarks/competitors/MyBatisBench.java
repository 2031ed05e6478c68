package io.mapper.benchmarks.competitors;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.ChildBean;
import io.mapper.benchmarks.model.ItemBean;
import io.mapper.benchmarks.model.ParentBean;

/**
 * MyBatis 3 with an annotated mapper ({@link BenchMapper}): the BATCH executor with generated keys for bulk
 * writes (flushed every batch), setter-mapped beans for reads, a {@code <foreach>} IN list, and a nested result
 * map over one LEFT JOIN.
 */
public final class MyBatisBench implements Competitor {

    private final Fixture fixture;
    private final HikariDataSource pool;
    private final SqlSessionFactory factory;

    public MyBatisBench(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("mybatis");
        Configuration configuration = new Configuration(new Environment("bench", new JdbcTransactionFactory(), pool));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultFetchSize(1000);
        configuration.addMapper(BenchMapper.class);
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    @Override
    public String version() {
        return "MyBatis";
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender(this::bulkInsert)));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender(this::bulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender(this::bulkUpdate)));
        map.put(WorkloadId.W2_ORM_UPDATE, List.of(contender(this::loadChangeUpdate)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender(this::largeResult)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(Contender.perOperation("MyBatis", "", WorkloadId.W4_PK_SELECT,
                fixture, Operations.each(this::primaryKeySelect))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(Contender.perOperation("MyBatis", "",
                WorkloadId.W4B_SHORT_QUERY, fixture, Operations.holding(() -> factory.openSession(true),
                        (session, index) -> session.getMapper(BenchMapper.class).item(fixture.selectIds()[index])))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(Contender.perOperation("MyBatis", "",
                WorkloadId.W5_SINGLE_INSERT, fixture, Operations.each(this::singleInsert))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender(this::selectIn)));
        map.put(WorkloadId.W6_JOINED, List.of(contender(this::joined)));
        return map;
    }

    private static Contender contender(Contender.Run run) {
        return Contender.of("MyBatis", "", run);
    }

    private long bulkInsert() {
        int n = fixture.profile().bulkRows();
        List<ItemBean> rows = new ArrayList<>(n);
        // sqlite-jdbc returns no keys for a JDBC batch, so on SQLite the rows go one statement each (REUSE executor).
        ExecutorType executor = fixture.database() == Database.SQLITE ? ExecutorType.REUSE : ExecutorType.BATCH;
        try (SqlSession session = factory.openSession(executor)) {
            BenchMapper mapper = session.getMapper(BenchMapper.class);
            for (int i = 0; i < n; i++) {
                ItemBean row = new ItemBean(Fixture.name(i), i, Fixture.note(i));
                mapper.insert(row);
                rows.add(row);
                if ((i + 1) % RawJdbc.BATCH == 0) {
                    session.flushStatements();
                }
            }
            session.commit();
        }
        for (ItemBean row : rows) {
            Checks.key(row.getId());
        }
        return rows.size();
    }

    private long bulkUpdate() {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            BenchMapper mapper = session.getMapper(BenchMapper.class);
            for (int id = 1; id <= n; id++) {
                mapper.updateAmount(id, generation + id);
                if (id % RawJdbc.BATCH == 0) {
                    session.flushStatements();
                }
            }
            session.commit();
        }
        return n;
    }

    private long loadChangeUpdate() {
        int n = fixture.profile().bulkRows();
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            BenchMapper mapper = session.getMapper(BenchMapper.class);
            List<ItemBean> items = mapper.itemsUpTo(n);
            int pending = 0;
            for (ItemBean item : items) {
                mapper.updateAmount(item.getId(), item.getAmount() + 1);
                if (++pending % RawJdbc.BATCH == 0) {
                    session.flushStatements();
                }
            }
            session.commit();
            return items.size();
        }
    }

    private long largeResult() {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(BenchMapper.class).allItems().size();
        }
    }

    /** W4: an auto-commit {@code SqlSession} per select. */
    private ItemBean primaryKeySelect(int index) {
        try (SqlSession session = factory.openSession(true)) {
            return session.getMapper(BenchMapper.class).item(fixture.selectIds()[index]);
        }
    }

    private @Nullable Long singleInsert(int index) {
        ItemBean row = new ItemBean(Fixture.name(index), index, Fixture.note(index));
        try (SqlSession session = factory.openSession()) {
            session.getMapper(BenchMapper.class).insert(row);
            session.commit();
        }
        return row.getId();
    }

    /** W1-keys-given: the BATCH executor with the keys in the beans, no generated keys read. */
    private long bulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            BenchMapper mapper = session.getMapper(BenchMapper.class);
            for (int i = 0; i < n; i++) {
                ItemBean row = new ItemBean(Fixture.name(i), i, Fixture.note(i));
                row.setId(i + 1L);
                mapper.insertKeyed(row);
                if ((i + 1) % RawJdbc.BATCH == 0) {
                    session.flushStatements();
                }
            }
            session.commit();
        }
        return n;
    }

    private long selectIn() {
        try (SqlSession session = factory.openSession()) {
            BenchMapper mapper = session.getMapper(BenchMapper.class);
            List<ParentBean> parents = mapper.parents();
            Map<Long, ParentBean> byId = new HashMap<>(parents.size() * 2);
            List<Long> ids = new ArrayList<>(parents.size());
            for (ParentBean parent : parents) {
                byId.put(parent.getId(), parent);
                ids.add(parent.getId());
            }
            long children = 0;
            for (ChildBean child : mapper.children(ids)) {
                byId.get(child.getParentId()).getChildren().add(child);
                children++;
            }
            return Checks.parentsWithChildren(parents.size(), children);
        }
    }

    private long joined() {
        try (SqlSession session = factory.openSession()) {
            List<ParentBean> parents = session.getMapper(BenchMapper.class).joined();
            long children = 0;
            for (ParentBean parent : parents) {
                children += parent.getChildren().size();
            }
            return Checks.parentsWithChildren(parents.size(), children);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
