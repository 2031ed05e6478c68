package io.mapper.benchmarks.competitors;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.ChildRecord;
import io.mapper.benchmarks.model.ItemRecord;
import io.mapper.benchmarks.model.ParentGraph;

/**
 * Spring's {@link JdbcTemplate} with a {@link TransactionTemplate}: batch updates (with a {@link KeyHolder} for
 * keys), row mappers into records, and {@link NamedParameterJdbcTemplate} for IN lists.
 */
public final class JdbcTemplateBench implements Competitor {

    private static final RowMapper<ItemRecord> ITEM = (resultSet, row) -> new ItemRecord(resultSet.getLong(1),
            resultSet.getString(2), resultSet.getInt(3), resultSet.getString(4));
    private static final RowMapper<ChildRecord> CHILD = (resultSet, row) -> new ChildRecord(resultSet.getLong(1),
            resultSet.getLong(2), resultSet.getString(3), resultSet.getInt(4));
    private static final String INSERT = "INSERT INTO bench_insert (name, amount, note) VALUES (?, ?, ?)";

    private final Fixture fixture;
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;

    public JdbcTemplateBench(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("jdbctemplate");
        this.jdbc = new JdbcTemplate(pool);
        this.jdbc.setFetchSize(1000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    @Override
    public String version() {
        return "Spring JDBC";
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender(this::bulkInsert)));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender(this::bulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender(this::bulkUpdate)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender(this::largeResult)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(Contender.perOperation("JdbcTemplate", "",
                WorkloadId.W4_PK_SELECT, fixture, Operations.each(index -> shortQuery(jdbc, index)))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(Contender.perOperation("JdbcTemplate", "",
                WorkloadId.W4B_SHORT_QUERY, fixture, Operations.holding(
                        () -> new OneConnection(new SingleConnectionDataSource(pool.getConnection(), false)),
                        (connection, index) -> shortQuery(connection.template(), index)))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(Contender.perOperation("JdbcTemplate", "",
                WorkloadId.W5_SINGLE_INSERT, fixture, Operations.each(
                        index -> transactions.execute(status -> insertOne(index))))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender(this::selectIn)));
        map.put(WorkloadId.W6_JOINED, List.of(contender(this::joined)));
        return map;
    }

    private static Contender contender(Contender.Run run) {
        return Contender.of("JdbcTemplate", "", run);
    }

    private PreparedStatement prepareInsert(java.sql.Connection connection) throws SQLException {
        return fixture.database() == Database.SQLITE
                ? connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(INSERT, new String[] {"id"});
    }

    private long bulkInsert() {
        int n = fixture.profile().bulkRows();
        Long keys = transactions.execute(status -> {
            long count = 0;
            if (fixture.database() == Database.SQLITE) {
                // sqlite-jdbc returns no keys for a JDBC batch: one statement per row is what returns them.
                for (int i = 0; i < n; i++) {
                    count += insertOne(i) != null ? 1 : 0;
                }
                return count;
            }
            for (int start = 0; start < n; start += RawJdbc.BATCH) {
                int first = start;
                int size = Math.min(RawJdbc.BATCH, n - start);
                KeyHolder holder = new GeneratedKeyHolder();
                jdbc.batchUpdate(this::prepareInsert, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        statement.setString(1, Fixture.name(first + i));
                        statement.setInt(2, first + i);
                        statement.setString(3, Fixture.note(first + i));
                    }

                    @Override
                    public int getBatchSize() {
                        return size;
                    }
                }, holder);
                for (Map<String, Object> key : holder.getKeyList()) {
                    Checks.key(key.values().iterator().next());
                    count++;
                }
            }
            return count;
        });
        return keys;
    }

    private long bulkUpdate() {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        List<Object[]> rows = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            rows.add(new Object[] {generation + id, (long) id});
        }
        Long updated = transactions.execute(status -> {
            long count = 0;
            for (int[] counts : jdbc.batchUpdate("UPDATE bench_item SET amount = ? WHERE id = ?", rows,
                    RawJdbc.BATCH, (statement, row) -> {
                        statement.setInt(1, (Integer) row[0]);
                        statement.setLong(2, (Long) row[1]);
                    })) {
                for (int c : counts) {
                    count += c;
                }
            }
            return count;
        });
        return updated;
    }

    private long largeResult() {
        List<ItemRecord> items = transactions.execute(status -> jdbc.query(RawJdbc.SELECT_ITEM, ITEM));
        return items.size();
    }

    /** A template over one connection, for a W4b pass. */
    private record OneConnection(SingleConnectionDataSource source, JdbcTemplate template) implements AutoCloseable {

        OneConnection(SingleConnectionDataSource source) {
            this(source, new JdbcTemplate(source));
        }

        @Override
        public void close() {
            source.destroy();
        }
    }

    /** W4 (the pool's template: a connection per query) and W4b (a template over one connection). */
    private @Nullable ItemRecord shortQuery(JdbcTemplate template, int index) {
        return template.queryForObject(RawJdbc.SELECT_ITEM + " WHERE id = ?", ITEM, fixture.selectIds()[index]);
    }

    /** W1-keys-given: {@code batchUpdate} of the rows with their keys, in batches of 1000. */
    private long bulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i + 1L, Fixture.name(i), i, Fixture.note(i)});
        }
        Long inserted = transactions.execute(status -> {
            long count = 0;
            for (int[] counts : jdbc.batchUpdate(
                    "INSERT INTO bench_insert_keyed (id, name, amount, note) VALUES (?, ?, ?, ?)", rows,
                    RawJdbc.BATCH, (statement, row) -> {
                        statement.setLong(1, (Long) row[0]);
                        statement.setString(2, (String) row[1]);
                        statement.setInt(3, (Integer) row[2]);
                        statement.setString(4, (String) row[3]);
                    })) {
                for (int c : counts) {
                    count += c < 0 ? 1 : c;
                }
            }
            return count;
        });
        return inserted;
    }

    private Number insertOne(int index) {
        KeyHolder holder = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = prepareInsert(connection);
            statement.setString(1, Fixture.name(index));
            statement.setInt(2, index);
            statement.setString(3, Fixture.note(index));
            return statement;
        }, holder);
        return (Number) holder.getKeyList().get(0).values().iterator().next();
    }

    private long selectIn() {
        return transactions.execute(status -> {
            List<ParentGraph> parents = jdbc.query("SELECT id, name FROM bench_parent",
                    (resultSet, row) -> new ParentGraph(resultSet.getLong(1), resultSet.getString(2),
                            new ArrayList<>()));
            Map<Long, List<ChildRecord>> byParent = new HashMap<>(parents.size() * 2);
            List<Long> ids = new ArrayList<>(parents.size());
            for (ParentGraph parent : parents) {
                byParent.put(parent.id(), parent.children());
                ids.add(parent.id());
            }
            long children = 0;
            for (ChildRecord child : named.query("SELECT id, parent_id, name, amount FROM bench_child "
                    + "WHERE parent_id IN (:ids)", new MapSqlParameterSource("ids", ids), CHILD)) {
                byParent.get(child.parentId()).add(child);
                children++;
            }
            return Checks.parentsWithChildren(parents.size(), children);
        });
    }

    private long joined() {
        return transactions.execute(status -> {
            List<ParentGraph> parents = new ArrayList<>();
            long[] children = {0};
            jdbc.query("SELECT p.id, p.name, c.id, c.parent_id, c.name, c.amount FROM bench_parent p "
                    + "LEFT JOIN bench_child c ON c.parent_id = p.id ORDER BY p.id", (ResultSet resultSet) -> {
                        long parentId = resultSet.getLong(1);
                        ParentGraph current = parents.isEmpty() ? null : parents.get(parents.size() - 1);
                        if (current == null || current.id() != parentId) {
                            current = new ParentGraph(parentId, resultSet.getString(2), new ArrayList<>());
                            parents.add(current);
                        }
                        long childId = resultSet.getLong(3);
                        if (!resultSet.wasNull()) {
                            current.children().add(new ChildRecord(childId, resultSet.getLong(4),
                                    resultSet.getString(5), resultSet.getInt(6)));
                            children[0]++;
                        }
                    });
            return Checks.parentsWithChildren(parents.size(), children[0]);
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
